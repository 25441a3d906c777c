import Accounts
import CarrierServices
import Carriers
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import Storage

/// 涉密人员管理 pages: the 涉密人员名单 (printable, filed with the administration), the personnel file, 涉密岗位, and the
/// appointment (审查 → 承诺书 → 任用). Kept by the 组织人事部门 and the 保密工作机构; a file also by the person (R-PE-15).
struct PersonnelController {
    let services: Services
    let views: Views

    struct Opt: Sendable { let value: String; let label: String; let selected: Bool }
    struct Tab: Sendable { let label: String; let href: String; let active: Bool }
    struct Row: Sendable {
        let personID: String, name: String, post: String, level: String, tier: String, appointed: String, review: String, declearing: String, status: String
    }
    struct ListModel: Sendable {
        let tabs: [Tab], rows: [Row], pager: Pager, today: String, filingDue: Bool, status: String
    }

    static func opts<T: RawRepresentable>(_ all: [T], _ label: (T) -> String, selected: String? = nil) -> [Opt] where T.RawValue == String {
        all.map { Opt(value: $0.rawValue, label: label($0), selected: $0.rawValue == selected) }
    }

    /// The keeper's unit's people, for the forms' choices (names only; at most 2,000).
    func staff(_ actor: Actor) async throws -> [Opt] {
        try await services.personnel.staff(actor).map { Opt(value: $0.id, label: $0.name, selected: false) }
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/personnel", use: roster)
        router.post("/personnel/roster-filing", use: fileRoster)
        router.get("/personnel/file/:person") { _, context in try await filePage(context) }
        router.post("/personnel/file/:person/rights", use: recordRights)
        router.post("/personnel/file/:person/identity", use: recordIdentity)
        registerAfterLeaving(on: router)
        registerAppointment(on: router)
        registerRecords(on: router)
        registerDepartures(on: router)
        registerImport(on: router)
        registerApprovals(on: router)
        registerPrintouts(on: router)
        registerTrainingForms(on: router)
    }

    /// `GET /personnel`: the 涉密人员名单 of one status (serving unless asked), with its tabs and whether the roster is
    /// due to be filed again.
    func roster(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let status = q["status"].flatMap(PersonnelStatus.init(rawValue:)) ?? .serving
        let cursor = q["cursor"].flatMap { PageCursor(token: $0, order: "person") }
        let page = try await services.personnel.register(actor, status: status, page: PageRequest(cursor: cursor))
        let model = ListModel(
            tabs: PersonnelStatus.allCases.map { Tab(label: $0.chinese, href: "/personnel?status=\($0.rawValue)", active: $0 == status) },
            rows: page.items.map {
                Row(
                    personID: $0.personID, name: $0.name, post: $0.postName, level: $0.highestLevel.chinese, tier: $0.record.tier.chinese,
                    appointed: $0.record.appointedOn.iso, review: $0.record.nextReviewOn?.iso ?? "", declearing: $0.record.declearingUntil?.iso ?? "",
                    status: $0.record.status.chinese)
            },
            pager: Pager(page, path: "/personnel", query: q, orders: [], order: "person"),
            today: services.clock.today.chinese, filingDue: try await services.personnel.rosterFilingDue(actor), status: status.chinese)
        return views.page(PersonnelViews.roster, title: "涉密人员名单", session: context.session, path: "/personnel", content: model)
    }

    /// `POST /personnel/roster-filing`: records the 涉密人员名单 filed with the administration (R-PE-3), back to the list.
    func fileRoster(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        try await services.personnel.fileRoster(try context.actor())
        return Response(status: .seeOther, headers: [.location: "/personnel"])
    }

