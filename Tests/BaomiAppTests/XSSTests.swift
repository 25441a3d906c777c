import Accounts
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
import Personnel
import PersonnelServices
import Storage
import Tabular
import TestSupport
import Testing

/// Issue: "a test types a value holding `<script>`, quotes, `&` and every character HTML escapes into every
/// user-entered field of every area (titles, names, notes, reasons, opinions, imported rows) and checks every page and
/// printout that shows it."
///
/// The text is typed through the same service operations the web forms call, acting as the demo users who fill those
/// forms in; then each user crawls the web pages (every same-site link, breadth first, the printouts included) and no
/// page may hold the text unescaped. The text must also be seen escaped — on enough pages, in every area, and on each
/// page and printout known to show it — so that the test cannot pass by showing nothing.
@Suite("XSS — user text is escaped on every page")
struct XSSTests {
    /// Typed into every business field: a script, markup, both quotes and an ampersand; `X` finds it.
    static let attack = "X<script>alert('甲')</script>\"&'<b>"
    /// The same for the organisation's own names (unit, department, a person's post and title, an account's name), so
    /// that a business page does not count as showing the typed text only because a colleague's post is in a menu.
    static let orgAttack = "Z<script>alert('乙')</script>\"&'<b>"
    /// For the fields of at most 30 characters (a person's name, a training form, a delegation's secrecy person,
    /// signatures, the deciding leader).
    static let short = "Y<script>\"&'<b>"
    /// What no page may hold: the unescaped end of every typed value.
    static let rawTail = "\"&'<b>"

    /// `text` as the views escape it: `<` `>` `&` `"` `'`.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    @Test(
        "every user-entered field, typed with <script>, quotes and &, is shown escaped on every page and printout that shows it",
        .timeLimit(.minutes(5)))
    func typedTextIsEscapedEverywhere() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let cast = try await Cast.of(world)
            // The typed records come after the demo's (which all carry the template's instant): newest first, they head
            // every register.
            world.clock.advance(by: 120)
            var typing = Typing()
            let person = try await Self.typeOrganisation(world, cast, &typing)
            let secret = try await Self.typeClassification(world, cast, &typing)
            try await Self.typePersonnel(world, cast, attackPerson: person, &typing)
            try await Self.typeCarriers(world, cast, attackPerson: person, secret: secret, &typing)
            #expect(typing.refused.count <= 2, "fields whose service refused the typed text: \(typing.refused)")

            let seeds = typing.pages + Self.menuPages + Self.reflected
            let today = world.services.clock.today.iso
            let visits = try await testApplication(world).test(.router) { client -> [Visit] in
                try await Self.refusedFormsShowItEscaped(world, client, today: today)
                return try await Self.crawl(world, client, seeds: seeds)
            }

            let stored = visits.filter { !$0.reflected }
            let showing = stored.filter(\.shows)
            #expect(showing.count >= 20, "only \(showing.count) pages showed the typed text (escaped)")
            for area in ["secrets", "authority", "supervision", "filings", "carriers", "personnel", "notices"] {
                #expect(showing.contains { Self.area(of: $0.url) == area }, "no page under /\(area) showed the typed text (escaped)")
            }
            let shown = Set(showing.map(\.url))
            for url in typing.mustShow.map(Self.normalized) {
                #expect(shown.contains(url), "\(url) showed the typed text (escaped) to no one")
            }
            let shownOrganisation = Set(stored.filter(\.showsOrganisation).map(\.url))
            for url in typing.mustShowOrganisation.map(Self.normalized) {
                #expect(shownOrganisation.contains(url), "\(url) showed the typed unit, department, account or holiday name (escaped) to no one")
            }
        }
    }
}

// MARK: - Who types

extension XSSTests {
    /// The demo users who fill the forms in, each logged in once.
    struct Cast: Sendable {
        let wangfang, liuyang, chenjun, lihua, zhangwei, zhaoqiang, zhoumin, sunli, qianhong, sysadmin: Actor

        static func of(_ world: TestWorld) async throws -> Cast {
            try await Cast(
                wangfang: world.actor("wangfang"), liuyang: world.actor("liuyang"), chenjun: world.actor("chenjun"), lihua: world.actor("lihua"),
                zhangwei: world.actor("zhangwei"), zhaoqiang: world.actor("zhaoqiang"), zhoumin: world.actor("zhoumin"), sunli: world.actor("sunli"),
                qianhong: world.actor("qianhong"), sysadmin: world.actor("sysadmin"))
        }

        /// The person behind an account.
        static func pid(_ actor: Actor) -> String { actor.person?.id ?? "" }

        /// The unit of the 工业和信息化局, where the demo's business users work.
        var agency: String { wangfang.person?.unitID ?? "" }
    }

    /// What the typing left: the pages to visit, those that must show the typed text, and the fields whose service
    /// refused it.
    struct Typing: Sendable {
        var pages: [String] = []
        var mustShow: [String] = []
        var mustShowOrganisation: [String] = []
        var refused: [String] = []

        mutating func visit(_ url: String) {
            if !pages.contains(url) { pages.append(url) }
        }

        mutating func shows(_ url: String) {
            visit(url)
            if !mustShow.contains(url) { mustShow.append(url) }
        }

        mutating func showsOrganisation(_ url: String) {
            visit(url)
            if !mustShowOrganisation.contains(url) { mustShowOrganisation.append(url) }
        }

