import Accounts
import Foundation
import Kernel
import Organisation
import Personnel
import SQLKit
import Storage

extension PersonnelService {
    /// R-PE-14: records a restriction a person of the keeper's unit bears for keeping secrets (出境、就业 …) with the
    /// treatment or compensation given; it shows in the person's file.
    public func recordRights(_ actor: Actor, _ input: RightsRecord) async throws -> RightsRecord {
        let me = try await keeper(actor)
        let s = services
        var r = input
        r.id = IDs.make()
        let valid = try PersonnelRules.rightsRecord(r)
        guard valid.recordedOn <= today else { throw Refusal.invalid("recorded_on", "日期不能晚于今天") }
        guard valid.restriction.count <= 500, valid.measure.count <= 500 else {
            throw Refusal.invalid(valid.restriction.count > 500 ? "restriction" : "measure", "不超过500字")
        }
        return try await gated(actor, "personnel.rights", valid.personID) { db in
            _ = try await member(valid.personID, of: me, on: db)
            try await PersonnelStore.insert(valid, unitID: me.unitID, at: s.nowMillis, on: db)
            try await audit(actor, "personnel.rights", id: valid.id, detail: "权益保障", on: db)
            return valid
        }
    }
}

extension PersonnelStore {
    static func rights(from row: any SQLRow) throws -> RightsRecord {
        RightsRecord(
            id: try text(row, "id"), personID: try text(row, "person_id"), restriction: try text(row, "restriction"), measure: try text(row, "measure"),
            recordedOn: try day(row, "recorded_on")!)
    }

    static func insert(_ r: RightsRecord, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO rights_records (id, person_id, unit_id, restriction, measure, recorded_on, created_at)
            VALUES (\(bind: r.id), \(bind: r.personID), \(bind: unitID), \(bind: r.restriction), \(bind: r.measure), \(bind: r.recordedOn.iso), \(bind: millis))
            """
        ).run()
    }

    /// A person's 权益保障 records, newest first (`rights_records_person`).
    static func rights(personID: String, on db: any SQLDatabase) async throws -> [RightsRecord] {
        try await db.raw("SELECT * FROM rights_records WHERE person_id = \(bind: personID) ORDER BY recorded_on DESC, id LIMIT 200").all().map(rights(from:))
    }
}
