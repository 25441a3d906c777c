import Accounts
import Areas
import BaomiApp
import CarrierServices
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Organisation
import Storage
import TestSupport
import Testing

@testable import OrganisationServices

@Suite("网页界面 — the web shell")
struct WebTests {
    @Test("Login sets an HttpOnly SameSite session cookie and lands on the 待办 page")
    func loginLandsOnHome() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                let response = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                #expect(response.status == .seeOther)
                #expect(response.location == "/")
                let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("baomi_session=") } ?? ""
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
                let home = try await web.get("/")
                #expect(home.status == .ok)
                #expect(home.body.contains("待办"))
                #expect(home.body.contains("王芳"))
                #expect(home.headers[.cacheControl] == "no-store")
                #expect(home.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
            }
        }
    }

    @Test("Pages need a session: anonymous visitors are sent to the login page")
    func anonymousRedirected() async throws {
        try await TestWorld.with(demo: false) { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                for path in ["/", "/notices", "/admin/users", "/audit", "/calendar"] {
                    let page = try await web.get(path)
                    #expect(page.status == .seeOther, "\(path)")
                    #expect(page.location == "/login")
                }
            }
        }
    }

    @Test("A wrong password is refused on the form with the Chinese message")
    func wrongPassword() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                let page = try await web.login("wangfang", "Wrong-pass-1")
                #expect(page.status == .unauthorized)
                #expect(page.body.contains("用户名或口令错误"))
            }
        }
    }

    @Test("CSRF: a form posted without the session's token is refused and changes nothing")
    func csrfRefused() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("sysadmin", TestPasswords.sysadmin)
                let users = try await web.get("/admin/users")
                let before = try await world.services.accounts.list(.system).count
                let forged = try await web.request("/admin/users", method: .post, form: [("_csrf", "forged"), ("username", "evil"), ("display_name", "攻击者")])
                #expect(forged.status == .forbidden)
                let missing = try await web.request("/admin/users", method: .post, form: [("username", "evil"), ("display_name", "攻击者")])
                #expect(missing.status == .forbidden)
                #expect(try await world.services.accounts.list(.system).count == before)
                let genuine = try await web.post("/admin/users", [("username", "good.user"), ("display_name", "正常用户")], csrfFrom: users)
                #expect(genuine.status == .ok)
                #expect(genuine.body.contains("仅显示一次"))
                #expect(try await world.services.accounts.list(.system).count == before + 1)
            }
        }
    }

    @Test("CSRF: the login form needs its own token too")
    func loginCSRF() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                let page = try await web.request("/login", method: .post, form: [("username", "wangfang"), ("password", TestPasswords.demo)])
                #expect(page.status == .forbidden)
                #expect(web.cookies["baomi_session"] == nil)
            }
        }
    }

    @Test("R-SY-4 an idle web session expires and the user is sent to log in again")
    func sessionExpiry() async throws {
        try await TestWorld.with(idleTimeout: 300) { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                #expect(try await web.get("/").status == .ok)
                world.clock.advance(by: 301)
                let expired = try await web.get("/")
                #expect(expired.status == .seeOther)
                #expect(expired.location == "/login?expired=1")
                let login = try await web.get("/login?expired=1")
                #expect(login.body.contains("会话已超时"))
            }
        }
    }

    @Test("A reset password forces a change before anything else")
    func mustChangePassword() async throws {
        try await TestWorld.with { world in
            let target = try await world.services.database.read { try await UserStore.user(username: "zhoumin", on: $0) }!
            let password = try await world.services.accounts.resetPassword(world.actor("sysadmin"), userID: target.id)
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("zhoumin", password)
                let home = try await web.get("/")
                #expect(home.location == "/account/password?required=1")
                let form = try await web.get("/account/password?required=1")
                let changed = try await web.post(
                    "/account/password", [("old_password", password), ("new_password", "Fresh-Pass-26"), ("confirm", "Fresh-Pass-26")], csrfFrom: form)
                #expect(changed.body.contains("口令已修改"))
                #expect(try await web.get("/").status == .ok)
            }
        }
    }

    @Test("Every page of every role renders (no template errors), and logout ends the session")
    func everyPageRenders() async throws {
        try await TestWorld.with { world in
            let notice = try await world.services.notices.list(world.actor("wangfang")).first!
            let secret = try await world.services.classification.everything(world.actor("lihua"), filter: SecretFilter(status: .inForce)).first!
            let pages: [(String, [String])] = [
                (
                    "sysadmin",
                    [
                        "/", "/admin/users", "/admin/units", "/calendar", "/calendar?year=2025", "/calendar?year=2030", "/calendar?from=2026-09-24&days=10",
                        "/account/password",
                    ]
                ),
                ("secadmin", ["/", "/security", "/calendar"]),
                ("auditor", ["/", "/audit", "/audit?actor=sysadmin&outcome=ok&from=2026-01-01&to=2026-12-31"]),
                (
                    "wangfang",
                    [
                        "/", "/notices", "/notices/new", "/notices/\(notice.id)", "/markings", "/calendar", "/secrets",
                        "/secrets?status=inForce&level=confidential", "/secrets/new",
                    ]
                ),
                ("lihua", ["/", "/secrets", "/secrets?expiring=400", "/secrets/\(secret.id)", "/authority"]),
                ("sunli", ["/", "/authority", "/secrets"]),
            ]
            try await testApplication(world).test(.router) { client in
                for (user, paths) in pages {
                    var web = WebClient(client)
                    try await web.login(user, TestWorld.password(for: user))
                    var last: WebClient.Page?
                    for path in paths {
                        let page = try await web.get(path)
                        #expect(page.status == .ok, "\(user) \(path)")
                        #expect(page.body.contains("</html>"), "\(user) \(path)")
                        #expect(!page.body.contains("{{"), "\(user) \(path)")
                        last = page
                    }
                    let out = try await web.post("/logout", [], csrfFrom: last!)
                    #expect(out.location == "/login")
                    #expect(try await web.get("/").location == "/login")
                }
            }
        }
    }

    @Test("R-LV-2 the marking check page reports an ASCII star with the fix")
    func markingPage() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let form = try await web.get("/markings")
                let result = try await web.post("/markings", [("text", "本文件标注为 机密*10年。")], csrfFrom: form)
                #expect(result.body.contains("机密★10年"))
                #expect(result.body.contains("R-LV-2"))
            }
        }
    }

    @Test("R-DU-1 a notice with an over-limit period is refused on the form, keeping the input")
    func noticeFormRefusal() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("lihua", TestPasswords.demo, otp: try await world.otp("lihua"))
                let form = try await web.get("/notices/new")
                let page = try await web.post(
                    "/notices", [("title", "保留我的标题"), ("body", "正文"), ("marking", "秘密★11年"), ("issued_on", "2026-11-23")], csrfFrom: form)
                #expect(page.status == .unprocessableContent)
                #expect(page.body.contains("R-DU-1"))
                #expect(page.body.contains("保留我的标题"))
                let ok = try await web.post(
                    "/notices", [("title", "合规通知"), ("body", "正文"), ("marking", "秘密★10年"), ("issued_on", "2026-11-23")], csrfFrom: form)
                #expect(ok.status == .seeOther)
            }
        }
    }
}
