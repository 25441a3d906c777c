import Kernel

/// 三员分立 — the separation of the three administrators (R-SY-1).
public enum SeparationOfDuties {
    /// R-SY-1: the 三员 run the system and do no business; a business operation asked by one of them is refused so.
    public static let administratorsDoNoBusiness = Refusal(
        code: "accounts.role_not_allowed", ruleID: "R-SY-1", message: "三员账号不办理业务事项，请使用业务账号", kind: .forbidden)

    /// R-SY-1: an account holds at most one of the three administrator roles, and an administrator account
    /// holds no business role (so it never reads business secrets by virtue of its role).
    public static func validate(roles: Set<Role>) throws(AccountsError) {
        let admin = roles.filter(\.isAdministrator)
        if admin.count > 1 {
            throw .rolesConflict(admin.sorted())
        }
        if let only = admin.first, roles.count > 1 {
            throw .administratorWithBusinessRole(only)
        }
    }

    /// R-SY-1: allows `action` only to an account holding the role that owns it.
    public static func authorize(_ action: AdminAction, roles: Set<Role>) throws(AccountsError) {
        guard roles.contains(action.owner) else {
            throw .forbidden(action)
        }
    }

    /// Whether `roles` may perform `action` (for menus; the check that counts is `authorize`).
    public static func allows(_ action: AdminAction, roles: Set<Role>) -> Bool {
        roles.contains(action.owner)
    }
}
