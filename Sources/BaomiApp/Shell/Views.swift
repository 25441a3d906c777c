import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Mustache
import Organisation
import OrganisationServices
import Storage

/// A navigation entry of the shell.
struct NavItem: Sendable {
    let title: String
    let href: String
    let active: Bool
}

/// What the layout shows about the logged-in user.
struct UserBadge: Sendable {
    let displayName: String
    let username: String
    let roles: String
    let tier: String
}

/// Every page: the shell's data plus the page's own model (STYLE 6: Model + View).
struct Page<Content: Sendable>: Sendable {
    let title: String
    let nav: [NavItem]
    let user: UserBadge?
    let csrf: String
    let flash: String?
    let error: String?
    let content: Content
}

/// The mustache templates, loaded once from the bundle. `{{…}}` escapes HTML by construction.
public struct Views: Sendable {
    let library: MustacheLibrary

    /// Loads the templates shipped in the `Templates` resource folder.
    public static func load() async throws -> Views {
        guard let url = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw Refusal(code: "internal", message: "模板目录缺失", kind: .conflict)
        }
        return Views(library: try await MustacheLibrary(directory: url.path))
    }

    /// Renders a template as an HTML response.
    func html(_ template: String, _ model: some Sendable, status: HTTPResponse.Status = .ok) -> Response {
        let body = library.render(model, withTemplate: template) ?? "<!doctype html><p>模板 \(template) 缺失</p>"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Renders a page inside the shell.
    func page<C: Sendable>(
        _ template: String, title: String, session: ActiveSession?, path: String, content: C, flash: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        html(
            template,
            Page(
                title: title, nav: Navigation.items(for: session?.actor, path: path), user: session.map(Self.badge),
                csrf: session?.csrfToken ?? "", flash: flash, error: error, content: content),
            status: status)
    }

    /// The error page.
    func errorPage(status: HTTPResponse.Status, message: String, session: ActiveSession?) -> Response {
        page("error", title: "\(status.code)", session: session, path: "", content: ["message": message, "code": String(status.code)], status: status)
    }

    static func badge(_ session: ActiveSession) -> UserBadge {
        let a = session.actor
        return UserBadge(
            displayName: a.displayName, username: a.username, roles: a.roles.sorted().map(\.chinese).joined(separator: "、"),
            tier: a.person?.tier.chinese ?? "—")
    }
}

/// The menu: what each role may use (R-SY-1 — the 三员 see only their own work).
enum Navigation {
    static func items(for actor: Actor?, path: String) -> [NavItem] {
        guard let actor else { return [] }
        var items: [(String, String)] = [("待办", "/")]
        let roles = actor.roles
        let isBusiness = !roles.contains(where: \.isAdministrator) && actor.person != nil
        if isBusiness {
            items.append(("定密管理", "/secrets"))
            if !roles.isDisjoint(with: [.leader, .secrecyOffice, .administrationStaff]) {
                items.append(("定密权管理", "/authority"))
            }
            if roles.contains(.administrationStaff) {
                items.append(("下级单位定密工作", "/supervision"))
            }
            items.append(("载体管理", "/carriers"))
            items.append(("涉密通知", "/notices"))
            items.append(("标志检查", "/markings"))
        }
        if SeparationOfDuties.allows(.manageAccounts, roles: roles) {
            items.append(("账号管理", "/admin/users"))
            items.append(("单位与人员", "/admin/units"))
        }
        if SeparationOfDuties.allows(.assignRoles, roles: roles) {
            items.append(("角色与涉密等级", "/security"))
        }
        if SeparationOfDuties.allows(.readAudit, roles: roles) {
            items.append(("审计日志", "/audit"))
        }
        items.append(("工作日历", "/calendar"))
        return items.map { NavItem(title: $0.0, href: $0.1, active: $0.1 == "/" ? path == "/" : path.hasPrefix($0.1)) }
    }
}
