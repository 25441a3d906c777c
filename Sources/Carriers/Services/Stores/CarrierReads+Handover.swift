import Accounts
import Carriers
import Kernel
import SQLKit
import Storage

/// The 移交清单 as the personnel files read them (R-CA-15): the lists a person gave or received, one list, and its
/// carriers a page at a time — only those the reader may know (R-KS-4).
extension CarrierReads {
    /// The hand-overs `personID` gave or received, newest first, at most `limit` (`carrier_handovers_from`,
    /// `carrier_handovers_to`).
    package static func handovers(involving personID: String, limit: Int = 50, on db: any SQLDatabase) async throws -> [CarrierHandover] {
        let columns = CarrierStore.handoverColumns
        return try await db.raw(
            """
            SELECT * FROM (
                SELECT * FROM (SELECT \(unsafeRaw: columns), created_at FROM carrier_handovers WHERE from_person_id = \(bind: personID)
                    ORDER BY created_at DESC LIMIT \(unsafeRaw: String(limit))) AS given
                UNION ALL
                SELECT * FROM (SELECT \(unsafeRaw: columns), created_at FROM carrier_handovers WHERE to_person_id = \(bind: personID)
                    AND from_person_id <> \(bind: personID) ORDER BY created_at DESC LIMIT \(unsafeRaw: String(limit))) AS received
            ) AS lists ORDER BY created_at DESC, id LIMIT \(unsafeRaw: String(limit))
            """
        ).all().map(CarrierStore.handover(from:))
    }

    /// The newest hand-over `personID` gave (`carrier_handovers_from`).
    package static func latestHandover(from personID: String, on db: any SQLDatabase) async throws -> CarrierHandover? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: CarrierStore.handoverColumns) FROM carrier_handovers WHERE from_person_id = \(bind: personID)
            ORDER BY created_at DESC LIMIT 1
            """
        ).first().map(CarrierStore.handover(from:))
    }

    /// One hand-over by its id.
    package static func handover(id: String, on db: any SQLDatabase) async throws -> CarrierHandover? {
        try await db.raw("SELECT \(unsafeRaw: CarrierStore.handoverColumns) FROM carrier_handovers WHERE id = \(bind: id)").first().map(
            CarrierStore.handover(from:))
    }

    /// The order of a list's lines: by register number (`carrier_handover_items` primary key).
    static let handoverLineOrder = KeysetOrder(name: "number", keys: [("i.number", .text), ("i.carrier_id", .text)], descending: false)

    /// R-CA-15 / R-KS-4: a page of the carriers handed over by `handoverID` that `viewer` may know, by register number,
    /// their count up to `Keyset.countCap` on the first page.
    package static func handoverLines(
        handoverID: String, viewer: Viewer, page: PageRequest, on db: any SQLDatabase
    ) async throws -> Page<Carrier> {
        let visible = try await AccessFilter.visible(alias: "c", recordKind: CarrierStore.recordKind, viewer: viewer, on: db)
        let from: SQLQueryString =
            "FROM carrier_handover_items i JOIN carriers c ON c.id = i.carrier_id WHERE i.handover_id = \(bind: handoverID) AND " + visible
        return try await Keyset.page(select: "c.*", from: from, order: handoverLineOrder, request: page, on: db, decode: CarrierStore.carrier(from:))
    }
}
