import Accounts
import Areas
import ClassificationServices
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

/// IR 53–54: after leaving — employment in the 脱密期 checked against its restrictions, and the two reports the unit
/// files with its same-level administration.
@Suite("脱密期管理 — employment, violations, 擅自离职")
struct AfterLeavingTests {
    /// The demo's leaver in the 脱密期.
    static func declearing(_ world: TestWorld) async throws -> (person: String, from: Day) {
        let record = try #require(
            try await world.services.personnel.register(try await world.actor("wangfang"), status: .declearing).items.first?.record)
        return (record.personID, try #require(record.declearingFrom))
    }

    static func filings(_ world: TestWorld, _ kind: FilingKind) async throws -> [Filing] {
        try await world.services.classification.supervision(try await world.actor("sunli")).filings.filter { $0.kind == kind }
    }

    @Test("R-PE-7 employment in the 脱密期 is checked against its restrictions: a 外资企业 waits on the 待办 until the violation is reported, a filing of its own kind")
    func employmentChecked() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let office = try await world.actor("liuyang")
            let today = s.clock.today
            let (leaver, from) = try await Self.declearing(world)
            func employment(_ employer: String, _ kind: EmployerKind, on day: Day? = nil, person: String? = nil) -> AfterLeavingRecord {
                AfterLeavingRecord(
                    id: "", personID: person ?? leaver, kind: .employment, occurredOn: day ?? today, employer: employer, employerKind: kind, position: "工程师",
                    details: "")
            }
            func waiting() async throws -> Bool { try await s.todos.items(for: office).contains { $0.title == "脱密期内就业违反限制" } }
            let domestic = try await s.personnel.recordEmployment(office, employment("江海市某国有企业", .domestic))
            #expect(!domestic.restricted && domestic.reportedOn == nil)
            #expect(try await !waiting())
            let foreign = try await s.personnel.recordEmployment(office, employment("某外资咨询公司", .foreignFunded))
            #expect(foreign.restricted)
            #expect(try await waiting())
            // Only for a person in the 脱密期, and only from its first day.
            let serving = try #require(try await world.actor("zhangwei").person).id
            #expect(
                await refusal { _ = try await s.personnel.recordEmployment(office, employment("某公司", .domestic, person: serving)) }
                    == "personnel.not_declearing R-PE-7")
            #expect(
                await refusal { _ = try await s.personnel.recordEmployment(office, employment("某公司", .domestic, on: from.adding(days: -1))) }
                    == "validation.invalid")
            #expect(await refusal { _ = try await s.personnel.recordEmployment(office, employment(" ", .domestic)) } == "validation.invalid")
            // The violation report is filed with the administration, naming the restricted employment; the 待办 clears.
            _ = try await s.personnel.reportDeclearingViolation(
                office, AfterLeavingRecord(id: "", personID: leaver, kind: .violation, occurredOn: today, details: "到外资企业任职，违反离岗离职保密承诺"))
            let filed = try #require(try await Self.filings(world, .declearingViolation).first)
            #expect(filed.summary.hasSuffix("涉密人员脱密期严重违规报告") && filed.content.contains("某外资咨询公司") && !filed.content.contains("江海市某国有企业"))
            #expect(try await !waiting())
            let records = try await s.personnel.file(office, personID: leaver).afterLeaving
            #expect(records.first { $0.id == foreign.id }?.reportedOn == today)
            #expect(records.contains { $0.kind == .violation && $0.reportedOn == today })
            // R-PE-15: only the keepers record it.
            #expect(
                await refusal { _ = try await s.personnel.recordEmployment(try await world.actor("zhangwei"), employment("某公司", .domestic)) }
                    == "personnel.keepers_only R-PE-15")
        }
    }

    @Test(
        "R-PE-7 擅自离职 is filed with the administration naming what the person still holds; a serving person is removed by it; a leaver in the 脱密期 is not absconded"
    )
    func abscondedReported() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let office = try await world.actor("liuyang")
            let clerk = try await world.actor("wangfang")
            let today = s.clock.today
            let zhoumin = try #require(try await world.actor("zhoumin").person).id
            _ = try await world.receiveCarrier(clerk, title: "周敏使用的U盘", scope: [zhoumin], mediumUser: zhoumin)
            _ = try await s.personnel.reportAbsconded(
                office, AfterLeavingRecord(id: "", personID: zhoumin, kind: .absconded, occurredOn: today.adding(days: -2), details: "连续两日未到岗，联系不上"))
            let file = try await s.personnel.file(office, personID: zhoumin)
            #expect(file.record?.status == .removed && file.person.tier == ClearanceTier.none)
            #expect(file.departures.contains { $0.completedOn == nil && $0.destination.contains("擅自离职") })
            let filed = try #require(try await Self.filings(world, .personnelAbsconded).first)
            #expect(filed.content.contains("姓名：周敏") && filed.content.contains("尚未清退：1") && !filed.content.contains("周敏使用的U盘"))
            // The summary, which the audit log keeps, names nobody.
            #expect(filed.summary.hasSuffix("涉密人员擅自离职报告") && !filed.summary.contains("周敏"))
            // Still leaving (the checklist open): a second report is allowed; a leaver in the 脱密期 is no absconder.
            _ = try await s.personnel.reportAbsconded(
                office, AfterLeavingRecord(id: "", personID: zhoumin, kind: .absconded, occurredOn: today, details: "补充报告"))
            let (leaver, _) = try await Self.declearing(world)
            #expect(
                await refusal {
                    _ = try await s.personnel.reportAbsconded(
                        office, AfterLeavingRecord(id: "", personID: leaver, kind: .absconded, occurredOn: today, details: "x"))
                } == "personnel.not_absconded R-PE-7")
            #expect(
                await refusal {
                    _ = try await s.personnel.reportAbsconded(
                        office, AfterLeavingRecord(id: "", personID: zhoumin, kind: .absconded, occurredOn: today, details: " "))
                } == "validation.invalid")
        }
    }
}
