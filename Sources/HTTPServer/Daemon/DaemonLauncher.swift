internal import CMicroHTTPD
internal import CMicroHTTPDShim

/// Translates a ``HTTPServer/Configuration`` into libmicrohttpd flags and options, and starts the daemon.
///
/// Every option whose libmicrohttpd default is unsafe or platform-dependent is given explicitly: connection
/// timeout (default: never), per-IP limit (default: none), connection limit (default: FD_SETSIZE - 4),
/// per-connection memory, and strictness. The request timeout has no libmicrohttpd option: connection
/// notifications feed ``RequestDeadlines``. The listen socket is ours (see ``ListenSocket``), so its backlog is
/// set by `listen()` and `MHD_OPTION_LISTEN_BACKLOG_SIZE` does not apply.
enum DaemonLauncher {
    /// Opportunistic reads and writes in epoll mode; measured faster here (see docs/http-server.md). Never with
    /// TLS: turbo also skips the TLS close_notify, and OpenSSL clients then report an unexpected EOF.
    static let useTurbo = true

    /// Starts the daemon on an already listening socket.
    ///
    /// - Returns: the daemon, or `nil` when libmicrohttpd refuses; its reasons went to `core`'s log.
    static func start(
        _ configuration: HTTPServer.Configuration, listening socket: Int32, core: ServerCore, tls: TLSMaterial?
    ) -> OpaquePointer? {
        let context = Unmanaged.passUnretained(core).toOpaque()
        // ITC (an internal pipe) is what lets MHD_quiesce_daemon stop accepting while requests finish.
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_USE_ERROR_LOG.rawValue
        var options: [MHD_OptionItem] = [
            // The logger goes first, as the manual asks, so that start-up errors reach it too.
            function(.EXTERNAL_LOGGER, DaemonCallbacks.log, context),
            function(.URI_LOG_CALLBACK, DaemonCallbacks.uriLog, context),
            function(.NOTIFY_COMPLETED, DaemonCallbacks.completed, context),
            function(.NOTIFY_CONNECTION, DaemonCallbacks.connection, context),
            value(.LISTEN_SOCKET, Int(socket)),
            value(.CONNECTION_TIMEOUT, configuration.connectionTimeoutSeconds),
            value(.CONNECTION_LIMIT, configuration.connectionLimit),
            value(.PER_IP_CONNECTION_LIMIT, configuration.perIPConnectionLimit),
            value(.CONNECTION_MEMORY_LIMIT, configuration.connectionMemoryLimit),
            value(.STRICT_FOR_CLIENT, configuration.strictParsing ? 1 : 0),
        ]
        switch configuration.threading {
        case .pool(let threads):
            flags |= MHD_USE_EPOLL.rawValue | (useTurbo && tls == nil ? MHD_USE_TURBO.rawValue : 0)
            if threads > 1 {
                options.append(value(.THREAD_POOL_SIZE, threads))
            }
        case .threadPerConnection:
            flags |= MHD_USE_THREAD_PER_CONNECTION.rawValue | MHD_USE_POLL.rawValue
        }
        if let tls {
            flags |= MHD_USE_TLS.rawValue
            options.append(pointer(.HTTPS_MEM_CERT, tls.certificate.baseAddress))
            options.append(pointer(.HTTPS_MEM_KEY, tls.privateKey.baseAddress))
            options.append(pointer(.HTTPS_PRIORITIES, tls.priorities.baseAddress))
        }
        options.append(value(.END, 0))
        return options.withUnsafeBufferPointer { items in
            CMicroHTTPD_start(flags, DaemonCallbacks.access, context, items.baseAddress)
        }
    }

    private static func value(_ option: MHD_OPTION, _ value: Int) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: value, ptr_value: nil)
    }

    private static func pointer(_ option: MHD_OPTION, _ pointer: UnsafeMutablePointer<CChar>?) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: 0, ptr_value: UnsafeMutableRawPointer(pointer))
    }

    /// An option taking a function and its closure: in an option array the function travels as `intptr_t`.
    private static func function<Function>(
        _ option: MHD_OPTION, _ function: Function, _ context: UnsafeMutableRawPointer
    ) -> MHD_OptionItem {
        MHD_OptionItem(option: option, value: unsafeBitCast(function, to: Int.self), ptr_value: context)
    }
}
