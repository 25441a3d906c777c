import Foundation
import Kernel
import Organisation
import Personnel
import Testing

@testable import BaomiApp

/// The 涉密人员 pages, each from a fixed model whose every value is a distinctive marker.
extension PageRenderingTests {
    static var personnelPages: [PageFixture] {
        [
            personnelList, personnelFile, personnelAppoint, personnelTrips, personnelEvents, personnelTraining, personnelDepartures, personnelDeparture,
            personnelImport, personnelApprovals, personnelForm, personnelPost,
        ]
    }

    typealias PC = PersonnelController
    static func opt(_ name: String) -> PC.Opt { PC.Opt(value: "【\(name)值】", label: "【\(name)名】", selected: true) }
    static func line(_ tag: String, _ n: Int, print: Bool = false) -> FileModel.Line {
        FileModel.Line(cells: (1...n).map { "【\(tag)\($0)】" }, print: print ? "【\(tag)打印】" : nil)
    }

    static let personnelList = PageFixture(
        PersonnelViews.roster, path: "/personnel",
        content: PC.ListModel(
            tabs: [.init(label: "【标签】", href: "【标签链接】", active: true)],
            rows: [
                .init(
                    personID: "【人员】", name: "【姓名】", post: "【岗位】", level: "【最高密级】", tier: "【等级】", appointed: "【上岗日期】", review: "【复审日期】",
                    declearing: "【脱密期至】", status: "【状态】")
            ], pager: pager("人员", shown: 731), today: "【打印日期】", filingDue: true, status: "【名单状态】"))

    @Test("涉密人员名单 shows every field of its model")
    func personnelListPage() async throws { try await PageCheck.check(Self.personnelList) }

    static let personnelFile = PageFixture(
        PersonnelViews.file, path: "/personnel",
        content: FileModel(
            personID: "【档案人员】", name: "【档案姓名】", status: "【档案状态】", post: "【档案岗位】", tier: "【档案等级】", appointed: "【档案上岗】", nextReview: "【档案复审】",
            declearing: "【档案脱密期】", changeReview: "【变动复审原因】", reviews: [line("审查", 6, print: true)], commitments: [line("承诺", 3, print: true)],
            trips: [line("出境", 6, print: true)], events: [line("事项", 4, print: true)], departures: [line("离岗", 4, print: true)], hours: [line("学时", 5)],
            external: [line("外训", 5)],
            rights: [line("权益", 3)], handovers: [line("移交", 5, print: true)], afterLeaving: [line("脱密期管理", 4)], declearingForms: true,
            abscondedForm: true, employerKinds: [opt("单位类别")], identity: [line("身份", 5)], birthMonth: "【出生年月】",
            ethnicity: "【民族】", idNumber: "【身份证号】", genders: [opt("性别选项")], politicalStatuses: [opt("政治面貌")], keeps: true, today: "【今日】"),
        notShown: ["personID"])

    @Test("涉密人员档案 shows every field of its model")
    func personnelFilePage() async throws { try await PageCheck.check(Self.personnelFile) }

    static let personnelAppoint = PageFixture(
        PersonnelViews.appoint, path: "/personnel/appoint",
        content: PC.AppointModel(
            posts: [
                .init(name: "【岗位】", level: "【密级】", tier: "【等级】", keyPart: true, roles: "【职责】", href: "【岗位链接】", abolished: "【撤销日期】")
            ], postOptions: [opt("岗位选项")], people: [opt("人员")],
            levels: [opt("密级选项")], tiers: [opt("等级选项")], reviewKinds: [opt("审查类别")], commitmentKinds: [opt("文书")], conditions: [opt("条件")],
            roles: [opt("角色")]))

    @Test("涉密岗位与任用 shows every field of its model")
    func personnelAppointPage() async throws { try await PageCheck.check(Self.personnelAppoint) }

    static func records(trips: Bool, events: Bool, training: Bool) -> PC.RecordsModel {
        PC.RecordsModel(
            trips: trips
                ? [
                    .init(
                        id: "【出境编号】", person: "【出境人】", purpose: "【因公因私】", destination: "【国家地区】", dates: "【往返日期】", approvedBy: "【审批人】",
                        status: "【出境状态】", reportDue: "【报告期限】", allowed: Set(TripAction.allCases), opinions: "【已填意见】")
                ] : [],
            events: events
                ? [.init(id: "【事项编号】", person: "【报告人】", kind: "【事项】", occurred: "【发生日期】", due: "【期限】", timely: "【按期】", handling: "【处理情况】")] : [],
            people: [opt("人员")], purposes: trips ? [opt("因公因私选项")] : [], eventKinds: events ? [opt("事项选项")] : [],
            trainingKinds: training ? [opt("培训类别")] : [],
            under: training ? [.init(personID: "【学时人员】", name: "【学时姓名】", tier: "【学时等级】", hours: 735, floor: 736)] : [], underCount: 737, year: 2026,
            today: "【今天】", classes: training ? [.init(id: "【培训编号】", held: "【培训日期】", kind: "【培训类】", content: "【培训内容】", hours: 745)] : [],
            plans: training ? [2031] : [], opinionLabel: "【意见栏】", planYear: 2032,
            planRows: training ? [.init(month: 11, content: "【计划内容】", form: "【计划形式】", hours: 746, audience: "【计划对象】")] : [],
            externalKinds: training ? [opt("外训类别")] : [])
    }

