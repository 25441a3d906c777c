import Accounts
import Areas
import Audit
import BaomiApp
import CarrierServices
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

@Suite("三员分立 — each administrator is refused the other two's work")
struct SeparationTests {
    /// Pages owned by each administrator.
    static let pages: [(path: String, owner: String)] = [
        ("/admin/users", "sysadmin"), ("/admin/units", "sysadmin"), ("/security", "secadmin"), ("/audit", "auditor"),
    ]

    @Test("R-SY-1 each administrator reaches only their own pages (web)")
    func webPages() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                for admin in ["sysadmin", "secadmin", "auditor"] {
                    var web = WebClient(client)
                    try await web.login(admin, TestWorld.password(for: admin))
                    for page in Self.pages {
                        let response = try await web.get(page.path)
                        if page.owner == admin {
                            #expect(response.status == .ok, "\(admin) \(page.path)")
                        } else {
                            #expect(response.status == .forbidden, "\(admin) \(page.path)")
                            #expect(response.body.contains("三员分立"))
                        }
                    }
                }
            }
        }
    }

    @Test("R-SY-1 each administrator is refused the others' API operations")
    func apiOperations() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let target = try await world.services.database.read { try await UserStore.user(username: "zhoumin", on: $0) }!
                var tokens: [String: String] = [:]
                for admin in ["sysadmin", "secadmin", "auditor"] {
                    tokens[admin] = try await APITestClient.token(client, admin, TestWorld.password(for: admin))
                }
                let ops: [(String, HTTPRequest.Method, String, String)] = [
                    ("sysadmin", .post, "/api/v1/users", #"{"username":"newbie","display_name":"新人"}"#),
                    ("sysadmin", .post, "/api/v1/users/\(target.id)/lock", "{}"),
                    ("secadmin", .put, "/api/v1/users/\(target.id)/roles", #"{"roles":["handler"]}"#),
                    ("secadmin", .put, "/api/v1/persons/\(target.personID!)/tier", #"{"tier":"general"}"#),
                    ("auditor", .get, "/api/v1/audit", ""),
                    ("auditor", .get, "/api/v1/audit/verify", ""),
                ]
                for (owner, method, uri, body) in ops {
                    for admin in ["sysadmin", "secadmin", "auditor"] where admin != owner {
                        let r = try await APITestClient.call(client, method, uri, token: tokens[admin]!, body: body.isEmpty ? nil : body)
                        #expect(r.status == .forbidden, "\(admin) \(method) \(uri)")
                        #expect(r.json["error"]?["rule"] as? String == "R-SY-1")
                    }
                    let attempts = try await world.services.audit.browse(.system, AuditFilter(action: "access.forbidden", outcome: .denied))
                    #expect(attempts.items.contains { $0.record.targetID == "\(method.rawValue) \(uri)" }, "attempt on \(uri) not audited")
                    let r = try await APITestClient.call(client, method, uri, token: tokens[owner]!, body: body.isEmpty ? nil : body)
                    #expect(r.status.code < 300, "\(owner) \(method) \(uri): \(r.text)")
                }
            }
        }
    }

    @Test("R-SY-1 administrators read no business record by virtue of their role")
    func administratorsReadNoSecrets() async throws {
        try await TestWorld.with { world in
            let notices = try await world.services.notices.list(world.actor("chenjun"))
            #expect(!notices.isEmpty)
            for admin in ["sysadmin", "secadmin", "auditor"] {
                let actor = try await world.actor(admin)
                #expect(try await world.services.notices.list(actor).isEmpty)
                #expect(try await world.services.notices.count(actor) == 0)
                await #expect(throws: Refusal.notFound) { _ = try await world.services.notices.get(actor, id: notices[0].id) }
            }
        }
    }

    @Test("R-SY-1 the security administrator cannot give business roles to an administrator account")
    func noBusinessRoleForAdmins() async throws {
        try await TestWorld.with { world in
            let sec = try await world.actor("secadmin")
            let auditor = try await world.services.database.read { try await UserStore.user(username: "auditor", on: $0) }!
            await #expect(throws: AccountsError.self) {
                try await world.services.accounts.setRoles(sec, userID: auditor.id, roles: [.handler])
            }
            let after = try await world.services.database.read { try await UserStore.roles(userID: auditor.id, on: $0) }
            #expect(after == [.auditor])
        }
    }

    @Test("R-SY-1 the system administrator creates accounts but cannot give them roles")
    func sysadminGivesNoRoles() async throws {
        try await TestWorld.with { world in
            let sys = try await world.actor("sysadmin")
            await #expect(throws: AccountsError.forbidden(.assignRoles)) {
                _ = try await world.services.accounts.create(sys, NewAccount(username: "xiaoa", displayName: "某人", roles: [.handler]))
            }
            await #expect(throws: AccountsError.self) {
                _ = try await world.services.accounts.create(sys, NewAccount(username: "xiaob", displayName: "某人", roles: [.auditor]))
            }
            let created = try await world.services.accounts.create(sys, NewAccount(username: "xiaoc", displayName: "某人"))
            #expect(created.user.roles.isEmpty)
            #expect(created.user.mustChangePassword)
        }
    }
}
