import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage

/// 涉密岗位调整、撤销 (R-PE-10): one post's page — its form, how many serve in it, and its abolition.
extension PersonnelController {
    struct PostModel: Sendable {
        let id: String, name: String, tier: String, holders: Int, levels: [Opt], roles: [Opt], keyPart: Bool
        /// 撤销日期, once abolished (the page then only shows the post).
        let abolished: String?
        var open: Bool { abolished == nil }
    }

    func postPage(
        _ context: AppRequestContext, id: String, flash: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let (post, holders) = try await services.personnel.post(try context.actor(), id: id)
        let model = PostModel(
            id: post.id, name: post.name, tier: post.tier.chinese, holders: holders,
            levels: levelOptions(selected: post.highestLevel),
            roles: Role.businessRoles.map { Opt(value: $0.rawValue, label: $0.chinese, selected: post.roles.contains($0)) }, keyPart: post.keyPart,
            abolished: post.validTo?.iso)
        return views.page(
            PersonnelViews.post, title: "涉密岗位：\(post.name)", session: context.session, path: "/personnel/appoint", content: model, flash: flash,
            error: error, status: status)
    }

    /// `POST /personnel/posts/:id`: edits a post; a change of what it handles opens a 变动复审 for those in it (R-PE-10).
    func updatePost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        return try await refusable {
            // The page has no department field: the post keeps its own (nil).
            let post = try await services.personnel.updatePost(
                try context.actor(), postID: id,
                .init(
                    name: form["name"] ?? "", departmentID: nil,
                    highestLevel: try APIController.level(form["highest_level"], field: "highest_level"), keyPart: form["key_part"] == "1",
                    roles: form.all("roles").compactMap(Role.init(rawValue:))))
            return try await postPage(context, id: id, flash: "已调整涉密岗位“\(post.name)”，涉密等级为\(post.tier.chinese)")
        } again: {
            try await postPage(context, id: id, error: $0, status: $1)
        }
    }

    /// `POST /personnel/posts/:id/abolish`: abolishes a post nobody serves in (R-PE-10).
    func abolishPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        let id = try context.parameters.require("id")
        return try await refusable {
            let post = try await services.personnel.abolishPost(try context.actor(), postID: id)
            return try await postPage(context, id: id, flash: "已撤销涉密岗位“\(post.name)”")
        } again: {
            try await postPage(context, id: id, error: $0, status: $1)
        }
    }
}
