import Areas
import CarrierServices
import Classification
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import OrganisationServices
import Storage

/// 定密统计 (R-RP-2): on screen (printable on A4) and as CSV.
struct StatisticsController {
    let services: Services
    let views: Views

    struct Model: Sendable {
        let from: String, to: String
        let rows: [Row]
        let changes: Int, extensions: Int, declassifications: Int, officers: Int, grants: Int
        let csv: String
    }

    struct Row: Sendable {
        let level: String, original: Int, derived: Int, unclear: Int, total: Int
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/secrets/statistics") { request, context in
            let stats = try await compute(request, context)
            let model = Model(
                from: stats.from.iso, to: stats.to.iso,
                rows: stats.classified.map { Row(level: $0.level, original: $0.original, derived: $0.derived, unclear: $0.unclear, total: $0.total) },
                changes: stats.changes, extensions: stats.extensions, declassifications: stats.declassifications, officers: stats.officersInOffice,
                grants: stats.grantsInForce, csv: "/secrets/statistics.csv?from=\(stats.from.iso)&to=\(stats.to.iso)")
            return views.page(ClassificationViews.statistics, title: "定密统计", session: context.session, path: "/secrets/statistics", content: model)
        }
        // R-RP-2: the figures go to the same-level administration as a filing.
        router.post("/secrets/statistics/file") { request, context in
            let form = try await csrfForm(request, context)
            let today = services.clock.today
            let from = form["from"].flatMap(Day.init(iso:)) ?? Day(year: today.year, month: 1, day: 1)!
            let to = form["to"].flatMap(Day.init(iso:)) ?? today
            guard from <= to else { throw Refusal.invalid("from", "统计起始日期不能晚于截止日期") }
            _ = try await services.classification.fileStatistics(try context.actor(), from: from, to: to)
            return Response.redirect(to: "/authority")
        }
        router.get("/secrets/statistics.csv") { request, context in
            let s = try await compute(request, context)
            var lines = ["统计期间,\(s.from.iso),\(s.to.iso)", "密级,原始定密,派生定密,不明确事项,合计"]
            lines += s.classified.map { "\($0.level),\($0.original),\($0.derived),\($0.unclear),\($0.total)" }
            lines += ["变更,\(s.changes)", "延长保密期限,\(s.extensions)", "解密,\(s.declassifications)", "在任定密责任人,\(s.officersInOffice)", "有效定密授权,\(s.grantsInForce)"]
            // UTF-8 with BOM so spreadsheet programs read the Chinese correctly.
            let body = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"dingmi-tongji-\(s.from.iso)-\(s.to.iso).csv\"",
                ],
                body: .init(byteBuffer: ByteBuffer(string: body)))
        }
    }

    private func compute(_ request: Request, _ context: AppRequestContext) async throws -> ClassificationStatistics {
        let actor = try context.actor()
        let q = FormData.query(request)
        let today = services.clock.today
        let from = q["from"].flatMap(Day.init(iso:)) ?? Day(year: today.year, month: 1, day: 1)!
        let to = q["to"].flatMap(Day.init(iso:)) ?? today
        guard from <= to else { throw Refusal.invalid("from", "统计起始日期不能晚于截止日期") }
        return try await services.classification.statistics(actor, from: from, to: to)
    }
}
