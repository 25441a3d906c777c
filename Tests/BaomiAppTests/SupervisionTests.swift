import Accounts
import Areas
import BaomiApp
import CarrierServices
import Classification
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

@testable import ClassificationServices

/// The administration's side of 定密: filings, applications, clocks, appeals and correction.
@Suite("定密监管 — filings, applications, clocks, appeals, correction")
struct SupervisionTests {
    func unit(_ world: TestWorld, _ name: String) async throws -> OrgUnit {
        try #require(try await world.services.organisation.visibleUnits(.system).first { $0.name == name })
    }

    func inForce(_ world: TestWorld, title: String = "测试事项：监管", marking: String = "机密★10年", scope: [String] = []) async throws -> SecretMatter {
        let c = world.services.classification
        let zhangwei = try await world.actor("zhangwei")
        let lihua = try await world.actor("lihua")
        let item = try #require(try await c.ownCatalogue(zhangwei).first { $0.code == "GX-01" })
        let drafted = try await c.draft(
            zhangwei,
            DraftRequest(title: title, basis: .catalogue(itemID: item.id), marking: marking, scope: scope, secretPoints: "密点", questions: .allNo))
        _ = try await c.submit(zhangwei, secretID: drafted.id, officerPersonID: lihua.person!.id)
        return try await c.review(lihua, secretID: drafted.id, decision: .approve)
    }

