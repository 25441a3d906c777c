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
