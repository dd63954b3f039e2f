internal import Glibc

/// The PEM certificate chain and private key, read from disk into C strings that outlive the daemon.
///
/// libmicrohttpd takes them as `const char *` through `MHD_OPTION_HTTPS_MEM_CERT` / `_KEY`. The key's bytes
/// are zeroed before the memory is freed.
final class TLSMaterial {
    let certificate: UnsafeMutableBufferPointer<CChar>
    let privateKey: UnsafeMutableBufferPointer<CChar>
    let priorities: UnsafeMutableBufferPointer<CChar>

    /// The largest PEM file read; real chains are a few KiB.
    static let maxFileSize = 1 << 20

    /// Reads both files.
    ///
    /// - Throws: ``HTTPServerError/Code/tlsFileUnreadable`` when a file cannot be read or is too large, and
    ///   ``HTTPServerError/Code/tlsRejected`` when it holds no PEM block.
    init(_ tls: HTTPServer.TLS) throws(HTTPServerError) {
        let certificate = try Self.readPEM(tls.certificatePath, what: "certificate")
        let privateKey: UnsafeMutableBufferPointer<CChar>
        do {
            privateKey = try Self.readPEM(tls.privateKeyPath, what: "private key")
        } catch {
            certificate.deallocate()
            throw error
        }
        self.certificate = certificate
        self.privateKey = privateKey
        self.priorities = Self.cString(tls.priorities)
    }

    deinit {
        privateKey.update(repeating: 0)
        certificate.deallocate()
        privateKey.deallocate()
        priorities.deallocate()
    }

    private static func cString(_ text: String) -> UnsafeMutableBufferPointer<CChar> {
        let utf8 = Array(text.utf8CString)
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: utf8.count)
        _ = buffer.initialize(from: utf8)
        return buffer
    }

    private static func readPEM(_ path: String, what: String) throws(HTTPServerError) -> UnsafeMutableBufferPointer<
        CChar
    > {
        func unreadable(_ reason: String) -> HTTPServerError {
            HTTPServerError(code: .tlsFileUnreadable, message: "Cannot read the TLS \(what) file '\(path)': \(reason).")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: maxFileSize + 1)
        var count = 0
        while count < maxFileSize {
            let got = read(descriptor, buffer.baseAddress! + count, maxFileSize - count)
            if got < 0 && errno == EINTR {
                continue
            }
            guard got >= 0 else {
                let reason = String(cString: strerror(errno))
                buffer.deallocate()
                throw unreadable(reason)
            }
            if got == 0 {
                break
            }
            count += got
        }
        buffer[count] = 0
        guard count < maxFileSize else {
            buffer.deallocate()
            throw unreadable("it is larger than \(maxFileSize) bytes")
        }
        defer {
            UnsafeMutableBufferPointer(rebasing: buffer[...count]).update(repeating: 0)
            buffer.deallocate()
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress, count: count), as: UTF8.self)
        guard text.contains("-----BEGIN ") else {
            throw HTTPServerError(
                code: .tlsRejected, message: "The TLS \(what) file '\(path)' holds no PEM block ('-----BEGIN ...').")
        }
        let exact = UnsafeMutableBufferPointer<CChar>.allocate(capacity: count + 1)
        _ = exact.initialize(from: buffer[...count])
        return exact
    }
}