    @Test("R-AU-3 a grant and its revocation are filed by the grantor with the administration its kind names and by the grantee with its own")
    func grantFilings() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let agency = try await unit(world, "江海市工业和信息化局")
            let company = try await unit(world, "江海精密制造有限公司")
            let province = try await unit(world, "华南省国家保密局")
            let city = try await unit(world, "江海市国家保密局")
            let day = world.services.clock.today
            let grant = try await c.decideGrant(
                .system, grantorUnitID: agency.id,
                grant: Grant(
                    id: "", grantorUnitID: agency.id, granteeUnitID: company.id, cap: .secret, matterScope: "配套零部件研制", validFrom: day,
                    validUntil: day.adding(years: 2)), basis: "第八条", reasons: "需要")
            try await c.revokeGrant(.system, grantID: grant.id, reason: "任务结束")
            let filings = try await world.services.database.read { db in
                (
                    province: try await FilingStore.filings(filedWith: province.id, on: db).filter { $0.subjectID == grant.id }.map(\.kind),
                    city: try await FilingStore.filings(filedWith: city.id, on: db).filter { $0.subjectID == grant.id }.map(\.kind)
                )
            }
            #expect(Set(filings.province) == [.grant, .revocation])
            #expect(Set(filings.city) == [.granteeGrant, .granteeRevocation])
            // A revoked grant is not revoked twice.
            await #expect(throws: ClassificationError.self) { try await c.revokeGrant(.system, grantID: grant.id, reason: "再次") }
            // The city administration's staff see the grantee's filings in their queue and review them.
            let sunli = try await world.actor("sunli")
            let queue = try await c.supervision(sunli).filings.filter { $0.subjectID == grant.id }
            #expect(queue.count == 2)
            await #expect(throws: Refusal.self) { try await c.replyFiling(sunli, filingID: queue[0].id, accept: false, reply: "") }
            try await c.replyFiling(sunli, filingID: queue[0].id, accept: false, reply: "授权事项范围过宽，请纠正")
            try await c.replyFiling(sunli, filingID: queue[1].id, accept: true, reply: "")
            await #expect(throws: ClassificationError.self) { try await c.replyFiling(sunli, filingID: queue[1].id, accept: true, reply: "") }
            // Staff of another administration cannot touch them: for them the filing does not exist.
            let qianhong = try await world.actor("qianhong")
            await #expect(throws: Refusal.notFound) { try await c.replyFiling(qianhong, filingID: queue[0].id, accept: true, reply: "") }
            let returned = try await c.filingsMade(.system, unitID: company.id).filter { $0.status == .returned }
            #expect(returned.map(\.reply) == ["授权事项范围过宽，请纠正"])
        }
    }

    @Test("R-AU-3 (DM 9) an application states scope, term, basis and reasons; the grantor decides it into a checked, filed grant or refuses it")
    func applications() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let agency = try await unit(world, "江海市工业和信息化局")
            let institute = try await unit(world, "江海市海洋科学研究所")
            let day = world.services.clock.today
            await #expect(throws: ClassificationError.grantIncomplete(field: "reasons", what: "申请理由")) {
                _ = try await c.applyForGrant(
                    .system, applicantUnitID: institute.id, grantorUnitID: agency.id, cap: .secret, matterScope: "海洋观测", validFrom: day,
                    validUntil: day.adding(years: 1), basis: "第九条", reasons: " ")
            }
            // The demo's pending application (the company's) and a new one above the grantor's own authority.
            let tooHigh = try await c.applyForGrant(
                .system, applicantUnitID: institute.id, grantorUnitID: agency.id, cap: .topSecret, matterScope: "海洋观测", validFrom: day,
                validUntil: day.adding(years: 1), basis: "第九条", reasons: "经常产生")
            let chenjun = try await world.actor("chenjun")
            await #expect(throws: ClassificationError.self) { _ = try await c.decideApplication(chenjun, applicationID: tooHigh.id, approve: true, note: "") }
            await #expect(throws: ClassificationError.reasonRequired(field: "note")) {
                _ = try await c.decideApplication(chenjun, applicationID: tooHigh.id, approve: false, note: "")
            }
            let refused = try await c.decideApplication(chenjun, applicationID: tooHigh.id, approve: false, note: "超出本机关定密权限")
            #expect(refused.status == .refused)
            let pending = try #require(try await c.applications(chenjun, unitID: agency.id).first { $0.status == .pending })
            let granted = try await c.decideApplication(chenjun, applicationID: pending.id, approve: true, note: "同意")
            #expect(granted.status == .granted)
            let grant = try #require(try await c.authorityRegister(chenjun, unitID: agency.id).grants.first { $0.id == granted.grantID })
            #expect(grant.granteeUnitID == pending.applicantUnitID && grant.cap == pending.cap)
            await #expect(throws: ClassificationError.self) { _ = try await c.decideApplication(chenjun, applicationID: pending.id, approve: true, note: "") }
            // Someone who manages neither unit is refused.
            await #expect(throws: Refusal.self) { _ = try await c.applications(world.actor("zhangwei"), unitID: agency.id) }
        }
    }

    @Test("R-AU-5 the roster is filed with the same-level administration and printable by both sides only")
    func rosterFiling() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                var liuyang = WebClient(client)
                try await liuyang.login("liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let page = try await liuyang.get("/authority")
                #expect(page.status == .ok)
                let posted = try await liuyang.post("/authority/\(try await world.actor("liuyang").person!.unitID)/file-roster", [], csrfFrom: page)
                #expect(posted.status == .ok)
                let made = try await world.services.classification.filingsMade(.system, unitID: world.actor("liuyang").person!.unitID)
                let roster = try #require(made.first { $0.kind == .roster })
                #expect(roster.content.contains("陈军") && roster.content.contains("李华") && roster.content.contains("机密"))
                #expect(try await liuyang.get("/filings/\(roster.id)").body.contains("陈军"))
                var sunli = WebClient(client)
                try await sunli.login("sunli", TestPasswords.demo, otp: try await world.otp("sunli"))
                let queue = try await sunli.get("/supervision")
                #expect(queue.body.contains("定密责任人名单"))
                #expect(try await sunli.get("/filings/\(roster.id)").status == .ok)
                var zhangwei = WebClient(client)
                try await zhangwei.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                #expect(try await zhangwei.get("/filings/\(roster.id)").status == .notFound)
                #expect(try await zhangwei.get("/supervision").status == .forbidden)
            }
        }
    }

    @Test("R-AU-6 every catalogue revision is kept with its reason; a revision without one is refused")
    func catalogueRevisions() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let liuyang = try await world.actor("liuyang")
            let unitID = liuyang.person!.unitID
            let item = try #require(try await c.authorityRegister(liuyang, unitID: unitID).catalogue.first { $0.code == "GX-09" })
            var changed = item
            changed.id = ""
            changed.level = .confidential
            changed.period = .years(5)
            await #expect(throws: Refusal.self) { _ = try await c.saveCatalogueItem(liuyang, changed) }
            let revised = try await c.saveCatalogueItem(liuyang, changed, reason: "保密事项范围修订（2026年版）")
            #expect(revised.id == item.id && revised.revision == item.revision + 1)
            let history = try await c.catalogueRevisions(liuyang, unitID: unitID).filter { $0.itemID == item.id }
            #expect(history.map(\.revision) == [2, 1])
            #expect(history[0].reason == "保密事项范围修订（2026年版）" && history[0].content.contains("机密★5年"))
            #expect(history[1].content.contains("秘密★2年"))
            _ = try await c.fileCatalogue(liuyang, unitID: unitID)
            // The demo filed the first edition; the new filing carries the revision (the frozen test clock gives both one instant).
            let filed = try await c.filingsMade(liuyang, unitID: unitID).filter { $0.kind == .catalogue }
            #expect(filed.count == 2)
            #expect(filed.filter { $0.content.contains("GX-09") && $0.content.contains("机密★5年｜") && $0.content.contains("第2版") }.count == 1)
        }
    }

    @Test("R-CL-7 an unanswered objection goes to the administration; protected at the claimed level until it decides")
    func objectionAppeal() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let zhangwei = try await world.actor("zhangwei")
            let zhaoqiang = try await world.actor("zhaoqiang")
            let secret = try await inForce(world, title: "测试事项：异议", marking: "秘密★5年", scope: [zhaoqiang.person!.id])
            let objection = try await c.raiseObjection(zhaoqiang, secretID: secret.id, claimedLevel: .confidential, claimedPeriod: nil, reason: "应为机密")
            await #expect(throws: Refusal.self) { try await c.appealObjection(zhangwei, objectionID: objection.id) }
            try await c.appealObjection(zhaoqiang, objectionID: objection.id)
            // 周敏 (一般) was not in scope anyway; the provincial staff now are, at the claimed level.
            let qianhong = try await world.actor("qianhong")
            let overview = try await c.supervision(qianhong)
            #expect(overview.appeals.map(\.secret.id).contains(secret.id))
            let protection = try await world.services.database.read { db in
                try await db.raw("SELECT level_rank FROM secrets WHERE id = \(bind: secret.id)").first()!.decode(column: "level_rank", as: Int.self)
            }
            #expect(protection == Level.confidential.rawValue)
            // The city administration is not the route: nothing there.
            #expect(try await c.supervision(world.actor("sunli")).appeals.isEmpty)
            try await c.decideAppeal(qianhong, objectionID: objection.id, decision: "维持秘密级")
            let after = try await world.services.database.read { db in
                try await db.raw("SELECT level_rank FROM secrets WHERE id = \(bind: secret.id)").first()!.decode(column: "level_rank", as: Int.self)
            }
            #expect(after == Level.secret.rawValue)
            #expect(!(try await c.supervision(qianhong).appeals.map(\.secret.id).contains(secret.id)))
            await #expect(throws: ClassificationError.self) { try await c.decideAppeal(qianhong, objectionID: objection.id, decision: "再次") }
        }
    }

    @Test("R-CL-8 a superior corrects a subordinate's classification, the unit is flagged to recheck; a unit does not 'correct' itself")
    func superiorCorrection() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let lihua = try await world.actor("lihua")
            let sunli = try await world.actor("sunli")
            let secret = try await inForce(world, title: "测试事项：纠正", scope: [sunli.person!.id])
            await #expect(throws: Refusal.self) {
                _ = try await c.correct(lihua, secretID: secret.id, level: .secret, period: .years(5), revoke: false, reason: "自行纠正")
            }
            await #expect(throws: ClassificationError.reasonRequired(field: "reason")) {
                _ = try await c.correct(sunli, secretID: secret.id, level: .secret, period: .years(5), revoke: false, reason: "")
            }
            let corrected = try await c.correct(sunli, secretID: secret.id, level: .secret, period: .years(5), revoke: false, reason: "不属于机密级事项")
            #expect(corrected.markings == ["机密★10年", "秘密★5年"])
            #expect(corrected.needsReview)
            let todos = try await world.services.todos.items(for: lihua)
            #expect(todos.contains { $0.title == "复核被标记的定密事项" })
            #expect(try await c.everything(lihua, filter: SecretFilter(needsReview: true)).map(\.id).contains(secret.id))
            try await c.clearReviewFlag(lihua, secretID: secret.id, note: "已按新标志更改载体")
            #expect(try await c.detail(lihua, id: secret.id).secret.needsReview == false)
            let revoked = try await c.correct(sunli, secretID: secret.id, level: nil, period: nil, revoke: true, reason: "属于工作秘密")
            #expect(revoked.status == .declassified)
            #expect(try await c.detail(lihua, id: secret.id).events.contains { $0.kind == "correct" && $0.summary.contains("撤销定密") })
        }
    }

    @Test("R-CL-3 overdue clocks are escalated: urgent 待办 for the handler and the officers in scope, recorded once by the sweep")
    func clockEscalation() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let zhangwei = try await world.actor("zhangwei")
            let lihua = try await world.actor("lihua")
            let drafted = try await c.draft(
                zhangwei,
                DraftRequest(
                    title: "测试事项：逾期不明确", basis: .unclear, marking: "秘密★3年", scope: [lihua.person!.id], secretPoints: "x", questions: .allNo))
            var officerTodos = try await world.services.todos.items(for: lihua)
            #expect(!officerTodos.contains { $0.link.contains(drafted.id) })
            world.clock.advance(by: 20 * 86_400)
            _ = try await c.sweep()
            _ = try await c.sweep()
            let handlerTodo = try #require(try await world.services.todos.items(for: zhangwei).first { $0.link.contains(drafted.id) })
            #expect(handlerTodo.urgent && handlerTodo.detail.contains("已超过"))
            officerTodos = try await world.services.todos.items(for: lihua)
            #expect(officerTodos.contains { $0.link.contains(drafted.id) && $0.urgent && $0.title.hasPrefix("督促报送") })
            // 周敏 is not in scope: no trace of it on her list.
            #expect(!(try await world.services.todos.items(for: world.actor("zhoumin"))).contains { $0.link.contains(drafted.id) })
            var events = try await c.detail(zhangwei, id: drafted.id).events
            #expect(events.filter { $0.kind == "overdue_report" }.count == 1)
            _ = try await c.reportUnclear(zhangwei, secretID: drafted.id)
            let qianhong = try await world.actor("qianhong")
            let waiting = try #require(try await c.supervision(qianhong).unclear.first { $0.secret.id == drafted.id })
            #expect(waiting.due != nil)
            world.clock.advance(by: 20 * 86_400)
            _ = try await c.sweep()
            _ = try await c.sweep()
            events = try await c.detail(zhangwei, id: drafted.id).events
            #expect(events.filter { $0.kind == "overdue_decision" }.count == 1)
            let adminTodo = try #require(try await world.services.todos.items(for: qianhong).first { $0.link.contains(drafted.id) })
            #expect(adminTodo.urgent)
        }
    }

    @Test("R-CL-5 a joint secret records its co-units; an unknown co-unit is refused")
    func jointSecret() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let zhangwei = try await world.actor("zhangwei")
            let institute = try await unit(world, "江海市海洋科学研究所")
            let item = try #require(try await c.ownCatalogue(zhangwei).first { $0.code == "GX-01" })
            var request = DraftRequest(
                title: "测试事项：联合", basis: .catalogue(itemID: item.id), marking: "机密★10年", scope: [], secretPoints: "x", questions: .allNo)
            request.coUnitIDs = [institute.id, zhangwei.person!.unitID]
            let joint = try await c.draft(zhangwei, request)
            #expect(joint.coUnitIDs == [institute.id])
            #expect(try await c.detail(zhangwei, id: joint.id).secret.coUnitIDs == [institute.id])
            request.coUnitIDs = ["no-such-unit"]
            await #expect(throws: Refusal.self) { _ = try await c.draft(zhangwei, request) }
        }
    }

    @Test("R-RP-2 statistics are filed with the same-level administration as figures only; R-KS-4 the queue shows no secret outside the reader's scope")
    func statisticsFilingAndLeaks() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let sunli = try await world.actor("sunli")
            let overview = try await c.supervision(sunli)
            let stats = try #require(overview.filings.first { $0.kind == .statistics })
            #expect(stats.content.contains("密级｜原始定密"))
            // No secret title reaches the administration through a statistics filing.
            let titles = try await c.everything(world.actor("wangfang"), filter: SecretFilter()).map(\.title)
            #expect(!titles.contains { stats.content.contains($0) })
            // The reported unclear matter went to the provincial administration: the city one sees nothing of it.
            let qianhongSees = try await c.supervision(world.actor("qianhong")).unclear.map(\.secret.id)
            #expect(!qianhongSees.isEmpty)
            #expect(overview.unclear.allSatisfy { !qianhongSees.contains($0.secret.id) })
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                var web = WebClient(client)
                try await web.login("sunli", TestPasswords.demo, otp: try await world.otp("sunli"))
                let page = try await web.get("/supervision")
                #expect(page.status == .ok)
                for id in qianhongSees { #expect(!page.body.contains(id)) }
                var q = WebClient(client)
                try await q.login("qianhong", TestPasswords.demo, otp: try await world.otp("qianhong"))
                let theirs = try await q.get("/supervision")
                for id in qianhongSees { #expect(theirs.body.contains(id)) }
            }
        }
    }

    @Test("R-AU-3 R-CL-7 R-CL-8 the supervision API answers as documented, refusals included")
    func supervisionAPI() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let api = try await APIChecker(client)
                let agency = try await unit(world, "江海市工业和信息化局").id
                let company = try await unit(world, "江海精密制造有限公司").id
                let sunli = try await APITestClient.token(client, "sunli", TestPasswords.demo, otp: try await world.otp("sunli"))
                let qianhong = try await APITestClient.token(client, "qianhong", TestPasswords.demo, otp: try await world.otp("qianhong"))
                let liuyang = try await APITestClient.token(client, "liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let zhangwei = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let queue = try await api.check(.get, "/api/v1/supervision", sunli, expect: 200)
                let filings = try #require((queue.object as? [String: Any])?["filings"] as? [[String: Any]])
                let filingID = try #require(filings.first?["id"] as? String)
                try await api.check(.get, "/api/v1/supervision", qianhong, expect: 200)
                try await api.check(.get, "/api/v1/supervision", zhangwei, expect: 403)
                try await api.check(.get, "/api/v1/filings/\(filingID)", sunli, expect: 200)
                try await api.check(.get, "/api/v1/filings/\(filingID)", zhangwei, expect: 404)
                try await api.check(.post, "/api/v1/filings/\(filingID)/reply", sunli, #"{"accept":false,"reply":""}"#, expect: 422)
                try await api.check(.post, "/api/v1/filings/\(filingID)/reply", sunli, #"{"accept":true}"#, expect: 200)
                try await api.check(.post, "/api/v1/filings/\(filingID)/reply", sunli, #"{"accept":true}"#, expect: 409)
                try await api.check(.get, "/api/v1/authority/\(agency)/filings", liuyang, expect: 200)
                try await api.check(.post, "/api/v1/authority/\(agency)/filings/roster", liuyang, expect: 201)
                try await api.check(.post, "/api/v1/authority/\(agency)/filings/bogus", liuyang, expect: 400)
                try await api.check(.post, "/api/v1/statistics/filings", liuyang, #"{"from":"2026-01-01","to":"2026-11-23"}"#, expect: 201)
                try await api.check(.get, "/api/v1/authority/\(agency)/applications", liuyang, expect: 200)
                let applied = try await api.check(
                    .post, "/api/v1/authority/\(company)/applications", liuyang,
                    #"{"grantor_unit_id":"\#(agency)","cap":"secret","matter_scope":"x","valid_from":"2026-11-23","valid_until":"2027-11-23","basis":"b","reasons":"r"}"#,
                    expect: 403)
                _ = applied
                let pending = try await world.services.classification.applications(.system, unitID: agency).first { $0.status == .pending }!
                try await api.check(.post, "/api/v1/applications/\(pending.id)/decide", liuyang, #"{"approve":false}"#, expect: 422)
                try await api.check(.post, "/api/v1/applications/\(pending.id)/decide", liuyang, #"{"approve":true,"note":"同意"}"#, expect: 200)
                try await api.check(.get, "/api/v1/authority/\(agency)/catalogue/revisions", liuyang, expect: 200)
                try await api.check(.post, "/api/v1/objections/nope/appeal", zhangwei, expect: 404)
                try await api.check(.post, "/api/v1/objections/nope/appeal-decision", qianhong, #"{"decision":"x"}"#, expect: 404)
                let secret = try await world.services.classification.everything(world.actor("zhangwei"), filter: SecretFilter(status: .inForce)).first!
                try await api.check(.post, "/api/v1/secrets/\(secret.id)/correct", zhangwei, #"{"marking":"秘密★5年","reason":"x"}"#, expect: 403)
                try await api.check(.post, "/api/v1/secrets/\(secret.id)/recheck", zhangwei, #"{"note":"x"}"#, expect: 409)
                try await api.check(.get, "/api/v1/secrets?needs_review=true", zhangwei, expect: 200)
            }
        }
    }
}
