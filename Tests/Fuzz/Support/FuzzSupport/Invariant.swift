import Foundation

/// Checks a property the code under test promises; a violation is a finding.
///
/// Prints the message and aborts, so libFuzzer records the input as a crash artifact. Unlike `precondition`,
/// it also holds in release builds, which is how the targets are built.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
    line: UInt = #line
) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data("INVARIANT VIOLATED at \(file):\(line): \(message())\n".utf8))
    abort()
}
