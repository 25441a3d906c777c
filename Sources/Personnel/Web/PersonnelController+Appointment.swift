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

/// 涉密岗位 and 任用: register a post, record the review and the commitment, then appoint (R-PE-2, R-PE-4, R-PE-10).
extension PersonnelController {
    struct PostRow: Sendable {
        let name: String, level: String, tier: String, keyPart: Bool, roles: String
        /// The post's page (调整、撤销), and its 撤销日期 once abolished.
        var href = "", abolished: String? = nil
    }
    struct AppointModel: Sendable {
        let posts: [PostRow], postOptions: [Opt], people: [Opt], levels: [Opt], tiers: [Opt], reviewKinds: [Opt], commitmentKinds: [Opt]
        let conditions: [Opt], roles: [Opt]
    }

    func appointPage(_ context: AppRequestContext, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.actor()
        let all = try await services.personnel.posts(actor)
        // An abolished post stays on the list, marked; it is offered for no review or appointment (R-PE-10).
        let posts = all.filter { $0.validTo == nil }
        let model = AppointModel(
            posts: all.map {
                PostRow(
                    name: $0.name, level: $0.highestLevel.chinese, tier: $0.tier.chinese, keyPart: $0.keyPart,
                    roles: $0.roles.map(\.chinese).joined(separator: "、"), href: "/personnel/posts/\($0.id)", abolished: $0.validTo.map { "\($0.iso)撤销" })
            },
            postOptions: posts.map { Opt(value: $0.id, label: "\($0.name)（\($0.highestLevel.chinese)，\($0.tier.chinese)）", selected: false) },
            people: try await staff(actor),
            levels: levelOptions(selected: nil),
            tiers: [ClearanceTier.core, .important, .general].map { Opt(value: $0.rawValue, label: $0.chinese, selected: false) },
            reviewKinds: Self.opts(ReviewKind.allCases, \.chinese), commitmentKinds: Self.opts(CommitmentKind.allCases, \.chinese),
            conditions: Eligibility.allMet.items.enumerated().map { Opt(value: "c\($0.offset)", label: $0.element.label, selected: true) },
            roles: Self.opts(Role.businessRoles, \.chinese))
        return views.page(
            PersonnelViews.appoint, title: "涉密岗位与任用", session: context.session, path: "/personnel/appoint", content: model, flash: flash, error: error,
            status: status)
    }

    /// The levels a post may handle, highest first, none above the system's (R-DV-7).
    func levelOptions(selected: Level?) -> [Opt] {
        Level.allCases.filter { $0 <= services.systemLevel }.reversed().map { Opt(value: $0.code, label: $0.chinese, selected: $0 == selected) }
    }

    func registerAppointment(on router: Router<AppRequestContext>) {
        router.get("/personnel/appoint") { _, context in try await appointPage(context) }
        router.post("/personnel/posts", use: createPost)
        router.get("/personnel/posts/:id") { _, context in try await postPage(context, id: try context.parameters.require("id")) }
        router.post("/personnel/posts/:id", use: updatePost)
        router.post("/personnel/posts/:id/abolish", use: abolishPost)
        router.post("/personnel/reviews", use: recordReview)
        router.post("/personnel/commitments", use: recordCommitment)
        router.post("/personnel/appointments", use: appoint)
    }

    /// `POST /personnel/posts`: registers a 涉密岗位; its tier follows from the highest level it handles (R-PE-1).
    func createPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let post = try await services.personnel.createPost(
                try context.actor(), name: form["name"] ?? "", departmentID: nil,
                highestLevel: try APIController.level(form["highest_level"], field: "highest_level"), keyPart: form["key_part"] == "1",
                roles: form.all("roles").compactMap(Role.init(rawValue:)))
            return try await appointPage(context, flash: "已登记涉密岗位“\(post.name)”，涉密等级为\(post.tier.chinese)")
        } again: {
            try await appointPage(context, error: $0, status: $1)
        }
    }

    /// `POST /personnel/reviews`: records a 保密审查 of a person for a post, the seven conditions ticked `c0`…`c6`
    /// (R-PE-2).
    func recordReview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let met = (0..<7).map { form["c\($0)"] == "1" }
            let review = try await services.personnel.recordReview(
                try context.actor(),
                .init(
                    personID: try await chosenPerson(form, try context.actor()), postID: form["post_id"] ?? "",
                    kind: try APIController.parse(ReviewKind.self, form["kind"], field: "kind"),
                    eligibility: Eligibility(
                        nationality: met[0], loyalty: met[1], competence: met[2], noCriminalRecord: met[3], noDrugsOrGambling: met[4],
                        neverDismissed: met[5],
                        neverRemovedForViolation: met[6]), relativesAbroad: form["relatives_abroad"] ?? "",
                    personnelOpinion: form["personnel_opinion"] ?? "",
                    secrecyOpinion: form["secrecy_opinion"] ?? "", decidedBy: form["decided_by"] ?? "", passed: form["passed"] == "1"))
            return try await appointPage(context, flash: "已登记\(review.kind.chinese)：\(review.passed ? "通过" : "未通过")")
        } again: {
            try await appointPage(context, error: $0, status: $1)
        }
    }

    /// `POST /personnel/commitments`: records a signed 承诺书 or 责任书 (R-PE-4).
    func recordCommitment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let c = try await services.personnel.recordCommitment(
                try context.actor(), personID: try await chosenPerson(form, try context.actor()),
                kind: try APIController.parse(CommitmentKind.self, form["kind"], field: "kind"),
                signedOn: nil, note: form["note"] ?? "")
            return try await appointPage(context, flash: "已登记\(c.kind.chinese)")
        } again: {
            try await appointPage(context, error: $0, status: $1)
        }
    }

    /// `POST /personnel/appointments`: 任用 — appoints a person to a post at a tier (R-PE-10), then shows their file.
    func appoint(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        return try await refusable {
            let record = try await services.personnel.appoint(
                try context.actor(), personID: try await chosenPerson(form, try context.actor()), postID: form["post_id"] ?? "",
                tier: try APIController.parse(ClearanceTier.self, form["tier"], field: "tier"))
            return Response(status: .seeOther, headers: [.location: "/personnel/file/\(record.personID)"])
        } again: {
            try await appointPage(context, error: $0, status: $1)
        }
    }
}
