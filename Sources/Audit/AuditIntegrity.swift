import Kernel

/// Refusals that protect the audit chain itself.
public enum AuditIntegrity {
    /// R-SY-3: the chain's head row is gone while entries exist — the database may have been tampered with.
    public static let headMissing = Refusal(code: "audit.head_missing", ruleID: "R-SY-3", message: "审计日志链头缺失，数据库可能被篡改", kind: .conflict)
}
