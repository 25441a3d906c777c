import Foundation

/// Outcome of an audited operation.
public enum AuditOutcome: String, Codable, Sendable, CaseIterable {
    /// The operation succeeded.
    case ok
    /// The operation was refused (R-SY-2: every denied read is audited).
    case denied
    /// The operation failed for another reason (e.g. bad password).
    case failed

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .ok: "成功"
        case .denied: "拒绝"
        case .failed: "失败"
        }
    }
}

/// One thing that happened, as written to the audit log (R-SY-3): who, when, what, before and after.
public struct AuditRecord: Sendable, Hashable, Codable {
    /// When, in milliseconds since 1970 (an integer, so the hash never depends on float formatting).
    public var atMillis: Int64
    /// The acting account's id, or nil for the system itself (migrations, sweeps, CLI).
    public var actorID: String?
    /// The acting account's user name at the time (kept even if the account is later renamed).
    public var actorName: String
    /// Machine action code, e.g. `user.create`, `record.read`, `login.failed`.
    public var action: String
    /// Kind of the object acted on, e.g. `user`, `sample_record`.
    public var targetKind: String
    /// Id of the object acted on.
    public var targetID: String?
    /// Sensitivity code of the object (`top_secret`…), when it has one.
    public var level: String?
    /// Outcome.
    public var outcome: AuditOutcome
    /// State before the change (canonical JSON text), if any.
    public var before: String?
    /// State after the change (canonical JSON text), if any.
    public var after: String?
    /// Free text detail (Chinese), e.g. the reason of a refusal.
    public var detail: String?
    /// The client address, when known.
    public var remoteAddress: String?

    /// Creates a record.
    public init(
        atMillis: Int64, actorID: String?, actorName: String, action: String, targetKind: String,
        targetID: String? = nil, level: String? = nil, outcome: AuditOutcome = .ok,
        before: String? = nil, after: String? = nil, detail: String? = nil, remoteAddress: String? = nil
    ) {
        self.atMillis = atMillis
        self.actorID = actorID
        self.actorName = actorName
        self.action = action
        self.targetKind = targetKind
        self.targetID = targetID
        self.level = level
        self.outcome = outcome
        self.before = before
        self.after = after
        self.detail = detail
        self.remoteAddress = remoteAddress
    }

    /// The moment as a `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(atMillis) / 1000) }

    /// Milliseconds since 1970 for a date.
    public static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}

/// A record as stored: its position in the chain and the hashes linking it.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// Position in the chain, from 1, without gaps.
    public var seq: Int64
    /// The record.
    public var record: AuditRecord
    /// The hash of the previous entry (`AuditChain.genesis` for the first).
    public var prevHash: String
    /// SHA-256 over the canonical encoding of seq, record and prevHash.
    public var hash: String

    /// Creates an entry.
    public init(seq: Int64, record: AuditRecord, prevHash: String, hash: String) {
        self.seq = seq
        self.record = record
        self.prevHash = prevHash
        self.hash = hash
    }
}
