import Audit
import Foundation
import Kernel
import Organisation
import SQLKit

extension Services {
    /// One path for refused attempts, whatever the area: runs one operation as a transaction; a refusal that names a
    /// rule is written to the audit log in its own transaction (the operation's own work rolls back), so every refused
    /// attempt is on the record the same way — action, target, outcome `denied`, the refusal's code and message
    /// (R-SY-3; R-CA-13 for forbidden carrier acts).
    package func attempt<T: Sendable>(
        _ actor: Actor, _ action: String, target: String, id: String?, _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        do {
            return try await database.transaction(body)
        } catch let refusal as any DomainError where refusal.ruleID != nil {
            try await auditRefusal(actor, action, target: target, id: id, refusal)
            throw refusal
        }
    }

    /// Writes one refused attempt in its own transaction: action, target, outcome `denied`, the refusal's code and
    /// message with its rule. Every refusal the log keeps is written here.
    package func auditRefusal(_ actor: Actor, _ action: String, target: String, id: String?, _ refusal: any DomainError) async throws {
        try await appendAudit(record(actor, action, target: target, id: id, outcome: .denied, detail: "\(refusal.code)：\(refusal.messageWithRule)"))
    }

    /// R-SY-3: appends an entry that stands alone (a read's, a refusal's — not part of a write), once it is committed;
    /// entries arriving together are committed together (`AuditQueue`).
    ///
    /// Inside a `Database.snapshot` (a reader, or on PostgreSQL a pooled connection, held by the caller) the entry is
    /// kept until the snapshot closes and written then, before the snapshot returns: nothing waits for the writer, or
    /// for a second connection, while holding one.
    package func appendAudit(_ record: AuditRecord) async throws {
        if let backlog = Database.backlog {
            backlog.add(record)
        } else {
            try await database.auditQueue.append(record, through: database)
        }
    }
}
