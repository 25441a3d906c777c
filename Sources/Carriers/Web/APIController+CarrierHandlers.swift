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

/// The carrier API's handlers, one per route of `registerCarriers`.
extension APIController {
    /// `GET /carriers`: the register, filtered by unit, kind, status, level, holder and search, ordered and paged.
    func carriersList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let actor = try context.actor()
        let filter = CarrierFilter(
            unitID: q["unit_id"], kind: q["kind"].flatMap(CarrierKind.init(rawValue:)), status: q["status"].flatMap(CarrierStatus.init(rawValue:)),
            level: q["level"].flatMap(Level.init(code:)), holderPersonID: q["holder_person_id"], search: q["q"])
        let order = q["order"].flatMap(CarrierOrder.init(rawValue:)) ?? .newest
        let page = try await services.carriers.register(actor, filter: filter, order: order, page: try Self.pageRequest(q, order: order.rawValue))
        return JSON.response(PagedList(page, CarrierDTO.init))
    }

    /// `GET /carriers/{id}`: one carrier with its knowledge scope and its history.
    func carrierDetail(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (carrier, scope, events) = try await services.carriers.detail(try context.actor(), id: context.parameters.require("id"))
        return JSON.response(
            CarrierDetailDTO(
                carrier: CarrierDTO(carrier), scopePersonIds: scope.sorted(),
                events: events.map { CarrierEventDTO(at: $0.at, actorName: $0.actorName, kind: $0.kind, summary: $0.summary) }))
    }

    /// `POST /carriers/receive`: enters a received carrier (收文) with the receiving check (R-CA-2); answers it with its
    /// receipt number, 201.
    func receiveCarrier(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(EntryBody.self, request)
        let check = try CarrierRules.requireReceiptCheck(b.check)
        let input = try Self.input(b)
        let marked = (try? Marking.parse(b.marking ?? ""))?.level ?? .topSecret
        // Ranges first: no list of serials is built for a count outside 1–999.
        try CarrierRules.checkCopies(b.copies)
        try CarrierRules.checkCopies(check.expectedCopies, field: "expected_copies")
        let result = try await services.carriers.receive(
            try context.actor(), input,
            check: CarrierRules.ReceiptCheck(
                packageIntact: check.packageIntact, expectedCopies: check.expectedCopies, countedCopies: check.countedCopies ?? b.copies,
                expectedSerials: check.expectedSerials ?? CarrierRules.serials(copies: check.expectedCopies),
                foundSerials: check.foundSerials ?? (b.serials ?? CarrierRules.serials(copies: b.copies)), markedLevel: marked,
                listedLevel: try Self.level(check.listedLevel, field: "listed_level"), addresseeMatches: check.addresseeMatches))
        return JSON.response(ReceivedDTO(carrier: CarrierDTO(result.carrier), receiptNumber: result.receiptNumber), status: .created)
    }

    /// `POST /carriers/produce`: enters a carrier the unit made (制作, R-CA-1); answers it, 201.
    func produceCarrier(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(EntryBody.self, request)
        let carrier = try await services.carriers.produce(
            try context.actor(), try Self.input(b), approvedBy: b.approvedBy,
            equipment: try CarrierRules.equipment(b.equipment), deviceNumber: b.deviceNumber, approvedCopies: b.approvedCopies ?? 0,
            markingApplied: b.markingApplied ?? false, waste: try CarrierRules.waste(b.waste))
        return JSON.response(CarrierDTO(carrier), status: .created)
    }

    /// `POST /carriers/destroy`: destroys several carriers at once (销毁, R-CA-11); answers the destruction list's lines.
    func destroyCarriers(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(DestroyBody.self, request)
        let lines = try await services.carriers.destroy(
            try context.actor(), carrierIDs: b.carrierIds, approvedBy: b.approvedBy, persons: b.persons,
            method: try CarrierRules.destructionMethod(b.method), cipherTelegram: b.cipherTelegram ?? false)
        return JSON.response(DestroyedDTO(lines: lines))
    }

    /// `GET /carriers/{id}/reader-log`: the 绝密 reader log (R-CA-4).
    func carrierReaderLog(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let rows = try await services.carriers.readerLog(try context.actor(), carrierID: context.parameters.require("id"))
        return JSON.response(rows.map { ReaderDTO(reader: $0.reader, readingRoom: $0.room, outAt: $0.out, backAt: $0.back) })
    }

    /// `GET /carriers/{id}/label`: the carrier's label (R-MD-1): number, marking, the custodian (the medium's user) and
    /// the barcode of the number.
    func carrierLabel(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let (carrier, _, _) = try await services.carriers.detail(actor, id: context.parameters.require("id"))
        let keeper = carrier.medium?.userPersonID ?? carrier.custodianPersonID
        let name = try await services.organisation.person(id: keeper)?.name ?? ""
        return JSON.response(
            LabelDTO(
                number: carrier.number, marking: carrier.marking.render(), custodian: name,
                text: CarrierRules.mediumLabel(level: carrier.level, userName: name, number: carrier.number), barcodeSvg: Code128.svg(carrier.number)))
    }

    /// `GET /carrier-books/{book}`: one register book (收文、发文、复印、销毁) for a year, this year unless `year` says.
    func carrierBook(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let book = try Self.parse(RegisterEntry.Book.self, try context.parameters.require("book"), field: "book")
        let year = FormData.query(request)["year"].flatMap(Int.init) ?? services.clock.today.year
        let lines = try await services.carriers.registerBook(try context.actor(), book, year: year)
        return JSON.response(
            lines.map {
                BookLineDTO(
                    number: $0.number, carrierId: $0.carrierID, carrierNumber: $0.carrierNumber, onDay: $0.onDay.iso, counterpart: $0.counterpart,
                    documentNumber: $0.documentNumber, title: $0.title, level: $0.level.code, copies: $0.copies, serials: $0.serials, approver: $0.approver,
                    handledBy: $0.handledBy, note: $0.note, closedOn: $0.closedOn?.iso)
            })
    }

    /// `GET /ledger/{person}`: the per-person ledger (个人台账): the carriers a person holds or keeps, paged.
    func carrierLedger(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let page = try await services.carriers.ledger(
            try context.actor(), personID: context.parameters.require("person"), page: try Self.pageRequest(q, order: CarrierOrder.number.rawValue))
        return JSON.response(PagedList(page, CarrierDTO.init))
    }

    /// `GET /safes`: the unit's safes (保密柜).
    func safesList(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(
            try await services.carriers.safes(try context.actor()).map {
                SafeDTO(id: $0.id, name: $0.name, location: $0.location, level: $0.level.code, topSecretOnly: $0.topSecretOnly)
            })
    }

    /// `POST /safes`: registers a safe with the highest level it may hold; answers it, 201.
    func createSafe(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(SafeBody.self, request)
        let safe = try await services.carriers.registerSafe(
            try context.actor(), name: b.name, location: b.location, level: try Self.level(b.level, field: "level"), topSecretOnly: b.topSecretOnly ?? false
        )
        return JSON.response(
            SafeDTO(id: safe.id, name: safe.name, location: safe.location, level: safe.level.code, topSecretOnly: safe.topSecretOnly), status: .created)
    }

    /// `GET /carrier-findings`: the cross-checks' findings (交叉核查), paged.
    func carrierFindings(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let page = try await services.carriers.findings(try context.actor(), page: try Self.pageRequest(q, order: "number"))
        return JSON.response(
            PagedList(page) {
                FindingDTO(
                    carrierId: $0.finding.carrierID, number: $0.finding.number, rule: $0.finding.rule, message: $0.finding.message, since: $0.since?.iso)
            })
    }

    /// `GET /carrier-checks`: the scheduled checks (清点与清退) due, each with the count that settled it, if any.
    func carrierChecksDue(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(
            try await services.carriers.checksDue(try context.actor()).map {
                CheckDueDTO(check: $0.check.rawValue, period: $0.period, due: $0.due.iso, done: $0.done.map(CarrierCountDTO.init))
            })
    }

    /// `POST /carrier-counts`: records a scheduled count: the carriers found and those found unexpectedly; answers it, 201.
    func recordCarrierCount(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(CountBody.self, request)
        let count = try await services.carriers.recordCount(
            try context.actor(), check: try CarrierRules.scheduledCheck(b.check), foundIDs: b.foundIds,
            unexpected: b.unexpected ?? [], note: b.note ?? "")
        return JSON.response(CarrierCountDTO(count), status: .created)
    }

    /// `POST /carrier-imports`: imports a paper register given as CSV text in a JSON body (`imported` answers).
    func importCarriers(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ImportBody.self, request)
        let mode = try Self.parse(CarrierImportMode.self, b.mode ?? "dry_run", field: "mode")
        return try Self.imported(try await services.carriers.importCSV(try context.actor(), b.csv, mode: mode))
    }

    /// `POST /carrier-imports/csv`: the same import with the file itself as the body (`text/csv`, up to 64 MB, read once
    /// by the gate within its limit). Who may import is settled before the body is read.
    func importCarrierFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        try services.carriers.checkClerk(actor)
        let mode = try Self.parse(CarrierImportMode.self, request.uri.queryParameters["mode"].map(String.init) ?? "dry_run", field: "mode")
        let buffer = try await request.body.collect(upTo: 64 * 1024 * 1024)
        // The document requires a body: none at all breaks the contract (400), like a JSON operation's.
        guard buffer.readableBytes > 0 else { throw TransportRefusal.contract("body", "请求体为空：应为 CSV 文件（第1行为表头）") }
        // Read in place, a record at a time; the body is not copied into a string.
        let checked = try buffer.withUnsafeReadableBytes { bytes in try services.carriers.readCSV(bytes) }
        return try Self.imported(try await services.carriers.importChecked(actor, checked, mode: mode))
    }
}
