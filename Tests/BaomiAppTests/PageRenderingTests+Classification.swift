import Classification
import Foundation
import Testing

@testable import BaomiApp

/// The 定密 pages, each from a fixed model whose every value is a distinctive marker (【…】, or a number of 100 or more).
extension PageRenderingTests {
    static var classificationPages: [PageFixture] {
        [secretList, secretDraft, secretDetailPage, filing, markings, statistics, supervision, authority] + SecretAction.allCases.map { secretActionPage($0) }
            + AuthorityAction.allCases.map { authorityActionPage($0) }
    }

    typealias Option = SecretController.Option

    /// A selected option whose value and label are markers made of `name`.
    static func option(_ name: String) -> Option { Option(value: "【\(name)值】", label: "【\(name)名】", selected: true) }

    static let secretList = PageFixture(
        ClassificationViews.secrets, path: "/secrets",
        content: SecretController.ListModel(
            rows: [
                .init(
                    id: "【事项编号】", title: "【事项名称】", marking: "【标志】", status: "【状态】", basis: "【依据】", issued: "【制发日期】", expiry: "【届满日期】",
                    level: "【密级代码】")
            ],
            pager: pager, levels: [option("密级")], statuses: [option("状态")], bases: [option("依据")], search: "【查询词】", expiring: "【到期天数】",
            derivedFrom: "【派生自】"))

    @Test("国家秘密事项登记 shows every field of its model")
    func secretListPage() async throws { try await PageCheck.check(Self.secretList) }

    static let secretDraft = PageFixture(
        ClassificationViews.secretNew, path: "/secrets/new",
        content: SecretController.DraftModel(
            items: [option("一览表条目")], persons: [option("知悉人")], units: [option("协办单位")], grounds: [option("派生情形")], source: "【原事项编号】",
            questions: [option("不得定密情形")], title: "【事项名称】", marking: "【拟定标志】", secretPoints: "【密点】"))

    @Test("拟定密级 shows every field of its model")
    func secretDraftPage() async throws { try await PageCheck.check(Self.secretDraft) }

    static func secretDetail(title: String) -> SecretController.DetailModel {
        SecretController.DetailModel(
            id: "【事项编号】", title: title, marking: "【标志】", markings: ["【标志记录】"], status: "【状态】", basis: "【依据】", level: "【密级代码】",
            handler: "【承办人】", officer: "【定密责任人】", authority: "【定密权来源】", issued: "【制发日期】", expiry: "【届满日期】", drafted: "【拟定日期】",
            secretPoints: "【密点】", scope: ["【知悉范围】"],
            events: [.init(at: "【办理时间】", actor: "【办理人】", summary: "【办理事项】", marking: "【办理时标志】")],
            actions: [ActionLink(action: "【可办事项】", href: "【办理链接】", label: "【办理名称】", regulation: "【办理依据】")],
            knowers: [.init(name: "【知悉人员】", added: "【列入时间】", reason: "【列入依据】")], recordKnowers: true,
            objections: [
                .init(
                    objectionID: "【异议编号】", claim: "【主张密级】", reason: "【异议理由】", route: "【争议途径】", state: "【异议状态】",
                    actions: [ActionLink(action: "【异议事项】", href: "【异议链接】", label: "【异议办理】", regulation: "【异议依据】")])
            ],
            unclearDue: "【报送期限】", decisionDue: "【决定期限】", coUnits: "【联合定密单位】", needsReview: true)
    }

    static let secretDetailPage = PageFixture(
        ClassificationViews.secret, path: "/secrets", content: secretDetail(title: "【事项名称】"),
        // The objection's ID goes into its actions' links, which the model already holds.
        notShown: ["objections.objectionID"])

    @Test("定密审核表 shows every field of its model")
    func secretDetailPageTest() async throws { try await PageCheck.check(Self.secretDetailPage) }

