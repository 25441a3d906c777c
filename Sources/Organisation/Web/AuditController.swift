import Accounts
import Areas
import Audit
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import OrganisationServices
import Storage

/// The 安全审计员's audit browser: filter, page, verify (R-SY-1, R-SY-3).
struct AuditController {
    let services: Services
    let views: Views

    struct Row: Sendable {
        let seq: String, at: String, actor: String, action: String, target: String, level: String, outcome: String, denied: Bool, detail: String, hash: String
    }

    struct Model: Sendable {
        let rows: [Row]
        let actor: String, action: String, from: String, to: String
        let outcomes: [Option]
        let verification: String?
        let intact: Bool
        let pager: Pager
    }

    struct Option: Sendable {
        let code: String, name: String, selected: Bool
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/audit") { request, context in
            try await page(request, context, verification: nil)
        }
        router.post("/audit/verify") { request, context in
            _ = try await csrfForm(request, context)
            let result = try await services.audit.verify(try context.actor())
            return try await page(request, context, verification: result)
        }
    }

    private func page(_ request: Request, _ context: AppRequestContext, verification: VerificationResult?) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let from = q["from"].flatMap { Day(iso: $0) }
        let to = q["to"].flatMap { Day(iso: $0) }
        let cursor = q["cursor"].flatMap { PageCursor(token: $0, order: AuditService.order) }
        let filter = AuditFilter(
            actor: q["actor"], action: q["action"], outcome: q["outcome"].flatMap(AuditOutcome.init(rawValue:)),
            fromMillis: from.map { AuditRecord.millis($0.startOfDay) }, toMillis: to.map { AuditRecord.millis($0.adding(days: 1).startOfDay) },
            page: PageRequest(cursor: cursor))
        let found = try await services.audit.browse(actor, filter)
        let rows = found.items.map { e in
            Row(
                seq: String(e.seq), at: formatMillis(e.record.atMillis), actor: e.record.actorName, action: e.record.action,
                target: [e.record.targetKind, e.record.targetID ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
                level: e.record.level.flatMap(Sensitivity.init(code:))?.chinese ?? "", outcome: e.record.outcome.chinese,
                denied: e.record.outcome != .ok, detail: e.record.detail ?? "", hash: String(e.hash.prefix(12)))
        }
        let verificationText: String? = verification.map {
            switch $0 {
            case .intact(let count): "审计日志完整：共 \(count) 条记录，哈希链无断裂（R-SY-3）"
            case .broken(let seq, let problem): "发现断链：第 \(seq) 条 — \(problem.chinese)（R-SY-3）"
            }
        }
        let model = Model(
            rows: rows, actor: q["actor"] ?? "", action: q["action"] ?? "", from: from?.iso ?? "", to: to?.iso ?? "",
            outcomes: AuditOutcome.allCases.map { Option(code: $0.rawValue, name: $0.chinese, selected: q["outcome"] == $0.rawValue) },
            verification: verificationText, intact: verification?.isIntact ?? true,
            pager: Pager(found, path: "/audit", query: q, orders: [(value: String, label: String)](), order: AuditService.order))
        return views.page(OrganisationViews.audit, title: "审计日志", session: context.session, path: "/audit", content: model)
    }
}
