import Accounts
import Audit
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

extension PersonnelService {
    /// R-TR-1 / R-KP-4 / R-TR-3: registers a class held; the hours of every participant are kept per year in the same
    /// transaction, and a 定密培训 passed moves the officers' training date on (the register is its source).
    public func recordClass(_ actor: Actor, _ input: TrainingClass) async throws -> TrainingClass {
        let me = try await keeper(actor)
        let s = services
        var c = input
        c.id = IDs.make()
        c.unitID = me.unitID
        let valid = try TrainingRules.validClass(c, today: today)
        guard valid.participantIDs.count + valid.absentIDs.count <= 5_000 else { throw Refusal.invalid("participant_ids", "一次培训最多登记5000人") }
        return try await gated(actor, "training.class", valid.id) { db in
            let everyone = valid.participantIDs + valid.absentIDs
            let found = try await PersonnelStore.countPersons(unitID: me.unitID, among: everyone, on: db)
            guard found == everyone.count else { throw Refusal.invalid("participant_ids", "参加或缺席人员须为本单位人员") }
            try await PersonnelStore.insert(valid, at: s.nowMillis, on: db)
            for person in valid.passedIDs {
                try await ClassificationWrites.recordClassificationTraining(personID: person, on: valid.heldOn, on: db)
            }
            try await audit(actor, "training.class", id: valid.id, detail: "\(valid.kind.rawValue) \(valid.hours)学时 \(valid.participantIDs.count)人", on: db)
            return valid
        }
    }

    /// R-TR-4: records a course outside the unit with its certificate; its hours count for the year, a 定密培训 moves
    /// the officers' training date on, a 保密员 qualification becomes the certificate on the person's record.
    public func recordExternal(_ actor: Actor, _ input: ExternalCourse) async throws -> ExternalCourse {
        let me = try await keeper(actor)
        let s = services
        var e = input
        e.id = IDs.make()
        let valid = try TrainingRules.validExternal(e, today: today)
        return try await gated(actor, "training.external", valid.personID) { db in
            _ = try await member(valid.personID, of: me, on: db)
            try await PersonnelStore.insert(valid, unitID: me.unitID, at: s.nowMillis, on: db)
            try await PersonnelStore.addHours(personID: valid.personID, year: valid.completedOn.year, hours: valid.hours, on: db)
            if valid.kind == .classification {
                try await ClassificationWrites.recordClassificationTraining(personID: valid.personID, on: valid.completedOn, on: db)
            }
            if valid.kind == .clerkQualification, var cleared = try await PersonnelStore.cleared(personID: valid.personID, on: db) {
                cleared.certificate = Certificate(
                    number: valid.certificateNumber, issuer: valid.provider, issuedOn: valid.completedOn,
                    validUntil: valid.certificateValidUntil ?? valid.completedOn.adding(years: 3))
                try await PersonnelStore.save(
                    cleared, changeReview: try await PersonnelStore.changeReview(personID: valid.personID, on: db), at: s.nowMillis, on: db)
            }
            try await audit(actor, "training.external", id: valid.id, detail: valid.kind.rawValue, on: db)
            return valid
        }
    }

    /// R-TR-1 / R-TR-2: the unit's annual plan for a year (April's 保密宣传教育月 included); one per year, replaced
    /// when saved again.
    public func savePlan(_ actor: Actor, year: Int, items: [TrainingRules.PlanItem]) async throws -> [TrainingRules.PlanItem] {
        let me = try await keeper(actor)
        let s = services
        let valid = try TrainingRules.validPlan(year: year, items: items)
        return try await gated(actor, "training.plan", me.unitID) { db in
            try await PersonnelStore.replacePlan(id: IDs.make(), unitID: me.unitID, year: year, items: valid, at: s.nowMillis, on: db)
            try await audit(actor, "training.plan", id: me.unitID, detail: "\(year)年度，\(valid.count)项", on: db)
            return valid
        }
    }

    /// R-TR-1: the unit's plan for a year, if saved.
    public func plan(_ actor: Actor, year: Int) async throws -> [TrainingRules.PlanItem]? {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.plan(unitID: me.unitID, year: year, on: db) }
    }

    /// R-KP-4: serving staff of the unit under their floor for a year, with their hours (kept, not recounted).
    public func underFloor(_ actor: Actor, year: Int, limit: Int = 200) async throws -> (
        count: Int, lines: [(personID: String, name: String, tier: ClearanceTier, hours: Int)]
    ) {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.underFloor(unitID: me.unitID, year: year, limit: limit, on: db) }
    }
}

extension PersonnelService {
    /// R-TR-1 / R-KP-4: the unit's classes, newest first, for the keepers (R-PE-15).
    public func classes(_ actor: Actor, page: PageRequest = PageRequest()) async throws -> Page<TrainingClass> {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.classes(unitID: me.unitID, page: page, on: db) }
    }

    /// R-TR-1 / R-KP-4: one class of the keeper's unit with its participants, absentees and exam passes (the 培训签到表).
    /// Another unit's class reads as missing.
    public func trainingClass(_ actor: Actor, id: String) async throws -> TrainingClass {
        let me = try await keeper(actor)
        guard let found = try await services.database.read({ db in try await PersonnelStore.trainingClass(id: id, unitID: me.unitID, on: db) }) else {
            throw Refusal.notFound
        }
        return found
    }
}