    static let personnelTrips = PageFixture(
        PersonnelViews.trips, path: "/personnel/trips", content: records(trips: true, events: false, training: false),
        notShown: ["underCount", "year", "planYear"])

    @Test("出国（境）管理 shows every field of its model")
    func personnelTripsPage() async throws { try await PageCheck.check(Self.personnelTrips) }

    static let personnelEvents = PageFixture(
        PersonnelViews.events, path: "/personnel/events", content: records(trips: false, events: true, training: false),
        notShown: ["underCount", "year", "opinionLabel", "planYear"])

    @Test("重大事项报告 shows every field of its model")
    func personnelEventsPage() async throws { try await PageCheck.check(Self.personnelEvents) }

    static let personnelTraining = PageFixture(
        PersonnelViews.training, path: "/personnel/training", content: records(trips: false, events: false, training: true),
        notShown: ["opinionLabel"])

    @Test("保密教育培训 shows every field of its model")
    func personnelTrainingPage() async throws { try await PageCheck.check(Self.personnelTraining) }

    static let personnelDepartures = PageFixture(
        PersonnelViews.departures, path: "/personnel/departures",
        content: PC.DeparturesModel(
            rows: [.init(id: "【离岗编号】", person: "【离岗人】", kind: "【离岗类别】", leaving: "【离岗日期】", declearing: "【脱密期】", state: "【办理情况】")],
            people: [opt("人员")], kinds: [opt("类别")], today: "【今天】"))

    @Test("离岗离职 shows every field of its model")
    func personnelDeparturesPage() async throws { try await PageCheck.check(Self.personnelDepartures) }

    static let personnelDeparture = PageFixture(
        PersonnelViews.departure, path: "/personnel/departures",
        content: PC.GateModel(
            id: "【清单编号】", personID: "【离岗人员】", person: "【离岗姓名】", kind: "【离岗类别】", leaving: "【离岗日期】", declearing: "【脱密期】", completed: "【办结日期】",
            items: [
                .init(value: "【事项值】", label: "【事项名】", done: "【办理情况】", byHand: true), .init(value: "【待办事项值】", label: "【待办事项名】", done: nil, byHand: true),
                .init(value: "【交接事项值】", label: "【交接事项名】", done: "【移交清单】", byHand: false, record: "【移交清单链接】"),
            ], outstanding: 738, hidden: 739, visible: [line("载体", 3)], commitments: "【已签文书】", people: [opt("接收人")], open: true,
            cleared: false, someHidden: true, choosing: true))

    @Test("离岗离职清单 shows every field of its model")
    func personnelDeparturePage() async throws { try await PageCheck.check(Self.personnelDeparture) }

    static let personnelImport = PageFixture(
        PersonnelViews.importPage, path: "/personnel/import",
        content: PC.ImportModel(
            report: .init(rows: 741, accepted: 742, imported: 743, problems: [.init(line: 744, message: "【问题】")], problemTotal: 1_745, clean: false),
            kinds: [opt("内容")],
            modes: [opt("方式")], rosterColumns: "【名单列】", trainingColumns: "【培训列】"))

    @Test("导入涉密人员名单和培训记录 shows every field of its model")
    func personnelImportPage() async throws { try await PageCheck.check(Self.personnelImport) }

    static let personnelApprovals = PageFixture(
        PersonnelViews.approvals, path: "/personnel/approvals",
        content: PC.ApprovalsModel(
            rows: [
                .init(
                    id: "【申请编号】", person: "【申请人】", purpose: "【因公因私】", destination: "【国家地区】", reason: "【事由】", dates: "【日期】", delegation: "【团组】",
                    personnelOpinion: "【人事意见】", secrecyOpinion: "【保密意见】", needsPersonnel: false, needsSecrecy: false)
            ]))

    static let personnelForm: PageFixture = {
        var form = PersonnelForm(
            heading: "【表名】", fields: [.init(label: "【栏目】", value: "【填写内容】")],
            tables: [.init(title: "【表格标题】", head: ["【列名】"], lines: [.init(cells: ["【格内容】"])], testid: "【表格标识】")],
            undertakings: ["【承诺事项】"], signers: ["【签字人】"], back: "【返回链接】")
        // A list printed a page at a time (the 移交清单).
        form.pager = pager("清单", shown: 747)
        return PageFixture(PersonnelViews.form, path: "/personnel", content: form)
    }()

    @Test("涉密人员表格（打印） shows every field of its model")
    func personnelFormPage() async throws { try await PageCheck.check(Self.personnelForm) }

    static let personnelPost = PageFixture(
        PersonnelViews.post, path: "/personnel/appoint",
        content: PC.PostModel(
            id: "【岗位编号】", name: "【岗位名称】", tier: "【岗位等级】", holders: 748, levels: [opt("密级")], roles: [opt("职责")], keyPart: true, abolished: nil))

    @Test("涉密岗位 shows every field of its model")
    func personnelPostPage() async throws { try await PageCheck.check(Self.personnelPost) }

    @Test("出国（境）审批 shows every field of its model")
    func personnelApprovalsPage() async throws { try await PageCheck.check(Self.personnelApprovals) }
}
