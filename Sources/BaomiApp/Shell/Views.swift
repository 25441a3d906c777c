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

/// Every page: the shell's data plus the page's own model (STYLE 6: Model + View).
struct Page<Content: Sendable>: Sendable {
    let title: String
    let nav: [NavItem]
    /// The open area's menu, grouped (empty outside an area).
    let subnav: [NavGroup]
    /// Whether the open area has a menu.
    let hasSubnav: Bool
    let user: UserBadge?
    let csrf: String
    let flash: String?
    let error: String?
    let content: Content
}

extension Page {
    /// The shell around `content` as the session's user sees it on `path`: the menu, the open area's menu, the badge.
    init(
        title: String, session: ActiveSession?, path: String, content: Content, flash: String? = nil, error: String? = nil,
        navigation: Navigation
    ) {
        let menu = navigation.menu(for: session?.actor, path: path)
        self.init(
            title: title, nav: navigation.items(for: session?.actor, path: path), subnav: menu, hasSubnav: !menu.isEmpty,
            user: session.map(Views.badge), csrf: session?.csrfToken ?? "", flash: flash, error: error, content: content)
    }
}

/// The mustache templates, loaded once from the bundle. `{{…}}` escapes HTML by construction.
public struct Views: Sendable {
    let library: MustacheLibrary
    /// The top menu and the areas' menus.
    let navigation: Navigation

    /// Loads the templates shipped in the `Templates` resource folder; the menus are `areas`' tabs.
    public static func load(areas: [Area] = Area.standard) async throws -> Views {
        guard let url = templatesURL else {
            throw Refusal(code: "internal", message: "模板目录缺失", kind: .conflict)
        }
        var extra: [String: String] = [:]
        for area in areas {
            try extra.merge(area.templates) { _, _ in throw Refusal(code: "internal", message: "\(area.registration.name) 的模板与已有模板重名", kind: .conflict) }
        }
        return Views(library: try library(directory: url, adding: extra), navigation: Navigation(tabs: [.home] + areas.flatMap(\.tabs)))
    }

    /// Every `.mustache` file under `directory`, named by its path without the extension, and the templates `adding`
    /// (an area's own, by name; a name the folder has too is refused), each read with the pages' escaping (`HTMLText`)
    /// selected by a `CONTENT_TYPE` line put at its head (a line by itself, so it leaves no trace).
    static func library(directory: URL, adding: [String: String] = [:]) throws -> MustacheLibrary {
        MustacheContentTypes.register(HTMLText(), named: HTMLText.name)
        let root = directory.standardizedFileURL.path + "/"
        var sources: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        for path in files where path.hasSuffix(".mustache") {
            sources[String(path.dropLast(".mustache".count))] = try String(contentsOfFile: root + path, encoding: .utf8)
        }
        try sources.merge(adding) { _, _ in throw Refusal(code: "internal", message: "模板重名", kind: .conflict) }
        var templates: [String: MustacheTemplate] = [:]
        for (name, source) in sources {
            do {
                templates[name] = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLText.name) }}\n" + source)
            } catch {
                throw Refusal(code: "internal", message: "模板 \(name) 无法解析：\(error)", kind: .conflict)
            }
        }
        return MustacheLibrary(templates: templates)
    }

    /// The `Templates` resource folder: one `.mustache` file per page (in its area's folder), the layout and the error page.
    static var templatesURL: URL? { Bundle.module.url(forResource: "Templates", withExtension: nil) }

    /// Renders a template with a model; nil when there is no such template. The model is read through dictionaries
    /// (`TemplateModel`), not by reflection at each name.
    func render(_ template: String, _ model: some Sendable) -> String? {
        library.render(TemplateModel.box(model), withTemplate: template)
    }

    /// Renders a template as an HTML response.
    func html(_ template: String, _ model: some Sendable, status: HTTPResponse.Status = .ok) -> Response {
        let body = render(template, model) ?? "<!doctype html><p>模板 \(template) 缺失</p>"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Renders a page inside the shell: the template (an area's own, `Area.templates`, or the app's) with `content`,
    /// the title, the menus as the session's user sees them on `path`, a flash and an error.
    package func page<C: Sendable>(
        _ template: String, title: String, session: ActiveSession?, path: String, content: C, flash: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let page = Page(title: title, session: session, path: path, content: content, flash: flash, error: error, navigation: navigation)
        if let html = Self.swiftPage(template, content: content, shell: page.shell) { return Self.respond(html, status: status) }
        return html(template, page, status: status)
    }

    /// The page `template` names as its Swift view renders it, in the shell; nil while it has none.
    static func swiftPage(_ template: String, content: Any, shell: PageShell) -> HTML? {
        SwiftViews.entries[template]?.render(content, shell).map { Layout.page(shell, body: $0) }
    }

    /// An HTML response.
    static func respond(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: html.bytes)))
    }

    /// The error page.
    func errorPage(status: HTTPResponse.Status, message: String, session: ActiveSession?) -> Response {
        page("error", title: "\(status.code)", session: session, path: "", content: ErrorModel(message: message, code: String(status.code)), status: status)
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
