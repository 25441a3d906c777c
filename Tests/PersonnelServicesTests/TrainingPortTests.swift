import Classification
import ClassificationServices
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

/// 定密培训 — the 定密 area asks the training register through the training port, not its tables.
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
                chenjun, unitID: zhaoqiang.unitID, personID: zhaoqiang.id, kind: .designated, cap: .confidential, trainedOn: today.adding(days: -100))
            #expect(officer.trainedOn == outside)
        }
    }
}
