import Accounts
import Classification
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// A secret's history entry.
public struct SecretEvent: Sendable, Hashable, Codable {
    /// When, in milliseconds since 1970.
    public var at: Int64
    /// The display name of whoever acted.
    public var actorName: String
    /// What happened: `draft`, `submit`, `review`, `change`, `extend`, `widen`, `declassify` ….
    public var kind: String
    /// One line in Chinese describing the step.
    public var summary: String
    /// The secret's marking right after the step.
    public var marking: String
}

/// Secrets, officers, grants, catalogue items and unit authority.
enum ClassificationStore {
    static let recordKind = "secret"
    /// The register's default order, newest first: by the instant the matter was drafted into it (`keyset(.newest)`).
    static let register = ScopedRegister(recordKind: recordKind, table: "secrets", orderAt: { "\($0).created_at" }, orderText: { _ in "''" })

    // MARK: secrets

    static func secret(from row: any SQLRow) throws -> SecretMatter {
        let level = Level.stored(try row.decode(column: "level", as: String.self))
        let kind = try row.decode(column: "basis_kind", as: String.self)
        let basis: ClassificationBasis =
            switch kind {
            case "catalogue": .catalogue(itemID: try row.decode(column: "catalogue_item_id", as: String?.self) ?? "")
            case "derived":
                .derived(
                    sourceID: try row.decode(column: "source_id", as: String?.self) ?? "",
                    ground: DerivationGround(rawValue: try row.decode(column: "derivation_ground", as: String?.self) ?? "") ?? .identical)
            default: .unclear
            }
        var secret = SecretMatter(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            title: try row.decode(column: "title", as: String.self), basis: basis, level: level,
            period: ClassificationCodec.period(try row.decode(column: "period", as: String?.self), level: level),
            issueDate: try row.decode(column: "issue_date", as: String?.self).flatMap(Day.init(iso:)),
            draftedOn: Day(iso: try row.decode(column: "drafted_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            scope: [], secretPoints: try row.decode(column: "secret_points", as: String.self),
            handlerPersonID: try row.decode(column: "handler_person_id", as: String.self),
            officerPersonID: try row.decode(column: "officer_person_id", as: String?.self),
            authority: ClassificationCodec.authority(try row.decode(column: "authority", as: String?.self)),
            status: SecretStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            coUnitIDs: ClassificationCodec.split(try row.decode(column: "co_unit_ids", as: String.self)),
            markings: ClassificationCodec.split(try row.decode(column: "markings", as: String.self)),
            declassifiedOn: try row.decode(column: "declassified_on", as: String?.self).flatMap(Day.init(iso:)))
        secret.needsReview = try row.decode(column: "needs_review", as: Int.self) != 0
        secret.reportedOn = try row.decode(column: "reported_on", as: String?.self).flatMap(Day.init(iso:))
        return secret
    }

    /// Inserts or replaces a secret (and its scope: persons are only ever added, R-KS-3 keeps the record).
    static func save(_ s: SecretMatter, at millis: Int64, addedBy: String, reason: String, on db: any SQLDatabase) async throws {
        let exists = try await db.raw("SELECT id FROM secrets WHERE id = \(bind: s.id)").first() != nil
        var sourceID: String?
        var ground: String?
        var itemID: String?
        switch s.basis {
        case .catalogue(let id): itemID = id
        case .derived(let src, let g):
            sourceID = src
            ground = g.rawValue
        case .unclear: break
        }
        if exists {
            try await db.raw(
                """
                UPDATE secrets SET title = \(bind: s.title), level = \(bind: s.level.code),
                    period = \(bind: ClassificationCodec.period(s.period)), issue_date = \(bind: s.issueDate?.iso), expiry = \(bind: s.expiry?.iso),
                    secret_points = \(bind: s.secretPoints), officer_person_id = \(bind: s.officerPersonID),
                    authority = \(bind: ClassificationCodec.authority(s.authority)), status = \(bind: s.status.rawValue),
                    co_unit_ids = \(bind: ClassificationCodec.join(s.coUnitIDs)), markings = \(bind: ClassificationCodec.join(s.markings)),
                    declassified_on = \(bind: s.declassifiedOn?.iso), needs_review = \(bind: s.needsReview ? 1 : 0),
                    reported_on = \(bind: s.reportedOn?.iso), updated_at = \(bind: millis),
                    clock_escalated = CASE WHEN status = \(bind: s.status.rawValue) THEN clock_escalated ELSE 0 END
                WHERE id = \(bind: s.id)
                """
            ).run()
        } else {
            try await db.raw(
                """
                INSERT INTO secrets (id, unit_id, title, basis_kind, catalogue_item_id, source_id, derivation_ground, level, level_rank, period,
                    issue_date, expiry, drafted_on, secret_points, handler_person_id, officer_person_id, authority, status, co_unit_ids, markings,
                    declassified_on, created_at, updated_at)
                VALUES (\(bind: s.id), \(bind: s.unitID), \(bind: s.title), \(bind: ClassificationCodec.basisKind(s.basis)), \(bind: itemID),
                    \(bind: sourceID), \(bind: ground), \(bind: s.level.code), \(bind: s.level.rawValue), \(bind: ClassificationCodec.period(s.period)),
                    \(bind: s.issueDate?.iso), \(bind: s.expiry?.iso), \(bind: s.draftedOn.iso), \(bind: s.secretPoints), \(bind: s.handlerPersonID),
                    \(bind: s.officerPersonID), \(bind: ClassificationCodec.authority(s.authority)), \(bind: s.status.rawValue),
                    \(bind: ClassificationCodec.join(s.coUnitIDs)), \(bind: ClassificationCodec.join(s.markings)), \(bind: s.declassifiedOn?.iso),
                    \(bind: millis), \(bind: millis))
                """
            ).run()
        }
        // An update adds only the persons not yet recorded (a declassification or a review touches none of them).
        let recorded = exists ? try await ScopeStore.persons(recordKind: recordKind, recordID: s.id, on: db) : []
        for person in s.scope.subtracting(recorded).sorted() {
            try await ScopeStore.add(register, recordID: s.id, personID: person, addedBy: addedBy, reason: reason, at: millis, on: db)
        }
    }

    /// A secret by ID as the read check needs it (R-KS-4, R-SY-2): its level, the level it is protected at (R-CL-7: its
    /// own, or higher while an objection claims more), its scope, and the row to decode once the check allows it. The
    /// scope is read whether or not the secret exists and nothing is decoded before the check, so a missing ID costs
    /// what a hidden one does: the same statements, and no more work after them.
    static func forRead(id: String, on db: any SQLDatabase) async throws -> (level: Level, protection: Level, scope: Set<String>, row: any SQLRow)? {
        let row = try await db.raw("SELECT * FROM secrets WHERE id = \(bind: id)").first()
        let scope = try await ScopeStore.persons(recordKind: recordKind, recordID: id, on: db)
        guard let row else { return nil }
        let level = Level.stored(try row.decode(column: "level", as: String.self))
        let protection = max(level, Level(rawValue: try row.decode(column: "level_rank", as: Int.self)) ?? level)
        return (level, protection, scope, row)
    }

    /// A secret decoded from the row `forRead` found, with its scope.
    static func secret(from row: any SQLRow, scope: Set<String>) throws -> SecretMatter {
        var secret = try secret(from: row)
        secret.scope = scope
        return secret
    }

    /// A secret with its scope, regardless of access.
    static func unchecked(id: String, on db: any SQLDatabase) async throws -> SecretMatter? {
        guard let found = try await forRead(id: id, on: db) else { return nil }
        return try secret(from: found.row, scope: found.scope)
    }

    /// R-KS-4: every secret `viewer` may see matching `filter`, newest first — for the narrow lists the 待办 and the
    /// forms read (each filter names a person or a status); registers read pages with `page`.
    static func visible(to viewer: Viewer, filter: SecretFilter, today: Day, on db: any SQLDatabase) async throws -> [SecretMatter] {
        let visibility = try await AccessFilter.visible(alias: "s", recordKind: recordKind, viewer: viewer, on: db)
        var q: SQLQueryString = "SELECT s.* FROM secrets s WHERE \(visibility)"
        q = q + (try await conditions(filter, today: today, on: db)).sql
        q = q + " ORDER BY s.created_at DESC, s.id DESC"
        return try await db.raw(q).all().map(secret(from:))
    }

    /// The register's orders (issue 11): each key is indexed (`secrets_newest`, `secrets_expiry`, `secrets_title`).
    static func keyset(_ order: SecretOrder) -> KeysetOrder {
        switch order {
        case .newest: KeysetOrder(name: order.rawValue, keys: [("s.created_at", .int), ("s.id", .text)], descending: true)
        case .expiry: KeysetOrder(name: order.rawValue, keys: [("COALESCE(s.expiry, '9999-12-31')", .text), ("s.id", .text)], descending: false)
        case .title: KeysetOrder(name: order.rawValue, keys: [("s.title", .text), ("s.id", .text)], descending: false)
        }
    }

    /// R-KS-4: one page of the secrets `viewer` may see, matching `filter`, in `order`.
    static func page(to viewer: Viewer, filter: SecretFilter, today: Day, order: SecretOrder, request: PageRequest, on db: any SQLDatabase)
        async throws -> Page<SecretMatter>
    {
        try await register.page(
            alias: "s", viewer: viewer, matching: try await conditions(filter, today: today, on: db), newest: order == .newest, order: keyset(order),
            request: request,
            on: db, decode: secret(from:))
    }

    /// R-KS-4: counts by status and level of what `viewer` may see (statistics obey the same rule).
    static func visibleCounts(to viewer: Viewer, filter: SecretFilter, today: Day, on db: any SQLDatabase) async throws -> [(
        status: String, level: String, basis: String, n: Int
    )] {
        let visibility = try await AccessFilter.visible(alias: "s", recordKind: recordKind, viewer: viewer, on: db)
        var q: SQLQueryString =
            "SELECT s.status, s.level, s.basis_kind, COUNT(*) AS n FROM secrets s WHERE \(visibility)"
        q = q + (try await conditions(filter, today: today, on: db)).sql + " GROUP BY s.status, s.level, s.basis_kind"
        return try await db.raw(q).all().map {
            (
                try $0.decode(column: "status", as: String.self), try $0.decode(column: "level", as: String.self),
                try $0.decode(column: "basis_kind", as: String.self), try $0.decode(column: "n", as: Int.self)
            )
        }
    }

    /// The columns the register's search looks in (its search index, M026).
    static let searched = ["title"]

    /// The filter's terms over `s`; those with an index of their own narrow it (`Filtering`).
    static func conditions(_ f: SecretFilter, today: Day, on db: any SQLDatabase) async throws -> Filtering {
        var q = Filtering()
        if let level = f.level { q.and("s.level = \(bind: level.code)") }
        if let status = f.status { q.and("s.status = \(bind: status.rawValue)") }
        if let unit = f.unitID, !unit.isEmpty { q.and("s.unit_id = \(bind: unit)", narrows: true) }
        if let officer = f.officerPersonID, !officer.isEmpty { q.and("s.officer_person_id = \(bind: officer)", narrows: true) }
        if let handler = f.handlerPersonID, !handler.isEmpty { q.and("s.handler_person_id = \(bind: handler)", narrows: true) }
        if let basis = f.basisKind, !basis.isEmpty { q.and("s.basis_kind = \(bind: basis)") }
        if let days = f.expiringWithinDays {
            q.and(
                "s.status = \(bind: SecretStatus.inForce.rawValue) AND s.expiry IS NOT NULL AND s.expiry <= \(bind: today.adding(days: days).iso)",
                narrows: true)
        }
        if let source = f.derivedFrom, !source.isEmpty { q.and("s.source_id = \(bind: source)", narrows: true) }
        if let search = f.search, !search.isEmpty {
            let match = try await TextSearch.match(search, table: "secrets", alias: "s", columns: searched, on: db)
            q.and(search: match)
        }
        if f.needsReview == true { q.and("s.needs_review = 1") }
        if let person = f.involvingPersonID, !person.isEmpty {
            // Each branch on its own index (a plain OR lets SQLite walk every secret expiring soon instead).
            q.and(
                """
                s.id IN (SELECT h.id FROM secrets h WHERE h.handler_person_id = \(bind: person)
                    UNION SELECT o.id FROM secrets o WHERE o.officer_person_id = \(bind: person))
                """, narrows: true)
        }
        if let escalated = f.clockEscalated { q.and("s.clock_escalated = \(bind: escalated ? 1 : 0)", narrows: true) }
        if let superior = f.referredToUnitID, !superior.isEmpty {
            q.and("s.unit_id IN (SELECT u.id FROM units u WHERE u.parent_id = \(bind: superior))", narrows: true)
        }
        if let year = f.reviewDueYear {
            q.and("s.status = \(bind: SecretStatus.inForce.rawValue) AND (s.last_reviewed_year IS NULL OR s.last_reviewed_year < \(bind: year))")
        }
        return q
    }
}
