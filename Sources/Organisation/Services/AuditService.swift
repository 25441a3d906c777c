import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// The audit log for the 安全审计员 (R-SY-1, R-SY-3).
public struct AuditService: Sendable {
    let services: Services

    /// The log's one order (newest first), as its page cursors carry it.
    public static let order = AuditStore.newestFirst.name

    /// R-SY-1: browse and filter — the 安全审计员 only. The browsing itself is audited.
    public func browse(_ actor: Actor, _ filter: AuditFilter) async throws -> Page<AuditEntry> {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.readAudit, roles: actor.roles) }
        return try await s.database.transaction { db in
            let page = try await AuditStore.browse(filter, on: db)
            if !actor.isSystem { try await AuditStore.append(s.record(actor, "audit.browse", target: "audit_log"), on: db) }
            return page
        }
    }

    /// R-SY-3: verifies the chain; the 安全审计员 or the command line.
    /// `extraAnchor` is a checkpoint exported earlier (`baomi audit head`) and kept elsewhere.
    public func verify(_ actor: Actor, extraAnchor: AuditAnchor? = nil) async throws -> VerificationResult {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.readAudit, roles: actor.roles) }
        let anchors = [AuditSealing.storedAnchor(in: s.checkpointFile), extraAnchor].compactMap { $0 }
        let result = try await s.database.read { db in try await AuditStore.verify(on: db, anchors: anchors) }
        if !actor.isSystem {
            try await s.appendAudit(
                s.record(actor, "audit.verify", target: "audit_log", outcome: result.isIntact ? .ok : .failed, detail: result.isIntact ? "完整" : "发现断链"))
        }
        return result
    }
}

extension AuditService {
    /// R-SY-3: the current head as a checkpoint (`seq:hash`), to export and keep outside the database.
    public func head() async throws -> AuditAnchor? {
        try await services.database.read { db in try await AuditStore.head(on: db) }.map { AuditAnchor(seq: $0.seq, hash: $0.hash) }
    }

    /// R-SY-3: writes the current head to this instance's checkpoint file (`AuditCheckpointer`, every half minute
    /// while entries are appended; the daily sweep). The log must reach it from then on: a tail cut off together
    /// with a head rolled back to an older sealed state shows.
    @discardableResult
    public func checkpoint() async throws -> AuditAnchor? {
        guard let anchor = try await head(), anchor.seq > 0 else { return nil }
        try keep(anchor)
        return anchor
    }

    /// R-SY-3: writes `anchor`, a head just read, to this instance's checkpoint file, if it keeps one.
    public func keep(_ anchor: AuditAnchor) throws {
        if let file = services.checkpointFile { try AuditSealing.store(anchor, to: file) }
    }

    /// R-SY-3: after `baomi restore` — a deliberate rollback. The restored chain must hold by itself (its own head,
    /// without this instance's checkpoint, which is newer than any backup); then the restore is recorded in the log,
    /// naming the checkpoint it went back from, and a new checkpoint is written. A broken chain is answered as such
    /// and nothing is written.
    public func restored(from file: String) async throws -> VerificationResult {
        let s = services
        let result = try await s.database.read { db in try await AuditStore.verify(on: db) }
        guard result.isIntact else { return result }
        let before = AuditSealing.storedAnchor(in: s.checkpointFile)
        try await s.appendAudit(
            s.record(.system, "system.restore", target: "database", detail: "从备份恢复 \(file)；恢复前的检查点 \(before?.text ?? "无")"))
        try await checkpoint()
        return try await s.database.read { db in try await AuditStore.verify(on: db) }
    }
}

extension Services {
    /// R-SY-1/R-SY-3: records a refused action (e.g. one administrator attempting another's work).
    public func recordRefusal(_ actor: Actor, action: String, error: any DomainError) async throws {
        try await auditRefusal(actor, "access.forbidden", target: "endpoint", id: action, error)
    }
}
