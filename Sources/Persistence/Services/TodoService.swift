import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit

/// One entry on a person's 待办 (to-do) page.
public struct TodoItem: Sendable, Hashable, Codable {
    /// What must be done.
    public var title: String
    /// Details (counts, deadlines).
    public var detail: String
    /// Where to do it.
    public var link: String
    /// The deadline, if any.
    public var due: Day?
    /// Overdue or urgent.
    public var urgent: Bool

    public init(title: String, detail: String, link: String, due: Day? = nil, urgent: Bool = false) {
        self.title = title
        self.detail = detail
        self.link = link
        self.due = due
        self.urgent = urgent
    }
}

/// A source of to-do items. Each module registers one; the home page shows them all.
public protocol TodoProvider: Sendable {
    /// The items `actor` must act on now. Must only reveal records the actor may see (R-KS-4).
    func items(for actor: Actor, services: Services) async throws -> [TodoItem]
}

/// Collects the to-do items of every provider.
public struct TodoService: Sendable {
    let services: Services

    /// The providers of the foundation; later modules append theirs.
    public static let providers: [any TodoProvider] = [AdministrationTodos(), CalendarTodos(), NoticeTodos(), ClassificationTodos(), CarrierTodos()]

    /// All items for `actor`, urgent first.
    public func items(for actor: Actor) async throws -> [TodoItem] {
        var all: [TodoItem] = []
        for provider in Self.providers {
            all += try await provider.items(for: actor, services: services)
        }
        return all.sorted { ($0.urgent ? 0 : 1, $0.due?.iso ?? "9999") < ($1.urgent ? 0 : 1, $1.due?.iso ?? "9999") }
    }
}

extension Services {
    /// The 待办 list.
    public var todos: TodoService { TodoService(services: self) }
}

/// 三员 to-dos: locked accounts (系统管理员), accounts without roles and persons without tier (安全保密管理员),
/// chain verification (安全审计员).
struct AdministrationTodos: TodoProvider {
    func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        var items: [TodoItem] = []
        if SeparationOfDuties.allows(.manageAccounts, roles: actor.roles) {
            let users = try await services.database.read { db in try await UserStore.all(on: db) }
            let locked = users.filter(\.locked)
            if !locked.isEmpty {
                items.append(
                    TodoItem(
                        title: "处理被锁定的账号", detail: "\(locked.count) 个账号已锁定：\(locked.map(\.username).joined(separator: "、"))", link: "/admin/users", urgent: true
                    ))
            }
        }
        if SeparationOfDuties.allows(.assignRoles, roles: actor.roles) {
            let users = try await services.database.read { db in try await UserStore.all(on: db) }
            let bare = users.filter { $0.roles.isEmpty && $0.personID != nil }
            if !bare.isEmpty {
                items.append(TodoItem(title: "为新账号分配角色", detail: "\(bare.count) 个账号尚无业务角色", link: "/security"))
            }
        }
        if SeparationOfDuties.allows(.readAudit, roles: actor.roles) {
            items.append(TodoItem(title: "校验审计日志完整性", detail: "定期校验哈希链，发现断链立即报告（R-SY-3）", link: "/audit"))
        }
        return items
    }
}

/// R-SY-5: warns when next year's calendar is not loaded (deadlines into it cannot be computed).
struct CalendarTodos: TodoProvider {
    func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard SeparationOfDuties.allows(.manageConfiguration, roles: actor.roles) else { return [] }
        let today = services.clock.today
        let loaded = Set(try await services.calendar.current().loadedYears)
        var items: [TodoItem] = []
        for year in [today.year, today.year + 1] where !loaded.contains(year) {
            items.append(
                TodoItem(
                    title: "导入\(year)年工作日历", detail: "未导入的年份无法计算工作日期限（R-SY-5）", link: "/calendar", urgent: year == today.year))
        }
        return items
    }
}

/// Notices the actor can read (the sample record type).
struct NoticeTodos: TodoProvider {
    func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
        guard actor.viewer.personID != nil else { return [] }
        let count = try await services.notices.count(actor)
        guard count > 0 else { return [] }
        return [TodoItem(title: "阅知涉密通知", detail: "您的知悉范围内有 \(count) 份涉密通知", link: "/notices")]
    }
}
