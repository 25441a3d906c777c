import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Personnel
import PersonnelServices
import Storage

/// 脱密期管理 on the file (IR 53–54): new employment in the 脱密期, a serious violation reported, 擅自离职 reported.
extension PersonnelController {
    func registerAfterLeaving(on router: Router<AppRequestContext>) {
        router.post("/personnel/file/:person/employment", use: recordEmployment)
        router.post("/personnel/file/:person/violation", use: reportViolation)
        router.post("/personnel/file/:person/absconded", use: reportAbsconded)
    }

    /// `POST /personnel/file/:person/employment`: new employment in the 脱密期, checked against its restrictions (R-PE-7).
    func recordEmployment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let person = try context.parameters.require("person")
        return try await refusable {
            let r = try await services.personnel.recordEmployment(
                try context.actor(),
                AfterLeavingRecord(
                    id: "", personID: person, kind: .employment, occurredOn: try Self.formDay(form["occurred_on"], "occurred_on"),
                    employer: form["employer"] ?? "", employerKind: try APIController.parse(EmployerKind.self, form["employer_kind"], field: "employer_kind"),
                    position: form["position"] ?? "", details: form["details"] ?? ""))
            return try await filePage(context, flash: r.restricted ? "已登记脱密期内就业：违反脱密期就业限制，应报告同级保密行政管理部门" : "已登记脱密期内就业")
        } again: { message, status in
            try await filePage(context, error: message, status: status)
        }
    }

    /// `POST /personnel/file/:person/violation`: a serious violation in the 脱密期 reported to the administration (IR 54).
    func reportViolation(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await reportAfterLeaving(request, context, kind: .violation, flash: "已报告同级保密行政管理部门（脱密期严重违规）")
    }

    /// `POST /personnel/file/:person/absconded`: 擅自离职 reported to the administration (IR 54).
    func reportAbsconded(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await reportAfterLeaving(request, context, kind: .absconded, flash: "已报告同级保密行政管理部门（擅自离职）")
    }

    /// The two reports of IR 54 from the file's forms (日期, 具体情况), back on the file.
    private func reportAfterLeaving(_ request: Request, _ context: AppRequestContext, kind: AfterLeavingKind, flash: String) async throws -> Response {
        let form = try await csrfForm(request, context)
        let person = try context.parameters.require("person")
        return try await refusable {
            _ = try await services.personnel.report(
                try context.actor(),
                AfterLeavingRecord(
                    id: "", personID: person, kind: kind, occurredOn: try Self.formDay(form["occurred_on"], "occurred_on"), details: form["details"] ?? ""))
            return try await filePage(context, flash: flash)
        } again: { message, status in
            try await filePage(context, error: message, status: status)
        }
    }
}
