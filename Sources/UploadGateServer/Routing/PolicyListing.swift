import Foundation
import UploadPolicy

/// The body of `GET /policies`: each policy's id, title, source, content hash and whether it is the default.
enum PolicyListing {
    struct Entry: Encodable {
        let id: String
        let title: String?
        let source: String
        let contentHash: String
        let isDefault: Bool
        let acceptEntries: Int
        let rejectRules: Int
    }

    struct Body: Encodable {
        let policies: [Entry]
    }

    static func body(for set: PolicySet) -> [UInt8] {
        let entries = set.policies.map { policy in
            Entry(
                id: policy.id, title: policy.title?.text(in: .english), source: policy.source,
                contentHash: policy.contentHash, isDefault: policy.id == set.defaultPolicy.id,
                acceptEntries: policy.acceptEntries.count, rejectRules: policy.rejectRules.count)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(Body(policies: entries)))
        } catch {
            preconditionFailure("the policy listing always encodes: \(error)")
        }
    }
}