        /// Types a field through its service operation; a refusal is recorded (the field is skipped) instead of thrown.
        mutating func typed<T>(_ field: String, _ body: () async throws -> T) async throws -> T? {
            do {
                return try await body()
            } catch let refusal as any DomainError {
                refused.append("\(field)：\(refusal.code) \(refusal.message)")
                return nil
            }
        }
    }
}

extension XSSTests {
    // MARK: organisation and notices

    /// Unit, department, person and account as the 系统管理员 registers them; a 涉密通知 as the 保密员 drafts it. Returns
    /// the person whose name is the typed text (the personnel and carrier areas use them).
    static func typeOrganisation(_ world: TestWorld, _ cast: Cast, _ t: inout Typing) async throws -> Person? {
        let s = world.services
        let o = s.organisation
        let today = s.clock.today
        let units = try await o.visibleUnits(.system)
        let city = units.first { $0.name == "江海市国家保密局" }?.id
        let agency = cast.agency
        _ = try await t.typed("单位名称、所在地区") {
            try await o.createUnit(cast.sysadmin, name: orgAttack + "单位", kind: .enterprise, parentID: city, region: orgAttack)
        }
        let department = try await t.typed("部门名称") { try await o.createDepartment(cast.sysadmin, unitID: agency, name: orgAttack + "科") }
        let person = try await t.typed("人员姓名、岗位、职务") {
            try await o.createPerson(
                cast.sysadmin,
                Person(
                    id: "", unitID: agency, departmentID: department?.id, name: short, post: orgAttack, title: orgAttack,
                    email: orgAttack + "@demo.baomi"))
        }
        _ = try await t.typed("账号姓名/显示名") {
            try await s.accounts.create(cast.sysadmin, NewAccount(username: "xss.tester", displayName: orgAttack, personID: person?.id))
        }
        let scope = [cast.chenjun, cast.lihua, cast.zhangwei, cast.liuyang].map(Cast.pid)
        let notice = try await t.typed("涉密通知标题、正文") {
            try await s.notices.create(
                cast.wangfang,
                NewNotice(title: attack + "通知", body: attack + "\n" + attack, marking: "秘密★1年", issuedOn: today.iso, scopePersonIDs: scope))
        }
        if let notice { t.shows("/notices/\(notice.id)") }
        t.shows("/notices")
        // A year of the working-day calendar, far from the deadlines this test counts, with a holiday named by the text.
        let year = try JSONSerialization.data(
            withJSONObject: [
                "year": 2030, "holidays": [["name": orgAttack + "节", "from": "2030-05-01", "to": "2030-05-03"]], "makeupWorkdays": [String](),
            ] as [String: Any])
        _ = try await t.typed("工作日历：假期名称") { try await s.calendar.importYear(cast.sysadmin, json: year, source: "页面导入") }
        for url in ["/admin/units", "/admin/users", "/calendar?year=2030"] { t.showsOrganisation(url) }
        return person
    }

    // MARK: 定密

