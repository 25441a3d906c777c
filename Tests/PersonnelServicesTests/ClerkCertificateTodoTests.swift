import Areas
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

/// R-PE-13: a serving 保密员 works only with a valid 上岗资格证书; the file keepers' 待办 says when one runs out within
/// 60 days and when one has run out, until the certificate is renewed.
@Suite("保密员上岗资格证书 — expiry on the 待办")
struct ClerkCertificateTodoTests {
    @Test("R-PE-13 a certificate running out within 60 days, then one run out, is on the keepers' 待办 until renewed; nobody else is told")
    func certificateExpiry() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let wangfang = try #require(clerk.person).id
            let validUntil = try #require(try await s.personnel.file(clerk, personID: wangfang).record?.certificate?.validUntil)
            func titles(_ username: String = "wangfang") async throws -> Set<String> {
                Set(try await s.todos.items(for: try await world.actor(username)).map(\.title)).intersection(["保密员上岗资格证书即将到期", "保密员上岗资格证书已过期"])
            }
            func moveTo(_ day: Day) { world.clock.advance(by: TimeInterval((day - s.clock.today) * 86_400)) }
            #expect(try await titles().isEmpty, "a certificate valid for years: nothing to do")
            moveTo(validUntil.adding(days: -61))
            #expect(try await titles().isEmpty, "61 days ahead is not yet within the notice")
            moveTo(validUntil.adding(days: -60))
            #expect(try await titles() == ["保密员上岗资格证书即将到期"])
            moveTo(validUntil)
            #expect(try await titles() == ["保密员上岗资格证书即将到期"], "valid through its last day")
            moveTo(validUntil.adding(days: 1))
            #expect(try await titles() == ["保密员上岗资格证书已过期"])
            let item = try #require(try await s.todos.items(for: clerk).first { $0.title == "保密员上岗资格证书已过期" })
            #expect(item.urgent && item.detail.contains("须持有效证书上岗"))
            // R-PE-15: only the file keepers are told.
            #expect(try await titles("zhangwei").isEmpty)
            // Renewed by the qualification course recorded (R-TR-4): every holder's, so nothing is left to say.
            for holder in try await s.personnel.register(clerk, page: PageRequest(limit: 200)).items where holder.record.certificate != nil {
                _ = try await s.personnel.recordExternal(
                    clerk,
                    ExternalCourse(
                        id: "", personID: holder.personID, kind: .clerkQualification, provider: "江海市国家保密局", completedOn: s.clock.today, hours: 24,
                        certificateNumber: "JH-BM-换证", certificateValidUntil: s.clock.today.adding(years: 3)))
            }
            #expect(try await titles().isEmpty, "renewed: the warnings go")
        }
    }
}
