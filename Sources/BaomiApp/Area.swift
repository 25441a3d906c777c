import Accounts
import Hummingbird
import Organisation
import Storage

/// One area of Baomi as the application takes it, in one value: what it hands over below the web
/// (`AreaRegistration`: migrations, 待办, sweep, demo, filing kinds, the ports' answers) and its web part — its tabs
/// and menus, its pages, its `/api/v1` operations and who may call each. The application is built from a list of
/// areas (`Area.standard`, `buildApplication(areas:)`); adding an area adds it to that list and to `Package.swift`.
public struct Area: Sendable {
    /// What the area hands over below the web.
    public let registration: AreaRegistration
    /// Its tabs in the top menu, each with its own menu.
    public var tabs: [MenuTab]
    /// Registers its pages.
    public var pages: @Sendable (Router<AppRequestContext>, Shell) -> Void
    /// Registers its `/api/v1` operations.
    public var api: @Sendable (RouterGroup<AppRequestContext>, Services) -> Void
    /// Who may ever call each of its operations ("METHOD /template", as in the OpenAPI document).
    public var authorization: [String: APIAuthorization.Access]
    /// Its part of the OpenAPI document: exactly the operations `authorization` lists, with their schemas and body
    /// limits (the gate enforces the document before any work).
    public var openAPI: OpenAPIFragment

    /// Creates an area.
    public init(
        registration: AreaRegistration, tabs: [MenuTab] = [], pages: @escaping @Sendable (Router<AppRequestContext>, Shell) -> Void = { _, _ in },
        api: @escaping @Sendable (RouterGroup<AppRequestContext>, Services) -> Void = { _, _ in },
        authorization: [String: APIAuthorization.Access] = [:], openAPI: OpenAPIFragment = OpenAPIFragment()
    ) {
        self.registration = registration
        self.tabs = tabs
        self.pages = pages
        self.api = api
        self.authorization = authorization
        self.openAPI = openAPI
    }
}

/// What an area's pages are given: the services and the shell their views are shown in.
public struct Shell: Sendable {
    /// The services.
    public let services: Services
    /// The shell around the pages' views: the layout and the menus.
    public let views: Views
}

/// A tab of the top menu: its link, the paths whose pages belong to it, who sees it, and its menu.
public struct MenuTab: Sendable {
    /// The tab's label (`载体管理`).
    public let title: String
    /// Where it leads.
    public let href: String
    /// Where it sits in the top menu (lower first).
    public let order: Int
    /// The paths whose pages belong to the tab: it is active on them (and on its link), and its menu shows there.
    public let paths: [String]
    /// Whether an account sees the tab (R-SY-1: the 三员 see only their own work).
    public let shown: @Sendable (Actor) -> Bool
    /// The tab's menu for a business account: its registers, tasks and books, grouped.
    public let menu: @Sendable (Actor) -> [MenuGroup]

    /// Creates a tab; `paths` defaults to its link alone, `menu` to none.
    public init(
        _ title: String, href: String, order: Int, paths: [String]? = nil, shown: @escaping @Sendable (Actor) -> Bool,
        menu: @escaping @Sendable (Actor) -> [MenuGroup] = { _ in [] }
    ) {
        self.title = title
        self.href = href
        self.order = order
        self.paths = paths ?? [href]
        self.shown = shown
        self.menu = menu
    }
}

/// A group of a tab's menu: its registers, its books or its tasks.
public struct MenuGroup: Sendable {
    /// The group's heading (`登记`).
    public let title: String
    /// Its entries: label, link, and whether this account sees it.
    public let entries: [(title: String, href: String, shown: Bool)]

    /// Creates a group.
    public init(_ title: String, _ entries: [(title: String, href: String, shown: Bool)]) {
        self.title = title
        self.entries = entries
    }
}

extension Area {
    /// The areas a deployment runs, in the order the home page lists their 待办.
    public static let standard: [Area] = [.organisation, .classification, .carriers, .personnel]
}

extension Array where Element == Area {
    /// What these areas hand over below the web, gathered.
    public var registry: AreaRegistry { AreaRegistry(map(\.registration)) }
}

extension Actor {
    /// A business account: it has a person and no 三员 role (R-SY-1: no 三员 account reads or handles business records).
    public var isBusiness: Bool { !roles.contains(where: \.isAdministrator) && person != nil }
}
