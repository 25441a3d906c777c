import Accounts
import Areas
import Audit
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
import OrganisationServices
import Storage
import TestSupport
import Testing

/// Every read path of the 定密 module hides what the reader may not know.
@Suite("定密管理不泄密 — every read path")
struct ClassificationLeakTests {
    /// A 机密 secret in force whose scope excludes 周敏 (一般) and 吴昊 (非涉密).
    func hiddenSecret(_ world: TestWorld) async throws -> SecretMatter {
        let all = try await world.services.classification.everything(world.actor("wangfang"), filter: SecretFilter(level: .confidential, status: .inForce))
        // Register rows carry no scope; 周敏 (一般) and 吴昊 (非涉密) are cleared below 机密, so any of these is hidden from them.
        return try #require(all.first)
    }

    @Test("R-KS-4 register, counts, search, derived-from filter and 待办 exclude what the reader may not know")
    func serviceReadPaths() async throws {
        try await TestWorld.with { world in
            let secret = try await hiddenSecret(world)
            for user in ["zhoumin", "wuhao", "sunli", "sysadmin", "auditor"] {
                let actor = try await world.actor(user)
                let c = world.services.classification
                #expect(
                    try await c.everything(actor, filter: SecretFilter()).allSatisfy {
                        $0.level <= (actor.viewer.tier.ceiling ?? .secret) && $0.id != secret.id
                    }, "\(user)")
                #expect(try await c.everything(actor, filter: SecretFilter(search: String(secret.title.prefix(4)))).allSatisfy { $0.id != secret.id })
                #expect(try await c.everything(actor, filter: SecretFilter(derivedFrom: secret.id)).isEmpty)
                let counted = try await c.counts(actor).reduce(0) { $0 + $1.n }
                #expect(counted == (try await c.everything(actor, filter: SecretFilter()).count), "\(user) counts")
                #expect(try await c.counts(actor, filter: SecretFilter(level: .confidential)).isEmpty || user == "sunli")
                let todos = try await world.services.todos.items(for: actor)
                #expect(!todos.contains { $0.title.contains(secret.title) || $0.link.contains(secret.id) })
                await #expect(throws: Refusal.notFound) { _ = try await c.detail(actor, id: secret.id) }
            }
        }
    }

    @Test("R-KS-4 deriving from a secret one may not see is answered exactly as deriving from none")
    func derivationFromHidden() async throws {
        try await TestWorld.with { world in
            let secret = try await hiddenSecret(world)
            let zhoumin = try await world.actor("zhoumin")
            func attempt(_ source: String) async -> String {
                do {
                    _ = try await world.services.classification.draft(
                        zhoumin,
                        DraftRequest(
                            title: "派生测试", basis: .derived(sourceID: source, ground: .identical), marking: "", scope: [], secretPoints: "x", questions: .allNo))
                    return "accepted"
                } catch {
                    return "\(error)"
                }
            }
            let hidden = await attempt(secret.id)
            let missing = await attempt(IDs.make())
            #expect(hidden == missing)
            #expect(!hidden.contains(secret.title))
        }
    }

    @Test("R-SY-2 a hidden secret is indistinguishable from a missing one in the API and the web, and the denial is audited")
    func apiAndWeb() async throws {
        try await TestWorld.with { world in
            let secret = try await hiddenSecret(world)
            try await testApplication(world).test(.router) { client in
                let token = try await APITestClient.token(client, "zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let hidden = try await APITestClient.call(client, .get, "/api/v1/secrets/\(secret.id)", token: token)
                let missing = try await APITestClient.call(client, .get, "/api/v1/secrets/\(IDs.make())", token: token)
                #expect(hidden.status == .notFound)
                #expect(hidden.text == missing.text)
                let list = try await APITestClient.call(
                    client, .get, "/api/v1/secrets?q=\(secret.title.prefix(2).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)", token: token)
                #expect(!list.text.contains(secret.id))
                let stats = try await APITestClient.call(client, .get, "/api/v1/secrets/statistics", token: token)
                #expect(!stats.text.contains("\"confidential\""))
                var web = WebClient(client)
                try await web.login("zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let page = try await web.get("/secrets/\(secret.id)")
                let none = try await web.get("/secrets/\(IDs.make())")
                #expect(page.status == .notFound)
                #expect(page.body == none.body)
                let register = try await web.get("/secrets")
                #expect(!register.body.contains(secret.title))
                let derived = try await web.get("/secrets?derived_from=\(secret.id)")
                #expect(derived.body.contains("共 0 件，本页 0 件"))
            }
            let denied = try await world.services.audit.browse(.system, AuditFilter(actor: "zhoumin", action: "secret.read", outcome: .denied))
            #expect(denied.total >= 2)
        }
    }
}

@Suite("定密统计 — statistics (R-RP-2)")
struct StatisticsTests {
    @Test("R-RP-2 statistics count classifications by level and basis, extensions and declassifications, on screen and as CSV")
    func statistics() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let lihua = try await world.actor("lihua")
            let zhangwei = try await world.actor("zhangwei")
            let item = try #require(try await c.ownCatalogue(zhangwei).first { $0.code == "GX-05" })
            let before = try await c.statistics(lihua, from: world.services.clock.today, to: world.services.clock.today)
            let drafted = try await c.draft(
                zhangwei, DraftRequest(title: "统计测试", basis: .catalogue(itemID: item.id), marking: "机密★5年", scope: [], secretPoints: "x", questions: .allNo))
            _ = try await c.submit(zhangwei, secretID: drafted.id, officerPersonID: lihua.person!.id)
            _ = try await c.review(lihua, secretID: drafted.id, decision: .approve)
            _ = try await c.change(lihua, secretID: drafted.id, request: ChangeRequest(period: .years(8), reason: "延长"))
            _ = try await c.declassify(lihua, secretID: drafted.id, kind: .early, reason: "公开", centralApproval: nil)
            let after = try await c.statistics(lihua, from: world.services.clock.today, to: world.services.clock.today)
            let confidential = { (s: ClassificationStatistics) in s.classified.first { $0.level == "机密" }!.original }
            #expect(confidential(after) == confidential(before) + 1)
            #expect(after.extensions == before.extensions + 1)
            #expect(after.declassifications == before.declassifications + 1)
            #expect(after.officersInOffice == 2)
            // 周敏 (一般, not in scope) sees none of it.
            let outsider = try await c.statistics(world.actor("zhoumin"), from: world.services.clock.today, to: world.services.clock.today)
            #expect(outsider.classified.allSatisfy { $0.total == 0 })
            #expect(outsider.extensions == 0 && outsider.declassifications == 0)
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("lihua", TestPasswords.demo, otp: try await world.otp("lihua"))
                let page = try await web.get("/secrets/statistics")
                #expect(page.status == .ok)
                #expect(page.body.contains("定密统计"))
                let csv = try await web.get("/secrets/statistics.csv")
                #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(csv.body.contains("密级,原始定密,派生定密,不明确事项,合计"))
                #expect(csv.body.contains("延长保密期限,\(after.extensions)"))
            }
        }
    }
}
