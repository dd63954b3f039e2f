extension String {
    /// Calls `body` with the string's UTF-8 bytes: in place when its storage is contiguous (native strings), else
    /// from a contiguous copy (`withUTF8` may have to rewrite the string, so it works on a copy of the value).
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}
