import Classification
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// Unit authority, grants, officers and catalogue items.
enum AuthorityStore {
    /// A unit's own 定密权 (nil = none).
    static func ownCap(unitID: String, on db: any SQLDatabase) async throws -> Level? {
        try await db.raw("SELECT own_cap FROM unit_authority WHERE unit_id = \(bind: unitID)").first()?
            .decode(column: "own_cap", as: String?.self).flatMap(Level.init(code:))
    }

    /// Sets a unit's own 定密权.
    static func setOwnCap(unitID: String, cap: Level?, basis: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM unit_authority WHERE unit_id = \(bind: unitID)").run()
        try await db.raw(
            "INSERT INTO unit_authority (unit_id, own_cap, basis, updated_at) VALUES (\(bind: unitID), \(bind: cap?.code), \(bind: basis), \(bind: millis))"
        ).run()
    }

    static func grant(from row: any SQLRow) throws -> Grant {
        Grant(
            id: try row.decode(column: "id", as: String.self), grantorUnitID: try row.decode(column: "grantor_unit_id", as: String.self),
            granteeUnitID: try row.decode(column: "grantee_unit_id", as: String.self),
            cap: Level.storedCeiling(try row.decode(column: "cap", as: String.self)),
            matterScope: try row.decode(column: "matter_scope", as: String.self),
            validFrom: Day(iso: try row.decode(column: "valid_from", as: String.self))!,
            validUntil: Day(iso: try row.decode(column: "valid_until", as: String.self))!,
            revokedOn: try row.decode(column: "revoked_on", as: String?.self).flatMap(Day.init(iso:)),
            revocationReason: try row.decode(column: "revocation_reason", as: String?.self))
    }

    /// Stores a grant decision with its filing target.
    static func insert(_ g: Grant, basis: String, reasons: String, decidedOn: Day, filedWith: String?, at millis: Int64, on db: any SQLDatabase)
        async throws
    {
        try await db.raw(
            """
            INSERT INTO grants (id, grantor_unit_id, grantee_unit_id, cap, matter_scope, valid_from, valid_until, basis, reasons, decided_on,
                filed_with_unit_id, created_at)
            VALUES (\(bind: g.id), \(bind: g.grantorUnitID), \(bind: g.granteeUnitID), \(bind: g.cap.code), \(bind: g.matterScope),
                \(bind: g.validFrom.iso), \(bind: g.validUntil.iso), \(bind: basis), \(bind: reasons), \(bind: decidedOn.iso), \(bind: filedWith), \(bind: millis))
            """
        ).run()
    }

    /// Revokes a grant (R-AU-4).
    static func revoke(id: String, on day: Day, reason: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE grants SET revoked_on = \(bind: day.iso), revocation_reason = \(bind: reason) WHERE id = \(bind: id)").run()
    }

    /// Grants where the unit is grantee (or grantor).
    static func grants(involving unitIDs: [String], on db: any SQLDatabase) async throws -> [Grant] {
        guard !unitIDs.isEmpty else { return [] }
        return try await db.select().column("*").from("grants")
            .where { $0.where("grantee_unit_id", .in, unitIDs).orWhere("grantor_unit_id", .in, unitIDs) }
            .orderBy("decided_on", .descending).all().map(grant(from:))
    }

    /// Grants filed with an administration unit (its 备案 queue).
    static func grants(filedWith unitID: String, on db: any SQLDatabase) async throws -> [Grant] {
        try await db.raw("SELECT * FROM grants WHERE filed_with_unit_id = \(bind: unitID) ORDER BY decided_on DESC").all().map(grant(from:))
    }

    /// One grant.
    static func grant(id: String, on db: any SQLDatabase) async throws -> Grant? {
        try await db.raw("SELECT * FROM grants WHERE id = \(bind: id)").first().map(grant(from:))
    }

    static func officer(from row: any SQLRow) throws -> Officer {
        Officer(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            personID: try row.decode(column: "person_id", as: String.self),
            kind: Officer.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .designated,
            cap: Level.storedCeiling(try row.decode(column: "cap", as: String.self)),
            appointedOn: Day(iso: try row.decode(column: "appointed_on", as: String.self))!,
            trainedOn: try row.decode(column: "trained_on", as: String?.self).flatMap(Day.init(iso:)),
            removedOn: try row.decode(column: "removed_on", as: String?.self).flatMap(Day.init(iso:)),
            removalReason: try row.decode(column: "removal_reason", as: String?.self).flatMap(RemovalReason.init(rawValue:)))
    }