    /// The form page of `action`, or with no action's form at all. Like the controller's, the model always carries the
    /// lists; each form shows its own (officers to submit to, persons to widen to, review results).
    static func secretActionPage(_ action: SecretAction?) -> PageFixture {
        var notShown: Set<String> = []
        if action != .submit { notShown.formUnion(["officers.value", "officers.label"]) }
        if action != .widen { notShown.formUnion(["candidates.value", "candidates.label"]) }
        if action != .annualReview { notShown.insert("results") }
        return PageFixture(
            ClassificationViews.secretAction, path: "/secrets",
            content: SecretController.ActionModel(
                id: "【事项编号】", title: "【事项名称】", marking: "【标志】", status: "【状态】", level: "【密级代码】", action: "【办理路径】", label: "【办理名称】",
                regulation: "【办理依据】", form: action.map { [formKey($0): true] } ?? [:], objectionID: "【异议编号】", officers: [option("定密责任人")],
                candidates: [option("扩大至")], results: ["【审查结论】"]),
            notShown: notShown)
    }

    /// The key of an action's section in the template: `{{#form.<key>}}`.
    static func formKey(_ action: SecretAction) -> String { action.rawValue.replacingOccurrences(of: "-", with: "_") }

    @Test("办理事项 page: every action has its own form, showing every field of its model", arguments: SecretAction.allCases)
    func secretActionPageTest(_ action: SecretAction) async throws {
        let html = try await PageCheck.check(Self.secretActionPage(action))
        // The action's section shows something of its own: without it the page is not the same.
        let bare = Self.secretActionPage(nil)
        #expect(bare.html != html, "the form of \(action.rawValue) shows nothing")
    }

    static let filing = PageFixture(
        ClassificationViews.filing, path: "/supervision",
        content: SupervisionController.FilingModel(
            kind: "【备案类别】", unit: "【报备单位】", filedWith: "【受理机关】", filedOn: "【报备日期】", filedBy: "【报备人】", status: "【备案状态】",
            reply: "【审查意见】", repliedBy: "【审查人】", lines: ["【备案内容第一行】", "【备案内容第二行】"]))

    @Test("备案 printout shows every field of its model")
    func filingPage() async throws { try await PageCheck.check(Self.filing) }

    static let markings = PageFixture(
        ClassificationViews.markings, path: "/markings",
        content: MarkingController.Model(
            text: "【检查文本】", checked: true,
            findings: [.init(line: 702, column: 703, found: "【原文】", message: "【问题】", rule: "【规则】", suggestion: "【建议】")], clean: false))

    @Test("标志检查 shows every field of its model")
    func markingsPage() async throws { try await PageCheck.check(Self.markings) }

    static let statistics = PageFixture(
        ClassificationViews.statistics, path: "/secrets/statistics",
        content: StatisticsController.Model(
            from: "【统计起始】", to: "【统计截止】", rows: [.init(level: "【统计密级】", original: 704, derived: 705, unclear: 706, total: 707)], changes: 708,
            extensions: 709, declassifications: 710, officers: 711, grants: 712, csv: "【导出链接】"))

    @Test("定密统计 shows every field of its model")
    func statisticsPage() async throws { try await PageCheck.check(Self.statistics) }

    static let supervision = PageFixture(
        ClassificationViews.supervision, path: "/supervision",
        content: SupervisionController.Model(
            administration: "【保密行政管理部门】",
            filings: [
                .init(
                    filingID: "【备案编号】", unit: "【报备单位】", kind: "【备案类别】", summary: "【备案摘要】", filedOn: "【报备日期】", filedBy: "【报备人】",
                    status: "【备案状态】", reply: "【审查意见】", open: true)
            ],
            unclear: [
                .init(
                    secretID: "【不明确事项编号】", title: "【不明确事项】", unit: "【报送单位】", marking: "【拟定标志】", reported: "【报送日期】", due: "【决定期限】",
                    overdue: true)
            ],
            appeals: [
                .init(
                    secretID: "【异议事项编号】", objectionID: "【异议编号】", title: "【异议事项】", unit: "【定密单位】", claim: "【主张密级】", reason: "【异议理由】",
                    answer: "【原定密单位答复】", appealed: "【申请日期】")
            ],
            openFilings: 713),
        // The appeal is decided on the secret's own page, which the row links to.
        notShown: ["appeals.objectionID"])

