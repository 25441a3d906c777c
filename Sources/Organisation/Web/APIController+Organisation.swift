import Accounts
import Areas
import Audit
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import NIOFoundationEssentialsCompat
import OrganisationServices
import Storage

extension APIController {
    struct AuditEntryDTO: Codable {
        let seq: Int64; let at: Int64; let actorName: String; let action: String; let targetKind: String; let targetId: String?
        let level: String?; let outcome: String; let detail: String?; let before: String?; let after: String?; let prevHash: String; let hash: String
    }
    struct AuditPage: Codable {
        let total: Int; let totalCapped: Bool; let nextCursor: String?; let prevCursor: String?; let entries: [AuditEntryDTO]
    }
    struct Verification: Codable { let intact: Bool; let count: Int?; let brokenAt: Int64?; let problem: String? }
    struct Years: Codable { let years: [Int] }
    struct WorkingDays: Codable { let from: String; let days: Int; let due: String }
    struct Between: Codable { let from: String; let to: String; let workingDays: Int }
    struct MarkingRequest: Codable { let text: String; let issuedOn: String? }
    struct MarkingDTO: Codable {
        let level: String; let levelName: String; let rendered: String; let periodKind: String; let effective: String; let expiry: String?
    }
    struct Finding: Codable {
        let line: Int; let column: Int; let found: String; let rule: String; let message: String; let suggestion: String?
    }

    func registerAudit(_ api: RouterGroup<AppRequestContext>) {
        api.get("audit") { request, context in
            let q = FormData.query(request)
            let filter = AuditFilter(
                actor: q["actor"], action: q["action"], outcome: q["outcome"].flatMap(AuditOutcome.init(rawValue:)),
                page: try Self.pageRequest(q, order: AuditService.order))
            let page = try await services.audit.browse(try context.actor(), filter)
            return JSON.response(
                AuditPage(
                    total: min(page.total, page.cap), totalCapped: page.totalIsCapped, nextCursor: page.next?.token,
                    prevCursor: page.previous?.token,
                    entries: page.items.map {
                        AuditEntryDTO(
                            seq: $0.seq, at: $0.record.atMillis, actorName: $0.record.actorName, action: $0.record.action,
                            targetKind: $0.record.targetKind, targetId: $0.record.targetID, level: $0.record.level,
                            outcome: $0.record.outcome.rawValue, detail: $0.record.detail, before: $0.record.before, after: $0.record.after,
                            prevHash: $0.prevHash, hash: $0.hash)
                    }))
        }
        api.get("audit/verify") { _, context in
            switch try await services.audit.verify(try context.actor()) {
            case .intact(let count): return JSON.response(Verification(intact: true, count: count, brokenAt: nil, problem: nil))
            case .broken(let seq, let problem): return JSON.response(Verification(intact: false, count: nil, brokenAt: seq, problem: problem.chinese))
            }
        }
    }