    /// Secrets through their life — drafted, amended, objected to and appealed, reviewed, widened, changed, corrected,
    /// rechecked, rejected, declassified, an unclear matter decided — then the authority register and the filings.
    /// Returns the secret the carrier area produces a carrier from.
    static func typeClassification(_ world: TestWorld, _ cast: Cast, _ t: inout Typing) async throws -> SecretMatter? {
        let c = world.services.classification
        let today = world.services.clock.today
        let agency = cast.agency
        let item = try await c.ownCatalogue(cast.zhangwei).first { $0.code == "GX-04" }
        let basis = ClassificationBasis.catalogue(itemID: item?.id ?? "")
        let scope = [cast.wangfang, cast.chenjun, cast.lihua, cast.zhaoqiang, cast.liuyang, cast.sunli].map(Cast.pid)
        let lihua = Cast.pid(cast.lihua)

        let s1 = try await t.typed("定密：事项名称、密点") {
            try await c.draft(
                cast.zhangwei,
                DraftRequest(title: attack + "定密事项", basis: basis, marking: "秘密★3年", scope: scope, secretPoints: attack, questions: .allNo))
        }
        if let s1 {
            t.shows("/secrets/\(s1.id)")
            let submitted = try await t.typed("定密：提交审核") { try await c.submit(cast.zhangwei, secretID: s1.id, officerPersonID: lihua) }
            _ = try await t.typed("定密：修改后同意的理由") {
                try await c.review(
                    cast.lihua, secretID: s1.id, decision: .amend(level: .secret, period: .years(2), scope: submitted?.scope ?? Set(scope), reason: attack))
            }
            _ = try await t.typed("定密：年度审查说明") {
                try await c.recordAnnualReview(cast.lihua, secretID: s1.id, result: "继续保密", note: attack + "年度审查")
            }
            _ = try await t.typed("定密：扩大知悉范围的理由（单位负责人批准）") {
                try await c.widenScope(cast.chenjun, secretID: s1.id, personID: Cast.pid(cast.zhoumin), reason: attack + "扩大", consentReference: nil)
            }
            let hefeng = try await world.actor("hefeng")
            _ = try await t.typed("定密：扩大知悉范围的理由、原定密单位同意文号") {
                try await c.widenScope(cast.lihua, secretID: s1.id, personID: Cast.pid(hefeng), reason: attack + "外单位", consentReference: attack)
            }
            _ = try await t.typed("定密：变更理由") {
                try await c.change(cast.lihua, secretID: s1.id, request: ChangeRequest(period: .years(3), reason: attack + "变更"))
            }
            _ = try await t.typed("定密：上级纠正理由") {
                try await c.correct(cast.sunli, secretID: s1.id, level: nil, period: .years(1), revoke: false, reason: attack + "纠正")
            }
            _ = try await t.typed("定密：复核说明") { try await c.clearReviewFlag(cast.lihua, secretID: s1.id, note: attack + "复核") }
            // Three objections: one answered by the unit, one decided by the administration, one left with it.
            let answered = try await t.typed("定密：异议理由（答复）") {
                try await c.raiseObjection(cast.zhaoqiang, secretID: s1.id, claimedLevel: .confidential, claimedPeriod: nil, reason: attack + "异议一")
            }
            if let answered {
                _ = try await t.typed("定密：答复异议") { try await c.decideObjection(cast.lihua, objectionID: answered.id, decision: attack + "答复") }
            }
            let decided = try await t.typed("定密：异议理由（确定）") {
                try await c.raiseObjection(cast.zhaoqiang, secretID: s1.id, claimedLevel: .confidential, claimedPeriod: nil, reason: attack + "异议二")
            }
            if let decided {
                _ = try await t.typed("定密：申请确定") { try await c.appealObjection(cast.zhaoqiang, objectionID: decided.id) }
                _ = try await t.typed("定密：保密行政管理部门确定异议") {
                    try await c.decideAppeal(cast.qianhong, objectionID: decided.id, decision: attack + "确定")
                }
            }
            let pending = try await t.typed("定密：异议理由（待确定）") {
                try await c.raiseObjection(cast.zhaoqiang, secretID: s1.id, claimedLevel: .confidential, claimedPeriod: nil, reason: attack + "异议三")
            }
            if let pending { _ = try await t.typed("定密：申请确定（待确定）") { try await c.appealObjection(cast.zhaoqiang, objectionID: pending.id) } }
        }

        let rejected = try await t.typed("定密：事项名称、密点（不同意）") {
            try await c.draft(
                cast.zhangwei,
                DraftRequest(title: attack + "不同意定密", basis: basis, marking: "秘密★3年", scope: scope, secretPoints: attack, questions: .allNo))
        }
        if let rejected {
            t.shows("/secrets/\(rejected.id)")
            _ = try await t.typed("定密：提交审核（不同意）") { try await c.submit(cast.zhangwei, secretID: rejected.id, officerPersonID: lihua) }
            _ = try await t.typed("定密：不同意定密的理由") {
                try await c.review(cast.lihua, secretID: rejected.id, decision: .reject(reason: attack + "不同意"))
            }
        }

        let declassified = try await t.typed("定密：事项名称、密点（解密）") {
            try await c.draft(
                cast.zhangwei,
                DraftRequest(title: attack + "提前解密", basis: basis, marking: "秘密★3年", scope: scope, secretPoints: attack, questions: .allNo))
        }
        if let declassified {
            t.shows("/secrets/\(declassified.id)")
            _ = try await t.typed("定密：提交审核（解密）") { try await c.submit(cast.zhangwei, secretID: declassified.id, officerPersonID: lihua) }
            _ = try await t.typed("定密：审核同意（解密）") { try await c.review(cast.lihua, secretID: declassified.id, decision: .approve) }
            _ = try await t.typed("定密：解密理由、中央批准") {
                try await c.declassify(cast.lihua, secretID: declassified.id, kind: .early, reason: attack + "解密", centralApproval: attack)
            }
        }

        let unclear = try await t.typed("定密：不明确事项名称、密点") {
            try await c.draft(
                cast.zhangwei,
                DraftRequest(
                    title: attack + "不明确事项", basis: .unclear, marking: "秘密★3年", scope: [cast.wangfang, cast.chenjun, cast.lihua].map(Cast.pid),
                    secretPoints: attack, questions: .allNo))
        }
        if let unclear {
            t.shows("/secrets/\(unclear.id)")
            _ = try await t.typed("定密：报送不明确事项") { try await c.reportUnclear(cast.zhangwei, secretID: unclear.id) }
            _ = try await t.typed("定密：确定不明确事项的理由") {
                try await c.decideUnclear(cast.qianhong, secretID: unclear.id, marking: try Marking.parse("秘密★3年"), reason: attack + "确定为秘密")
            }
        }
        t.shows("/secrets")
        t.shows("/supervision")

        // 定密权管理: the catalogue (added and revised), a grant and its revocation, an application made and one refused.
        let units = try await world.services.organisation.visibleUnits(.system)
        let company = units.first { $0.name == "江海精密制造有限公司" }?.id ?? ""
        let province = units.first { $0.name == "华南省发展和改革委员会" }?.id ?? ""
        _ = try await t.typed("一览表：条目编号、事项名称、知悉范围、产生层级、依据") {
            try await c.saveCatalogueItem(
                cast.chenjun,
                CatalogueItem(
                    id: "", unitID: agency, code: attack + "-01", name: attack + "事项", level: .secret, period: .years(5), scope: attack,
                    productionLevel: attack, sourceDocument: attack))
        }
        _ = try await t.typed("一览表：修订理由") {
            try await c.saveCatalogueItem(
                cast.chenjun,
                CatalogueItem(
                    id: "", unitID: agency, code: attack + "-01", name: attack + "事项（修订）", level: .secret, period: .years(5), scope: attack,
                    productionLevel: attack, sourceDocument: attack), reason: attack + "修订")
        }
        let grant = try await t.typed("定密授权：事项范围、依据、理由") {
            try await c.decideGrant(
                cast.chenjun, grantorUnitID: agency,
                grant: Grant(
                    id: "", grantorUnitID: agency, granteeUnitID: company, cap: .secret, matterScope: attack + "授权", validFrom: today,
                    validUntil: today.adding(days: 365)), basis: attack, reasons: attack)
        }
        if let grant {
            _ = try await t.typed("定密授权：撤销理由") { try await c.revokeGrant(cast.chenjun, grantID: grant.id, reason: attack + "撤销") }
        }
        _ = try await t.typed("定密授权申请：事项范围、依据、理由") {
            try await c.applyForGrant(
                cast.chenjun, applicantUnitID: agency, grantorUnitID: province, cap: .secret, matterScope: attack + "申请", validFrom: today,
                validUntil: today.adding(days: 365), basis: attack, reasons: attack)
        }
        let applications = try await c.applications(cast.chenjun, unitID: agency)
        if let application = applications.first(where: { $0.status == .pending && $0.grantorUnitID == agency }) {
            _ = try await t.typed("定密授权申请：决定意见") {
                try await c.decideApplication(cast.chenjun, applicationID: application.id, approve: false, note: attack + "不予授权")
            }
        }
        _ = try await t.typed("报备一览表") { try await c.fileCatalogue(cast.liuyang, unitID: agency) }
        t.shows("/authority")

        // 备案审查: each administration answers every filing waiting with it, returned or acknowledged with its opinion.
        for staff in [cast.sunli, cast.qianhong] {
            let waiting = try await c.supervision(staff).filings.filter { $0.status == .filed }
            for (n, filing) in waiting.enumerated() {
                _ = try await t.typed("备案审查意见") { try await c.replyFiling(staff, filingID: filing.id, accept: n % 2 == 1, reply: attack + "审查意见") }
                t.visit("/filings/\(filing.id)")
            }
        }
        let made = try await c.filingsMade(cast.chenjun, unitID: agency)
        for filing in made where filing.content.contains(attack) || (filing.reply ?? "").contains(attack) {
            t.shows("/filings/\(filing.id)")
        }
        return s1
    }

