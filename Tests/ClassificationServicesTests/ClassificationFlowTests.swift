import Accounts
import Areas
import Audit
import Classification
import Foundation
import Kernel
import Logging
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

@testable import ClassificationServices

@Suite("定密管理 — the secret's life through the store")
struct ClassificationFlowTests {
    func item(_ world: TestWorld, _ code: String) async throws -> CatalogueItem {
        try #require(try await world.services.classification.ownCatalogue(world.actor("zhangwei")).first { $0.code == code })
    }

    func draft(_ world: TestWorld, title: String, code: String, marking: String, scope: [String] = []) async throws -> SecretMatter {
        try await world.services.classification.draft(
            world.actor("zhangwei"),
            DraftRequest(
                title: title, basis: .catalogue(itemID: try await item(world, code).id), marking: marking, scope: scope, secretPoints: "密点甲",
                questions: .allNo))
    }

    @Test("R-CL-1 draft → submit → approve → R-CH-3 extend → R-DC-2 early declassification, each step recorded and audited")
    func fullLife() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let lihua = try await world.actor("lihua")
            let drafted = try await draft(world, title: "测试事项：招商方案", code: "GX-02", marking: "机密★3年")
            #expect(drafted.status == .draft)
            let submitted = try await c.submit(world.actor("zhangwei"), secretID: drafted.id, officerPersonID: lihua.person!.id)
            #expect(submitted.status == .inReview)
            let approved = try await c.review(lihua, secretID: drafted.id, decision: .approve)
            #expect(approved.status == .inForce)
            #expect(approved.issueDate == world.services.clock.today)
            #expect(approved.authority == .own(.confidential))
            let extended = try await c.change(lihua, secretID: drafted.id, request: ChangeRequest(period: .years(5), reason: "谈判周期延长"))
            #expect(extended.isExtension)
            #expect(extended.secret.markings == ["机密★3年", "机密★5年"])
            let done = try await c.declassify(lihua, secretID: drafted.id, kind: .early, reason: "方案已公开发布", centralApproval: nil)
            #expect(done.secret.status == .declassified)
            let (final, events) = try await c.detail(lihua, id: drafted.id)
            #expect(final.status == .declassified)
            #expect(events.map(\.kind) == ["draft", "submit", "review", "extend", "declassify"])
            let audit = try await world.services.audit.browse(.system, AuditFilter(action: "secret."))
            #expect(audit.items.filter { $0.record.targetID == drafted.id && $0.record.outcome == .ok }.count >= 5)
            #expect(try await world.services.audit.verify(.system).isIntact)
        }
    }

    @Test("R-CL-2 only the officer named for review decides, within the unit's authority; R-AU-5 an untrained officer cannot")
    func reviewGuards() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let drafted = try await draft(world, title: "测试事项：储备布局", code: "GX-05", marking: "机密★10年")
            _ = try await c.submit(world.actor("zhangwei"), secretID: drafted.id, officerPersonID: world.actor("lihua").person!.id)
            // 陈军 is an officer but was not asked, and is not in the scope: for him the draft does not exist.
            await #expect(throws: Refusal.notFound) { try await c.review(world.actor("chenjun"), secretID: drafted.id, decision: .approve) }
            // The 承办人 cannot approve: he is no officer.
            await #expect(throws: Refusal.self) { try await c.review(world.actor("zhangwei"), secretID: drafted.id, decision: .approve) }
            // An officer appointed without training cannot approve (R-AU-5).
            let zhaoqiang = try await world.actor("zhaoqiang")
            _ = try await c.appointOfficer(
                .system, unitID: zhaoqiang.person!.unitID, personID: zhaoqiang.person!.id, kind: .designated, cap: .confidential)
            let second = try await draft(world, title: "测试事项：二", code: "GX-05", marking: "机密★10年")
            _ = try await c.submit(world.actor("zhangwei"), secretID: second.id, officerPersonID: zhaoqiang.person!.id)
            await #expect(throws: ClassificationError.officerUntrained) { try await c.review(zhaoqiang, secretID: second.id, decision: .approve) }
        }
    }

    @Test("R-AU-4 a revoked grant authorises nothing: R-AU-5 no officer can then be appointed on it")
    func revokedGrant() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let institute = try await world.actor("hefeng").person!.unitID
            let agency = try await world.actor("lihua").person!.unitID
            let register = try await c.authorityRegister(.system, unitID: agency)
            let grant = try #require(register.grants.first { $0.granteeUnitID == institute })
            // hefeng is the institute's officer in the demo; on the grant's revocation no one more can be appointed.
            try await c.revokeGrant(.system, grantID: grant.id, reason: "该所不再经常产生国家秘密")
            await #expect(throws: ClassificationError.officerCapAboveUnit(officer: .secret, unit: nil)) {
                _ = try await c.appointOfficer(
                    .system, unitID: institute, personID: world.actor("hefeng").person!.id, kind: .designated, cap: .secret)
            }
        }
    }

    @Test("R-AU-2 a city organ cannot grant 绝密, and R-AU-3 a grant is filed with the provincial administration")
    func grantRulesInStore() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let units = try await world.services.organisation.visibleUnits(.system)
            let agency = units.first { $0.name == "江海市工业和信息化局" }!
            let company = units.first { $0.name == "江海精密制造有限公司" }!
            let province = units.first { $0.name == "华南省国家保密局" }!
            let day = world.services.clock.today
            let input = Grant(
                id: "", grantorUnitID: agency.id, granteeUnitID: company.id, cap: .topSecret, matterScope: "配套军品研制中的涉密事项",
                validFrom: day, validUntil: day.adding(years: 2))
            await #expect(throws: ClassificationError.self) {
                _ = try await c.decideGrant(.system, grantorUnitID: agency.id, grant: input, basis: "第八条", reasons: "需要")
            }
            var ok = input
            ok.cap = .secret
            let grant = try await c.decideGrant(.system, grantorUnitID: agency.id, grant: ok, basis: "第八条", reasons: "需要")
            let filed = try await world.services.database.read { try await AuthorityStore.grants(filedWith: province.id, on: $0) }
            #expect(filed.contains { $0.id == grant.id })
        }
    }

    @Test("R-DC-2 the daily sweep declassifies expired secrets, and R-DU-6 what was derived from them")
    func sweepWithDescendants() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let lihua = try await world.actor("lihua")
            let zhangwei = try await world.actor("zhangwei")
            let source = try await draft(world, title: "测试事项：短期", code: "GX-04", marking: "秘密★15日")
            _ = try await c.submit(zhangwei, secretID: source.id, officerPersonID: lihua.person!.id)
            _ = try await c.review(lihua, secretID: source.id, decision: .approve)
            let child = try await c.draft(
                zhangwei,
                DraftRequest(
                    title: "测试事项：短期摘要", basis: .derived(sourceID: source.id, ground: .summarises), marking: "", scope: [],
                    secretPoints: "摘录", questions: .allNo))
            #expect(child.marking.render() == "秘密★15日")
            _ = try await c.submit(zhangwei, secretID: child.id, officerPersonID: lihua.person!.id)
            _ = try await c.review(lihua, secretID: child.id, decision: .approve)
            #expect(try await c.sweep() == 0)
            world.clock.advance(by: 15 * 86_400)
            #expect(try await c.sweep() >= 1)
            #expect(try await c.detail(lihua, id: source.id).secret.status == .declassified)
            let derived = try await c.detail(lihua, id: child.id)
            #expect(derived.secret.status == .declassified)
            #expect(derived.events.last?.summary.contains("随") == true)
        }
    }

    @Test("R-CL-3 an unclear matter shows its 10-working-day reporting clock on the drafter's 待办")
    func unclearClockOnTodo() async throws {
        try await TestWorld.with { world in
            let todos = try await world.services.todos.items(for: world.actor("zhangwei"))
            let unclear = try #require(todos.first { $0.title.contains("不明确事项") })
            let due = try #require(unclear.due)
            let calendar = try await world.services.calendar.current()
            #expect(try calendar.workingDaysBetween(world.services.clock.today, due) == 10)
            world.clock.advance(by: 30 * 86_400)
            let later = try await world.services.todos.items(for: world.actor("zhangwei"))
            #expect(later.first { $0.title.contains("不明确事项") }?.urgent == true)
        }
    }

    @Test("R-CL-4 a matter the law requires to disclose is refused at drafting, and nothing is stored")
    func mustNotClassifyStoresNothing() async throws {
        try await TestWorld.with { world in
            let before = try await world.services.classification.everything(world.actor("zhangwei"), filter: SecretFilter()).count
            var questions = FourQuestions.allNo
            questions.lawRequiresDisclosure = true
            await #expect(throws: ClassificationError.mustNotClassify(reason: "法律、行政法规或者国家有关规定要求公开")) {
                _ = try await world.services.classification.draft(
                    world.actor("zhangwei"),
                    DraftRequest(title: "政府信息公开目录", basis: .unclear, marking: "秘密★1年", scope: [], secretPoints: "无", questions: questions))
            }
            #expect(try await world.services.classification.everything(world.actor("zhangwei"), filter: SecretFilter()).count == before)
        }
    }
}

