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

/// 出国（境）审批 — the 单位领导's and 部门负责人's page: the unit's applications, each with the opinions and the decision
/// (R-PE-5). The keepers' registers stay theirs (R-PE-15).
extension PersonnelController {
    struct ApprovalRow: Sendable {
        let id: String, person: String, purpose: String, destination: String, reason: String, dates: String, delegation: String
        /// The opinions the departments entered (R-PE-5); the approver fills in only one still missing.
        var personnelOpinion = "", secrecyOpinion = ""
        var needsPersonnel = true, needsSecrecy = true
    }
    struct ApprovalsModel: Sendable { let rows: [ApprovalRow] }

    func approvalsPage(_ context: AppRequestContext, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let trips = try await services.personnel.tripsAwaitingApproval(try context.actor())
        let names = try await services.organisation.names(of: trips.map(\.personID))
        let model = ApprovalsModel(
            rows: trips.map {
                ApprovalRow(
                    id: $0.id, person: names[$0.personID] ?? "", purpose: $0.purpose.chinese, destination: $0.destination, reason: $0.reason,
                    dates: "\($0.departOn.iso)—\($0.returnOn.iso)", delegation: $0.delegation, personnelOpinion: $0.personnelOpinion,
                    secrecyOpinion: $0.secrecyOpinion, needsPersonnel: $0.personnelOpinion.isEmpty, needsSecrecy: $0.secrecyOpinion.isEmpty)
            })
        return views.page(
            PersonnelViews.approvals, title: "出国（境）审批", session: context.session, path: "/personnel/approvals", content: model, flash: flash, error: error,
            status: status)
    }

    func registerApprovals(on router: Router<AppRequestContext>) {
        router.get("/personnel/approvals") { _, context in try await approvalsPage(context) }
        router.post("/personnel/approvals/:id") { request, context in
            let form = try await csrfForm(request, context)
            return try await refusable {
                _ = try await services.personnel.approveTrip(
                    try context.actor(), tripID: try context.parameters.require("id"), personnelOpinion: form["personnel_opinion"] ?? "",
                    secrecyOpinion: form["secrecy_opinion"] ?? "", secrecyOrgConsent: form["secrecy_org_consent"] ?? "")
                return try await approvalsPage(context, flash: "已批准")
            } again: {
                try await approvalsPage(context, error: $0, status: $1)
            }
        }
        router.post("/personnel/approvals/:id/refuse") { request, context in
            let form = try await csrfForm(request, context)
            return try await refusable {
                _ = try await services.personnel.refuseTrip(
                    try context.actor(), tripID: try context.parameters.require("id"), reason: form["refusal_reason"] ?? "")
                return try await approvalsPage(context, flash: "已不予批准")
            } again: {
                try await approvalsPage(context, error: $0, status: $1)
            }
        }
    }
}
