import BaomiApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import TestSupport
import Testing

/// Issue 10: the 定密权管理 register offers its actions as a bar, each with its own focused form page.
@Suite("定密权管理 — one page per action")
struct AuthorityActionPageTests {
    @Test("R-AU-5 the register offers its actions to those who act for the unit, one focused form each; others get the refusal")
    func actionPages() async throws {
        try await TestWorld.with { world in
            let unit = try #require(try await world.actor("liuyang").person?.unitID)
            try await testApplication(world).test(.router) { client in
                var liuyang = WebClient(client)
                try await liuyang.login("liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let register = try await liuyang.get("/authority")
                #expect(register.status == .ok)
                for action in ["officer", "file-roster", "grant", "apply", "catalogue", "file-catalogue"] {
                    #expect(register.body.contains("data-action=\"\(action)\""), "\(action) on the bar")
                }
                #expect(!register.body.contains("method=\"post\" action=\"/authority/"), "no form on the register itself")
                let form = try await liuyang.get("/authority/\(unit)/catalogue")
                #expect(form.status == .ok)
                #expect(form.body.contains("name=\"marking\"") && !form.body.contains("name=\"grantee_unit_id\""))
                // A refusal comes back on the action's own form, with its rule.
                let refused = try await liuyang.post(
                    "/authority/\(unit)/catalogue", [("code", "T-1"), ("name", "测试条目"), ("marking", "秘密")], csrfFrom: form)
                #expect(refused.status.code == 422)
                #expect(refused.body.contains("R-AU-6") && refused.body.contains("data-testid=\"action-form\""))
                // A 承办人 does not act for the unit: no bar, and the form answers 403.
                var zhangwei = WebClient(client)
                try await zhangwei.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                #expect(try await zhangwei.get("/authority/\(unit)/officer").status == .forbidden)
            }
        }
    }
}
