import Accounts
import Areas
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

/// 国家秘密载体 pages: the register, entering carriers (收文、制作), each carrier with its steps and history, safes, the
/// per-person ledger, printed books and labels, import, the scheduled checks and the cross-checks.
struct CarrierController {
    let services: Services
    let views: Views

    typealias Option = SecretController.Option

    struct Row: Sendable {
        let id: String, number: String, marking: String, level: String, kind: String, title: String, documentNumber: String, copies: Int
        let holder: String, place: String, status: String
    }

    /// A register row; `safes` names the place (the ledger and the count form leave it out).
    static func row(_ c: Carrier, names: [String: String], safes: [String: String]? = nil) -> Row {
        Row(
            id: c.id, number: c.number, marking: c.marking.render(), level: c.level.code, kind: c.kind.chinese, title: c.title,
            documentNumber: c.documentNumber, copies: c.copies, holder: names[c.holderPersonID ?? c.custodianPersonID] ?? "",
            place: safes.map { safes in c.safeID.flatMap { safes[$0] } ?? "—" } ?? "", status: c.status.chinese)
    }

    struct ListModel: Sendable {
        let rows: [Row], pager: Pager
        let kinds: [Option], statuses: [Option], levels: [Option]
        let search: String
        let isClerk: Bool
        let year: Int
    }

    static func options<T: RawRepresentable>(_ all: [T], label: (T) -> String, selected: String?) -> [Option] where T.RawValue == String {
        all.map { Option(value: $0.rawValue, label: label($0), selected: selected == $0.rawValue) }
    }

    func isClerk(_ actor: Actor) -> Bool { !actor.roles.isDisjoint(with: [.secrecyClerk, .secrecyOffice]) }

    /// Names of all persons, by id (carriers name custodians, holders and readers from any unit).
    func names() async throws -> [String: String] {
        try await services.organisation.names()
    }

    /// The register's filter from the query (the screen and its export read the same one): the actor's unit, and the
    /// kind, status, level, holder and search the user chose.
    static func filter(_ q: FormData, actor: Actor) -> CarrierFilter {
        CarrierFilter(
            unitID: actor.person?.unitID, kind: q["kind"].flatMap(CarrierKind.init(rawValue:)), status: q["status"].flatMap(CarrierStatus.init(rawValue:)),
            level: q["level"].flatMap(Level.init(code:)), holderPersonID: q["holder"], search: q["q"])
    }

    /// The carrier pages' route table; the detail page with its steps, the printouts and the office pages register
    /// their own.
    func register(on router: Router<AppRequestContext>) {
        router.get("/carriers", use: carriersPage)
        router.get("/carriers/export.csv", use: exportRegister)
        router.get("/carriers/new", use: entryPage)
        router.post("/carriers/new", use: enterCarrier)
        registerDetail(on: router)
        registerPrintouts(on: router)
        registerOffice(on: router)
    }