@Suite("解密检查调度 — one sweep a day across instances")
struct SweepSchedulerTests {
    @Test("R-DC-2 only one of several instances claims a day's sweep; the next day can be claimed again")
    func singleInstance() async throws {
        try await TestWorld.with(demo: false) { world in
            let scheduler = SweepScheduler(services: world.services, logger: .init(label: "test"))
            let day = world.services.clock.today
            let claims = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 { group.addTask { try await scheduler.claim(day) } }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(claims.filter { $0 }.count == 1)
            #expect(try await scheduler.claim(day) == false)
            #expect(try await scheduler.claim(day.adding(days: 1)))
        }
    }
}

@Suite("不明确事项 — report and decision through the store")
struct UnclearFlowTests {
    @Test("R-CL-3 the unclear matter goes to the provincial administration, whose staff decide it within the second clock")
    func reportAndDecide() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let zhangwei = try await world.actor("zhangwei")
            let unclear = try #require(try await c.everything(zhangwei, filter: SecretFilter(status: .unclearPendingReport)).first)
            let reported = try await c.reportUnclear(zhangwei, secretID: unclear.id)
            let province = try #require(try await world.services.organisation.visibleUnits(.system).first { $0.name == "华南省国家保密局" })
            #expect(reported.administrationUnitID == province.id)
            #expect(reported.secret.status == .unclearReported)
            let calendar = try await world.services.calendar.current()
            #expect(try calendar.workingDaysBetween(world.services.clock.today, try #require(reported.decisionDue)) == 10)
            // A provincial staff member: create one and let them decide.
            let staffPerson = try await world.services.organisation.createPerson(
                .system, Person(id: "", unitID: province.id, departmentID: nil, name: "钱省", post: "定密管理处", tier: .important))
            let staffAccount = try await world.services.accounts.create(
                .system,
                NewAccount(username: "qiansheng", displayName: "钱省", personID: staffPerson.id, password: "Staff-pass-2026", roles: [.administrationStaff]))
            _ = staffAccount
            // Staff join the scope at report time, so the first matter (reported before the account existed) stays hidden to them.
            let fresh = try await c.draft(
                zhangwei, DraftRequest(title: "不明确事项二", basis: .unclear, marking: "秘密★3年", scope: [], secretPoints: "工艺", questions: .allNo))
            _ = try await c.reportUnclear(zhangwei, secretID: fresh.id)
            let staff = try await world.services.auth.login(username: "qiansheng", password: "Staff-pass-2026", otp: nil, kind: .api, remote: nil).actor
            await #expect(throws: Refusal.notFound) { _ = try await c.decideUnclear(staff, secretID: unclear.id, marking: nil, reason: "x") }
            let decided = try await c.decideUnclear(staff, secretID: fresh.id, marking: try Marking.parse("秘密★3年"), reason: "属于国家秘密")
            #expect(decided.status == .inForce)
            #expect(decided.markings.last == "秘密★3年")
            await #expect(throws: Refusal.self) { _ = try await c.decideUnclear(zhangwei, secretID: fresh.id, marking: nil, reason: "x") }
        }
    }
}

