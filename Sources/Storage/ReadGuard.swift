import Accounts
import Audit
import Kernel
import Organisation
import SQLKit

extension Services {
    /// R-KS-4 / R-SY-2: the one read check of every module: clearance covers the level **and** the person is in the
    /// scope. A denial is audited here, once for all record kinds; the caller then answers exactly as for a missing record.
    package func authorizeRead(
        _ actor: Actor, recordKind: String, id: String, sensitivity: Sensitivity, scope: Set<String>, auditLevel: String,
        on db: any SQLDatabase
    ) async throws -> Bool {
        guard let refusal = readRefusal(actor, recordKind: recordKind, id: id, sensitivity: sensitivity, scope: scope, auditLevel: auditLevel)
        else { return true }
        try await AuditStore.append(refusal, on: db)
        return false
    }

    /// R-KS-4 / R-SY-2: `authorizeRead`'s check without its write — nil when `actor` may read the record, else the entry
    /// of the refusal (`deniedRead`), for a read that records it once its snapshot has closed (`appendAudit`).
    package func readRefusal(
        _ actor: Actor, recordKind: String, id: String, sensitivity: Sensitivity, scope: Set<String>, auditLevel: String
    ) -> AuditRecord? {
        guard AccessPolicy.canRead(actor.viewer, ProtectedItem(sensitivity: sensitivity, scopePersonIDs: scope)) else {
            return deniedRead(actor, recordKind: recordKind, id: id, level: auditLevel)
        }
        return nil
    }

    /// R-SY-2, issue 9 #18: a read of an ID that does not exist is audited exactly as a denied one is — same action,
    /// outcome and message, one append either way — so neither the answer nor its timing tells a hidden record from a
    /// missing one (and probing for IDs shows in the log).
    package func auditMissingRead(_ actor: Actor, recordKind: String, id: String, on db: any SQLDatabase) async throws {
        try await auditDeniedRead(actor, recordKind: recordKind, id: id, level: nil, on: db)
    }

    /// The one audit entry of a read that is refused, whether the record is hidden or missing.
    private func auditDeniedRead(_ actor: Actor, recordKind: String, id: String, level: String?, on db: any SQLDatabase) async throws {
        try await AuditStore.append(deniedRead(actor, recordKind: recordKind, id: id, level: level), on: db)
    }

    /// R-SY-2: the entry of a refused read — the same for a hidden record (its `level`) and a missing one (nil) — for a
    /// read that records it once its snapshot has closed (`appendAudit`) instead of in a write transaction.
    package func deniedRead(_ actor: Actor, recordKind: String, id: String, level: String?) -> AuditRecord {
        record(actor, "\(recordKind).read", target: recordKind, id: id, level: level, outcome: .denied, detail: "无权知悉（R-SY-2）")
    }

    /// R-SY-3: the entry of a granted read of a record at 机密 or above; nil below, where a read is not audited one by one
    /// (the threshold `auditShown` applies to lists).
    package func grantedRead(_ actor: Actor, recordKind: String, id: String, level: Level) -> AuditRecord? {
        level >= .confidential ? record(actor, "\(recordKind).read", target: recordKind, id: id, level: level.code) : nil
    }
}

extension Services {
    /// R-SY-3: every access to 机密/绝密 is audited — lists, searches and books too, not only detail pages. One entry per
    /// request, naming the records shown at 机密 or above by their IDs (never their titles, R-SY-1); nothing when the
    /// page shows none.
    package func auditShown(_ actor: Actor, recordKind: String, shown: [(id: String, level: Level?)]) async throws {
        guard !actor.isSystem else { return }
        // A record without a level is no state secret (a 工作秘密 or 内部 notice, R-LV-1): nothing to audit for it.
        let high = shown.filter { $0.level.map { $0 >= .confidential } ?? false }
        guard !high.isEmpty else { return }
        let top = high.contains { $0.level == .topSecret }
        try await appendAudit(
            record(
                actor, "\(recordKind).list", target: recordKind, level: top ? Level.topSecret.code : Level.confidential.code,
                detail: "列表显示机密级以上\(high.count)条：" + high.map(\.id).joined(separator: ",")))
    }
}