    /// `POST /personnel/file/:person/rights`: R-PE-14: a restriction borne and the treatment given (权益保障), recorded by
    /// a keeper on the file.
    func recordRights(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let person = try context.parameters.require("person")
        return try await refusable {
            _ = try await services.personnel.recordRights(
                try context.actor(),
                RightsRecord(
                    id: "", personID: person, restriction: form["restriction"] ?? "", measure: form["measure"] ?? "",
                    recordedOn: try Self.formDay(form["recorded_on"], "recorded_on")))
            return try await filePage(context, flash: "已登记权益保障")
        } again: { message, status in
            try await filePage(context, error: message, status: status)
        }
    }

    /// `POST /personnel/file/:person/identity`: the 审查表's identity fields, entered by a keeper on the file (R-PE-15).
    func recordIdentity(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let person = try context.parameters.require("person")
        return try await refusable {
            _ = try await services.personnel.recordIdentity(
                try context.actor(), personID: person,
                PersonIdentity(
                    gender: form["gender"] ?? "", birthMonth: form["birth_month"] ?? "", ethnicity: form["ethnicity"] ?? "",
                    politicalStatus: form["political_status"] ?? "", idNumber: form["id_number"] ?? ""))
            return try await filePage(context, flash: "已登记身份信息")
        } again: { message, status in
            try await filePage(context, error: message, status: status)
        }
    }

    /// The personnel file page (R-PE-15), with the keepers' 权益保障 form.
    func filePage(_ context: AppRequestContext, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let file = try await services.personnel.file(actor, personID: try context.parameters.require("person"))
        var model = FileModel(file)
        model.keeps = PersonnelService.fileViewer(actor).keepsFiles
        model.today = services.clock.today.iso
        model.declearingForms = model.keeps && file.record?.status == .declearing
        model.abscondedForm = model.keeps && (file.record?.status == .serving || file.departures.contains { $0.completedOn == nil })
        model.employerKinds = Self.opts(EmployerKind.allCases, \.chinese)
        return views.page(
            PersonnelViews.file, title: "涉密人员档案：\(file.person.name)", session: context.session, path: "/personnel", content: model, flash: flash, error: error,
            status: status)
    }
}

/// The personnel file page (R-PE-15).
struct FileModel: Sendable {
    struct Line: Sendable {
        let cells: [String]
        /// The line's A4 form, where it has one.
        var print: String? = nil
    }
    let personID: String, name: String, status: String, post: String, tier: String, appointed: String, nextReview: String
    let declearing: String?, changeReview: String?
    let reviews: [Line], commitments: [Line], trips: [Line], events: [Line], departures: [Line], hours: [Line], external: [Line]
    /// 权益保障 (R-PE-14); the keepers record them on this page.
    var rights: [Line] = []
    /// 移交清单 given or received (R-CA-15), each with its printout.
    var handovers: [Line] = []
    /// 脱密期管理 (IR 53–54): employment, violation and 擅自离职 reports; the keepers' forms by the person's standing.
    var afterLeaving: [Line] = []
    var declearingForms = false, abscondedForm = false
    var employerKinds: [PersonnelController.Opt] = []
    /// 身份信息 for the 审查表 (R-PE-15), as the file shows it and as the keepers' form fills it.
    var identity: [Line] = []
    var birthMonth = "", ethnicity = "", idNumber = ""
    var genders: [PersonnelController.Opt] = [], politicalStatuses: [PersonnelController.Opt] = []
    var keeps = false
    var today = ""
}

extension FileModel {
    /// A post as the file and the forms print it: its name and the highest level it handles.
    static func postText(_ p: SecretPost) -> String { "\(p.name)（涉及最高密级：\(p.highestLevel.chinese)）" }

