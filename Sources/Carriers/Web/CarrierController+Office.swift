import Accounts
import Areas
import CarrierServices
import Carriers
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

extension CarrierController {
    struct LabelModel: Sendable { let number: String, marking: String, level: String, title: String, custodian: String, medium: String?, barcode: String? }

    struct BookLine: Sendable {
        let number: String, day: String, counterpart: String, documentNumber: String, title: String, level: String, copies: Int, serials: String
        let approver: String, handledBy: String, note: String, carrierNumber: String, carrierID: String, closed: String
    }

    struct BookModel: Sendable {
        let book: String, year: Int, unit: String, lines: [BookLine], years: [Option]
        let receipt: Bool, dispatch: Bool, copy: Bool, destruction: Bool
    }

    struct ReaderLogModel: Sendable { let id: String, number: String, title: String, documentNumber: String, marking: String, rows: [ReaderRow] }

    /// The printable pages: a carrier's label and reader log, and the register books.
    func registerPrintouts(on router: Router<AppRequestContext>) {
        router.get("/carriers/:id/label", use: labelPage)
        router.get("/carriers/:id/reader-log", use: readerLogPage)
        router.get("/carriers/books/:book", use: bookPage)
    }

    /// `GET /carriers/:id/label`: the carrier's label (R-MD-1): level, number and the custodian (the medium's user); the
    /// barcode carries the number.
    func labelPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let (carrier, _, _) = try await services.carriers.detail(actor, id: try context.parameters.require("id"))
        let names = try await names()
        let model = LabelModel(
            number: carrier.number, marking: carrier.marking.render(), level: carrier.level.code, title: carrier.title,
            custodian: names[carrier.medium?.userPersonID ?? carrier.custodianPersonID] ?? "",
            medium: carrier.medium.map { _ in
                CarrierRules.mediumLabel(level: carrier.level, userName: names[carrier.medium?.userPersonID ?? ""] ?? "", number: carrier.number)
            },
            barcode: Code128.svg(carrier.number))
        return views.page(CarrierViews.label, title: "载体标签", session: context.session, path: "/carriers", content: model)
    }

    /// `GET /carriers/:id/reader-log`: the 绝密 reader log (R-CA-4), printable.
    func readerLogPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let id = try context.parameters.require("id")
        let (carrier, _, _) = try await services.carriers.detail(actor, id: id)
        let rows = try await services.carriers.readerLog(actor, carrierID: id).enumerated().map {
            ReaderRow($0.offset, $0.element)
        }
        let model = ReaderLogModel(
            id: id, number: carrier.number, title: carrier.title, documentNumber: carrier.documentNumber, marking: carrier.marking.render(), rows: rows)
        return views.page(CarrierViews.readerLog, title: "绝密级密件阅读登记", session: context.session, path: "/carriers", content: model)
    }

    /// `GET /carriers/books/:book`: a register book for a year (R-CA-2 / R-CA-7 / R-CA-11), A4, with the paper forms'
    /// columns; an unknown book is not found.
    func bookPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        guard let book = RegisterEntry.Book(rawValue: try context.parameters.require("book")) else { throw Refusal.notFound }
        let today = services.clock.today
        let year = FormData.query(request)["year"].flatMap(Int.init) ?? today.year
        let entries = try await services.carriers.registerBook(actor, book, year: year)
        let unit = try await services.organisation.visibleUnits(.system).first { $0.id == actor.person?.unitID }?.name ?? ""
        let model = BookModel(
            book: book.chinese, year: year, unit: unit,
            lines: entries.map {
                BookLine(
                    number: $0.number, day: $0.onDay.chinese, counterpart: $0.counterpart, documentNumber: $0.documentNumber, title: $0.title,
                    level: $0.level.chinese, copies: $0.copies, serials: $0.serials.joined(separator: "、"), approver: $0.approver, handledBy: $0.handledBy,
                    note: $0.note, carrierNumber: $0.carrierNumber, carrierID: $0.carrierID, closed: $0.closedOn?.chinese ?? "")
            }, years: (max(2000, today.year - 9)...today.year).reversed().map { Option(value: String($0), label: "\($0)年", selected: $0 == year) },
            receipt: book == .receipt, dispatch: book == .dispatch, copy: book == .copy, destruction: book == .destruction)
        return views.page(
            CarrierViews.book, title: "\(year)年\(book.chinese)", session: context.session, path: "/carriers/books/\(book.rawValue)", content: model)
    }

    struct SafeRow: Sendable { let name: String, location: String, level: String, apart: Bool, count: Int }
    struct SafesModel: Sendable { let rows: [SafeRow], levels: [Option], isClerk: Bool }
    struct FindingsModel: Sendable { let rows: [FindingRow], pager: Pager }
    struct LedgerModel: Sendable { let persons: [Option], person: String?, rows: [Row], pager: Pager }
    struct ImportModel: Sendable {
        let report: ReportView?, columns: [String], modes: [Option]
    }
    struct ReportView: Sendable {
        let mode: String, rows: Int, accepted: Int, imported: Int, problems: [CarrierImport.Problem], problemTotal: Int, clean: Bool, written: Bool
        let numbers: String
    }
    struct CheckRow: Sendable { let title: String, period: String, due: String, done: String?, check: String, selected: Bool }
    struct CountRow: Sendable { let title: String, period: String, day: String, expected: Int, missing: String, unexpected: String, by: String }
    struct ChecksModel: Sendable { let checks: [CheckRow], held: [Row], counts: [CountRow], isClerk: Bool }
    struct FindingRow: Sendable { let carrierID: String, number: String, rule: String, message: String, since: String }

    /// The office pages: safes, the per-person ledger, import, the scheduled checks and the cross-checks.
    func registerOffice(on router: Router<AppRequestContext>) {
        router.get("/carriers/safes") { _, context in try await safesPage(context, error: nil) }
        router.post("/carriers/safes", use: addSafe)
        router.get("/carriers/ledger", use: ledgerPage)
        router.get("/carriers/import") { _, context in try await importPage(context, report: nil, error: nil) }
        router.get("/carriers/import/template.csv", use: importTemplate)
        router.post("/carriers/import", use: importPaperRegister)
        router.get("/carriers/checks") { request, context in try await checksPage(context, selected: FormData.query(request)["check"], error: nil) }
        router.post("/carriers/checks", use: recordCheck)
        router.get("/carriers/findings", use: findingsPage)
    }

    /// `POST /carriers/safes`: registers a safe (保密柜) and goes back to the list; a refusal shows the list again.
    func addSafe(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            // A level that cannot be read is refused, never taken as 秘密 (the API refuses it the same way).
            guard let level = Level(code: form["level"] ?? "") else { throw Refusal.invalid("level", "请选择保密柜可存放的最高密级") }
            _ = try await services.carriers.registerSafe(
                try context.actor(), name: form["name"] ?? "", location: form["location"] ?? "", level: level,
                topSecretOnly: form["top_secret_only"] == "1")
            return Response.redirect(to: "/carriers/safes")
        } again: { message, status in
            try await safesPage(context, error: message, status: status)
        }
    }

    /// `GET /carriers/ledger`: the per-person ledger (个人涉密载体台账): what a person of the unit holds or keeps, the
    /// actor's own unless `person` says.
    func ledgerPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let chosen = q["person"] ?? actor.person?.id
        let persons = try await services.organisation.persons(actor).filter { $0.unitID == actor.person?.unitID }
        let cursor = q["cursor"].flatMap { PageCursor(token: $0, order: CarrierOrder.number.rawValue) }
        var page = Storage.Page<Carrier>(items: [], total: 0, next: nil, previous: nil)
        if let chosen { page = try await services.carriers.ledger(actor, personID: chosen, page: PageRequest(cursor: cursor)) }
        let names = try await services.organisation.names(
            of: [chosen ?? ""] + page.items.flatMap { [$0.custodianPersonID] + ($0.holderPersonID.map { [$0] } ?? []) })
        let model = LedgerModel(
            persons: persons.map { Option(value: $0.id, label: $0.name, selected: $0.id == chosen) }, person: chosen.flatMap { names[$0] },
            rows: page.items.map { c in
                Self.row(c, names: names)
            },
            pager: Pager(
                page, path: "/carriers/ledger", query: q, orders: [(CarrierOrder.number.rawValue, CarrierOrder.number.chinese)],
                order: CarrierOrder.number.rawValue))
        return views.page(CarrierViews.ledger, title: "个人涉密载体台账", session: context.session, path: "/carriers/ledger", content: model)
    }

    /// `GET /carriers/import/template.csv`: the empty import template, with a BOM so that Excel reads it as UTF-8.
    func importTemplate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"carrier-import-template.csv\""],
            body: .init(byteBuffer: ByteBuffer(string: "\u{FEFF}" + CarrierImport.template)))
    }

    /// `POST /carriers/import`: imports a paper register (导入纸质台账) from an uploaded CSV file and shows the report.
    /// Who may import is settled before the upload is read: nothing expensive before authorisation.
    func importPaperRegister(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try services.carriers.checkClerk(try context.actor())
        let form = try await MultipartForm.from(request, limit: 64 * 1024 * 1024)
        guard let session = context.session, let token = form.fields["_csrf"], FormData.constantTimeEquals(token, session.csrfToken) else {
            throw AccountsError.csrfRejected
        }
        let mode = CarrierImportMode(rawValue: form.fields["mode"] ?? "") ?? .dryRun
        guard let file = form.files["file"], !file.data.isEmpty else {
            return try await importPage(context, report: nil, error: "请选择要导入的 CSV 文件", status: .badRequest)
        }
        return try await refusable {
            let checked = try file.data.withUnsafeBytes { bytes in try services.carriers.readCSV(bytes) }
            let report = try await services.carriers.importChecked(try context.actor(), checked, mode: mode)
            return try await importPage(context, report: report, error: nil)
        } again: { message, status in
            try await importPage(context, report: nil, error: message, status: status)
        }
    }

    /// `POST /carriers/checks`: records a scheduled count (清点) and goes back to the checks; a refusal shows them again.
    func recordCheck(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let check = try CarrierRules.scheduledCheck(form["check"])
            _ = try await services.carriers.recordCount(
                try context.actor(), check: check, foundIDs: form.all("found"), unexpected: Self.list(form["unexpected"]), note: form["note"] ?? "")
            return Response.redirect(to: "/carriers/checks")
        } again: { message, status in
            try await checksPage(context, selected: form["check"], error: message, status: status)
        }
    }

    /// `GET /carriers/findings`: the cross-checks' findings (载体交叉核查), paged.
    func findingsPage(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let page = try await services.carriers.findings(actor, page: PageRequest(cursor: q["cursor"].flatMap { PageCursor(token: $0, order: "number") }))
        let rows = page.items.map {
            FindingRow(
                carrierID: $0.finding.carrierID, number: $0.finding.number, rule: $0.finding.rule, message: $0.finding.message,
                since: $0.since?.chinese ?? "本次核查")
        }
        let model = FindingsModel(
            rows: rows, pager: Pager(page, path: "/carriers/findings", query: q, orders: [(value: String, label: String)](), order: "number"))
        return views.page(CarrierViews.findings, title: "载体交叉核查", session: context.session, path: "/carriers/findings", content: model)
    }

    func safesPage(_ context: AppRequestContext, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let held = try await services.carriers.everything(actor, filter: CarrierFilter(unitID: actor.person?.unitID))
        let model = SafesModel(
            rows: try await services.carriers.safes(actor).map { safe in
                SafeRow(
                    name: safe.name, location: safe.location, level: safe.level.chinese, apart: safe.topSecretOnly,
                    count: held.filter { $0.safeID == safe.id && $0.status.isHeld }.count)
            }, levels: Level.allCases.reversed().map { Option(value: $0.code, label: $0.chinese, selected: false) }, isClerk: isClerk(actor))
        return views.page(
            CarrierViews.safes, title: "保密柜（存放场所）", session: context.session, path: "/carriers/safes", content: model, error: error, status: status)
    }

    func importPage(_ context: AppRequestContext, report: CarrierImportReport?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        _ = try context.actor()
        let model = ImportModel(
            report: report.map {
                ReportView(
                    mode: $0.mode == .dryRun ? "试导入（不写入）" : $0.mode == .all ? "全部导入（有问题则不写入）" : "部分导入", rows: $0.rows, accepted: $0.accepted,
                    imported: $0.imported, problems: $0.problems, problemTotal: $0.problemTotal, clean: $0.problems.isEmpty, written: $0.imported > 0,
                    numbers: $0.numbers.count > 6 ? "\($0.numbers.first ?? "") 至 \($0.numbers.last ?? "")" : $0.numbers.joined(separator: "、"))
            }, columns: CarrierImport.Column.allCases.map(\.rawValue),
            modes: [
                Option(value: CarrierImportMode.dryRun.rawValue, label: "试导入：只检查，不写入", selected: true),
                Option(value: CarrierImportMode.all.rawValue, label: "全部导入：全部无误才写入", selected: false),
                Option(value: CarrierImportMode.partial.rawValue, label: "部分导入：写入无误的行，列出有问题的行", selected: false),
            ])
        return views.page(
            CarrierViews.importPage, title: "导入纸质台账", session: context.session, path: "/carriers/import", content: model, error: error, status: status)
    }

    func checksPage(_ context: AppRequestContext, selected: String?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let c = services.carriers
        let names = try await names()
        let held = try await c.everything(actor, filter: CarrierFilter(unitID: actor.person?.unitID)).filter(\.status.isHeld)
        let model = ChecksModel(
            checks: try await c.checksDue(actor).map {
                CheckRow(
                    title: $0.check.chinese, period: $0.period, due: $0.due.chinese,
                    done: $0.done.map { "\($0.onDay.chinese)由\($0.handledBy)完成" + ($0.missing.isEmpty ? "，无差异" : "，未清点到\($0.missing.count)件") },
                    check: $0.check.rawValue, selected: selected == $0.check.rawValue)
            },
            held: held.map { c in
                Self.row(c, names: names)
            },
            counts: try await c.counts(actor).prefix(24).map {
                CountRow(
                    title: $0.check.chinese, period: $0.period, day: $0.onDay.chinese, expected: $0.expected,
                    missing: $0.missing.isEmpty ? "无" : $0.missing.joined(separator: "、"),
                    unexpected: $0.unexpected.isEmpty ? "无" : $0.unexpected.joined(separator: "、"),
                    by: $0.handledBy)
            }, isClerk: isClerk(actor))
        return views.page(
            CarrierViews.checks, title: "清点与清退", session: context.session, path: "/carriers/checks", content: model, error: error, status: status)
    }
}
