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
    ///
    /// Written straight into bytes (issue 11: the audit verify hashes a million entries; string interpolation and
    /// `String(format:)` were most of its time). `AuditChainTests` checks it byte for byte against the plain reading.
    public static func canonicalEncoding(seq: Int64, record: AuditRecord, prevHash: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(
            256 + record.actorName.utf8.count + (record.before?.utf8.count ?? 0) + (record.after?.utf8.count ?? 0)
                + (record.detail?.utf8.count ?? 0))
        func field(_ name: StaticString, _ value: String?) {
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "="))
            if let value {
                var value = value
                value.withUTF8 { bytes in
                    out.append(contentsOf: String(bytes.count).utf8)
                    out.append(UInt8(ascii: ":"))
                    out.append(contentsOf: bytes)
                }
            } else {
                out.append(UInt8(ascii: "-"))
            }
            out.append(UInt8(ascii: "\n"))
        }
        func number(_ name: StaticString, _ value: Int64) {
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "="))
            let digits = String(value).utf8
            out.append(contentsOf: String(digits.count).utf8)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: digits)
            out.append(UInt8(ascii: "\n"))
        }
        field("v", "1")
        number("seq", seq)
        number("at", record.atMillis)
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
        return out
    }

    /// Lower-case hex digits.
    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// R-SY-3: the hash of an entry, lower-case hex SHA-256.
    public static func hash(seq: Int64, record: AuditRecord, prevHash: String) -> String {
        let digest = SHA256.hash(data: canonicalEncoding(seq: seq, record: record, prevHash: prevHash))
        var hex = [UInt8]()
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Builds the entry that follows `previous` (or the first entry when `previous` is nil).
    public static func append(_ record: AuditRecord, after previous: (seq: Int64, hash: String)?) -> AuditEntry {
        let seq = (previous?.seq ?? 0) + 1
        let prev = previous?.hash ?? genesis
        return AuditEntry(seq: seq, record: record, prevHash: prev, hash: hash(seq: seq, record: record, prevHash: prev))
    }
}