    init(_ f: PersonnelFile) {
        func form(_ kind: String, _ id: String) -> String { "/personnel/file/\(f.person.id)/print/\(kind)/\(id)" }
        personID = f.person.id
        name = f.person.name
        status = f.record?.status.chinese ?? "非涉密人员"
        post = f.post.map(Self.postText) ?? "—"
        tier = f.record?.tier.chinese ?? "—"
        appointed = f.record?.appointedOn.iso ?? "—"
        nextReview = f.record?.nextReviewOn?.iso ?? "—"
        declearing = f.record?.declearingFrom.flatMap { from in f.record?.declearingUntil.map { "\(from.iso) 至 \($0.iso)" } }
        changeReview = f.changeReview
        reviews = f.reviews.map {
            Line(
                cells: [
                    $0.reviewedOn.iso, $0.kind.chinese, ($0.passed ? "通过" : "未通过") + ($0.importedFrom == nil ? "" : "（纸质档案导入）"), $0.personnelOpinion,
                    $0.secrecyOpinion, $0.decidedBy,
                ],
                print: form("review", $0.id))
        }
        commitments = f.commitments.map { Line(cells: [$0.signedOn.iso, $0.kind.chinese, $0.note], print: form("commitment", $0.id)) }
        trips = f.trips.map {
            Line(
                cells: [$0.departOn.iso + "—" + $0.returnOn.iso, $0.purpose.chinese, $0.destination, $0.reason, $0.decidedBy, $0.status.chinese],
                print: form("trip", $0.id))
        }
        events = f.events.map { Line(cells: [$0.reportedOn.iso, $0.kind.chinese, $0.late ? "逾期报告" : "按期", $0.handling], print: form("event", $0.id)) }
        departures = f.departures.map {
            Line(
                cells: [
                    $0.leavingOn.iso, $0.kind.chinese, "\($0.declearingMonths)个月，至\($0.declearingUntil.iso)", $0.completedOn.map { "\($0.iso)办结" } ?? "办理中",
                ], print: form("departure", $0.id))
        }
        let floor = TrainingRules.annualFloor(f.record?.status == .serving ? f.record?.tier ?? .none : .none)
        hours = f.hours.map { Line(cells: ["\($0.year)年", "\($0.hours)学时", "\($0.prePost)学时", "\(floor)学时", $0.hours >= floor ? "达标" : "未达标"]) }
        external = f.external.map { Line(cells: [$0.completedOn.iso, $0.kind.chinese, $0.provider, "\($0.hours)学时", $0.certificateNumber]) }
        rights = f.rights.map { Line(cells: [$0.recordedOn.iso, $0.restriction, $0.measure]) }
        if let i = f.identity {
            identity = [Line(cells: [i.gender, i.birthMonthChinese, i.ethnicity, i.politicalStatus, i.idNumber])]
            (birthMonth, ethnicity, idNumber) = (i.birthMonth, i.ethnicity, i.idNumber)
        }
        genders = ["男", "女"].map { PersonnelController.Opt(value: $0, label: $0, selected: $0 == f.identity?.gender) }
        politicalStatuses = PersonnelRules.politicalStatuses.map {
            PersonnelController.Opt(value: $0, label: $0, selected: $0 == (f.identity?.politicalStatus ?? "群众"))
        }
        afterLeaving = f.afterLeaving.map { r in
            let what = r.kind == .employment ? "\(r.employer)（\(r.employerKind?.chinese ?? "")）\(r.position)" : r.details
            let state =
                r.kind == .employment
                ? (r.restricted ? (r.reportedOn.map { "违反限制，\($0.iso)已报告" } ?? "违反限制，尚未报告") : "未违反限制")
                : "\(r.reportedOn?.iso ?? "")报告保密行政管理部门"
            return Line(cells: [r.occurredOn.iso, r.kind.chinese, what, state])
        }
        handovers = f.handovers.map { h in
            let gave = h.fromPersonID == f.person.id
            return Line(
                cells: [
                    h.handedOn.iso, gave ? "移交" : "接收", f.handoverNames[gave ? h.toPersonID : h.fromPersonID] ?? "", "\(h.carrierCount)件",
                    "\(h.leaverSigned)、\(h.successorSigned)",
                ], print: "/personnel/file/\(f.person.id)/handovers/\(h.id)/print")
        }
    }
}
