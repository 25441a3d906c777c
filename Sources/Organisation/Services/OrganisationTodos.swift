import Accounts
import Foundation
import Kernel
import Organisation
import Storage

/// The foundation's 待办 providers: the 三员's, the calendar's and the 涉密通知's.
public enum OrganisationTodos {
    /// The providers, in the order the home page lists them.
    public static let providers: [any TodoProvider] = [AdministrationTodos(), CalendarTodos(), NoticeTodos()]
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
