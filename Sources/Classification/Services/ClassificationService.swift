import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密管理 — the secret's life through the store, one transaction per operation, every step audited.
public struct ClassificationService: Sendable {
    let services: Services

    var today: Day { services.clock.today }

    func person(_ actor: Actor) throws -> Person {
        guard let person = actor.person, actor.viewer.personID != nil else {
            throw Refusal(code: "classification.no_person", message: "只有关联了人员的业务账号才能办理定密事项", kind: .forbidden)
        }
        return person
    }

    func requireRole(_ actor: Actor, _ roles: Set<Role>, _ what: String) throws {
        guard !actor.roles.isDisjoint(with: roles) else {
            throw Refusal(
                code: "classification.role_required", message: "「\(what)」须由\(roles.sorted().map(\.chinese).joined(separator: "或"))办理", kind: .forbidden)
        }
    }

    /// R-KS-4 / R-SY-2: loads a secret the actor may see; anything else is `notFound`, and the denial is audited.
    package func visibleSecret(_ actor: Actor, _ id: String, on db: any SQLDatabase) async throws -> SecretMatter? {
        guard let found = try await ClassificationStore.forRead(id: id, on: db) else {
            try await services.auditMissingRead(actor, recordKind: ClassificationStore.recordKind, id: id, on: db)
            return nil
        }
        // R-CL-7: while an objection claims a higher level, reads are checked against that level (as lists are).
        guard
            try await services.authorizeRead(
                actor, recordKind: ClassificationStore.recordKind, id: id, sensitivity: .stateSecret(found.protection), scope: found.scope,
                auditLevel: found.level.code, on: db)
        else { return nil }
        return try ClassificationStore.secret(from: found.row, scope: found.scope)
    }

    /// Saves a changed secret with its history entry and audit record.
    func persist(_ actor: Actor, _ secret: SecretMatter, before: SecretMatter?, kind: String, summary: String, reason: String, on db: any SQLDatabase)
        async throws
    {
        try await ClassificationStore.save(secret, at: services.nowMillis, addedBy: actor.userID, reason: reason, on: db)
        try await applyProtection(secretID: secret.id, level: secret.level, on: db)
        try await ClassificationStore.event(
            secret.id, at: services.nowMillis, actor: actor.displayName, kind: kind, summary: summary, marking: secret.marking.render(), on: db)
        try await AuditStore.append(
            services.record(
                actor, "secret.\(kind)", target: ClassificationStore.recordKind, id: secret.id, level: secret.level.code,
                before: before.map(Snapshot.init), after: Snapshot(secret)), on: db)
    }

    /// What the audit log keeps of a secret's state.
    struct Snapshot: Encodable {
        let status: String, marking: String, scope: [String], officer: String?
        init(_ s: SecretMatter) {
            status = s.status.rawValue
            marking = s.marking.render()
            scope = s.scope.sorted()
            officer = s.officerPersonID
        }
    }

    // MARK: reads

    /// R-KS-4: one page of the register — only what the actor may see, in lists, counts and searches alike.
    public func register(
        _ actor: Actor, filter: SecretFilter = SecretFilter(), order: SecretOrder = .newest, page: PageRequest = PageRequest()
    ) async throws -> Page<SecretMatter> {
        let today = today
        let found = try await services.database.read { db in
            try await ClassificationStore.page(to: actor.viewer, filter: filter, today: today, order: order, request: page, on: db)
        }
        try await services.auditShown(actor, recordKind: ClassificationStore.recordKind, shown: found.items.map { ($0.id, $0.level) })
        return found
    }

    /// R-KS-4: every secret the actor may see matching `filter` — for narrow lists (a person's drafts, a status the
    /// 待办 follows, a form's choices); registers read pages with `register`.
    public func everything(_ actor: Actor, filter: SecretFilter) async throws -> [SecretMatter] {
        let today = today
        let found = try await services.database.read { db in
            try await ClassificationStore.visible(to: actor.viewer, filter: filter, today: today, on: db)
        }
        try await services.auditShown(actor, recordKind: ClassificationStore.recordKind, shown: found.map { ($0.id, $0.level) })
        return found
    }

    /// R-KS-4: how many secrets the actor may see match `filter`, counted up to `Keyset.countCap` + 1 (more reads as
    /// "1000 以上") — the 待办's numbers cost a bounded read whatever the register's size.
    public func count(_ actor: Actor, filter: SecretFilter, cap: Int = Keyset.countCap) async throws -> Int {
        let today = today
        return try await services.database.read { db in
            var from: SQLQueryString = "FROM secrets s WHERE "
            from = try await from + AccessFilter.visible(alias: "s", recordKind: ClassificationStore.recordKind, viewer: actor.viewer, on: db)
            return try await Keyset.count(from + (try await ClassificationStore.conditions(filter, today: today, on: db)).sql, cap: cap, on: db)
        }
    }

    /// R-KS-4 / R-RP-2: counts by status, level and basis, over what the actor may see.
    public func counts(_ actor: Actor, filter: SecretFilter = SecretFilter()) async throws -> [(status: String, level: String, basis: String, n: Int)] {
        let today = today
        return try await services.database.read { db in try await ClassificationStore.visibleCounts(to: actor.viewer, filter: filter, today: today, on: db) }
    }

    /// R-SY-2 / R-SY-3: one secret with its history; hidden looks like missing; reads of 机密/绝密 are audited.
    public func detail(_ actor: Actor, id: String) async throws -> (secret: SecretMatter, events: [SecretEvent]) {
        let s = services
        let found: (SecretMatter, [SecretEvent])? = try await s.database.transaction { db in
            guard let secret = try await visibleSecret(actor, id, on: db) else { return nil }
            if let entry = s.grantedRead(actor, recordKind: ClassificationStore.recordKind, id: id, level: secret.level) {
                try await AuditStore.append(entry, on: db)
            }
            return (secret, try await ClassificationStore.events(id, on: db))
        }
        guard let found else { throw Refusal.notFound }
        return found
    }
}
