import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

/// A navigation entry of the shell.
struct NavItem: Sendable {
    let title: String
    let href: String
    let active: Bool
}

/// A group of an area's menu: its registers, its books or its tasks.
struct NavGroup: Sendable {
    let title: String
    let items: [NavItem]
}

/// What the layout shows about the logged-in user.
struct UserBadge: Sendable {
    let displayName: String
    let username: String
    let roles: String
    let tier: String
}

/// The pages' shell: the top menu and the areas' menus, around each page's Swift view.
public struct Views: Sendable {
    /// The top menu and the areas' menus.
    let navigation: Navigation

    /// The shell for `areas`: the menus are their tabs.
    public static func load(areas: [Area] = Area.standard) async throws -> Views {
        Views(navigation: Navigation(tabs: [.home] + areas.flatMap(\.tabs)))
    }

    /// Renders a page inside the shell: `view` with `content`, the title, the menus as the session's user sees them on
    /// `path`, a flash and an error.
    package func page<Model>(
        _ view: (Model, PageShell) -> HTML, title: String, session: ActiveSession?, path: String, content: Model, flash: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let shell = shell(title: title, session: session, path: path, flash: flash, error: error)
        return Self.respond(Layout.page(shell, body: view(content, shell)), status: status)
    }

    /// The shell as the session's user sees it on `path`: the menu, the open area's menu, the badge, the form token.
    func shell(title: String, session: ActiveSession?, path: String, flash: String?, error: String?) -> PageShell {
        PageShell(
            title: title, nav: navigation.items(for: session?.actor, path: path), subnav: navigation.menu(for: session?.actor, path: path),
            user: session.map(Views.badge), csrf: session?.csrfToken ?? "", flash: flash, error: error)
    }

    /// An HTML response.
    static func respond(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: html.bytes)))
    }

    /// The error page.
    func errorPage(status: HTTPResponse.Status, message: String, session: ActiveSession?) -> Response {
        page(
            ShellViews.error, title: "\(status.code)", session: session, path: "", content: ErrorModel(message: message, code: String(status.code)),
            status: status)
    }

    static func badge(_ session: ActiveSession) -> UserBadge {
        let a = session.actor
        return UserBadge(
            displayName: a.displayName, username: a.username, roles: a.roles.sorted().map(\.chinese).joined(separator: "、"),
            tier: a.person?.tier.chinese ?? "—")
    }
}

/// The menu: what each role may use (R-SY-1 — the 三员 see only their own work), from the areas' tabs.
struct Navigation: Sendable {
    /// Every area's tabs, in menu order.
    let tabs: [MenuTab]

    init(tabs: [MenuTab]) { self.tabs = tabs.sorted { $0.order < $1.order } }

    /// The top menu as `actor` sees it on `path`.
    func items(for actor: Actor?, path: String) -> [NavItem] {
        guard let actor else { return [] }
        return tabs.filter { $0.shown(actor) }.map { tab in
            let active = path == tab.href || tab.paths.contains { path.hasPrefix($0) }
            return NavItem(title: tab.title, href: tab.href, active: active)
        }
    }

    /// The open area's menu: its registers, tasks and books, grouped, each shown only to the business accounts that
    /// may use it (empty outside an area).
    func menu(for actor: Actor?, path: String) -> [NavGroup] {
        guard let actor, actor.isBusiness, let tab = tabs.first(where: { tab in tab.paths.contains { path.hasPrefix($0) } }) else { return [] }
        return tab.menu(actor).compactMap { group in
            let items = group.entries.filter(\.shown).map {
                NavItem(title: $0.title, href: $0.href, active: path == $0.href || path == $0.href.split(separator: "?").first.map(String.init))
            }
            return items.isEmpty ? nil : NavGroup(title: group.title, items: items)
        }
    }
}

extension MenuTab {
    /// The 待办: every account's first tab, active on the home page alone (no path below it is its own).
    static let home = MenuTab("待办", href: "/", order: 0, paths: [], shown: { _ in true })
}
