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
    init(title: String, session: ActiveSession?, path: String, content: Content, flash: String? = nil, error: String? = nil) {
        let menu = Navigation.menu(for: session?.actor, path: path)
        self.init(
            title: title, nav: Navigation.items(for: session?.actor, path: path), subnav: menu, hasSubnav: !menu.isEmpty,
            user: session.map(Views.badge), csrf: session?.csrfToken ?? "", flash: flash, error: error, content: content)
    }
}

/// The mustache templates, loaded once from the bundle. `{{…}}` escapes HTML by construction.
public struct Views: Sendable {
    let library: MustacheLibrary

    /// Loads the templates shipped in the `Templates` resource folder.
    public static func load() async throws -> Views {
        guard let url = templatesURL else {
            throw Refusal(code: "internal", message: "模板目录缺失", kind: .conflict)
        }
        return Views(library: try library(directory: url))
    }

    /// Every `.mustache` file under `directory`, named by its path without the extension, each read with the pages'
    /// escaping (`HTMLText`) selected by a `CONTENT_TYPE` line put at its head (a line by itself, so it leaves no trace).
    static func library(directory: URL) throws -> MustacheLibrary {
        MustacheContentTypes.register(HTMLText(), named: HTMLText.name)
        let root = directory.standardizedFileURL.path + "/"
        var templates: [String: MustacheTemplate] = [:]
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        for path in files where path.hasSuffix(".mustache") {
            let source = try String(contentsOfFile: root + path, encoding: .utf8)
            do {
                templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLText.name) }}\n" + source)
            } catch {
                throw Refusal(code: "internal", message: "模板 \(path) 无法解析：\(error)", kind: .conflict)
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

    /// Renders a page inside the shell.
    func page<C: Sendable>(
        _ template: String, title: String, session: ActiveSession?, path: String, content: C, flash: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        html(template, Page(title: title, session: session, path: path, content: content, flash: flash, error: error), status: status)
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
            items.append(("载体管理", "/carriers"))
            // R-PE-15: the personnel registers are kept by the 组织人事部门 and the 保密工作机构.
            if !roles.isDisjoint(with: [.personnelOffice, .secrecyOffice, .secrecyClerk]) { items.append(("涉密人员", "/personnel")) }
            items.append(("涉密通知", "/notices"))
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
        return items.map { item in
            let area = areas.first { $0.home == item.1 }
            let active = item.1 == "/" ? path == "/" : (area?.paths ?? [item.1]).contains { path.hasPrefix($0) }
            return NavItem(title: item.0, href: item.1, active: active)
        }
    }

    /// The areas with a menu: the tab's link, and every path whose pages belong to the area.
    static let areas: [(home: String, paths: [String])] = [
        ("/secrets", ["/secrets", "/authority", "/supervision", "/statistics", "/markings"]),
        ("/carriers", ["/carriers"]),
        ("/personnel", ["/personnel"]),
    ]

    /// The open area's menu: its registers, tasks and books, grouped, each shown only to the roles that may use it.
    static func menu(for actor: Actor?, path: String) -> [NavGroup] {
        guard let actor, actor.person != nil, !actor.roles.contains(where: \.isAdministrator) else { return [] }
        let roles = actor.roles
        func group(_ title: String, _ entries: [(String, String, Bool)]) -> NavGroup? {
            let items = entries.filter(\.2).map {
                NavItem(title: $0.0, href: $0.1, active: path == $0.1 || path == $0.1.split(separator: "?").first.map(String.init))
            }
            return items.isEmpty ? nil : NavGroup(title: title, items: items)
        }
        if ["/secrets", "/authority", "/supervision", "/statistics", "/markings"].contains(where: { path.hasPrefix($0) }) {
            return [
                group("登记", [("国家秘密事项", "/secrets", true), ("拟定定密", "/secrets/new", true)]),
                group(
                    "定密权", [("定密权与定密责任人", "/authority", !roles.isDisjoint(with: [.leader, .secrecyOffice, .administrationStaff]))]),
                group("统计与监管", [("定密统计", "/secrets/statistics", true), ("下级单位定密工作", "/supervision", roles.contains(.administrationStaff))]),
                group("工具", [("标志检查", "/markings", true)]),
            ].compactMap { $0 }
        }
        if path.hasPrefix("/personnel") {
            // R-PE-15: the registers are the keepers'; a leader's part is deciding applications abroad (R-PE-5).
            guard !roles.isDisjoint(with: [.personnelOffice, .secrecyOffice, .secrecyClerk]) else {
                return [group("审批", [("出国（境）审批", "/personnel/approvals", !roles.isDisjoint(with: [.leader, .departmentHead]))])].compactMap { $0 }
            }
            return [
                group(
                    "登记", [("涉密人员名单", "/personnel", true), ("涉密岗位与任用", "/personnel/appoint", true), ("导入名单和培训记录", "/personnel/import", true)]),
                group("管理", [("出国（境）", "/personnel/trips", true), ("重大事项报告", "/personnel/events", true), ("离岗离职", "/personnel/departures", true)]),
                group("教育培训", [("保密教育培训", "/personnel/training", true)]),
            ].compactMap { $0 }
        }
        if path.hasPrefix("/carriers") {
            let clerk = !roles.isDisjoint(with: [.secrecyClerk, .secrecyOffice])
            return [
                group(
                    "登记",
                    [
                        ("载体台账", "/carriers", true), ("收文登记", "/carriers/new?mode=receive", clerk), ("制作登记", "/carriers/new?mode=produce", clerk),
                        ("导入纸质台账", "/carriers/import", clerk),
                    ]),
                group("检查", [("清点与清退", "/carriers/checks", clerk), ("交叉核查", "/carriers/findings", clerk)]),
                group("保管", [("保密柜", "/carriers/safes", true), ("个人台账", "/carriers/ledger", true)]),
                group(
                    "登记簿",
                    [
                        ("收文登记簿", "/carriers/books/receipt", true), ("发文登记簿", "/carriers/books/dispatch", true), ("复印登记", "/carriers/books/copy", true),
                        ("销毁清单", "/carriers/books/destruction", true),
                    ]),
            ].compactMap { $0 }
        }
        return []
    }
}
