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

/// 出国（境）, 重大事项报告 and 保密教育培训 pages (R-PE-5, R-PE-6, R-TR-1, R-KP-4).
extension PersonnelController {
    struct TripRow: Sendable {
        let id: String, person: String, purpose: String, destination: String, dates: String, approvedBy: String, status: String, reportDue: String
        /// The steps offered: exactly those the step would accept now (`PersonnelRules.allowed`).
        let opinion: Bool, educate: Bool, depart: Bool, back: Bool, report: Bool
        /// The opinions entered so far (R-PE-5).
        var opinions = ""

        init(
            id: String, person: String, purpose: String, destination: String, dates: String, approvedBy: String, status: String, reportDue: String,
            allowed: Set<TripAction>, opinions: String = ""
        ) {
            (self.id, self.person, self.purpose, self.destination, self.dates) = (id, person, purpose, destination, dates)
            (self.approvedBy, self.status, self.reportDue, self.opinions) = (approvedBy, status, reportDue, opinions)
            (opinion, educate, depart) = (allowed.contains(.opinion), allowed.contains(.educate), allowed.contains(.depart))
            (back, report) = (allowed.contains(.returned), allowed.contains(.report))
        }
    }
    struct EventRow: Sendable { let id: String, person: String, kind: String, occurred: String, due: String, timely: String, handling: String }
    struct UnderRow: Sendable { let personID: String, name: String, tier: String, hours: Int, floor: Int }
    struct ClassRow: Sendable { let id: String, held: String, kind: String, content: String, hours: Int }
    struct RecordsModel: Sendable {
        let trips: [TripRow], events: [EventRow], people: [Opt], purposes: [Opt], eventKinds: [Opt], trainingKinds: [Opt]
        let under: [UnderRow], underCount: Int, year: Int, today: String
        /// The training page's latest classes (each with its 培训签到表) and the years whose plan prints.
        let classes: [ClassRow], plans: [Int]
        /// Whose opinion this keeper enters on an application (R-PE-5).
        var opinionLabel = "保密工作机构意见"
        /// The plan form (R-TR-1): the year it is for and a row per month, filled from the plan already saved.
        var planYear = 0
        var planRows: [PlanRow] = []
        var externalKinds: [Opt] = []
    }
    struct PlanRow: Sendable { let month: Int, content: String, form: String, hours: Int, audience: String }

