import Accounts
import Audit
import Kernel
import SQLKit

extension Services {
    /// R-KS-4 / R-SY-2: the one read check of every module: clearance covers the level **and** the person is in the
    /// scope. A denial is audited here, once for all record kinds; the caller then answers exactly as for a missing record.
    func authorizeRead(
        _ actor: Actor, recordKind: String, id: String, sensitivity: Sensitivity, scope: Set<String>, auditLevel: String,
        on db: any SQLDatabase
    ) async throws -> Bool {
        guard AccessPolicy.canRead(actor.viewer, ProtectedItem(sensitivity: sensitivity, scopePersonIDs: scope)) else {
            try await AuditStore.append(
                record(actor, "\(recordKind).read", target: recordKind, id: id, level: auditLevel, outcome: .denied, detail: "无权知悉（R-SY-2）"), on: db)
            return false
        }
        return true
    }
}