    // MARK: 涉密人员

    /// Posts, reviews, commitments, rights, training (a class, a course outside, the plan), trips, a reportable event,
    /// the roster and training imports and a departure — each as the 保密员 keeps them; a trip approved by the leader.
    static func typePersonnel(_ world: TestWorld, _ cast: Cast, attackPerson: Person?, _ t: inout Typing) async throws {
        let p = world.services.personnel
        let clerk = cast.wangfang
        let today = world.services.clock.today
        let zhoumin = Cast.pid(cast.zhoumin)
        let zhangwei = Cast.pid(cast.zhangwei)

        _ = try await t.typed("涉密岗位名称") {
            try await p.createPost(clerk, name: attack + "岗", departmentID: nil, highestLevel: .secret, keyPart: false, roles: [.handler])
        }
        t.shows("/personnel/appoint")

        let event = try await t.typed("重大事项：情况说明") {
            try await p.reportEvent(clerk, personID: zhoumin, kind: .approach, occurredOn: today, details: attack + "情况")
        }
        if let event {
            _ = try await t.typed("重大事项：处理情况、已报告的机关") {
                try await p.handleEvent(clerk, eventID: event.id, handling: attack + "处理", onwardTo: attack + "上报")
            }
            t.shows("/personnel/file/\(zhoumin)/print/event/\(event.id)")
        }
        t.shows("/personnel/events")

        let post = try await p.posts(clerk).first { $0.name == "项目管理" }
        let review = try await t.typed("保密审查：亲属情况、组织人事部门意见、保密工作机构意见、审批领导") {
            try await p.recordReview(
                clerk,
                .init(
                    personID: zhoumin, postID: post?.id ?? "", kind: .change, eligibility: .allMet, relativesAbroad: attack,
                    personnelOpinion: attack + "人事", secrecyOpinion: attack + "保密", decidedBy: short, passed: true))
        }
        if let review { t.shows("/personnel/file/\(zhoumin)/print/review/\(review.id)") }
        let commitment = try await t.typed("承诺书备注") {
            try await p.recordCommitment(clerk, personID: zhoumin, kind: .pledge, signedOn: nil, note: attack + "承诺")
        }
        if let commitment { t.shows("/personnel/file/\(zhoumin)/print/commitment/\(commitment.id)") }
        _ = try await t.typed("权益保障：限制、待遇") {
            try await p.recordRights(
                clerk, RightsRecord(id: "", personID: zhoumin, restriction: attack + "限制", measure: attack + "待遇", recordedOn: today))
        }
        _ = try await t.typed("外部培训：培训机构、证书编号") {
            try await p.recordExternal(
                clerk,
                ExternalCourse(
                    id: "", personID: zhoumin, kind: .other, provider: attack + "机构", completedOn: today, hours: 2, certificateNumber: attack))
        }
        t.shows("/personnel/file/\(zhoumin)")

        let course = try await t.typed("培训：内容、形式、组织者") {
            try await p.recordClass(
                clerk,
                TrainingClass(
                    id: "", unitID: "", kind: .general, heldOn: today, hours: 2, content: attack + "内容", form: short + "讲座", organiser: attack + "组织",
                    participantIDs: [zhoumin, zhangwei]))
        }
        if let course { t.shows("/personnel/training/classes/\(course.id)/print") }
        _ = try await t.typed("年度培训计划：内容、形式、对象") {
            try await p.savePlan(
                clerk, year: today.year,
                items: [
                    TrainingRules.PlanItem(month: 4, content: attack + "四月", form: attack, hours: 4, audience: attack),
                    TrainingRules.PlanItem(month: 12, content: attack + "十二月", form: attack, hours: 2, audience: attack),
                ])
        }
        t.shows("/personnel/training/plans/\(today.year)/print")
        let training =
            "姓名,培训日期,课时,培训内容,培训形式,组织者,培训类别\r\n"
            + ["周敏", today.iso, "2", attack + "导入培训", short, attack + "导入组织", ""].map(csvCell).joined(separator: ",") + "\r\n"
        let trainingReport = try await t.typed("导入培训记录：内容、形式、组织者") {
            try await p.importFile(clerk, Data(training.utf8), kind: .training, mode: .all)
        }
        if let trainingReport, !trainingReport.problems.isEmpty {
            t.refused.append("导入培训记录：" + trainingReport.problems.map(\.message).joined(separator: "；"))
        }
        t.shows("/personnel/training")

        // A trip through every step (opinions, approval, education, departure, return, report), and one awaiting approval.
        let trip = try await t.typed("出国（境）：去向、事由、团组、团组保密员、脱密期内出境的批准") {
            try await p.applyTrip(
                clerk,
                .init(
                    personID: zhoumin, purpose: .official, destination: attack + "去向", reason: attack + "事由", departOn: today, returnOn: today,
                    delegation: attack + "团组", delegationSecrecyPerson: short, declearingApproval: attack))
        }
        if let trip {
            _ = try await t.typed("出国（境）：保密工作机构意见") { try await p.tripOpinion(clerk, tripID: trip.id, opinion: attack + "保密意见") }
            _ = try await t.typed("出国（境）：组织人事部门意见（审批人补填）、保密组织同意") {
                try await p.approveTrip(cast.chenjun, tripID: trip.id, personnelOpinion: attack + "人事意见", secrecyOpinion: attack, secrecyOrgConsent: attack)
            }
            for step in [PersonnelService.TripStep.educate, .depart, .returned] {
                _ = try await t.typed("出国（境）：\(step.rawValue)") { try await p.tripStep(clerk, tripID: trip.id, step, day: nil) }
            }
            _ = try await t.typed("回国（境）报告") { try await p.tripStep(clerk, tripID: trip.id, .report, day: nil, report: attack + "报告") }
            t.shows("/personnel/file/\(zhoumin)/print/trip/\(trip.id)")
        }
        let awaiting = try await t.typed("出国（境）申请：去向、事由（待审批）") {
            try await p.applyTrip(
                clerk,
                .init(
                    personID: zhangwei, purpose: .private, destination: attack + "待批", reason: attack + "探亲", departOn: today.adding(days: 20),
                    returnOn: today.adding(days: 27)))
        }
        if let awaiting {
            _ = try await t.typed("出国（境）：意见（待审批）") { try await p.tripOpinion(clerk, tripID: awaiting.id, opinion: attack + "待批意见") }
            t.shows("/personnel/file/\(zhangwei)/print/trip/\(awaiting.id)")
        }
        t.shows("/personnel/trips")
        t.shows("/personnel/approvals")

        // The person whose name is the typed text: imported into the roster on a post named by the typed text, then leaving.
        guard let person = attackPerson else { return }
        let roster =
            "姓名,涉密岗位,岗位涉及最高密级,涉密等级,上岗日期,审查日期,承诺书签订日期,要害部门部位\r\n"
            + [short, attack + "岗2", "秘密", "一般", today.iso, today.iso, today.iso, "否"].map(csvCell).joined(separator: ",") + "\r\n"
        let rosterReport = try await t.typed("导入涉密人员名单：姓名、涉密岗位") {
            try await p.importFile(clerk, Data(roster.utf8), kind: .roster, mode: .all)
        }
        if let rosterReport, !rosterReport.problems.isEmpty {
            t.refused.append("导入涉密人员名单：" + rosterReport.problems.map(\.message).joined(separator: "；"))
        }
        t.shows("/personnel")
        let departure = try await t.typed("离岗离职：去向、提前离岗的同意") {
            try await p.openDeparture(
                clerk,
                .init(
                    personID: person.id, kind: .transfer, leavingOn: today.adding(days: 30), declearingMonths: 6, destination: attack + "去向",
                    earlyConsent: attack))
        }
        if let departure {
            _ = try await t.typed("离岗离职清单：办理情况") {
                try await p.recordDepartureItem(clerk, departureID: departure.id, item: .approval, note: attack + "审批")
            }
            t.shows("/personnel/departures/\(departure.id)")
            t.shows("/personnel/file/\(person.id)/print/departure/\(departure.id)")
        }
        let leaving = try await t.typed("离岗离职保密承诺书备注") {
            try await p.recordCommitment(clerk, personID: person.id, kind: .leaving, signedOn: nil, note: attack + "离岗承诺")
        }
        if let leaving { t.shows("/personnel/file/\(person.id)/print/commitment/\(leaving.id)") }
        t.shows("/personnel/file/\(person.id)")
        t.visit("/personnel/departures")
    }

