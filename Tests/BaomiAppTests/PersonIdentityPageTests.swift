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

/// R-PE-15 / R-PE-2: the identity fields entered on the file print on the 审查表 and are read only through the file.
@Suite("身份信息 — file, printout and API")
struct PersonIdentityPageTests {
    @Test("R-PE-15 a keeper enters the identity on the file; the 审查表 prints it; the person reads it, another 承办人 and the directory never")
    func enteredPrintedAndGuarded() async throws {
        try await TestWorld.with { world in
            let zhangwei = try #require(try await world.actor("zhangwei").person).id
            let id = "320102199007151236"
            try await testApplication(world).test(.router) { client in
                var keeper = WebClient(client)
                _ = try await keeper.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let file = try await keeper.get("/personnel/file/\(zhangwei)")
                #expect(file.body.contains("data-testid=\"identity-form\""))
                let bad = try await keeper.post(
                    "/personnel/file/\(zhangwei)/identity",
                    [("gender", "男"), ("birth_month", "1990-07"), ("ethnicity", "汉族"), ("political_status", "群众"), ("id_number", "320102199007151237")],
                    csrfFrom: file)
                #expect(bad.status.code == 422 && bad.body.contains("校验码"))
                let saved = try await keeper.post(
                    "/personnel/file/\(zhangwei)/identity",
                    [("gender", "男"), ("birth_month", "1990-07"), ("ethnicity", "汉族"), ("political_status", "中共党员"), ("id_number", id)], csrfFrom: file)
                #expect(saved.status == .ok && saved.body.contains(id) && saved.body.contains("1990年7月"))
                let review = try #require(try await world.services.personnel.file(try await world.actor("wangfang"), personID: zhangwei).reviews.first)
                let printout = try await keeper.get("/personnel/file/\(zhangwei)/print/review/\(review.id)")
                for value in ["男", "1990年7月", "汉族", "中共党员", id] { #expect(printout.body.contains("<td>\(value)</td>"), "\(value)") }

                // The person reads their own; another 承办人 reads nothing; the directory never shows it.
                let api = try await APIChecker(client)
                let own = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let mine = try await api.check(.get, "/api/v1/personnel/\(zhangwei)/file", own, expect: 200)
                #expect(((mine.object as? [String: Any])?["identity"] as? [String: Any])?["id_number"] as? String == id)
                let other = try await APITestClient.token(client, "zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let refused = try await api.check(.get, "/api/v1/personnel/\(zhangwei)/file", other, expect: 404)
                #expect(!refused.text.contains(id))
                _ = try await api.check(
                    .post, "/api/v1/personnel/\(zhangwei)/identity", own,
                    #"{"gender":"男","birth_month":"1990-07","ethnicity":"汉族","political_status":"群众","id_number":"\#(id)"}"#, expect: 403)
                var directory = WebClient(client)
                _ = try await directory.login("zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                for page in ["/organisation", "/api/v1/persons"] {
                    let body = try await directory.get(page).body
                    #expect(!body.contains(id), "\(page)")
                }
            }
        }
    }
}
