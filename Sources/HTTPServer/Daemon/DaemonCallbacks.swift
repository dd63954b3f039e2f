internal import CMicroHTTPD
internal import Glibc

/// The C callbacks given to libmicrohttpd. Each turns its `void *` closure back into Swift objects and hands
/// over to ``ServerCore``; none captures anything, as C function pointers cannot.
enum DaemonCallbacks {
    /// Called once per request when the request line has been read: creates the request's state, which
    /// libmicrohttpd keeps in the per-request slot until ``completed`` releases it.
    static let uriLog: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?)
        -> UnsafeMutableRawPointer? = { context, uri, _ in
            guard let context else {
                return nil
            }
            let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
            return Unmanaged.passRetained(RequestState(core: core, target: uri)).toOpaque()
        }

    /// The access handler: called for the head, each piece of body, and the end of every request.
    static let access: MHD_AccessHandlerCallback = { context, connection, url, method, _, upload, uploadSize, slot in
        guard let context, let connection, let uploadSize, let slot else {
            return .NO
        }
        let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
        core.markCurrentThread(context)
        let state: RequestState
        if let existing = slot.pointee {
            state = Unmanaged<RequestState>.fromOpaque(existing).takeUnretainedValue()
        } else {
            // Not expected (uriLog always runs first); the URL here is already decoded, so keep it as target.
            state = RequestState(core: core, target: url)
            slot.pointee = Unmanaged.passRetained(state).toOpaque()
        }
        return core.access(
            connection: connection, method: method, upload: upload, uploadSize: uploadSize, state: state)
    }

    /// Called when a request ends for any reason (answered, failed, timed out, cut off, daemon stopped):
    /// releases its state.
    static let completed: MHD_RequestCompletedCallback = { _, _, slot, _ in
        guard let slot, let state = slot.pointee else {
            return
        }
        slot.pointee = nil
        Unmanaged<RequestState>.fromOpaque(state).release()
    }

    /// Copies one header field into the `HTTPHeaders` the closure points at.
    static let collectHeader: MHD_KeyValueIteratorN = { context, _, key, keySize, value, valueSize in
        guard let context else {
            return .NO
        }
        let headers = context.assumingMemoryBound(to: HTTPHeaders.self)
        headers.pointee.add(name: text(key, keySize), value: text(value, valueSize))
        return .YES
    }

    /// Formats libmicrohttpd's printf-style messages into the server's log.
    static let log: MHD_LogCallback = { context, format, arguments in
        guard let context, let format, let arguments else {
            return
        }
        let core = Unmanaged<ServerCore>.fromOpaque(context).takeUnretainedValue()
        guard core.wantsLog else {
            return
        }
        var buffer = [CChar](repeating: 0, count: 1024)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        var message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while message.last?.isNewline == true {
            message.removeLast()
        }
        core.log("libmicrohttpd: \(message)")
    }

    private static func text(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
        guard let pointer, count > 0 else {
            return ""
        }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
