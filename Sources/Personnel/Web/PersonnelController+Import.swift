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
import Tabular

/// 导入 — a paper-era 涉密人员名单 or training record, from CSV or an Excel/WPS workbook (R-PE-3, R-TR-1).
extension PersonnelController {
    struct ImportProblem: Sendable { let line: Int, message: String }
    struct ImportReport: Sendable { let rows: Int, accepted: Int, imported: Int, problems: [ImportProblem], problemTotal: Int, clean: Bool }
    struct ImportModel: Sendable { let report: ImportReport?, kinds: [Opt], modes: [Opt], rosterColumns: String, trainingColumns: String }

    func importPage(_ context: AppRequestContext, report: PersonnelImportReport?, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        let model = ImportModel(
            report: report.map {
                ImportReport(
                    rows: $0.rows, accepted: $0.accepted, imported: $0.imported,
                    problems: $0.problems.map { ImportProblem(line: $0.line, message: $0.message) }, problemTotal: $0.problemTotal,
                    clean: $0.problems.isEmpty)
            },
            kinds: [Opt(value: "roster", label: "涉密人员名单", selected: true), Opt(value: "training", label: "培训记录", selected: false)],
            modes: [
                Opt(value: "dry_run", label: "试导入（只检查）", selected: true), Opt(value: "all", label: "全部无误才导入", selected: false),
                Opt(value: "partial", label: "导入无误的行", selected: false),
            ],
            rosterColumns: RosterImport.Kind.roster.columns.map(\.rawValue).joined(separator: "、"),
            trainingColumns: RosterImport.Kind.training.columns.map(\.rawValue).joined(separator: "、"))
        return views.page(
            PersonnelViews.importPage, title: "导入涉密人员名单和培训记录", session: context.session, path: "/personnel/import", content: model, error: error, status: status
        )
    }

    func registerImport(on router: Router<AppRequestContext>) {
        router.get("/personnel/import") { _, context in
            _ = try await services.personnel.staff(try context.actor())
            return try await importPage(context, report: nil, error: nil)
        }
        router.post("/personnel/import") { request, context in
            // Who may import is settled before the upload is read (issue 9).
            _ = try await services.personnel.staff(try context.actor())
            let form = try await MultipartForm.from(request, limit: 16 * 1024 * 1024)
            guard let session = context.session, let token = form.fields["_csrf"], FormData.constantTimeEquals(token, session.csrfToken) else {
                throw AccountsError.csrfRejected
            }
            guard let file = form.files["file"], !file.data.isEmpty else {
                return try await importPage(context, report: nil, error: "请选择要导入的 CSV 文件或 Excel 工作簿", status: .badRequest)
            }
            let kind = RosterImport.Kind(rawValue: form.fields["kind"] ?? "") ?? .roster
            let mode = CarrierImportMode(rawValue: form.fields["mode"] ?? "") ?? .dryRun
            return try await refusable {
                let report = try await services.personnel.importFile(try context.actor(), Data(file.data), kind: kind, mode: mode, fileName: file.filename)
                return try await importPage(context, report: report, error: nil)
            } again: { message, status in
                try await importPage(context, report: nil, error: message, status: status)
            }
        }
    }
}
