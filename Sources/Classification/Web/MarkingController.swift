import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import OrganisationServices
import Storage

/// 标志检查 — finds markings in text and reports malformed ones (R-LV-2, R-DU-1, R-DU-3).
struct MarkingController {
    let services: Services
    let views: Views

    struct Finding: Sendable {
        let line: Int, column: Int, found: String, message: String, rule: String, suggestion: String?
    }

    struct Model: Sendable {
        let text: String
        let checked: Bool
        let findings: [Finding]
        let clean: Bool
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/markings") { _, context in
            _ = try context.actor()
            return views.page(
                ClassificationViews.markings, title: "标志检查", session: context.session, path: "/markings",
                content: Model(text: "", checked: false, findings: [], clean: false))
        }
        router.post("/markings") { request, context in
            _ = try context.actor()
            let form = try await csrfForm(request, context)
            let text = String((form["text"] ?? "").prefix(100_000))
            let findings = MarkingLint.scan(text).map {
                Finding(line: $0.line, column: $0.column, found: $0.found, message: $0.message, rule: $0.ruleID, suggestion: $0.suggestion)
            }
            return views.page(
                ClassificationViews.markings, title: "标志检查", session: context.session, path: "/markings",
                content: Model(text: text, checked: true, findings: findings, clean: findings.isEmpty))
        }
    }
}