    /// `GET /carriers`: the register (载体台账) of the actor's unit, filtered, ordered and paged as the query asks.
    func carriersPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let filter = Self.filter(q, actor: actor)
        let order = q["order"].flatMap(CarrierOrder.init(rawValue:)) ?? .newest
        let cursor = q["cursor"].flatMap { PageCursor(token: $0, order: order.rawValue) }
        let page = try await services.carriers.register(actor, filter: filter, order: order, page: PageRequest(cursor: cursor))
        let names = try await services.organisation.names(of: page.items.flatMap { [$0.custodianPersonID] + ($0.holderPersonID.map { [$0] } ?? []) })
        let safes = Dictionary(uniqueKeysWithValues: try await services.carriers.safes(actor).map { ($0.id, $0.name) })
        let model = ListModel(
            rows: page.items.map { Self.row($0, names: names, safes: safes) },
            pager: Pager(
                page, path: "/carriers", query: q, orders: CarrierOrder.allCases.map { ($0.rawValue, $0.chinese) }, order: order.rawValue),
            kinds: Self.options(CarrierKind.allCases, label: \.chinese, selected: q["kind"]),
            statuses: Self.options(CarrierStatus.allCases, label: \.chinese, selected: q["status"]),
            levels: Level.allCases.reversed().map { Option(value: $0.code, label: $0.chinese, selected: q["level"] == $0.code) },
            search: q["q"] ?? "", isClerk: isClerk(actor), year: services.clock.today.year)
        return views.page(CarrierViews.register, title: "国家秘密载体登记", session: context.session, path: "/carriers", content: model)
    }

    /// `GET /carriers/export.csv`: the register (导出) as CSV, streamed page by page with the screen's filters.
    func exportRegister(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let filter = Self.filter(q, actor: actor)
        let services = services
        return CSVExport.response(
            filename: "国家秘密载体登记-\(services.clock.today.iso).csv",
            header: ["载体编号", "国家秘密标志", "类别", "标题", "文号", "来文单位", "份数", "保管人", "持有人", "状态", "登记日期", "应还日期"]
        ) { page in
            let found = try await services.carriers.register(actor, filter: filter, order: .number, page: page)
            let names = try await services.organisation.names(of: found.items.flatMap { [$0.custodianPersonID, $0.holderPersonID ?? ""] })
            let rows = found.items.map { c in
                [
                    c.number, c.marking.render(), c.kind.chinese, c.title, c.documentNumber, c.originatingUnit, String(c.copies),
                    names[c.custodianPersonID] ?? "", c.holderPersonID.flatMap { names[$0] } ?? "", c.status.chinese, c.registeredOn.iso,
                    c.dueOn?.iso ?? "",
                ]
            }
            return (rows, found.next)
        }
    }

    /// `GET /carriers/new`: the entry form, for receiving (收文, the default) or producing (制作, `mode=produce`).
    func entryPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await entryForm(context, mode: FormData.query(request)["mode"] == "produce" ? "produce" : "receive", error: nil)
    }

    /// `POST /carriers/new`: enters the carrier (`enter`) and goes to its page; a refusal shows the entry form again.
    func enterCarrier(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let actor = try context.actor()
        let mode = form["mode"] == "produce" ? "produce" : "receive"
        return try await refusable {
            let carrier = try await enter(actor, mode: mode, form: form)
            return Response.redirect(to: "/carriers/\(carrier.id)")
        } again: { message, status in
            try await entryForm(context, mode: mode, error: message, form: form, status: status)
        }
    }

    /// Enters a carrier by receipt (with the receiving check, R-CA-2) or production (R-CA-1).
    func enter(_ actor: Actor, mode: String, form: FormData) async throws -> Carrier {
        guard let kind = CarrierKind(rawValue: form["kind"] ?? "") else { throw Refusal.invalid("kind", "请选择载体类别") }
        guard let copies = Int(form["copies"] ?? "") else { throw Refusal.invalid("copies", "请填写份数") }
        var medium: MediumInfo?
        if kind == .medium {
            medium = MediumInfo(
                mediaType: form["media_type"] ?? "", purchasedCentrally: form["purchased_centrally"] == "1", userPersonID: form["medium_user"] ?? "")
        }
        let input = CarrierInput(
            kind: kind, title: form["title"] ?? "", documentNumber: form["document_number"] ?? "", originatingUnit: form["originating_unit"] ?? "",
            marking: form["marking"] ?? "", secretIDs: form.all("secret_id").filter { !$0.isEmpty }, copies: copies,
            serials: Self.list(form["serials"]), scope: form.all("scope"), medium: medium)
        if mode == "produce" {
            return try await services.carriers.produce(
                actor, input, approvedBy: form["approved_by"], equipment: try CarrierRules.equipment(form["equipment"]),
                deviceNumber: Self.optional(form["device_number"]), approvedCopies: Int(form["approved_copies"] ?? "") ?? 0,
                markingApplied: form["marking_applied"] == "1",
                waste: try CarrierRules.waste(form["waste"]))
        }
        let markedLevel = (try? Marking.parse(form["marking"] ?? ""))?.level ?? .topSecret
        let check = CarrierRules.ReceiptCheck(
            packageIntact: form["package_intact"] == "1", expectedCopies: Int(form["expected_copies"] ?? "") ?? copies, countedCopies: copies,
            expectedSerials: Self.list(form["expected_serials"]), foundSerials: Self.list(form["serials"]), markedLevel: markedLevel,
            listedLevel: Level(code: form["listed_level"] ?? "") ?? markedLevel, addresseeMatches: form["addressee_matches"] == "1")
        return try await services.carriers.receive(actor, input, check: check).carrier
    }

    /// A list typed in one field.
    static func list(_ text: String?) -> [String] { (text ?? "").listItems }

    struct EntryModel: Sendable {
        let mode: String, produce: Bool
        /// Whether a devices register is kept, so the computer a carrier is made on can be named and checked (R-DV-10).
        let devices: Bool
        let kinds: [Option], persons: [Option], secrets: [Option], approvers: [Option], equipment: [Option], waste: [Option], levels: [Option]
        let title: String, documentNumber: String, originatingUnit: String, marking: String, copies: String, serials: String
        let deviceNumber: String
    }

    func entryForm(_ context: AppRequestContext, mode: String, error: String?, form: FormData? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let actor = try context.actor()
        let unit = actor.person?.unitID
        let persons = try await services.organisation.persons(actor).filter { $0.unitID == unit && $0.id != actor.person?.id }
        let secrets = try await services.classification.register(actor, filter: SecretFilter(status: .inForce), page: PageRequest(limit: PageRequest.maxLimit))
            .items
        let model = EntryModel(
            mode: mode, produce: mode == "produce", devices: services.areas.devices != nil,
            kinds: Self.options(CarrierKind.allCases, label: \.chinese, selected: form?["kind"] ?? "paper"),
            persons: persons.map {
                Option(value: $0.id, label: "\($0.name)（\($0.post)，\($0.tier.chinese)）", selected: form?.all("scope").contains($0.id) ?? false)
            },
            secrets: secrets.map {
                Option(value: $0.id, label: "\($0.marking.render())　\($0.title)", selected: form?.all("secret_id").contains($0.id) ?? false)
            },
            approvers: try await services.carriers.approvers(actor).map { Option(value: $0.id, label: "\($0.name)（\($0.post)）", selected: false) },
            equipment: Self.options(ProductionEquipment.allCases, label: \.chinese, selected: form?["equipment"]),
            waste: Self.options(WasteHandling.allCases, label: \.chinese, selected: form?["waste"]),
            levels: Level.allCases.reversed().map { Option(value: $0.code, label: $0.chinese, selected: form?["listed_level"] == $0.code) },
            title: form?["title"] ?? "", documentNumber: form?["document_number"] ?? "", originatingUnit: form?["originating_unit"] ?? "",
            marking: form?["marking"] ?? "", copies: form?["copies"] ?? "1", serials: form?["serials"] ?? "",
            deviceNumber: form?["device_number"] ?? "")
        return views.page(
            CarrierViews.entry, title: mode == "produce" ? "密件制作登记" : "收文登记", session: context.session,
            path: mode == "produce" ? "/carriers/new?mode=produce" : "/carriers/new?mode=receive", content: model, error: error,
            status: status)
    }
}
