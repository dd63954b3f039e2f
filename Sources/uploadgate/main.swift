// The uploadgate command-line tool: serve | lint | test | check | explain. The command table is in
// UploadGateTool.swift, one file per command under Commands/; parsing, help and errors come from CommandLineKit.
internal import CommandLineKit

#if canImport(Glibc)
    internal import Glibc
#endif

let status = await CommandRunner(tool: UploadGateTool.spec).run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
