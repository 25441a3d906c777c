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

/// 离岗离职 pages: the register, the checklist with its gate (R-PE-7, R-PE-16) and the custody hand-over (R-CA-15).
extension PersonnelController {
    struct DepartureRow: Sendable { let id: String, person: String, kind: String, leaving: String, declearing: String, state: String }
    struct DeparturesModel: Sendable { let rows: [DepartureRow], people: [Opt], kinds: [Opt], today: String }
    struct ItemRow: Sendable {
        let value: String, label: String, done: String?, byHand: Bool
        /// The record the item is done by (the 保密员's 工作交接: the 移交清单).
        var record: String? = nil
    }
    struct GateModel: Sendable {
        let id: String, personID: String, person: String, kind: String, leaving: String, declearing: String, completed: String?
        let items: [ItemRow], outstanding: Int, hidden: Int, visible: [FileModel.Line], commitments: String, people: [Opt], open: Bool
        /// Nothing out; some outstanding the operator may not know.
        let cleared: Bool, someHidden: Bool
        /// Namesakes are offered to choose the successor from (else a name field).
        var choosing = false
    }

    func departuresPage(_ context: AppRequestContext, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let page = try await services.personnel.departures(actor)
        let names = try await services.organisation.names(of: page.items.map(\.personID))
        let model = DeparturesModel(
            rows: page.items.map {
                DepartureRow(
                    id: $0.id, person: names[$0.personID] ?? "", kind: $0.kind.chinese, leaving: $0.leavingOn.iso,
                    declearing: "\($0.declearingMonths)个月（至\($0.declearingUntil.iso)）", state: $0.completedOn.map { "\($0.iso)办结" } ?? "办理中")
            },
            people: try await staff(actor), kinds: Self.opts(DepartureKind.allCases, \.chinese), today: services.clock.today.iso)
        return views.page(
            PersonnelViews.departures, title: "离岗离职", session: context.session, path: "/personnel/departures", content: model, flash: flash, error: error,
            status: status)
    }

    /// The gate page. The hand-over names its successor by name (a unit may have thousands of people); `namesakes` are
    /// the persons sharing a name typed, offered to choose from.
    func gatePage(
        _ context: AppRequestContext, id: String, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok, namesakes: [Person] = []
    ) async throws -> Response {
        let actor = try context.actor()
        // The gate brings the leaver's name (no read of its own; nor one snapshot around both, which would hold a
        // reader while the audit of the carriers shown waits for the writer).
        let gate = try await services.personnel.departureGate(actor, departureID: id)
        let d = gate.departure
        var model = GateModel(
            id: d.id, personID: d.personID, person: gate.personName, kind: d.kind.chinese, leaving: d.leavingOn.iso,
            declearing: "\(d.declearingMonths)个月（\(d.leavingOn.iso) 至 \(d.declearingUntil.iso)）", completed: d.completedOn?.iso,
            items: gate.required.map { item in
                // R-PE-8 / R-CA-15: the 移交清单 the leaver gave stands for the 保密员's 工作交接, in place of a note.
                if item == .clerkHandover, let handover = gate.handover {
                    return ItemRow(
                        value: item.rawValue, label: item.chinese, done: handover.text, byHand: false,
                        record: "/personnel/file/\(d.personID)/handovers/\(handover.list.id)/print")
                }
                return ItemRow(value: item.rawValue, label: item.chinese, done: d.done[item], byHand: item.recordedByHand)
            },
            outstanding: gate.outstanding, hidden: gate.hidden, visible: gate.visible.map { FileModel.Line(cells: [$0.number, $0.title, $0.status]) },
            commitments: gate.leavingCommitments.map(\.chinese).joined(separator: "、"),
            people: namesakes.filter { $0.id != d.personID }.map {
                Opt(value: $0.id, label: "\($0.name)（\($0.post.isEmpty ? "未填职务" : $0.post)）", selected: false)
            },
            open: d.completedOn == nil, cleared: gate.outstanding == 0,
            someHidden: gate.hidden > 0)
        model.choosing = !model.people.isEmpty
        return views.page(
            PersonnelViews.departure, title: "离岗离职清单：\(model.person)", session: context.session, path: "/personnel/departures", content: model, flash: flash,
            error: error, status: status)
    }

