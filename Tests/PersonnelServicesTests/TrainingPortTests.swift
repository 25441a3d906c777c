import Classification
import ClassificationServices
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

/// 定密培训 — the 定密 area asks the training register through the training port, not its tables; the register is the
/// only source of an officer's training date (R-TR-3, R-AU-5).
@Suite("定密培训 — the training register through the training port")
struct TrainingPortTests {
    @Test("R-TR-3 an appointment takes its training date from the register: the latest 定密培训 passed, in the unit or outside")
    func appointmentReadsRegister() async throws {
        try await TestWorld.with { world in
            let today = world.services.clock.today
            let personnel = world.services.personnel
            let keeper = try await world.actor("wangfang")
            let chenjun = try await world.actor("chenjun")
            let zhaoqiang = try #require(try await world.actor("zhaoqiang").person)
            let wuhao = try #require(try await world.actor("wuhao").person)
            let outside = today.adding(days: -40)
            _ = try await personnel.recordExternal(
                keeper,
                ExternalCourse(
                    id: "", personID: zhaoqiang.id, kind: .classification, provider: "省国家保密局", completedOn: outside, hours: 8, certificateNumber: "DM-1"))
            // Later classes that do not count: a 定密培训 he sat but did not pass, and general education.
            _ = try await personnel.recordClass(
                keeper,
                TrainingClass(
                    id: "", unitID: "", kind: .classification, heldOn: today.adding(days: -10), hours: 4, content: "定密培训", form: "面授", organiser: "保密办",
                    participantIDs: [zhaoqiang.id, wuhao.id], passedIDs: [wuhao.id]))
            _ = try await personnel.recordClass(
                keeper,
                TrainingClass(
                    id: "", unitID: "", kind: .general, heldOn: today.adding(days: -5), hours: 2, content: "保密教育", form: "面授", organiser: "保密办",
                    participantIDs: [zhaoqiang.id]))
            let officer = try await world.services.classification.appointOfficer(
                chenjun, unitID: zhaoqiang.unitID, personID: zhaoqiang.id, kind: .designated, cap: .confidential)
            #expect(officer.trainedOn == outside)
        }
    }

    @Test("R-TR-3 R-AU-5 an officer appointed untrained decides nothing until a 定密培训 passed is recorded, which moves the date on")
    func classMovesTheOfficerOn() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let today = s.clock.today
            let keeper = try await world.actor("wangfang")
            let zhaoqiang = try await world.actor("zhaoqiang")
            let person = try #require(zhaoqiang.person)
            // No 定密培训 on the register: appointed untrained (the date is nobody's word).
            let officer = try await s.classification.appointOfficer(
                try await world.actor("chenjun"), unitID: person.unitID, personID: person.id, kind: .designated, cap: .confidential)
            #expect(officer.trainedOn == nil)
            func trainedOn() async throws -> Day? {
                try await s.classification.ownOfficers(zhaoqiang).first { $0.id == officer.id }?.trainedOn
            }
            // A class sat but failed moves nothing; nor does a general class.
            _ = try await s.personnel.recordClass(
                keeper,
                TrainingClass(
                    id: "", unitID: "", kind: .classification, heldOn: today.adding(days: -3), hours: 4, content: "定密培训", form: "面授", organiser: "保密办",
                    participantIDs: [person.id], passedIDs: []))
            #expect(try await trainedOn() == nil)
            let drafted = try await draft(world)
            _ = try await s.classification.submit(try await world.actor("zhangwei"), secretID: drafted, officerPersonID: person.id)
            await #expect(throws: ClassificationError.officerUntrained) { try await s.classification.review(zhaoqiang, secretID: drafted, decision: .approve) }
            // Passed: the officer's date is the class's, and the officer may decide.
            _ = try await s.personnel.recordClass(
                keeper,
                TrainingClass(
                    id: "", unitID: "", kind: .classification, heldOn: today.adding(days: -2), hours: 4, content: "定密培训补考", form: "考试", organiser: "保密办",
                    participantIDs: [person.id], passedIDs: [person.id]))
            #expect(try await trainedOn() == today.adding(days: -2))
            // A course outside the unit, later, moves it on again; an earlier one never moves it back.
            _ = try await s.personnel.recordExternal(
                keeper,
                ExternalCourse(
                    id: "", personID: person.id, kind: .classification, provider: "省国家保密局", completedOn: today, hours: 8, certificateNumber: "DM-2"))
            #expect(try await trainedOn() == today)
            _ = try await s.personnel.recordExternal(
                keeper,
                ExternalCourse(
                    id: "", personID: person.id, kind: .classification, provider: "省国家保密局", completedOn: today.adding(days: -30), hours: 8,
                    certificateNumber: "DM-0"))
            #expect(try await trainedOn() == today)
            try await s.classification.review(zhaoqiang, secretID: drafted, decision: .approve)
        }
    }

    /// A 承办人's draft from the catalogue, to submit to the officer.
    private func draft(_ world: TestWorld) async throws -> String {
        let handler = try await world.actor("zhangwei")
        let item = try #require(try await world.services.classification.ownCatalogue(handler).first { $0.code == "GX-02" })
        return try await world.services.classification.draft(
            handler,
            DraftRequest(
                title: "测试事项：培训合格后定密", basis: .catalogue(itemID: item.id), marking: "秘密★3年", scope: [], secretPoints: "密点甲", questions: .allNo)
        ).id
    }
}