    func registerCalendar(_ api: RouterGroup<AppRequestContext>) {
        api.get("calendar") { _, context in
            _ = try context.actor()
            return JSON.response(Years(years: try await services.calendar.current().loadedYears))
        }
        api.get("calendar/working-days") { request, context in
            _ = try context.actor()
            let q = FormData.query(request)
            guard let from = q["from"].flatMap({ Day(iso: $0) }) else { throw Refusal.invalid("from", "from 应为 YYYY-MM-DD") }
            guard let days = q["days"].flatMap(Int.init), (0...366).contains(days) else { throw Refusal.invalid("days", "days 应为 0–366 的整数") }
            let due = try await services.calendar.current().addWorkingDays(days, to: from)
            return JSON.response(WorkingDays(from: from.iso, days: days, due: due.iso))
        }
        api.get("calendar/between") { request, context in
            _ = try context.actor()
            let q = FormData.query(request)
            guard let from = q["from"].flatMap({ Day(iso: $0) }) else { throw Refusal.invalid("from", "from 应为 YYYY-MM-DD") }
            guard let to = q["to"].flatMap({ Day(iso: $0) }) else { throw Refusal.invalid("to", "to 应为 YYYY-MM-DD") }
            let n = try await services.calendar.current().workingDaysBetween(from, to)
            return JSON.response(Between(from: from.iso, to: to.iso, workingDays: n))
        }
        api.get("calendar/:year") { _, context in
            _ = try context.actor()
            let year = try context.parameters.require("year", as: Int.self)
            guard let data = try await services.calendar.years().first(where: { $0.year.year == year })?.year else { throw Refusal.notFound }
            // The data-file format (camelCase keys), the same JSON `baomi calendar import` reads.
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.canonical.encode(data))))
        }
        api.post("calendar") { request, context in
            let buffer = try await request.body.collect(upTo: 1024 * 1024)
            let year = try await services.calendar.importYear(try context.actor(), json: Data(buffer: buffer), source: "API 导入")
            return JSON.response(Years(years: [year.year]), status: .created)
        }
    }

    /// Markings (密级标志) checked and linted, and notices (通知) listed, issued and read.
    func registerNotices(_ api: RouterGroup<AppRequestContext>) {
        api.post("markings/parse", use: parseMarking)
        api.post("markings/lint", use: lintMarking)
        api.get("notices", use: listNotices)
        api.post("notices", use: createNotice)
        api.get("notices/:id", use: showNotice)
    }

    /// `POST /api/v1/markings/parse`: parses a marking (密级标志) and checks it against its issue date; answers its
    /// level, period kind, the period in effect and, given the issue date, its expiry.
    private func parseMarking(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.actor()
        let body = try await decodeJSON(MarkingRequest.self, request)
        let issued = try body.issuedOn.map { text -> Day in
            guard let d = Day(iso: text) else { throw Refusal.invalid("issued_on", "issued_on 应为 YYYY-MM-DD") }
            return d
        }
        let marking = try Marking.parse(body.text)
        try marking.validate(issueDate: issued)
        let kind: String =
            switch marking.period {
            case .none: "none"
            case .years: "years"
            case .months: "months"
            case .days: "days"
            case .until: "until"
            case .condition: "condition"
            case .longTerm: "long_term"
            }
        let effective = Marking(level: marking.level, period: marking.effectivePeriod)
        return JSON.response(
            MarkingDTO(
                level: marking.level.code, levelName: marking.level.chinese, rendered: marking.render(), periodKind: kind,
                effective: effective.render(), expiry: issued.flatMap { marking.effectivePeriod.expiry(from: $0)?.iso }))
    }

    /// `POST /api/v1/markings/lint`: the marking findings in a text, each with its rule and a suggestion.
    private func lintMarking(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.actor()
        let body = try await decodeJSON(MarkingRequest.self, request)
        let findings = MarkingLint.scan(body.text).map {
            Finding(line: $0.line, column: $0.column, found: $0.found, rule: $0.ruleID, message: $0.message, suggestion: $0.suggestion)
        }
        return JSON.response(List(count: findings.count, items: findings))
    }

    /// `GET /api/v1/notices`: the notices the user may read, searched by `q`, without their bodies.
    private func listNotices(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let items = try await services.notices.list(try context.actor(), search: FormData.query(request)["q"]).map { NoticeDTO($0, withBody: false) }
        return JSON.response(List(count: items.count, items: items))
    }

    /// `POST /api/v1/notices`: issues a notice to its scope of persons; answers it with 201.
    private func createNotice(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(NewNoticeRequest.self, request)
        let n = try await services.notices.create(
            try context.actor(), NewNotice(title: b.title, body: b.body, marking: b.marking, issuedOn: b.issuedOn, scopePersonIDs: b.scopePersonIds ?? []))
        return JSON.response(NoticeDTO(n, withBody: true), status: .created)
    }

    /// `GET /api/v1/notices/:id`: one notice with its body and scope.
    private func showNotice(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let (n, scope) = try await services.notices.get(try context.actor(), id: context.parameters.require("id"))
        return JSON.response(NoticeDTO(n, withBody: true, scope: scope))
    }
}
