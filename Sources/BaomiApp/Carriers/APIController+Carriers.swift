import Accounts
import Areas
import CarrierServices
import Carriers
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage
import Tabular

/// A carrier in the API.
struct CarrierDTO: Codable, Sendable {
    struct Medium: Codable, Sendable {
        let mediaType: String; let purchasedCentrally: Bool; let userPersonId: String; let contentLevel: String?; let computerIds: [String]
    }
    let id: String; let number: String; let kind: String; let title: String; let documentNumber: String; let originatingUnit: String
    let unitId: String; let marking: String; let level: String; let secretIds: [String]; let copies: Int; let serials: [String]
    let custodianPersonId: String; let safeId: String?; let status: String; let originalId: String?; let registeredOn: String
    let holderPersonId: String?; let dueOn: String?; let retained: Bool; let medium: Medium?

    init(_ c: Carrier) {
        id = c.id; number = c.number; kind = c.kind.rawValue; title = c.title; documentNumber = c.documentNumber; originatingUnit = c.originatingUnit
        unitId = c.unitID; marking = c.marking.render(); level = c.level.code; secretIds = c.secretIDs; copies = c.copies; serials = c.serials
        custodianPersonId = c.custodianPersonID; safeId = c.safeID; status = c.status.rawValue; originalId = c.originalID
        registeredOn = c.registeredOn.iso; holderPersonId = c.holderPersonID; dueOn = c.dueOn?.iso; retained = c.retained
        medium = c.medium.map {
            Medium(
                mediaType: $0.mediaType, purchasedCentrally: $0.purchasedCentrally, userPersonId: $0.userPersonID, contentLevel: $0.contentLevel?.code,
                computerIds: $0.computerIDs)
        }
    }
}

extension APIController {
    struct CarrierEventDTO: Codable { let at: Int64; let actorName: String; let kind: String; let summary: String }
    struct CarrierDetailDTO: Codable { let carrier: CarrierDTO; let scopePersonIds: [String]; let events: [CarrierEventDTO] }
    struct MediumBody: Codable { let mediaType: String; let purchasedCentrally: Bool; let userPersonId: String }
    struct CheckBody: Codable {
        let packageIntact: Bool; let expectedCopies: Int; let expectedSerials: [String]?; let foundSerials: [String]?; let listedLevel: String
        let addresseeMatches: Bool; let countedCopies: Int?
    }
    struct EntryBody: Codable {
        let kind: String; let title: String; let documentNumber: String?; let originatingUnit: String?; let marking: String?; let secretIds: [String]?
        let copies: Int; let serials: [String]?; let scopePersonIds: [String]?; let medium: MediumBody?
        // 收文
        let check: CheckBody?
        // 制作
        let approvedBy: String?; let equipment: String?; let approvedCopies: Int?; let markingApplied: Bool?; let waste: String?
    }
    struct ReceivedDTO: Codable { let carrier: CarrierDTO; let receiptNumber: String }
    struct StoreBody: Codable { let safeId: String }
    struct DispatchBody: Codable {
        let recipient: String; let approvedDistribution: [String]; let channel: String; let outOfTown: Bool?; let escorts: [String]?
    }
    struct DispatchedDTO: Codable { let carrier: CarrierDTO; let dispatchNumber: String; let envelope: String }
    struct CirculateBody: Codable { let readerPersonId: String; let readingRoom: String? }
    struct LendBody: Codable { let borrowerPersonId: String; let approvedBy: String?; let dueOn: String? }
    struct CopyBody: Codable { let approvedBy: String?; let originatorConsent: String?; let copies: Int; let recipient: String }
    struct CarryOutBody: Codable {
        let holderPersonId: String; let approvedBy: String?; let companions: [String]?; let abroad: Bool?; let exitPermit: String?
    }
    struct NoteBody: Codable { let note: String? }
    struct ReasonBody: Codable { let reason: String }
    struct DestroyBody: Codable { let carrierIds: [String]; let approvedBy: String?; let persons: [String]; let method: String; let cipherTelegram: Bool? }
    struct DestroyedDTO: Codable { let lines: [String] }
    struct RepairBody: Codable { let mode: String; let supervisor: String?; let vendor: String?; let offSite: Bool?; let dataRecovery: Bool? }
    struct LossBody: Codable { let kind: String; let summary: String }
    struct IncidentDTO: Codable { let incidentId: String; let reportDueAt: Int64 }
    struct ForbiddenBody: Codable { let action: String }
    struct MediumWriteBody: Codable { let contentLevel: String }
    struct ReaderDTO: Codable { let reader: String; let readingRoom: String?; let outAt: Int64; let backAt: Int64? }
    struct LabelDTO: Codable { let number: String; let marking: String; let custodian: String; let text: String; let barcodeSvg: String? }
    struct BookLineDTO: Codable {
        let number: String; let carrierId: String; let carrierNumber: String; let onDay: String; let counterpart: String; let documentNumber: String
        let title: String; let level: String; let copies: Int; let serials: [String]; let approver: String; let handledBy: String; let note: String
        let closedOn: String?
    }
    struct SafeDTO: Codable { let id: String; let name: String; let location: String; let level: String; let topSecretOnly: Bool }
    struct SafeBody: Codable { let name: String; let location: String; let level: String; let topSecretOnly: Bool? }
    struct FindingDTO: Codable { let carrierId: String; let number: String; let rule: String; let message: String; let since: String? }
    struct CarrierCountDTO: Codable {
        let id: String; let check: String; let period: String; let onDay: String; let expected: Int; let missing: [String]; let unexpected: [String]
        let handledBy: String; let note: String
        init(_ c: CarrierCount) {
            id = c.id; check = c.check.rawValue; period = c.period; onDay = c.onDay.iso; expected = c.expected; missing = c.missing
            unexpected = c.unexpected; handledBy = c.handledBy; note = c.note
        }
    }
    struct CheckDueDTO: Codable { let check: String; let period: String; let due: String; let done: CarrierCountDTO? }
    struct CountBody: Codable { let check: String; let foundIds: [String]; let unexpected: [String]?; let note: String? }
    struct ImportBody: Codable { let csv: String; let mode: String? }
    struct ImportDTO: Codable {
        let mode: String; let rows: Int; let accepted: Int; let imported: Int; let problems: [CarrierImport.Problem]; let numbers: [String]
    }

