internal import Glibc

/// The listening socket, bound by the server itself rather than by libmicrohttpd.
///
/// Binding here (and handing the socket over with `MHD_OPTION_LISTEN_SOCKET`) lets ``HTTPServer/start()`` say
/// exactly why listening failed, from errno, where libmicrohttpd would only return NULL; it also resolves host
/// names and reads back the port chosen for port 0.
struct ListenSocket {
    /// A failed socket call and its errno.
    struct SocketFailure: Error {
        let step: String
        let errno: Int32
    }

    /// The socket, non-blocking and close-on-exec.
    let descriptor: Int32
    /// The port actually bound.
    let port: Int
    /// The socket's identity (device and inode), to recognise it by more than its reusable number.
    private let identity: (device: UInt, inode: UInt)

    private init(descriptor: Int32, port: Int) {
        var info = stat()
        fstat(descriptor, &info)
        self.descriptor = descriptor
        self.port = port
        self.identity = (UInt(info.st_dev), UInt(info.st_ino))
    }

    /// Closes the socket after libmicrohttpd refused to start with it, unless libmicrohttpd closed it already.
    ///
    /// libmicrohttpd 0.9.75 closes a socket handed over with `MHD_OPTION_LISTEN_SOCKET` when `MHD_start_daemon`
    /// fails (GnuTLS rejecting the TLS material, for one), and by then another thread may have been given the
    /// same number for a descriptor of its own: closing the number again would close theirs. The number is
    /// closed only while it still names this socket.
    func closeUnlessReleased() {
        var info = stat()
        guard fstat(descriptor, &info) == 0, UInt(info.st_dev) == identity.device, UInt(info.st_ino) == identity.inode
        else { return }
        close(descriptor)
    }

    /// Resolves `host`, then creates, binds and listens on the first address that works.
    ///
    /// - Throws: ``HTTPServerError/Code/addressUnresolvable``, ``HTTPServerError/Code/addressInUse``,
    ///   ``HTTPServerError/Code/permissionDenied`` or ``HTTPServerError/Code/listenFailed``, naming the address.
    static func open(host: String, port: Int, backlog: Int) throws(HTTPServerError) -> ListenSocket {
        var node = host
        if node.hasPrefix("[") && node.hasSuffix("]") && node.count >= 2 {
            node = String(node.dropFirst().dropLast())  // "[::1]" as written in URLs
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(node.isEmpty ? nil : node, String(port), &hints, &list)
        guard status == 0, let list else {
            let reason = status == EAI_SYSTEM ? String(cString: strerror(errno)) : String(cString: gai_strerror(status))
            throw HTTPServerError(code: .addressUnresolvable, message: "Cannot resolve host '\(host)': \(reason).")
        }
        defer { freeaddrinfo(list) }

        var firstFailure: SocketFailure?
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            switch bind(current.pointee, backlog: backlog) {
            case .success(let socket):
                return socket
            case .failure(let failure):
                if firstFailure == nil {
                    firstFailure = failure
                }
            }
        }
        let failure = firstFailure ?? SocketFailure(step: "bind", errno: EADDRNOTAVAIL)
        throw error(failure, host: host, port: port)
    }

    private static func bind(
        _ info: addrinfo, backlog: Int
    ) -> Result<ListenSocket, SocketFailure> {
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let descriptor = socket(info.ai_family, type, info.ai_protocol)
        guard descriptor >= 0 else {
            return .failure(SocketFailure(step: "socket", errno: errno))
        }
        func fail(_ step: String) -> Result<ListenSocket, SocketFailure> {
            let code = errno
            close(descriptor)
            return .failure(SocketFailure(step: step, errno: code))
        }
        // SO_REUSEADDR lets a restarted server bind while old connections sit in TIME_WAIT; it does not allow
        // two listeners on one port (that would be SO_REUSEPORT, which is deliberately not set).
        var one: Int32 = 1
        guard setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            return fail("setsockopt")
        }
        guard Glibc.bind(descriptor, info.ai_addr, info.ai_addrlen) == 0 else {
            return fail("bind")
        }
        guard listen(descriptor, Int32(backlog)) == 0 else {
            return fail("listen")
        }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else {
            return fail("getsockname")
        }
        return .success(ListenSocket(descriptor: descriptor, port: Self.port(of: address)))
    }

    private static func port(of address: sockaddr_storage) -> Int {
        withUnsafePointer(to: address) { pointer in
            switch Int32(address.ss_family) {
            case AF_INET:
                pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin_port))
                }
            case AF_INET6:
                pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    Int(UInt16(bigEndian: $0.pointee.sin6_port))
                }
            default:
                0
            }
        }
    }

    private static func error(_ failure: SocketFailure, host: String, port: Int) -> HTTPServerError {
        let reason = String(cString: strerror(failure.errno))
        let address = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]:\(port)" : "\(host):\(port)"
        switch failure.errno {
        case EADDRINUSE:
            return HTTPServerError(
                code: .addressInUse,
                message: "Cannot listen on \(address): the address is already in use by another socket (\(reason)).")
        case EACCES:
            return HTTPServerError(
                code: .permissionDenied,
                message: "Cannot listen on \(address): permission denied (\(reason)); ports below 1024 need privileges."
            )
        default:
            return HTTPServerError(
                code: .listenFailed, message: "Cannot listen on \(address): \(failure.step)() failed: \(reason).")
        }
    }
}
