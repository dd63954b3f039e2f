/// Lines and columns of byte offsets in a UTF-8 text, both from 1: the one conversion behind
/// ``JSONSyntaxError`` and the locations `uploadgate lint` reports. Lines end at LF; a column counts Unicode
/// scalars, as editors count characters (`é` is one column, a byte order mark the first column of line 1).
public struct TextPositions: Sendable {
    /// A line and a column, both from 1; columns count Unicode scalars.
    public struct Position: Hashable, Sendable {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// Scalars are counted from a sample taken every `stride` bytes, so a column costs at most this many byte
    /// reads however long its line (a policy file may be one minified line).
    private static let stride = 64

    private let bytes: [UInt8]
    /// The offset of the first byte of each line.
    private let lineStarts: [Int]
    /// The number of scalars before offset `k * stride`, for each `k`.
    private let samples: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var lineStarts = [0]
        var samples = [0]
        var scalars = 0
        for (offset, byte) in bytes.enumerated() {
            if offset > 0, offset % Self.stride == 0 { samples.append(scalars) }
            if byte == 0x0A { lineStarts.append(offset + 1) }
            if !Self.isContinuation(byte) { scalars += 1 }
        }
        if bytes.count > 0, bytes.count % Self.stride == 0 { samples.append(scalars) }
        self.lineStarts = lineStarts
        self.samples = samples
    }

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.init(Array(bytes))
    }

    /// The line and column of the byte at `offset` (clamped to the text; the end of the text is just past its
    /// last character).
    public func position(ofByte offset: Int) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {  // the last line starting at or before `offset`
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return Position(line: low + 1, column: scalars(before: offset) - scalars(before: lineStarts[low]) + 1)
    }

    /// The number of Unicode scalars that start before `offset` (invalid bytes count one each).
    private func scalars(before offset: Int) -> Int {
        let sample = offset / Self.stride
        var count = samples[sample]
        for index in (sample * Self.stride)..<offset where !Self.isContinuation(bytes[index]) { count += 1 }
        return count
    }

    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
