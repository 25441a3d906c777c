import BaomiApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Storage
import TestSupport
import Testing

/// An area plugs in through its registration alone: the skeleton area, defined in this test target and nowhere in the
/// app, gets its table, its 待办, its menu entry, its pages, its API with its part of the contract and its
/// authorisation entries — and the app's own checks (pages, authorisation matrix, contract conformance, offers) hold
/// for it.
@Suite("一个新业务领域的接入 — an area registered from outside the app")
struct SkeletonAreaTests {
    static let areas = Area.standard + [.skeleton]

    func notes(_ world: TestWorld) async throws -> Int {
        try await world.services.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM skeleton_notes").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    @Test("Its page: the menu entry, the register, a refusal on the form that names the field and writes nothing, the 待办, escaping")
    func page() async throws {
        try await TestWorld.with(areas: Self.areas) { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let register = try await web.get("/skeleton")
                #expect(register.status == .ok)
                #expect(register.body.contains("href=\"/skeleton\""), "the top menu has the area's tab")
                let refused = try await web.post("/skeleton", [("title", "  ")], csrfFrom: register)
                #expect(refused.status == .unprocessableContent && refused.body.contains("请填写标题"))
                #expect(try await notes(world) == 0)
                let created = try await web.post("/skeleton", [("title", "<b>甲</b>")], csrfFrom: register)
                #expect(created.status == .seeOther)
                let after = try await web.get("/skeleton")
                #expect(after.body.contains("&lt;b&gt;甲&lt;/b&gt;") && !after.body.contains("<b>甲</b>"))
                let home = try await web.get("/")
                #expect(home.body.contains("1条示例记录尚未办结"))
                // The 三员 see no business tab.
                var admin = WebClient(client)
                try await admin.login("sysadmin", TestPasswords.sysadmin)
                #expect(!(try await admin.get("/")).body.contains("href=\"/skeleton\""))
            }
        }
    }

    @Test("R-SY-1 its operations × every demo identity answer as its authorisation entries say")
    func authorization() async throws {
        try await TestWorld.with(areas: Self.areas) { world in
            try await testApplication(world).test(.router) { client in
                let calls = try await AuthorizationMatrix.check(world, client: client, operations: ["GET /skeleton-notes", "POST /skeleton-notes"])
                #expect(calls == 2 * (AuthorizationMatrix.identities.count + 1))
            }
        }
    }

    @Test("Its API answers as its part of the contract says, and the gate enforces that part before any work")
    func contract() async throws {
        try await TestWorld.with(areas: Self.areas) { world in
            try await testApplication(world).test(.router) { client in
                let api = try await APIChecker(client)
                #expect(api.validator.pathItem(for: "/skeleton-notes") != nil, "the published document has the area's paths")
                let token = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                try await api.check(.post, "/api/v1/skeleton-notes", token, #"{"title":"接口登记"}"#, expect: 201)
                try await api.check(.post, "/api/v1/skeleton-notes", token, #"{"title":"x","extra":1}"#, expect: 400)
                try await api.check(.post, "/api/v1/skeleton-notes", token, #"{"title":" "}"#, expect: 422)
                try await api.check(.get, "/api/v1/skeleton-notes", token, expect: 200)
                try await api.check(.get, "/api/v1/skeleton-notes", nil, expect: 401)
                #expect(try await notes(world) == 1)
            }
        }
    }

    @Test("Its action is offered exactly when it is accepted")
    func offer() async throws {
        try await TestWorld.with(areas: Self.areas) { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let empty = try await web.get("/skeleton")
                _ = try await web.post("/skeleton", [("title", "待办结")], csrfFrom: empty)
                let open = try await web.get("/skeleton")
                let id = try #require(
                    await world.services.database.read { db in
                        try await db.raw("SELECT id FROM skeleton_notes").first()?.decode(column: "id", as: String.self)
                    })
                #expect(open.body.contains("action=\"/skeleton/\(id)/finish\""), "offered while open")
                let finished = try await web.post("/skeleton/\(id)/finish", [], csrfFrom: open)
                #expect(finished.status == .seeOther, "accepted when offered")
                let done = try await web.get("/skeleton")
                #expect(!done.body.contains("/skeleton/\(id)/finish"), "not offered once done")
                let again = try await web.post("/skeleton/\(id)/finish", [], csrfFrom: done)
                #expect(again.status == .conflict && again.body.contains("该记录已办结"), "refused when not offered")
            }
        }
    }
}
