internal import CMicroHTTPD
internal import CMicroHTTPDShim
internal import Glibc

/// The C callbacks given to libmicrohttpd. Each turns its `void *` closure back into Swift objects and hands
/// over to ``ServerCore``; none captures anything, as C function pointers cannot.
enum DaemonCallbacks {
    /// Called once per request when the request line has been read: creates the request's state, which
    /// libmicrohttpd keeps in the per-request slot until ``completed`` releases it.
    static let uriLog: URILogCallback = { context, uri, _ in
        guard let context else {
            return nil
        }
        return Unmanaged<ServerCore>.fromOpaque(context)._withUnsafeGuaranteedRef { core in
            Unmanaged.passRetained(RequestState(core: core, target: uri)).toOpaque()
        }
    }

    /// `void *(*)(void *cls, const char *uri, struct MHD_Connection *con)`: the header gives it no typedef.
    typealias URILogCallback =
        @convention(c) (
            _ context: UnsafeMutableRawPointer?, _ uri: UnsafePointer<CChar>?, _ connection: OpaquePointer?
        ) -> UnsafeMutableRawPointer?

    /// The access handler: called for the head, each piece of body, and the end of every request.
    static let access: MHD_AccessHandlerCallback = { context, connection, url, method, _, upload, uploadSize, slot in
        guard let context, let connection, let uploadSize, let slot else {
            return .NO
        }
        // The core and the state are kept alive by their owners (the server, the request slot) for the whole
        // call, so they are borrowed without retain/release traffic on the shared core.
        return Unmanaged<ServerCore>.fromOpaque(context)._withUnsafeGuaranteedRef { core in
            core.markCurrentThread(context)
            if slot.pointee == nil {
                // Not expected (uriLog always runs first); the URL here is already decoded, so keep it as target.
                slot.pointee = Unmanaged.passRetained(RequestState(core: core, target: url)).toOpaque()
            }
            return Unmanaged<RequestState>.fromOpaque(slot.pointee!)._withUnsafeGuaranteedRef { state in
                core.access(
                    connection: connection, method: method, upload: upload, uploadSize: uploadSize, state: state)
            }
        }
    }

    /// Called when a request ends for any reason (answered, failed, timed out, cut off, daemon stopped):
    /// releases its state.
    static let completed: MHD_RequestCompletedCallback = { _, connection, slot, _ in
        if let connection {
            RequestDeadlines.requestEnded(on: connection)
        }
        guard let slot, let state = slot.pointee else {
            return
        }
        slot.pointee = nil
        Unmanaged<RequestState>.fromOpaque(state).release()
    }

    /// Called when a connection opens and when it closes: gives it a request clock (its `socket_context`), and
    /// takes it back.
    static let connection: MHD_NotifyConnectionCallback = { context, connection, socketContext, event in
        guard let context, let connection, let socketContext else {
            return
        }
        Unmanaged<ServerCore>.fromOpaque(context)._withUnsafeGuaranteedRef { core in
            switch event {
            case .CONNECTION_NOTIFY_STARTED:
                guard let info = CMicroHTTPD_connection_info(connection, .CONNECTION_INFO_CONNECTION_FD) else {
                    return
                }
                socketContext.pointee = core.deadlines.opened(descriptor: info.pointee.connect_fd)
            default:
                if let clock = socketContext.pointee {
                    socketContext.pointee = nil
                    core.deadlines.closed(context: clock)
                }
            }
        }
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
        Unmanaged<ServerCore>.fromOpaque(context)._withUnsafeGuaranteedRef { core in
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
    }

    private static func text(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
        guard let pointer, count > 0 else {
            return ""
        }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
