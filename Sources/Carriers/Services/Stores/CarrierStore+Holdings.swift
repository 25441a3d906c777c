import Accounts
import Carriers
import Kernel
import SQLKit
import Storage

/// What one person holds, keeps or uses: the per-person ledger (R-PE-7), the 待办's reminders to hand back and the
/// departure gate's count (R-PE-16). Each read is driven by the person's indexes (holder, custodian, medium user).
extension CarrierStore {
    /// What a person holds or keeps, as SQL over `c` (each branch has its index: holder, custodian, medium user).
    static func ledgerCondition(_ personID: String) -> SQLQueryString {
        """
         AND c.status NOT IN (\(binds: closedStatuses))
         AND (c.holder_person_id = \(bind: personID) OR (c.holder_person_id IS NULL AND c.custodian_person_id = \(bind: personID))
              OR c.medium_user_person_id = \(bind: personID))
        """
    }

    /// R-KS-4 / R-PE-7: one page by register number of what `personID` holds (borrowed, in circulation, carried out) or
    /// keeps as custodian, among what `viewer` may know of.
    static func ledger(personID: String, viewer: Viewer, request: PageRequest, on db: any SQLDatabase) async throws -> Page<Carrier> {
        let visibility = try await AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        var from: SQLQueryString = "FROM carriers c WHERE \(visibility)"
        from = from + ledgerCondition(personID)
        return try await Keyset.page(select: "c.*", from: from, order: keyset(.number), request: request, on: db, decode: carrier(from:))
    }

    /// R-CA-5 / R-CA-4 / R-CA-9 / R-KS-4: what `personID` has borrowed, has in circulation or carried out, among what
    /// `viewer` may know of, by register number — narrow and indexed (`carriers_holder`).
    static func heldBy(personID: String, viewer: Viewer, on db: any SQLDatabase) async throws -> [Carrier] {
        var q: SQLQueryString = "SELECT c.* FROM carriers c WHERE c.holder_person_id = \(bind: personID) AND "
        q = try await q + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        q = q + " AND c.status NOT IN (\(binds: closedStatuses)) ORDER BY c.number"
        return try await db.raw(q).all().map(carrier(from:))
    }

    /// R-PE-16: what a person still has, as SQL over `c` — held, kept (whoever holds it now: a kept carrier lent to
    /// someone else is still the leaver's) or used, not returned, destroyed, dispatched or lost. Driven from the person's
    /// three indexes (a `UNION` of ids), never from the register's order. The gate's count and its titles both use it.
    static func stillWith(_ personID: String) -> SQLQueryString {
        """
         c.id IN (
            SELECT x.id FROM carriers x WHERE x.holder_person_id = \(bind: personID)
            UNION SELECT x.id FROM carriers x WHERE x.custodian_person_id = \(bind: personID)
            UNION SELECT x.id FROM carriers x WHERE x.medium_user_person_id = \(bind: personID))
         AND c.status NOT IN (\(binds: closedStatuses))
        """
    }

    /// R-PE-16: how many carriers and media the person still holds, keeps or uses (`stillWith`), across the whole system
    /// and whatever the caller may know — the departure gate's count, never a list (each branch has its index).
    static func outstandingCount(ofPerson personID: String, on db: any SQLDatabase) async throws -> Int {
        let q: SQLQueryString = "SELECT COUNT(*) AS n FROM carriers c WHERE" + stillWith(personID)
        return try await db.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// R-PE-16 / R-KS-4: of what the person still has (`stillWith`), those `viewer` may know of — at most
    /// `Keyset.countCap`, unordered (the caller sorts a person's handful in memory).
    static func outstandingVisible(personID: String, viewer: Viewer, on db: any SQLDatabase) async throws -> [Carrier] {
        var q: SQLQueryString = "SELECT c.* FROM carriers c WHERE" + stillWith(personID) + " AND "
        q = try await q + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        q = q + " LIMIT \(unsafeRaw: String(Keyset.countCap))"
        return try await db.raw(q).all().map(carrier(from:))
    }
}
