internal import CommandLineKit
import Foundation
internal import HTTPServer
internal import UploadGateServer

extension ServeCommand.Options {
    /// Turns the options (and the environment, for secrets and the name-hashing key) into the service's
    /// configuration. Every problem is a usage error naming the option; secrets never appear in messages.
    func serviceConfiguration(environment: [String: String]) throws(CommandFailure) -> ServiceConfiguration {
        var http = HTTPServer.Configuration()
        let colon = listen.lastIndex(of: ":")!
        var host = String(listen[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        http.host = host
        http.port = Int(listen[listen.index(after: colon)...])!
        if let threads { http.threading = .pool(threads: threads) }
        http.maxBodySize = maxBody
        http.connectionTimeout = .seconds(connectionTimeout)
        http.requestTimeout = .seconds(requestTimeout)
        http.connectionLimit = maxConnections
        http.perIPConnectionLimit = perIPLimit
        if let tlsCertificate, let tlsKey {
            http.tls = HTTPServer.TLS(certificatePath: tlsCertificate, privateKeyPath: tlsKey)
        }

        var configuration = ServiceConfiguration(http: http)
        configuration.mimeDirectory = mimeDirectory
        if let policiesFolder {
            configuration.policySource = .directory(policiesFolder, defaultPolicyID: defaultPolicy)
        } else if defaultPolicy != nil {
            throw CommandFailure("'--default-policy' needs '--policies': the embedded set has only 'default'.")
        }
        configuration.nameLogging = NameLogging(rawValue: logNames) ?? .hash
        configuration.authenticator = try authenticator(environment: environment)
        if let key = environment["UPLOADGATE_LOG_HASH_KEY"] {
            guard key.utf8.count >= 16 else {
                throw CommandFailure("UPLOADGATE_LOG_HASH_KEY must be at least 16 bytes long.")
            }
            configuration.nameHashKey = Array(key.utf8)
        }
        return configuration
    }

    private func authenticator(environment: [String: String]) throws(CommandFailure) -> Authenticator {
        do throws(any Error) {
            var secrets: [String]?
            if let apiKeyFile {
                secrets = try SecretSource.secrets(fromFile: apiKeyFile)
            } else {
                secrets = SecretSource.secrets(environment: environment)
            }
            let mode: AuthenticationMode
            if let auth {
                mode = AuthenticationMode(rawValue: auth) ?? .none
            } else {
                mode = secrets == nil ? .none : .apiKey
            }
            if mode == .none {
                if apiKeyFile != nil { throw CommandFailure("'--api-key-file' was given with '--auth none'.") }
                return .none
            }
            guard let secrets, !secrets.isEmpty else {
                if apiKeyFile == nil, secrets != nil {
                    // Set to nothing usable, as a template that expanded to nothing leaves it: refused rather
                    // than served without authentication.
                    throw CommandFailure(
                        SecretSource.environmentVariable + " is set but holds no secret; give the secrets, or unset it"
                            + (auth == nil ? " to serve without authentication." : "."))
                }
                throw CommandFailure(
                    "'--auth \(mode.rawValue)' needs secrets: give '--api-key-file' or set "
                        + SecretSource.environmentVariable + ".")
            }
            return try Authenticator(mode: mode, secrets: secrets)
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("\(error).")
        }
    }
}