    // MARK: 载体

    /// A safe; carriers received, produced and imported; every step with a text (copy, carry out, dispatch, return,
    /// retain, destroy, repair, loss, a 绝密 reading, a medium handed over), and the month's count.
    static func typeCarriers(_ world: TestWorld, _ cast: Cast, attackPerson: Person?, secret: SecretMatter?, _ t: inout Typing) async throws {
        let k = world.services.carriers
        let clerk = cast.wangfang
        let today = world.services.clock.today
        let chenjun = Cast.pid(cast.chenjun)
        let lihua = Cast.pid(cast.lihua)
        let scope = [cast.chenjun, cast.lihua, cast.zhangwei, cast.zhaoqiang, cast.liuyang].map(Cast.pid)
        func paper(_ what: String, kind: CarrierKind = .paper, marking: String = "机密★10年", copies: Int = 1, serials: [String] = [], scope: [String])
            -> CarrierInput
        {
            CarrierInput(
                kind: kind, title: attack + what, documentNumber: attack, originatingUnit: attack, marking: marking, copies: copies, serials: serials,
                scope: scope)
        }

        let safe = try await t.typed("保密柜名称、位置") {
            try await k.registerSafe(clerk, name: attack + "柜", location: attack, level: .confidential, topSecretOnly: false)
        }
        t.shows("/carriers/safes")

        if let received = try await receive(
            k, clerk, &t, "收文：标题、文号、来文单位、份号", paper("收文", copies: 2, serials: [attack + "1", attack + "2"], scope: scope), level: .confidential)
        {
            if let safe { _ = try await t.typed("存入保密柜") { try await k.store(clerk, carrierID: received.id, safeID: safe.id) } }
            _ = try await t.typed("借出") {
                try await k.lend(clerk, carrierID: received.id, borrowerPersonID: lihua, approvedBy: chenjun, due: today.adding(days: 14))
            }
        }
        if let original = try await receive(k, clerk, &t, "收文（复印）", paper("复印原件", scope: scope), level: .confidential) {
            let copy = try await t.typed("复印：原制发单位同意、签收人") {
                try await k.copy(clerk, carrierID: original.id, approvedBy: chenjun, originatorConsent: attack, copies: 1, recipient: attack + "签收")
            }
            if let copy { t.shows("/carriers/\(copy.id)") }
        }
        if let carried = try await receive(k, clerk, &t, "收文（携带外出）", paper("携带外出", scope: scope), level: .confidential) {
            _ = try await t.typed("携带外出：同行人、出境许可证") {
                try await k.carryOut(
                    clerk, carrierID: carried.id, holderPersonID: lihua, approvedBy: chenjun, companions: [short + "同行"], abroad: true, exitPermit: attack)
            }
        }
        if let sent = try await receive(k, clerk, &t, "收文（发出）", paper("发出", scope: scope), level: .confidential) {
            _ = try await t.typed("发出：收件单位、发放范围、护送人") {
                try await k.dispatch(
                    clerk, carrierID: sent.id, recipient: attack + "收件", approvedDistribution: [attack + "收件"], channel: .confidentialCourier,
                    outOfTown: false, escorts: [short + "护送"])
            }
        }
        if let returned = try await receive(k, clerk, &t, "收文（清退）", paper("清退", scope: scope), level: .confidential) {
            _ = try await t.typed("清退说明") { try await k.returnToIssuer(clerk, carrierID: returned.id, note: attack + "清退") }
        }
        if let retained = try await receive(k, clerk, &t, "收文（留存）", paper("留存", scope: scope), level: .confidential) {
            _ = try await t.typed("留存理由") { try await k.retain(clerk, carrierID: retained.id, reason: attack + "归档") }
        }
        if let destroyed = try await receive(k, clerk, &t, "收文（销毁）", paper("销毁", scope: scope), level: .confidential) {
            _ = try await t.typed("销毁：监销人") {
                try await k.destroy(
                    clerk, carrierIDs: [destroyed.id], approvedBy: chenjun, persons: [short + "甲", short + "乙"], method: .destructionCentre)
            }
        }
        if let device = try await receive(k, clerk, &t, "收文（密品）", paper("密品", kind: .device, marking: "秘密", scope: scope), level: .secret) {
            _ = try await t.typed("送修：监督人、维修单位") {
                try await k.repair(clerk, carrierID: device.id, mode: .qualifiedVendor, supervisor: attack, vendor: attack, offSite: true, dataRecovery: false)
            }
        }
        if let lost = try await receive(k, clerk, &t, "收文（丢失）", paper("丢失", scope: scope), level: .confidential) {
            _ = try await t.typed("丢失经过") { try await k.reportLoss(clerk, carrierID: lost.id, kind: "丢失", summary: attack + "经过") }
        }
        if let read = try await receive(
            k, clerk, &t, "收文（绝密）", paper("绝密", marking: "绝密★20年", scope: [chenjun, lihua]), level: .topSecret)
        {
            _ = try await t.typed("传阅：阅文地点") {
                try await k.circulate(clerk, carrierID: read.id, readerPersonID: lihua, readingRoom: attack + "阅文室")
            }
            t.shows("/carriers/\(read.id)/reader-log")
        }
        if let secret {
            let made = try await t.typed("制作：标题、文号、制发单位") {
                try await k.produce(
                    clerk,
                    CarrierInput(
                        kind: .paper, title: attack + "制作", documentNumber: attack, originatingUnit: attack, marking: "", secretIDs: [secret.id], copies: 1),
                    approvedBy: chenjun, equipment: .classifiedEquipment, approvedCopies: 1, markingApplied: true, waste: .destroyed)
            }
            if let made {
                t.shows("/carriers/\(made.id)")
                t.shows("/carriers/\(made.id)/label")
            }
        }
        // Media of the person whose name is the typed text: one handed over to a successor, one still theirs (its label
        // names them).
        if let person = attackPerson {
            func medium(_ what: String) -> CarrierInput {
                CarrierInput(
                    kind: .medium, title: attack + what, documentNumber: "", originatingUnit: attack, marking: "秘密", copies: 1, scope: [person.id],
                    medium: MediumInfo(mediaType: attack, purchasedCentrally: true, userPersonID: person.id))
            }
            if try await receive(k, clerk, &t, "介质：类型、标题", medium("介质移交"), level: .secret) != nil {
                let handover = try await t.typed("移交清单：双方签字") {
                    try await k.handOver(
                        clerk, fromPersonID: person.id, toPersonID: Cast.pid(cast.zhangwei), leaverSigned: short + "移交", successorSigned: short + "接收")
                }
                // The list on both files and its printout: the names, the signatures and the medium's title.
                if let handover {
                    t.shows("/personnel/file/\(person.id)")
                    t.shows("/personnel/file/\(Cast.pid(cast.zhangwei))")
                    t.shows("/personnel/file/\(person.id)/handovers/\(handover.id)/print")
                }
            }
            _ = try await receive(k, clerk, &t, "介质：类型、标题（使用中）", medium("介质"), level: .secret)
        }

        let header = "原登记编号,类别,标题,文号,制发单位,密级标志,份数,份号,登记日期,保密柜,状态,持有人,归还日期,知悉范围"
        let row = [attack + "旧", "纸质密件", attack + "导入", attack, attack, "秘密★5年", "1", "", today.iso, attack + "柜", "在库", "", "", "李华、赵强"]
        let csv = header + "\r\n" + row.map(csvCell).joined(separator: ",") + "\r\n"
        let report = try await t.typed("导入纸质台账：原登记编号、标题、文号、制发单位、保密柜") { try await k.importCSV(clerk, csv, mode: .all) }
        if let report, !report.problems.isEmpty {
            t.refused.append("导入纸质台账：" + report.problems.map(\.message).joined(separator: "；"))
        }
        let register = try await k.everything(clerk, filter: CarrierFilter(unitID: cast.agency))
        for imported in register where imported.title == attack + "导入" {
            t.shows("/carriers/\(imported.id)")
            t.shows("/carriers/\(imported.id)/label")
        }
        _ = try await t.typed("清点：账外发现、备注") {
            try await k.recordCount(
                clerk, check: .monthlyCount, foundIDs: register.filter(\.status.isHeld).map(\.id), unexpected: [attack + "账外"], note: attack)
        }
        t.shows("/carriers")
        t.shows("/carriers/checks")
        for book in ["receipt", "dispatch", "copy", "destruction"] { t.shows("/carriers/books/\(book)") }
        t.visit("/carriers/ledger?person=\(lihua)")
    }

