/// Comparison of a presented credential with a secret that takes the same steps wherever they differ.
enum ConstantTime {
    /// How much `presented` differs from `secret`, compared over exactly `length` positions: 0 when they are
    /// equal (and both at most `length` bytes long), non-zero otherwise.
    ///
    /// Every position below `length` is read from both, as 0 past either's end, and the differences are OR-ed
    /// together: there is no early exit and no branch on a secret byte or on where the first difference lies.
    /// The only branches compare a position with the two lengths; the presented length is the caller's own,
    /// and the secret's length is the same for every request. The lengths themselves are folded into the result,
    /// so a prefix of the secret never matches.
    ///
    /// Generic over the presented bytes so that a test can count the reads (`ConstantTimeTests`).
    static func difference<Bytes: RandomAccessCollection<UInt8>>(
        _ secret: [UInt8], _ presented: Bytes, over length: Int
    ) -> UInt8 where Bytes.Index == Int {
        let lengths = secret.count ^ presented.count
        var difference = UInt8(truncatingIfNeeded: lengths) | UInt8(truncatingIfNeeded: lengths >> 8)
        let presentedStart = presented.startIndex
        for index in 0..<length {
            let a = index < secret.count ? secret[index] : 0
            let b = index < presented.count ? presented[presentedStart + index] : 0
            difference |= a ^ b
        }
        return difference
    }

    /// 0 when `difference` is 0, 1 otherwise, computed without a branch.
    static func isNonZero(_ difference: UInt8) -> UInt8 {
        UInt8(truncatingIfNeeded: (UInt16(difference) &+ 0xFF) >> 8)
    }
}
