import Crypto
import Foundation
import Kernel

/// The anchor of the audit chain kept **outside** the rows it covers (R-SY-3): an HMAC key that never enters the
/// database. The stored head (last `seq` and `hash`) is sealed with it on every append, so whoever cuts the end of the
/// log cannot rewrite the head to match without the key; and checkpoints (`AuditAnchor`) are written outside the
/// database, so a head rolled back to an older sealed state is caught too.
public struct AuditSeal: Sendable {
    let key: SymmetricKey

    /// A seal with this key material (at least 32 bytes).
    public init(keyData: Data) {
        key = SymmetricKey(data: keyData)
    }

    /// A fresh random key (tests, or an in-memory database that lives as long as the process).
    public static func random() -> AuditSeal { AuditSeal(keyData: Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })) }

    /// The seal of a head: HMAC-SHA-256 over `seq:hash`, hex.
    public func mac(seq: Int64, hash: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("baomi-audit-head:\(seq):\(hash)".utf8), using: key)
        return Digits.hex(code)
    }

    /// Whether `mac` seals this head.
    public func verifies(seq: Int64, hash: String, mac: String) -> Bool {
        guard let data = Self.bytes(hex: mac) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(data, authenticating: Data("baomi-audit-head:\(seq):\(hash)".utf8), using: key)
    }

    static func bytes(hex: String) -> Data? {
        guard hex.count % 2 == 0 else { return nil }
        var out = Data()
        var i = hex.startIndex
        while i < hex.endIndex {
            let j = hex.index(i, offsetBy: 2)
            guard let b = UInt8(hex[i..<j], radix: 16) else { return nil }
            out.append(b)
            i = j
        }
        return out
    }

    /// The key from `BAOMI_AUDIT_KEY` (64 hex characters) if set, else from `file`, which is created with a random key
    /// (mode 0600) on first use. The key must stay outside the database and its backups; instances sharing one
    /// PostgreSQL share one key (set `BAOMI_AUDIT_KEY` on each).
    public static func load(environment: [String: String], file: URL) throws -> AuditSeal {
        if let hex = environment["BAOMI_AUDIT_KEY"], !hex.isEmpty {
            guard let data = bytes(hex: hex), data.count >= 32 else { throw AuditKeyError.invalid("BAOMI_AUDIT_KEY 应为至少 64 位十六进制字符") }
            return AuditSeal(keyData: data)
        }
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            guard let data = bytes(hex: text.trimmingSpacesAndNewlines), data.count >= 32 else {
                throw AuditKeyError.invalid("审计密钥文件 \(file.path) 内容无效")
            }
            return AuditSeal(keyData: data)
        }
        let data = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: Data(Digits.hex(data).utf8), attributes: [.posixPermissions: 0o600])
        else { throw AuditKeyError.invalid("无法创建审计密钥文件 \(file.path)") }
        return AuditSeal(keyData: data)
    }
}

/// A problem with the audit key.
public enum AuditKeyError: Error, CustomStringConvertible {
    case invalid(String)
    /// What is wrong with the key, in Chinese: the reason startup fails.
    public var description: String {
        switch self {
        case .invalid(let s): s
        }
    }
}

/// A checkpoint of the chain kept outside the database (a file beside the key, and the server log): the log must still
/// reach `seq` with this `hash`. Export it (`baomi audit head`) to keep it anywhere else.
public struct AuditAnchor: Sendable, Hashable, Codable {
    /// The sequence number of the audit row the chain must still reach.
    public let seq: Int64
    /// The chain hash of that row (64 hex characters).
    public let hash: String

    /// A checkpoint at row `seq` with chain hash `hash`.
    public init(seq: Int64, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    /// Parses `seq:hash`.
    public init?(text: String) {
        let parts = text.trimmingSpacesAndNewlines.split(separator: ":")
        guard parts.count == 2, let seq = Int64(parts[0]), parts[1].count == 64 else { return nil }
        self.init(seq: seq, hash: String(parts[1]))
    }

    /// `seq:hash`.
    public var text: String { "\(seq):\(hash)" }
}