    /// Receives a carrier with a clean receiving check; its page and its label must show it.
    static func receive(
        _ k: CarrierService, _ clerk: Actor, _ t: inout Typing, _ field: String, _ input: CarrierInput, level: Level
    ) async throws -> Carrier? {
        let serials = input.serials.isEmpty ? ((try? CarrierRules.serials(copies: input.copies)) ?? []) : input.serials
        let check = CarrierRules.ReceiptCheck(
            packageIntact: true, expectedCopies: input.copies, countedCopies: input.copies, expectedSerials: serials, foundSerials: serials,
            markedLevel: level, listedLevel: level, addresseeMatches: true)
        let carrier = try await t.typed(field) { try await k.receive(clerk, input, check: check).carrier }
        if let carrier {
            t.shows("/carriers/\(carrier.id)")
            t.shows("/carriers/\(carrier.id)/label")
        }
        return carrier
    }

    /// One cell of a CSV file, quoted when it holds a quote, a comma or a line break.
    static func csvCell(_ text: String) -> String {
        text.contains(where: { ["\"", ",", "\r", "\n"].contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

// MARK: - The crawl

extension XSSTests {
    /// One page fetched by one user.
    struct Visit: Sendable {
        let user: String, url: String, status: Int
        /// Whether it shows the typed business text, escaped.
        let shows: Bool
        /// Whether it shows the typed organisation text, escaped.
        let showsOrganisation: Bool
        /// Whether the typed text came in the request itself (a search, a missing record's address), not from the
        /// database.
        let reflected: Bool
    }
}

extension XSSTests {
    /// Who crawls, and how many pages each follows beyond the pages every user is sent to.
    static let crawlers: [(user: String, extra: Int)] = [
        ("wangfang", 120), ("chenjun", 120), ("liuyang", 120), ("zhangwei", 120), ("lihua", 40), ("zhaoqiang", 40), ("zhoumin", 10),
        ("sunli", 10), ("qianhong", 10), ("sysadmin", 10), ("secadmin", 10), ("auditor", 10),
    ]

    /// The top navigation and the area menus' pages, whoever may open them.
    static let menuPages = [
        "/", "/secrets", "/secrets/new", "/secrets/statistics", "/authority", "/supervision", "/markings", "/carriers", "/carriers/new",
        "/carriers/new?mode=produce", "/carriers/safes", "/carriers/ledger", "/carriers/checks", "/carriers/findings", "/carriers/import", "/personnel",
        "/personnel/appoint", "/personnel/trips", "/personnel/events", "/personnel/training", "/personnel/departures", "/personnel/approvals",
        "/personnel/import", "/notices", "/notices/new", "/admin/units", "/admin/users", "/security", "/audit", "/calendar", "/account/password",
    ]

    /// The typed text percent-encoded, as a query or an address carries it.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"))
            ?? text
    }

    /// Pages given the typed text in the request: searches, filters and missing records' addresses echo it back.
    static var reflected: [String] {
        let q = encoded(attack)
        return [
            "/secrets?q=\(q)", "/secrets?derived_from=\(q)", "/secrets?expiring=\(q)", "/carriers?q=\(q)", "/notices?q=\(q)", "/admin/users?person_q=\(q)",
            "/secrets/\(q)", "/carriers/\(q)", "/notices/\(q)", "/personnel/file/\(q)", "/carriers/books/\(q)",
        ]
    }

    /// An href as a request: entities undone, the fragment dropped, what an address may not hold percent-encoded.
    static func normalized(_ href: String) -> String {
        var url = href
        if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            url = url.replacingOccurrences(of: entity, with: character)
        }
        return url.addingPercentEncoding(withAllowedCharacters: CharacterSet.urlQueryAllowed.union(CharacterSet(charactersIn: "%"))) ?? url
    }

    /// The same-site pages worth a GET: not logging out or in, not the API, health, metrics, static files or downloads.
    static func crawlable(_ url: String) -> Bool {
        guard url.hasPrefix("/"), !url.hasPrefix("//") else { return false }
        let path = String(url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        if ["/logout", "/login", "/metrics", "/healthz", "/readyz"].contains(path) { return false }
        if path.hasPrefix("/api") || path.hasPrefix("/static") || path.hasPrefix("/openapi") { return false }
        return ![".csv", ".css", ".js", ".json", ".svg", ".png", ".ico", ".xlsx", ".txt", ".pdf"].contains { path.hasSuffix($0) }
    }

    /// The hrefs of a page.
    static func links(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { chunk in
            chunk.firstIndex(of: "\"").map { String(chunk[..<$0]) }
        }
    }

    /// The area of a page: the first part of its path.
    static func area(of url: String) -> String {
        let path = url.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return path.split(separator: "/").first.map(String.init) ?? ""
    }

    /// Each user logs in, opens every page sent to all of them, then follows same-site links breadth first; every page
    /// fetched is checked for the typed text unescaped.
    static func crawl(_ world: TestWorld, _ client: any TestClientProtocol, seeds: [String]) async throws -> [Visit] {
        let start = (["/"] + seeds).map(normalized)
        let marker = encoded("X<script")
        let escapedAttack = escaped(attack)
        let escapedOrganisation = escaped(orgAttack)
        var visits: [Visit] = []
        for (user, extra) in crawlers {
            var web = WebClient(client)
            let login = try await web.login(user, TestWorld.password(for: user), otp: try await world.otp(user))
            #expect(login.status == .seeOther, "\(user) cannot log in (\(login.status.code))")
            var queue: [String] = []
            var seen: Set<String> = []
            for url in start where !seen.contains(url) {
                seen.insert(url)
                queue.append(url)
            }
            let budget = queue.count + extra
            var next = 0
            while next < queue.count && next < budget {
                let url = queue[next]
                next += 1
                let page = try await web.get(url)
                let body = page.body
                #expect(!body.contains("<script"), "\(user) GET \(url): a typed <script> is on the page unescaped")
                #expect(!body.contains(rawTail), "\(user) GET \(url): typed quotes and & are on the page unescaped")
                #expect(page.status.code < 500, "\(user) GET \(url) answers \(page.status.code)")
                visits.append(
                    Visit(
                        user: user, url: url, status: page.status.code, shows: body.contains(escapedAttack),
                        showsOrganisation: body.contains(escapedOrganisation), reflected: url.contains(marker)))
                guard page.status == .ok else { continue }
                for link in links(body) {
                    let target = normalized(link)
                    guard crawlable(target), !seen.contains(target) else { continue }
                    seen.insert(target)
                    queue.append(target)
                }
            }
        }
        return visits
    }

    /// A form refused shows what was typed again: escaped too. Each of these is refused (a marking that is none, a
    /// receiving check that fails, no catalogue item), so nothing is written.
    static func refusedFormsShowItEscaped(_ world: TestWorld, _ client: any TestClientProtocol, today: String) async throws {
        var clerk = WebClient(client)
        try await clerk.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
        var handler = WebClient(client)
        try await handler.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
        let markings = try await clerk.get("/markings")
        let linted = try await clerk.post("/markings", [("text", attack)], csrfFrom: markings)
        let noticeForm = try await clerk.get("/notices/new")
        let notice = try await clerk.post(
            "/notices", [("title", attack), ("body", attack), ("marking", "不是标志"), ("issued_on", today)], csrfFrom: noticeForm)
        let entryForm = try await clerk.get("/carriers/new")
        let entry = try await clerk.post(
            "/carriers/new",
            [
                ("mode", "receive"), ("kind", "paper"), ("copies", "1"), ("title", attack), ("document_number", attack), ("originating_unit", attack),
                ("marking", "不是标志"),
            ], csrfFrom: entryForm)
        let draftForm = try await handler.get("/secrets/new")
        let draft = try await handler.post(
            "/secrets", [("basis", "catalogue"), ("catalogue_item_id", ""), ("title", attack), ("marking", attack), ("secret_points", attack)],
            csrfFrom: draftForm)
        let answers = [("POST /markings", linted), ("POST /notices", notice), ("POST /carriers/new", entry), ("POST /secrets", draft)]
        for (what, page) in answers {
            #expect(!page.body.contains("<script"), "\(what): a typed <script> is on the page unescaped")
            #expect(!page.body.contains(rawTail), "\(what): typed quotes and & are on the page unescaped")
            #expect(page.body.contains(escaped(attack)), "\(what) (\(page.status.code)) does not show the typed text again, escaped")
        }
    }
}
