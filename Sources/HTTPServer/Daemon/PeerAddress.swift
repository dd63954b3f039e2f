internal import Glibc

/// A request's peer address, copied out of the socket address and formatted only when someone asks.
///
/// Formatting with `inet_ntop` costs an allocation per request; most handlers never read the address, so the
/// raw bytes travel with the request instead.
enum PeerAddress: Sendable, Hashable, CustomStringConvertible {
    /// No address was available (libmicrohttpd returned none).
    case unknown
    /// An address given as text, by ``HTTPRequest/init(method:target:headers:body:remoteAddress:)``.
    case text(String)
    /// An IPv4 address in network byte order.
    case ipv4(UInt32)
    /// An IPv6 address as its 16 bytes, in network byte order.
    case ipv6(UInt64, UInt64)

    /// Copies the address out of a socket address from libmicrohttpd.
    init(_ address: UnsafePointer<sockaddr>?) {
        guard let address else {
            self = .unknown
            return
        }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            self = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { .ipv4($0.pointee.sin_addr.s_addr) }
        case AF_INET6:
            self = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { bytes in
                    .ipv6(bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
                }
            }
        default:
            self = .unknown
        }
    }

    /// The address in its usual text form (`127.0.0.1`, `::1`), or an empty string when unknown.
    var description: String {
        switch self {
        case .unknown:
            return ""
        case .text(let text):
            return text
        case .ipv4(let raw):
            return withUnsafeBytes(of: raw) { Self.format(family: AF_INET, bytes: $0) }
        case .ipv6(let high, let low):
            return withUnsafeBytes(of: (high, low)) { Self.format(family: AF_INET6, bytes: $0) }
        }
    }

    private static func format(family: Int32, bytes: UnsafeRawBufferPointer) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: Int(INET6_ADDRSTRLEN)) { buffer in
            guard let base = buffer.baseAddress,
                inet_ntop(family, bytes.baseAddress, base, socklen_t(buffer.count)) != nil
            else {
                return ""
            }
            return String(cString: base)
        }
    }
}