@Suite("知悉范围 — widening and the knowers' record")
struct ScopeFlowTests {
    @Test("R-KS-3 widening inside the unit needs the head, outside it the originator's consent; R-KS-2 every knower is recorded; R-KS-4 no uncleared knower")
    func widen() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let chenjun = try await world.actor("chenjun")  // 单位领导 of the agency
            let candidates = try await c.everything(chenjun, filter: SecretFilter(level: .confidential, status: .inForce))
            // Approved through the service in the demo; its scope holds neither 刘洋 nor anyone outside the agency.
            let secret = try #require(candidates.first { $0.title == "某型装备配套企业技术改造项目清单" })
            let liuyang = try await world.actor("liuyang").person!
            let zhoumin = try await world.actor("zhoumin").person!
            let maling = try await world.actor("maling").person!  // another unit, 重要
            // 周敏 is 一般: cannot know 机密.
            await #expect(throws: Refusal.self) {
                _ = try await c.widenScope(chenjun, secretID: secret.id, personID: zhoumin.id, reason: "工作需要", consentReference: nil)
            }
            // The 保密员 (no leader) cannot approve a widening herself.
            await #expect(throws: ClassificationError.wideningNeedsApproval(needed: "本机关、单位负责人批准")) {
                _ = try await c.widenScope(world.actor("wangfang"), secretID: secret.id, personID: liuyang.id, reason: "工作需要", consentReference: nil)
            }
            let widened = try await c.widenScope(chenjun, secretID: secret.id, personID: liuyang.id, reason: "工作需要", consentReference: nil)
            #expect(widened.scope.contains(liuyang.id))
            await #expect(throws: ClassificationError.wideningNeedsApproval(needed: "原定密机关、单位同意")) {
                _ = try await c.widenScope(chenjun, secretID: secret.id, personID: maling.id, reason: "配套生产", consentReference: nil)
            }
            // Outside the unit the head's approval is not enough: the originator's consent reference is required.
            let outside = try await c.widenScope(chenjun, secretID: secret.id, personID: maling.id, reason: "配套生产", consentReference: "工信函〔2026〕31号")
            #expect(outside.scope.contains(maling.id))
            let knowers = try await c.recordPage(chenjun, id: secret.id).knowers
            #expect(knowers.contains { $0.personID == maling.id && $0.reason.contains("配套生产") })
            let recorded = try await world.services.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM scope_widenings WHERE secret_id = \(bind: secret.id)").first()!.decode(column: "n", as: Int.self)
            }
            #expect(recorded >= 1)
            // 马玲 can now read it.
            _ = try await c.detail(world.actor("maling"), id: secret.id)
        }
    }
}