    @Test("下级单位定密工作 shows every field of its model")
    func supervisionPage() async throws { try await PageCheck.check(Self.supervision) }

    static let authority = PageFixture(
        ClassificationViews.authority, path: "/authority",
        content: AuthorityController.Model(
            unitID: "【单位编号】", unitName: "【单位名称】", ownCap: "【本单位定密权】",
            actions: [ActionLink(action: "【办理路径】", href: "【办理链接】", label: "【办理名称】", regulation: "【办理依据】")],
            grants: [
                .init(
                    id: "【授权编号】", direction: "【授权方向】", other: "【对方单位】", cap: "【授权权限】", scope: "【授权事项范围】", term: "【授权期限】",
                    state: "【授权状态】", canRevoke: true)
            ],
            officers: [
                .init(
                    id: "【责任人编号】", name: "【责任人姓名】", kind: "【责任人类别】", cap: "【责任人权限】", appointed: "【指定日期】", trained: "【培训日期】",
                    state: "【责任人状态】", active: true, canRemove: true)
            ],
            items: [
                .init(
                    code: "【条目编号】", name: "【条目名称】", marking: "【条目标志】", scope: "【条目知悉范围】", production: "【产生层级】", source: "【条目依据】",
                    revision: 714)
            ],
            filings: [
                .init(filingID: "【报备编号】", kind: "【报备类别】", summary: "【报备内容】", filedOn: "【报备日期】", status: "【报备状态】", reply: "【报备审查意见】")
            ],
            applications: [
                .init(
                    applicationID: "【申请编号】", direction: "【申请方向】", other: "【申请对方】", cap: "【申请权限】", scope: "【申请事项范围】", term: "【申请期限】",
                    basis: "【申请依据】", reasons: "【申请理由】", state: "【申请状态】", canDecide: true)
            ],
            revisions: [.init(revision: 715, content: "【修订条目】", reason: "【修订理由】", by: "【修订人】", on: "【修订日期】")], today: "【今天】"),
        // The date is for the action forms' defaults.
        notShown: ["today"])

    @Test("定密权管理 shows every field of its model")
    func authorityPage() async throws { try await PageCheck.check(Self.authority) }

    /// One action's form page of the 定密权管理 register; `nil` renders it with no form section open.
    static func authorityActionPage(_ action: AuthorityAction?) -> PageFixture {
        let uses: [AuthorityAction: Set<String>] = [
            .officer: ["persons", "levels"], .removeOfficer: ["reasons"], .grant: ["units", "levels", "today"], .apply: ["units", "levels", "today"],
        ]
        let used = action.flatMap { uses[$0] } ?? []
        let optional = ["persons", "levels", "reasons", "units", "today"].filter { !used.contains($0) }
        return PageFixture(
            ClassificationViews.authorityAction, path: "/authority",
            content: AuthorityController.ActionModel(
                unitID: "【单位编号】", unitName: "【单位名称】", action: "【办理路径】", label: "【办理名称】", regulation: "【办理依据】",
                form: action.map { [$0.rawValue.replacingOccurrences(of: "-", with: "_"): true] } ?? [:], rowField: "row_field_甲", rowID: "【行编号】",
                units: [.init(value: "【单位值】", label: "【单位名】")], persons: [.init(value: "【人员值】", label: "【人员名】")],
                levels: [.init(value: "【权限值】", label: "【权限名】")], reasons: [.init(value: "【调整原因值】", label: "【调整原因名】")], today: "【今天】"),
            notShown: Set(optional.flatMap { $0 == "today" ? [$0] : ["\($0).value", "\($0).label"] }))
    }

    @Test("定密权管理 action page: every action has its own form, showing every field of its model", arguments: AuthorityAction.allCases)
    func authorityActionPageTest(_ action: AuthorityAction) async throws {
        let html = try await PageCheck.check(Self.authorityActionPage(action))
        let bare = Self.authorityActionPage(nil)
        #expect(bare.html != html, "the form of \(action.rawValue) shows nothing")
    }
}