    func recordsPage(_ context: AppRequestContext, path: String, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let actor = try context.actor()
        let p = services.personnel
        // Each of the three pages reads only the register it shows.
        let training = path == "/personnel/training"
        let trips = path == "/personnel/trips" ? try await p.trips(actor).items : []
        let events = path == "/personnel/events" ? try await p.events(actor).items : []
        let year = services.clock.today.year
        let under = training ? try await p.underFloor(actor, year: year, limit: 200) : (count: 0, lines: [])
        let classes = training ? try await p.classes(actor, page: PageRequest(limit: 20)).items : []
        var planned: [Int: [TrainingRules.PlanItem]] = [:]
        if training {
            for y in [year, year + 1] { planned[y] = try await p.plan(actor, year: y) }
        }
        // December plans the next year (R-TR-1: the 待办 asks for it then).
        let planYear = services.clock.today.month == 12 ? year + 1 : year
        let planRows: [PlanRow] =
            training
            ? (1...12).map { month in
                let item = planned[planYear]?.first { $0.month == month }
                return PlanRow(
                    month: month, content: item?.content ?? "", form: item?.form ?? (month == 4 ? "保密宣传教育月" : ""), hours: item?.hours ?? 0,
                    audience: item?.audience ?? "")
            } : []
        let names = try await services.organisation.names(of: trips.map(\.personID) + events.map(\.personID))
        let viewer = PersonnelService.fileViewer(actor)
        let today = services.clock.today
        let model = RecordsModel(
            trips: trips.map {
                TripRow(
                    id: $0.id, person: names[$0.personID] ?? "", purpose: $0.purpose.chinese, destination: $0.destination,
                    dates: "\($0.departOn.iso)—\($0.returnOn.iso)", approvedBy: $0.decidedBy, status: $0.status.chinese,
                    reportDue: PersonnelRules.reportDue($0)?.iso ?? "", allowed: Set(PersonnelRules.allowed(on: $0, by: viewer, today: today)),
                    opinions: [("组织人事部门", $0.personnelOpinion), ("保密工作机构", $0.secrecyOpinion), ("不予批准的理由", $0.refusalReason)].filter { !$0.1.isEmpty }.map {
                        "\($0.0)：\($0.1)"
                    }
                    .joined(separator: "；"))
            },
            events: events.map {
                EventRow(
                    id: $0.id, person: names[$0.personID] ?? "", kind: $0.kind.chinese, occurred: $0.occurredOn.iso, due: $0.dueOn.iso,
                    timely: $0.late ? "逾期" : "按期", handling: $0.handling)
            },
            people: try await staff(actor), purposes: Self.opts(TripPurpose.allCases, \.chinese), eventKinds: Self.opts(EventKind.allCases, \.chinese),
            trainingKinds: Self.opts(TrainingKind.allCases, \.chinese),
            under: under.lines.map {
                UnderRow(personID: $0.personID, name: $0.name, tier: $0.tier.chinese, hours: $0.hours, floor: TrainingRules.annualFloor($0.tier))
            },
            underCount: under.count, year: year, today: services.clock.today.iso,
            classes: classes.map { ClassRow(id: $0.id, held: $0.heldOn.iso, kind: $0.kind.chinese, content: $0.content, hours: $0.hours) },
            plans: planned.keys.sorted(),
            opinionLabel: PersonnelRules.entersPersonnelOpinion(actor.roles) ? "组织人事部门意见" : "保密工作机构意见", planYear: planYear, planRows: planRows,
            externalKinds: training ? Self.opts(ExternalCourseKind.allCases, \.chinese) : [])
        let view = training ? PersonnelViews.training : path == "/personnel/events" ? PersonnelViews.events : PersonnelViews.trips
        let title = training ? "保密教育培训" : path == "/personnel/events" ? "重大事项报告" : "出国（境）管理"
        return views.page(view, title: title, session: context.session, path: path, content: model, flash: flash, error: error, status: status)
    }

    /// `POST /personnel/trips/:id/<action>`: one step on a trip, answered with the trips register; a refusal comes back
    /// there with its rule.
    func tripAction(
        _ router: Router<AppRequestContext>, _ action: String, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> Void
    ) {
        actionRoute(
            router, "/personnel/trips/:id/\(action)", param: "id",
            perform: { context, form, actor, id in
                try await perform(form, actor, id)
                return try await recordsPage(context, path: "/personnel/trips", flash: "已办理")
            },
            refused: { context, _, _, error in
                try await recordsPage(context, path: "/personnel/trips", error: error.messageWithRule, status: ErrorMapping.status(error.kind))
            })
    }

    func registerRecords(on router: Router<AppRequestContext>) {
        for path in ["/personnel/trips", "/personnel/events", "/personnel/training"] {
            router.get(RouterPath(path)) { _, context in try await recordsPage(context, path: path) }
        }
        let p = services.personnel
        router.post("/personnel/trips", use: applyForTrip)
        // One route per step of a trip (STYLE 3), each calling its one service operation.
        tripAction(router, "opinion") { form, actor, id in _ = try await p.tripOpinion(actor, tripID: id, opinion: form["opinion"] ?? "") }
        tripAction(router, "approve") { form, actor, id in
            _ = try await p.approveTrip(
                actor, tripID: id, personnelOpinion: form["personnel_opinion"] ?? "", secrecyOpinion: form["secrecy_opinion"] ?? "",
                secrecyOrgConsent: form["secrecy_org_consent"] ?? "")
        }
        for step in PersonnelService.TripStep.allCases {
            tripAction(router, step.rawValue) { form, actor, id in _ = try await p.tripStep(actor, tripID: id, step, day: nil, report: form["report"] ?? "") }
        }
        router.post("/personnel/events", use: reportEvent)
        router.post("/personnel/events/:id/handle", use: handleEvent)
        router.post("/personnel/training/classes", use: recordTrainingClass)
    }

