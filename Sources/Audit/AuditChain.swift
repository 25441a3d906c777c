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
        var encoding = CanonicalEncoding(
            capacity: 256 + record.actorName.utf8.count + (record.before?.utf8.count ?? 0) + (record.after?.utf8.count ?? 0)
                + (record.detail?.utf8.count ?? 0))
        encoding.field("v", "1")
        encoding.number("seq", seq)
        encoding.number("at", record.atMillis)
        encoding.field("actor_id", record.actorID)
        encoding.field("actor_name", record.actorName)
        encoding.field("action", record.action)
        encoding.field("target_kind", record.targetKind)
        encoding.field("target_id", record.targetID)
        encoding.field("level", record.level)
        encoding.field("outcome", record.outcome.rawValue)
        encoding.field("before", record.before)
        encoding.field("after", record.after)
        encoding.field("detail", record.detail)
        encoding.field("remote", record.remoteAddress)
        encoding.field("prev", prevHash)
        return encoding.bytes
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

/// The bytes of `AuditChain.canonicalEncoding`, field by field. A struct's mutating methods rather than functions nested
/// in the encoder: those captured the byte array, and every append paid a run-time exclusivity check (a tenth of
/// verifying the log).
private struct CanonicalEncoding {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// `name=<byte count>:<value>\n`, or `name=-\n` for an absent value.
    mutating func field(_ name: StaticString, _ value: String?) {
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "="))
        if var value {
            value.withUTF8 { utf8 in
                decimal(utf8.count)
                bytes.append(UInt8(ascii: ":"))
                bytes.append(contentsOf: utf8)
            }
        } else {
            bytes.append(UInt8(ascii: "-"))
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// `name=<digit count>:<digits>\n`.
    mutating func number(_ name: StaticString, _ value: Int64) {
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "="))
        let digits = String(value).utf8
        decimal(digits.count)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: digits)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// A non-negative count in decimal.
    private mutating func decimal(_ n: Int) {
        var divisor = 1
        while divisor <= n / 10 { divisor *= 10 }
        var rest = n
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