    func registerDepartures(on router: Router<AppRequestContext>) {
        router.get("/personnel/departures") { _, context in try await departuresPage(context) }
        router.post("/personnel/departures", use: openDeparture)
        router.get("/personnel/departures/:id") { _, context in try await gatePage(context, id: try context.parameters.require("id")) }
        router.post("/personnel/departures/:id/items", use: recordDepartureItem)
        router.post("/personnel/departures/:id/commitment", use: recordLeavingCommitment)
        router.post("/personnel/departures/:id/handover", use: handOverCarriers)
        router.post("/personnel/departures/:id/complete", use: completeDeparture)
    }

    /// `POST /personnel/departures`: opens a departure with its 脱密期 (R-PE-7), then shows its checklist.
    func openDeparture(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            guard let leaving = form["leaving_on"].flatMap(Day.init(iso:)) else { throw Refusal.invalid("leaving_on", "请填写离岗日期") }
            let d = try await services.personnel.openDeparture(
                try context.actor(),
                .init(
                    personID: try await chosenPerson(form, try context.actor()),
                    kind: try APIController.parse(DepartureKind.self, form["kind"], field: "kind"),
                    leavingOn: leaving,
                    declearingMonths: Int(form["declearing_months"] ?? "") ?? 0, destination: form["destination"] ?? "",
                    earlyConsent: form["early_consent"] ?? ""))
            return Response(status: .seeOther, headers: [.location: "/personnel/departures/\(d.id)"])
        } again: {
            try await departuresPage(context, error: $0, status: $1)
        }
    }

    /// `POST /personnel/departures/:id/items`: one checklist item recorded as done (R-PE-7, R-PE-16).
    func recordDepartureItem(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        return try await refusable {
            let item = try APIController.parse(DepartureItem.self, form["item"], field: "item")
            _ = try await services.personnel.recordDepartureItem(try context.actor(), departureID: id, item: item, note: form["note"] ?? "")
            return try await gatePage(context, id: id, flash: "已登记：\(item.chinese)")
        } again: {
            try await gatePage(context, id: id, error: $0, status: $1)
        }
    }

    /// `POST /personnel/departures/:id/commitment`: the leaver's commitment signed on leaving (离岗离职保密承诺书).
    func recordLeavingCommitment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        return try await refusable {
            let kind = try APIController.parse(CommitmentKind.self, form["kind"], field: "kind")
            _ = try await services.personnel.recordCommitment(
                try context.actor(), personID: form["person_id"] ?? "", kind: kind, signedOn: nil, note: form["note"] ?? "")
            return try await gatePage(context, id: id, flash: "已登记\(kind.chinese)")
        } again: {
            try await gatePage(context, id: id, error: $0, status: $1)
        }
    }

    /// `POST /personnel/departures/:id/handover`: the custody hand-over of the leaver's carriers (R-CA-15). The successor
    /// is chosen among namesakes or typed by name; several of that name come back as the choice.
    func handOverCarriers(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        var namesakes: [Person] = []
        return try await refusable {
            // The successor: chosen among namesakes, or typed by name and found in the unit.
            var successor = form["to_person_id"] ?? ""
            if successor.isEmpty {
                let name = form["to_name"] ?? ""
                let found = try await services.personnel.staff(named: name, try context.actor())
                guard !found.isEmpty else {
                    throw Refusal.invalid("to_name", name.isBlank ? "请填写接收人姓名" : "本单位没有名为“\(name)”的人员")
                }
                guard found.count == 1 else {
                    namesakes = found
                    throw Refusal.invalid("to_name", "本单位有\(found.count)名“\(name)”，请从同名人员中选择接收人")
                }
                successor = found[0].id
            }
            let handover = try await services.carriers.handOver(
                try context.actor(), fromPersonID: form["from_person_id"] ?? "", toPersonID: successor, leaverSigned: form["leaver_signed"] ?? "",
                successorSigned: form["successor_signed"] ?? "")
            return try await gatePage(context, id: id, flash: "已移交\(handover.carrierCount)件载体，移交清单已登记")
        } again: { message, status in
            try await gatePage(context, id: id, error: message, status: status, namesakes: namesakes)
        }
    }

    /// `POST /personnel/departures/:id/complete`: completes the departure once every item is done and nothing is out
    /// (R-PE-7, R-PE-16), then shows the leaver's file.
    func completeDeparture(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        return try await refusable {
            let d = try await services.personnel.completeDeparture(try context.actor(), departureID: id)
            return Response(status: .seeOther, headers: [.location: "/personnel/file/\(d.personID)"])
        } again: {
            try await gatePage(context, id: id, error: $0, status: $1)
        }
    }
}
