import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Personnel
import PersonnelServices
import Storage

/// The training page's forms beside the class register: the annual plan (R-TR-1, R-TR-2) and a course outside the
/// unit with its certificate (R-TR-4, R-PE-13).
extension PersonnelController {
    func registerTrainingForms(on router: Router<AppRequestContext>) {
        router.post("/personnel/training/plans", use: saveTrainingPlan)
        router.post("/personnel/training/external", use: recordExternalCourse)
    }

    /// `POST /personnel/training/plans`: the annual 保密教育培训计划. R-TR-1 / R-TR-2: one row per month; a month left
    /// without content is not planned. April must be.
    func saveTrainingPlan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            guard let year = Int(form["year"] ?? "") else { throw Refusal.invalid("year", "请填写年度") }
            let items = try (1...12).compactMap { month -> TrainingRules.PlanItem? in
                let content = (form["content_\(month)"] ?? "").trimmingSpacesAndNewlines
                guard !content.isEmpty else { return nil }
                guard let hours = Int(form["hours_\(month)"] ?? ""), hours > 0 else {
                    throw Refusal.invalid("hours_\(month)", "\(month)月：请填写课时（1至40）")
                }
                return TrainingRules.PlanItem(
                    month: month, content: content, form: form["form_\(month)"] ?? "", hours: hours, audience: form["audience_\(month)"] ?? "")
            }
            let saved = try await services.personnel.savePlan(try context.actor(), year: year, items: items)
            return try await recordsPage(context, path: "/personnel/training", flash: "已保存\(year)年度保密教育培训计划（\(saved.count)项）")
        } again: {
            try await recordsPage(context, path: "/personnel/training", error: $0, status: $1)
        }
    }

    /// `POST /personnel/training/external`: 外部培训. R-TR-4: a course outside the unit; a 保密员 qualification becomes
    /// the certificate on the person's record.
    func recordExternalCourse(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let validUntil =
                (form["certificate_valid_until"] ?? "").isEmpty ? nil : try Self.formDay(form["certificate_valid_until"], "certificate_valid_until")
            let e = try await services.personnel.recordExternal(
                try context.actor(),
                ExternalCourse(
                    id: "", personID: try await chosenPerson(form, try context.actor()),
                    kind: try APIController.parse(ExternalCourseKind.self, form["kind"], field: "kind"),
                    provider: form["provider"] ?? "", completedOn: try Self.formDay(form["completed_on"], "completed_on"),
                    hours: Int(form["hours"] ?? "") ?? 0,
                    certificateNumber: form["certificate_number"] ?? "", certificateValidUntil: validUntil))
            return try await recordsPage(context, path: "/personnel/training", flash: "已登记外部培训：\(e.kind.chinese)，\(e.hours)学时")
        } again: {
            try await recordsPage(context, path: "/personnel/training", error: $0, status: $1)
        }
    }
}