    /// `POST /personnel/trips`: an application to go abroad (出国（境）申请, R-PE-5), back to the trips register.
    func applyForTrip(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            _ = try await services.personnel.applyTrip(
                try context.actor(),
                .init(
                    personID: try await chosenPerson(form, try context.actor()),
                    purpose: try APIController.parse(TripPurpose.self, form["purpose"], field: "purpose"),
                    destination: form["destination"] ?? "", reason: form["reason"] ?? "", departOn: try Self.formDay(form["depart_on"], "depart_on"),
                    returnOn: try Self.formDay(form["return_on"], "return_on"), delegation: form["delegation"] ?? "",
                    delegationSecrecyPerson: form["delegation_secrecy_person"] ?? "", declearingApproval: form["declearing_approval"] ?? "",
                    exitDocuments: form["exit_documents"] ?? ""))
            return try await recordsPage(context, path: "/personnel/trips", flash: "已登记出国（境）申请")
        } again: {
            try await recordsPage(context, path: "/personnel/trips", error: $0, status: $1)
        }
    }

    /// `POST /personnel/events`: a 重大事项 reported (R-PE-6); the flash gives the reporting deadline and whether a
    /// 变动复审 was opened (R-PE-10).
    func reportEvent(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let e = try await services.personnel.reportEvent(
                try context.actor(), personID: try await chosenPerson(form, try context.actor()),
                kind: try APIController.parse(EventKind.self, form["kind"], field: "kind"),
                occurredOn: try Self.formDay(form["occurred_on"], "occurred_on"), details: form["details"] ?? "")
            return try await recordsPage(
                context, path: "/personnel/events", flash: "已登记重大事项报告，报告期限\(e.dueOn.iso)" + (e.changeReviewOpened ? "；已启动变动复审" : ""))
        } again: {
            try await recordsPage(context, path: "/personnel/events", error: $0, status: $1)
        }
    }

    /// `POST /personnel/events/:id/handle`: how a reported event was handled (R-PE-6), and where it was reported onward
    /// (R-PE-12).
    func handleEvent(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let onward = form["onward_to"].flatMap { $0.isEmpty ? nil : $0 }
            _ = try await services.personnel.handleEvent(
                try context.actor(), eventID: try context.parameters.require("id"), handling: form["handling"] ?? "", onwardTo: onward)
            return try await recordsPage(context, path: "/personnel/events", flash: "已登记处理情况")
        } again: {
            try await recordsPage(context, path: "/personnel/events", error: $0, status: $1)
        }
    }

    /// `POST /personnel/training/classes`: a 培训 held (R-TR-1, R-KP-4), its participants, absentees and who passed
    /// chosen from the list or typed by name.
    func recordTrainingClass(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let actor = try context.actor()
            let c = try await services.personnel.recordClass(
                actor,
                TrainingClass(
                    id: "", unitID: "", kind: try APIController.parse(TrainingKind.self, form["kind"], field: "kind"),
                    heldOn: try Self.formDay(form["held_on"], "held_on"), hours: Int(form["hours"] ?? "") ?? 0, content: form["content"] ?? "",
                    form: form["form"] ?? "", organiser: form["organiser"] ?? "",
                    participantIDs: try await chosenPersons(form, actor, idField: "participant_ids", namesField: "participant_names"),
                    absentIDs: try await chosenPersons(form, actor, idField: "absent_ids", namesField: "absent_names"),
                    passedIDs: try await chosenPersons(form, actor, idField: "passed_ids", namesField: "passed_names")))
            return try await recordsPage(
                context, path: "/personnel/training", flash: "已登记培训：\(c.hours)学时，参加\(c.participantIDs.count)人，缺席\(c.absentIDs.count)人")
        } again: {
            try await recordsPage(context, path: "/personnel/training", error: $0, status: $1)
        }
    }

    /// A day typed into a form, or the refusal naming the field.
    static func formDay(_ text: String?, _ field: String) throws -> Day {
        guard let text, let d = Day(iso: text) else { throw Refusal.invalid(field, "请填写日期（YYYY-MM-DD）") }
        return d
    }
}
