import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import NIOCore
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

@testable import BaomiApp

/// R-PE-2: a review imported from the paper files says who imported it, when and from which line, and never claims the
/// seven conditions were answered here — on the file, its printout and the API.
@Suite("纸质档案导入的审查")
struct ImportedReviewTests {
    @Test("R-PE-2 an imported review names its source and prints the conditions as on the paper form, never as all seven met")
    func importedReviewSaysSo() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            try await world.addImportPersons(count: 6, unitID: try #require(clerk.person).unitID)
            let workbook = try Data(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("fixtures/workbooks/roster-libreoffice.xlsx"))
            try await testApplication(world).test(.router) { client in
                let token = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let name = "名单（2025）.xlsx".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                let imported = try await client.execute(
                    uri: "/api/v1/personnel-imports?kind=roster&mode=all&file_name=\(name)", method: .post,
                    headers: [.contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .authorization: "Bearer \(token)"],
                    body: ByteBuffer(bytes: workbook))
                #expect(imported.status == .created, "\(String(buffer: imported.body).prefix(300))")
                let source = "按原纸质档案导入：王芳于\(world.services.clock.today.iso)从“名单（2025）.xlsx”第2行导入"
                let review = try #require(try await world.services.personnel.file(clerk, personID: "imp-1").reviews.first)
                #expect(review.importedFrom == source && review.eligibility == nil)

                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let file = try await web.get("/personnel/file/imp-1")
                #expect(file.body.contains("通过（纸质档案导入）"))
                let printout = try await web.get("/personnel/file/imp-1/print/review/\(review.id)")
                #expect(printout.body.contains(source) && printout.body.contains("按原纸质档案导入，逐项审查情况见原纸质审查表"))
                #expect(!printout.body.contains("<td>符合</td>"), "no condition printed as met")

                let api = try await APIChecker(client)
                let json = try await api.check(.get, "/api/v1/personnel/imp-1/file", token, expect: 200)
                let first = ((json.object as? [String: Any])?["reviews"] as? [[String: Any]])?.first
                #expect(first?["conditions_recorded"] as? Bool == false && first?["imported_from"] as? String == source)
            }
        }
    }
}
