import Crypto
import Foundation

/// The hash chain of the audit log (R-SY-3).
///
/// Each entry's hash is SHA-256 over a canonical encoding of its sequence number, its record and the
/// previous entry's hash. Changing a field changes the hash; removing or reordering entries breaks the
/// `prevHash` links or the sequence; truncating the end is caught against the stored chain head.
public enum AuditChain {
    /// The `prevHash` of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// R-SY-3: canonical encoding — every field as `name=<utf8 byte count>:<value>\n`, absent values as
    /// `name=-\n`, in a fixed order. Length prefixes make the encoding unambiguous.
    public static func canonicalEncoding(seq: Int64, record: AuditRecord, prevHash: String) -> Data {
        var out = ""
        func field(_ name: String, _ value: String?) {
            if let value {
                out += "\(name)=\(value.utf8.count):\(value)\n"
            } else {
                out += "\(name)=-\n"
            }
        }
        field("v", "1")
        field("seq", String(seq))
        field("at", String(record.atMillis))
        field("actor_id", record.actorID)
        field("actor_name", record.actorName)
        field("action", record.action)
        field("target_kind", record.targetKind)
        field("target_id", record.targetID)
        field("level", record.level)
        field("outcome", record.outcome.rawValue)
        field("before", record.before)
        field("after", record.after)
        field("detail", record.detail)
        field("remote", record.remoteAddress)
        field("prev", prevHash)
        return Data(out.utf8)
    }

    /// R-SY-3: the hash of an entry, lower-case hex SHA-256.
    public static func hash(seq: Int64, record: AuditRecord, prevHash: String) -> String {
        let digest = SHA256.hash(data: canonicalEncoding(seq: seq, record: record, prevHash: prevHash))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Builds the entry that follows `previous` (or the first entry when `previous` is nil).
    public static func append(_ record: AuditRecord, after previous: (seq: Int64, hash: String)?) -> AuditEntry {
        let seq = (previous?.seq ?? 0) + 1
        let prev = previous?.hash ?? genesis
        return AuditEntry(seq: seq, record: record, prevHash: prev, hash: hash(seq: seq, record: record, prevHash: prev))
    }
}