    /// Stores an officer (insert or update).
    static func save(_ o: Officer, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM officers WHERE id = \(bind: o.id)").run()
        try await db.raw(
            """
            INSERT INTO officers (id, unit_id, person_id, kind, cap, appointed_on, trained_on, removed_on, removal_reason, created_at)
            VALUES (\(bind: o.id), \(bind: o.unitID), \(bind: o.personID), \(bind: o.kind.rawValue), \(bind: o.cap.code), \(bind: o.appointedOn.iso),
                \(bind: o.trainedOn?.iso), \(bind: o.removedOn?.iso), \(bind: o.removalReason?.rawValue), \(bind: millis))
            """
        ).run()
    }

    /// A unit's roster, in office first.
    static func officers(unitID: String, on db: any SQLDatabase) async throws -> [Officer] {
        try await db.raw("SELECT * FROM officers WHERE unit_id = \(bind: unitID) ORDER BY removed_on, kind DESC, appointed_on").all().map(officer(from:))
    }

    /// The officer records of a person.
    static func officers(personID: String, on db: any SQLDatabase) async throws -> [Officer] {
        try await db.raw("SELECT * FROM officers WHERE person_id = \(bind: personID)").all().map(officer(from:))
    }

    /// The unit (id) an officer record belongs to; nil when there is no such record.
    static func officerUnit(id: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT unit_id FROM officers WHERE id = \(bind: id)").first()?.decode(column: "unit_id", as: String.self)
    }

    /// R-TR-3 / R-AU-5: a 定密培训 the person passed on `day` moves on the training date of each of their officer records
    /// in office (never back).
    static func recordTraining(personID: String, on day: Day, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE officers SET trained_on = \(bind: day.iso)
            WHERE person_id = \(bind: personID) AND removed_on IS NULL AND (trained_on IS NULL OR trained_on < \(bind: day.iso))
            """
        ).run()
    }

    static func item(from row: any SQLRow) throws -> CatalogueItem {
        let level = Level.stored(try row.decode(column: "level", as: String.self))
        return CatalogueItem(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            code: try row.decode(column: "code", as: String.self), name: try row.decode(column: "name", as: String.self), level: level,
            period: ClassificationCodec.period(try row.decode(column: "period", as: String.self), level: level) ?? .years(level.maxYears),
            allowance: PeriodAllowance(
                maxYears: try row.decode(column: "max_years", as: Int?.self),
                allowsLongTerm: try row.decode(column: "allows_long_term", as: Int.self) != 0),
            scope: try row.decode(column: "scope", as: String.self), productionLevel: try row.decode(column: "production_level", as: String.self),
            sourceDocument: try row.decode(column: "source_document", as: String.self), revision: try row.decode(column: "revision", as: Int.self))
    }

    /// Stores a catalogue item (insert or revision, in place: revisions refer to it).
    static func save(_ i: CatalogueItem, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO catalogue_items (id, unit_id, code, name, level, period, max_years, allows_long_term, scope, production_level,
                source_document, revision, updated_at)
            VALUES (\(bind: i.id), \(bind: i.unitID), \(bind: i.code), \(bind: i.name), \(bind: i.level.code), \(bind: i.period.rendered),
                \(bind: i.allowance.maxYears), \(bind: i.allowance.allowsLongTerm ? 1 : 0), \(bind: i.scope), \(bind: i.productionLevel),
                \(bind: i.sourceDocument), \(bind: i.revision), \(bind: millis))
            ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, level = excluded.level, period = excluded.period,
                max_years = excluded.max_years, allows_long_term = excluded.allows_long_term, scope = excluded.scope,
                production_level = excluded.production_level, source_document = excluded.source_document, revision = excluded.revision,
                updated_at = excluded.updated_at
            """
        ).run()
    }

    /// A unit's catalogue.
    static func catalogue(unitID: String, on db: any SQLDatabase) async throws -> [CatalogueItem] {
        try await db.raw("SELECT * FROM catalogue_items WHERE unit_id = \(bind: unitID) ORDER BY code").all().map(item(from:))
    }

    /// One item.
    static func item(id: String, on db: any SQLDatabase) async throws -> CatalogueItem? {
        try await db.raw("SELECT * FROM catalogue_items WHERE id = \(bind: id)").first().map(item(from:))
    }
}
