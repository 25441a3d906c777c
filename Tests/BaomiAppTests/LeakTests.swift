import Accounts
import Areas
import Audit
import BaomiApp
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// The leak rule on the sample record type (涉密通知): a record the reader may not see is indistinguishable
/// from a missing one on every read path.
@Suite("不泄密 — a hidden record looks exactly like a missing one")
struct LeakTests {
    static let topSecretTitle = "关于某型装备配套项目选址的决定"  // 绝密, scope: 陈军 (author), 李华, 王芳
    static let confidentialTitle = "关于江海市重点产业布局调整方案的通知"  // 机密, scope includes 张伟

    func notice(_ world: TestWorld, _ title: String) async throws -> ClassifiedNotice {
        let found = try await world.services.notices.list(world.actor("chenjun")).first { $0.title == title }
        return try #require(found)
    }

    /// Lowers 张伟's clearance to 一般: he stays in the 机密 notice's scope but his clearance no longer covers it.
    func lowerZhangwei(_ world: TestWorld) async throws {
        let zhangwei = try await world.actor("zhangwei")
        try await world.services.personnel.setTier(world.actor("secadmin"), personID: zhangwei.person!.id, tier: .general)
    }

    @Test("R-KS-4 a record above the reader's clearance is indistinguishable from a missing one (API)")
    func aboveClearanceAPI() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let secret = try await notice(world, Self.confidentialTitle)
            try await lowerZhangwei(world)
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let token = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let hidden = try await APITestClient.call(client, .get, "/api/v1/notices/\(secret.id)", token: token)
                let missing = try await APITestClient.call(client, .get, "/api/v1/notices/\(IDs.make())", token: token)
                #expect(hidden.status == .notFound)
                #expect(hidden.status == missing.status)
                #expect(hidden.text == missing.text)
                #expect(!hidden.text.contains(secret.title))
            }
        }
    }

    @Test("R-KS-4 a record outside the reader's knowledge scope is indistinguishable from a missing one (web and API)")
    func outsideScope() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let secret = try await notice(world, Self.topSecretTitle)
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                var web = WebClient(client)
                try await web.login("zhaoqiang", TestPasswords.demo, otp: try await world.otp("zhaoqiang"))
                let hidden = try await web.get("/notices/\(secret.id)")
                let missing = try await web.get("/notices/\(IDs.make())")
                #expect(hidden.status == .notFound)
                #expect(hidden.status == missing.status)
                #expect(hidden.body == missing.body)
                #expect(!hidden.body.contains(secret.title))
                let token = try await APITestClient.token(client, "zhaoqiang", TestPasswords.demo, otp: try await world.otp("zhaoqiang"))
                let apiHidden = try await APITestClient.call(client, .get, "/api/v1/notices/\(secret.id)", token: token)
                let apiMissing = try await APITestClient.call(client, .get, "/api/v1/notices/nonexistent", token: token)
                #expect(apiHidden.text == apiMissing.text)
                #expect(apiHidden.status == apiMissing.status)
            }
        }
    }

    @Test("R-KS-4 hidden records are absent from lists, counts, searches and the 待办 (web and API)")
    func listsAndCounts() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let secret = try await notice(world, Self.confidentialTitle)
            try await lowerZhangwei(world)
            let zhangwei = try await world.actor("zhangwei")
            let visible = try await world.services.notices.list(zhangwei)
            #expect(!visible.contains { $0.id == secret.id })
            #expect(visible.allSatisfy { $0.sensitivity.level! <= .secret })
            #expect(try await world.services.notices.count(zhangwei) == visible.count)
            #expect(try await world.services.notices.list(zhangwei, search: "产业布局").isEmpty)
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                var web = WebClient(client)
                try await web.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let list = try await web.get("/notices")
                #expect(list.body.contains("共 \(visible.count) 份"))
                #expect(!list.body.contains(secret.title))
                let search = try await web.get("/notices?q=%E4%BA%A7%E4%B8%9A")
                #expect(!search.body.contains(secret.title))
                let home = try await web.get("/")
                #expect(home.body.contains("有 \(visible.count) 份涉密通知"))
                let token = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let api = try await APITestClient.call(client, .get, "/api/v1/notices", token: token)
                #expect(!api.text.contains(secret.id))
                #expect(!api.text.contains(secret.title))
                let todos = try await APITestClient.call(client, .get, "/api/v1/todos", token: token)
                #expect(todos.text.contains("有 \(visible.count) 份"))
            }
        }
    }

    @Test("R-SY-2 every denied read is audited; R-SY-3 every read of 机密/绝密 is audited")
    func deniedReadsAudited() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let secret = try await notice(world, Self.topSecretTitle)
            let outsider = try await world.actor("zhaoqiang")
            await #expect(throws: Refusal.notFound) { _ = try await world.services.notices.get(outsider, id: secret.id) }
            let denied = try await world.services.audit.browse(.system, AuditFilter(actor: "zhaoqiang", action: "notice.read", outcome: .denied))
            #expect(denied.total == 1)
            #expect(denied.items.first?.record.targetID == secret.id)
            _ = try await world.services.notices.get(world.actor("wangfang"), id: secret.id)
            let reads = try await world.services.audit.browse(.system, AuditFilter(actor: "wangfang", action: "notice.read", outcome: .ok))
            #expect(reads.total == 1)
            #expect(reads.items.first?.record.level == "top_secret")
        }
    }

    @Test("R-KS-4 the SQL filter and the single-record decision agree for every demo person and notice")
    func filterAgreesWithPolicy() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let all = try await world.services.database.read { db in
                try await db.raw("SELECT id FROM classified_notices").all().map { try $0.decode(column: "id", as: String.self) }
            }
            #expect(all.count >= 6)
            // Both sides of the predicate: from the person's scope, and probing the scope from the register.
            for probeAbove in [AccessFilter.probeAbove, -1] {
                try await AccessFilter.$probeAbove.withValue(probeAbove) {
                    for username in ["chenjun", "lihua", "zhaoqiang", "zhangwei", "wangfang", "liuyang", "zhoumin", "wuhao", "sunli"] {
                        let actor = try await world.actor(username)
                        let listed = Set(try await world.services.notices.list(actor).map(\.id))
                        for id in all {
                            let readable = (try? await world.services.notices.get(actor, id: id)) != nil
                            #expect(readable == listed.contains(id), "\(username) \(id) probeAbove \(probeAbove)")
                        }
                    }
                }
            }
        }
    }

    @Test("R-KS-4 issue 11: the predicate read from the person's scope and the one probing it from the register select the same records")
    func bothSidesAgree() async throws {
        try await TestWorld.with(carriers: true) { world in
            var seen = 0
            for username in ["chenjun", "lihua", "zhaoqiang", "zhangwei", "wangfang", "liuyang", "zhoumin", "wuhao", "sunli"] {
                let actor = try await world.actor(username)
                func read() async throws -> (carriers: Set<String>, secrets: Set<String>) {
                    (
                        Set(try await world.services.carriers.everything(actor, filter: CarrierFilter()).map(\.id)),
                        Set(try await world.services.classification.everything(actor, filter: SecretFilter()).map(\.id))
                    )
                }
                let side = try await world.services.database.read { db in
                    try await AccessFilter.side(recordKind: "carrier", viewer: actor.viewer, on: db)
                }
                #expect(side == .person, "demo scopes are small: \(username) reads from the person's side")
                let fromPerson = try await read()
                let fromRegister = try await AccessFilter.$probeAbove.withValue(-1) { try await read() }
                #expect(fromPerson.carriers == fromRegister.carriers, "\(username) carriers")
                #expect(fromPerson.secrets == fromRegister.secrets, "\(username) secrets")
                seen += fromPerson.carriers.count + fromPerson.secrets.count
            }
            #expect(seen > 100, "the demo users see records, so the comparison compares something")
        }
    }

    @Test("R-KS-4 a drafter cannot create a record above their own clearance")
    func noDraftAboveClearance() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            await #expect(throws: Refusal.self) {
                _ = try await world.services.notices.create(
                    world.actor("zhoumin"), NewNotice(title: "测试", body: "正文", marking: "机密★5年", issuedOn: "2026-11-23", scopePersonIDs: []))
            }
        }
    }
}
