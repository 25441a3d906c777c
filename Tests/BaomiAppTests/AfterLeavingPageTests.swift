import Areas
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

@testable import BaomiApp

/// R-PE-7 / IR 54: 脱密期管理 on the file page and in the API.
@Suite("脱密期管理 — page and API")
struct AfterLeavingPageTests {
    @Test("R-PE-7 the file of a person in the 脱密期 records employment and reports a violation; the API the same, keepers only")
    func fileAndAPI() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            let leaver = try #require(try await world.services.personnel.register(clerk, status: .declearing).items.first).personID
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let file = try await web.get("/personnel/file/\(leaver)")
                #expect(file.body.contains("data-testid=\"employment-form\"") && !file.body.contains("data-testid=\"absconded-form\""))
                let today = world.services.clock.today.iso
                let recorded = try await web.post(
                    "/personnel/file/\(leaver)/employment",
                    [("occurred_on", today), ("employer", "某境外驻华代表处"), ("employer_kind", "foreign_agency"), ("position", "顾问")], csrfFrom: file)
                #expect(recorded.status == .ok && recorded.body.contains("违反脱密期就业限制") && recorded.body.contains("违反限制，尚未报告"))
                let missing = try await web.post("/personnel/file/\(leaver)/employment", [("occurred_on", today), ("employer", "某单位")], csrfFrom: file)
                #expect(missing.status.code == 422, "no 单位类别 chosen")
                let reported = try await web.post(
                    "/personnel/file/\(leaver)/violation", [("occurred_on", today), ("details", "在境外驻华代表处任职")], csrfFrom: file)
                #expect(reported.status == .ok && reported.body.contains("违反限制，\(today)已报告"))

                let api = try await APIChecker(client)
                let keeper = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let handler = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let body = #"{"occurred_on":"\#(today)","employer":"某外资企业","employer_kind":"foreign_funded"}"#
                _ = try await api.check(.post, "/api/v1/personnel/\(leaver)/employment", handler, body, expect: 403)
                let made = try await api.check(.post, "/api/v1/personnel/\(leaver)/employment", keeper, body, expect: 201)
                #expect((made.object as? [String: Any])?["restricted"] as? Bool == true)
                _ = try await api.check(
                    .post, "/api/v1/personnel/\(leaver)/declearing-violation", keeper, #"{"occurred_on":"\#(today)","details":"在外资企业任职"}"#, expect: 201)
                _ = try await api.check(.post, "/api/v1/personnel/\(leaver)/absconded", keeper, #"{"occurred_on":"\#(today)","details":"x"}"#, expect: 409)
                let fileJSON = try await api.check(.get, "/api/v1/personnel/\(leaver)/file", keeper, expect: 200)
                #expect(((fileJSON.object as? [String: Any])?["after_leaving"] as? [Any])?.count == 4)
            }
        }
    }
}