    static func parse<T: RawRepresentable>(_ type: T.Type, _ value: String?, field: String) throws -> T where T.RawValue == String {
        guard let value, let parsed = T(rawValue: value) else { throw Refusal.invalid(field, "字段 \(field) 的取值无效") }
        return parsed
    }

    static func level(_ code: String?, field: String) throws -> Level {
        guard let code, let level = Level(code: code) else { throw Refusal.invalid(field, "字段 \(field) 应为 secret、confidential 或 top_secret") }
        return level
    }

    func registerCarriers(_ api: RouterGroup<AppRequestContext>) {
        let c = services.carriers
        api.get("carriers") { request, context in
            let q = FormData.query(request)
            let actor = try context.actor()
            let filter = CarrierFilter(
                unitID: q["unit_id"], kind: q["kind"].flatMap(CarrierKind.init(rawValue:)), status: q["status"].flatMap(CarrierStatus.init(rawValue:)),
                level: q["level"].flatMap(Level.init(code:)), holderPersonID: q["holder_person_id"], search: q["q"])
            let order = q["order"].flatMap(CarrierOrder.init(rawValue:)) ?? .newest
            let page = try await c.register(actor, filter: filter, order: order, page: try Self.pageRequest(q, order: order.rawValue))
            return JSON.response(PagedList(page, CarrierDTO.init))
        }
        api.get("carriers/:id") { _, context in
            let (carrier, scope, events) = try await c.detail(try context.actor(), id: context.parameters.require("id"))
            return JSON.response(
                CarrierDetailDTO(
                    carrier: CarrierDTO(carrier), scopePersonIds: scope.sorted(),
                    events: events.map { CarrierEventDTO(at: $0.at, actorName: $0.actorName, kind: $0.kind, summary: $0.summary) }))
        }
        api.post("carriers/receive") { request, context in
            let b = try await decodeJSON(EntryBody.self, request)
            let check = try CarrierRules.requireReceiptCheck(b.check)
            let input = try Self.input(b)
            let marked = (try? Marking.parse(b.marking ?? ""))?.level ?? .topSecret
            // Ranges first (issue 9): no list of serials is built for a count outside 1–999.
            try CarrierRules.checkCopies(b.copies)
            try CarrierRules.checkCopies(check.expectedCopies, field: "expected_copies")
            let result = try await c.receive(
                try context.actor(), input,
                check: CarrierRules.ReceiptCheck(
                    packageIntact: check.packageIntact, expectedCopies: check.expectedCopies, countedCopies: check.countedCopies ?? b.copies,
                    expectedSerials: check.expectedSerials ?? CarrierRules.serials(copies: check.expectedCopies),
                    foundSerials: check.foundSerials ?? (b.serials ?? CarrierRules.serials(copies: b.copies)), markedLevel: marked,
                    listedLevel: try Self.level(check.listedLevel, field: "listed_level"), addresseeMatches: check.addresseeMatches))
            return JSON.response(ReceivedDTO(carrier: CarrierDTO(result.carrier), receiptNumber: result.receiptNumber), status: .created)
        }
        api.post("carriers/produce") { request, context in
            let b = try await decodeJSON(EntryBody.self, request)
            let carrier = try await c.produce(
                try context.actor(), try Self.input(b), approvedBy: b.approvedBy,
                equipment: try CarrierRules.equipment(b.equipment), approvedCopies: b.approvedCopies ?? 0,
                markingApplied: b.markingApplied ?? false, waste: try CarrierRules.waste(b.waste))
            return JSON.response(CarrierDTO(carrier), status: .created)
        }
        api.post("carriers/destroy") { request, context in
            let b = try await decodeJSON(DestroyBody.self, request)
            let lines = try await c.destroy(
                try context.actor(), carrierIDs: b.carrierIds, approvedBy: b.approvedBy, persons: b.persons,
                method: try CarrierRules.destructionMethod(b.method), cipherTelegram: b.cipherTelegram ?? false)
            return JSON.response(DestroyedDTO(lines: lines))
        }
        api.get("carriers/:id/reader-log") { _, context in
            let rows = try await c.readerLog(try context.actor(), carrierID: context.parameters.require("id"))
            return JSON.response(rows.map { ReaderDTO(reader: $0.reader, readingRoom: $0.room, outAt: $0.out, backAt: $0.back) })
        }
        api.get("carriers/:id/label") { _, context in
            let actor = try context.actor()
            let (carrier, _, _) = try await c.detail(actor, id: context.parameters.require("id"))
            let keeper = carrier.medium?.userPersonID ?? carrier.custodianPersonID
            let name = try await services.organisation.person(id: keeper)?.name ?? ""
            return JSON.response(
                LabelDTO(
                    number: carrier.number, marking: carrier.marking.render(), custodian: name,
                    text: CarrierRules.mediumLabel(level: carrier.level, userName: name, number: carrier.number), barcodeSvg: Code128.svg(carrier.number)))
        }
        api.get("carrier-books/:book") { request, context in
            let book = try Self.parse(RegisterEntry.Book.self, try context.parameters.require("book"), field: "book")
            let year = FormData.query(request)["year"].flatMap(Int.init) ?? services.clock.today.year
            let lines = try await c.registerBook(try context.actor(), book, year: year)
            return JSON.response(
                lines.map {
                    BookLineDTO(
                        number: $0.number, carrierId: $0.carrierID, carrierNumber: $0.carrierNumber, onDay: $0.onDay.iso, counterpart: $0.counterpart,
                        documentNumber: $0.documentNumber, title: $0.title, level: $0.level.code, copies: $0.copies, serials: $0.serials, approver: $0.approver,
                        handledBy: $0.handledBy, note: $0.note, closedOn: $0.closedOn?.iso)
                })
        }
        api.get("ledger/:person") { request, context in
            let q = FormData.query(request)
            let page = try await c.ledger(
                try context.actor(), personID: context.parameters.require("person"), page: try Self.pageRequest(q, order: CarrierOrder.number.rawValue))
            return JSON.response(PagedList(page, CarrierDTO.init))
        }
        api.get("safes") { _, context in
            JSON.response(
                try await c.safes(try context.actor()).map {
                    SafeDTO(id: $0.id, name: $0.name, location: $0.location, level: $0.level.code, topSecretOnly: $0.topSecretOnly)
                })
        }
        api.post("safes") { request, context in
            let b = try await decodeJSON(SafeBody.self, request)
            let safe = try await c.registerSafe(
                try context.actor(), name: b.name, location: b.location, level: try Self.level(b.level, field: "level"), topSecretOnly: b.topSecretOnly ?? false
            )
            return JSON.response(
                SafeDTO(id: safe.id, name: safe.name, location: safe.location, level: safe.level.code, topSecretOnly: safe.topSecretOnly), status: .created)
        }
        api.get("carrier-findings") { request, context in
            let q = FormData.query(request)
            let page = try await c.findings(try context.actor(), page: try Self.pageRequest(q, order: "number"))
            return JSON.response(
                PagedList(page) {
                    FindingDTO(
                        carrierId: $0.finding.carrierID, number: $0.finding.number, rule: $0.finding.rule, message: $0.finding.message, since: $0.since?.iso)
                })
        }
        api.get("carrier-checks") { _, context in
            JSON.response(
                try await c.checksDue(try context.actor()).map {
                    CheckDueDTO(check: $0.check.rawValue, period: $0.period, due: $0.due.iso, done: $0.done.map(CarrierCountDTO.init))
                })
        }
        api.post("carrier-counts") { request, context in
            let b = try await decodeJSON(CountBody.self, request)
            let count = try await c.recordCount(
                try context.actor(), check: try CarrierRules.scheduledCheck(b.check), foundIDs: b.foundIds,
                unexpected: b.unexpected ?? [], note: b.note ?? "")
            return JSON.response(CarrierCountDTO(count), status: .created)
        }
        api.post("carrier-imports") { request, context in
            let b = try await decodeJSON(ImportBody.self, request)
            let mode = try Self.parse(CarrierImportMode.self, b.mode ?? "dry_run", field: "mode")
            return try Self.imported(try await c.importCSV(try context.actor(), b.csv, mode: mode))
        }
        // Issue 11 #10: the file itself as the body (`text/csv`, up to 64 MB, read once by the gate within its limit).
        api.post("carrier-imports/csv") { request, context in
            let actor = try context.actor()
            try c.checkClerk(actor)
            let mode = try Self.parse(CarrierImportMode.self, request.uri.queryParameters["mode"].map(String.init) ?? "dry_run", field: "mode")
            let buffer = try await request.body.collect(upTo: 64 * 1024 * 1024)
            // The document requires a body: none at all breaks the contract (400), like a JSON operation's.
            guard buffer.readableBytes > 0 else { throw TransportRefusal.contract("body", "请求体为空：应为 CSV 文件（第1行为表头）") }
            guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
                throw Refusal.invalid("csv", "文件不是 UTF-8 编码：请在 Excel 中“另存为 CSV UTF-8（逗号分隔）”后再导入")
            }
            return try Self.imported(try await c.importCSV(actor, text, mode: mode))
        }
    }

    /// The import report as the API answers it: 201 when rows were written, 200 otherwise. A file whose header is
    /// unusable (a required column missing, an unknown or repeated column) is not a register at all: 422
    /// `import.header`, naming every header problem, so a client cannot mistake it for an empty dry run.
    static func imported(_ report: CarrierImportReport) throws -> Response {
        let header = report.problems.filter { $0.field == "header" || $0.field == "file" }
        if !header.isEmpty {
            throw Refusal.invalid("csv", "表头不可用：" + header.map(\.message).joined(separator: "；"), code: "import.header")
        }
        return JSON.response(
            ImportDTO(
                mode: report.mode.rawValue, rows: report.rows, accepted: report.accepted, imported: report.imported,
                problems: report.problems, numbers: report.numbers),
            status: report.imported > 0 ? .created : .ok)
    }

    static func input(_ b: EntryBody) throws -> CarrierInput {
        CarrierInput(
            kind: try parse(CarrierKind.self, b.kind, field: "kind"), title: b.title, documentNumber: b.documentNumber ?? "",
            originatingUnit: b.originatingUnit ?? "", marking: b.marking ?? "", secretIDs: b.secretIds ?? [], copies: b.copies, serials: b.serials ?? [],
            scope: b.scopePersonIds ?? [],
            medium: b.medium.map { MediumInfo(mediaType: $0.mediaType, purchasedCentrally: $0.purchasedCentrally, userPersonID: $0.userPersonId) })
    }
}