@Suite("异议 — objections through the store")
struct ObjectionFlowTests {
    @Test(
        "R-CL-7 while an objection claims a higher level the secret is protected at it: a reader cleared only for the lower level loses sight until it is decided"
    )
    func protectedAtClaimedLevel() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let zhangwei = try await world.actor("zhangwei")
            let lihua = try await world.actor("lihua")
            let zhoumin = try await world.actor("zhoumin")  // 一般: cleared for 秘密 only
            let item = try #require(try await c.ownCatalogue(zhangwei).first { $0.code == "GX-04" })
            let drafted = try await c.draft(
                zhangwei,
                DraftRequest(
                    title: "异议测试", basis: .catalogue(itemID: item.id), marking: "秘密★3年", scope: [zhoumin.person!.id], secretPoints: "x", questions: .allNo))
            _ = try await c.submit(zhangwei, secretID: drafted.id, officerPersonID: lihua.person!.id)
            _ = try await c.review(lihua, secretID: drafted.id, decision: .approve)
            _ = try await c.detail(zhoumin, id: drafted.id)
            await #expect(throws: ClassificationError.objectionWithoutClaim) {
                _ = try await c.raiseObjection(zhangwei, secretID: drafted.id, claimedLevel: .secret, claimedPeriod: nil, reason: "同级")
            }
            let objection = try await c.raiseObjection(zhangwei, secretID: drafted.id, claimedLevel: .confidential, claimedPeriod: nil, reason: "涉及军品配套")
            #expect(objection.appealLevel == .provincial)
            await #expect(throws: Refusal.notFound) { _ = try await c.detail(zhoumin, id: drafted.id) }
            #expect(try await c.everything(zhoumin, filter: SecretFilter()).allSatisfy { $0.id != drafted.id })
            // Other changes while pending keep the protection.
            _ = try await c.widenScope(lihua, secretID: drafted.id, personID: world.actor("liuyang").person!.id, reason: "工作需要", consentReference: nil)
            await #expect(throws: Refusal.notFound) { _ = try await c.detail(zhoumin, id: drafted.id) }
            await #expect(throws: Refusal.self) { try await c.decideObjection(zhangwei, objectionID: objection.id, decision: "维持") }
            try await c.decideObjection(lihua, objectionID: objection.id, decision: "经复核维持秘密级")
            _ = try await c.detail(zhoumin, id: drafted.id)
            #expect(try await c.recordPage(lihua, id: drafted.id).objections.first?.status == "decided")
        }
    }
}

@Suite("年度审查 — annual review (R-DC-1)")
struct AnnualReviewTests {
    @Test("R-DC-1 every in-force secret is reviewed once a year by an officer; the 待办 shows what is left and the register filters it")
    func annualReview() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let lihua = try await world.actor("lihua")
            let year = world.services.clock.today.year
            let due = try await c.everything(lihua, filter: SecretFilter(reviewDueYear: year))
            #expect(!due.isEmpty)
            let todo = try #require(try await world.services.todos.items(for: lihua).first { $0.title == "年度定密审查" })
            #expect(todo.detail.contains("\(due.count)"))
            await #expect(throws: Refusal.self) { try await c.recordAnnualReview(lihua, secretID: due[0].id, result: "随便", note: "") }
            await #expect(throws: Refusal.self) { try await c.recordAnnualReview(world.actor("zhangwei"), secretID: due[0].id, result: "继续保密", note: "") }
            try await c.recordAnnualReview(lihua, secretID: due[0].id, result: "继续保密", note: "密点未变")
            let after = try await c.everything(lihua, filter: SecretFilter(reviewDueYear: year))
            #expect(after.count == due.count - 1)
            #expect(try await c.detail(lihua, id: due[0].id).events.last?.summary.contains("年度审查") == true)
            // Next year it is due again.
            #expect(try await c.everything(lihua, filter: SecretFilter(reviewDueYear: year + 1)).contains { $0.id == due[0].id })
        }
    }
}
