import Kernel

/// Refusals of the accounts area: login, passwords, 三员分立.
public enum AccountsError: DomainError, Equatable {
    /// R-SY-1: the account lacks the administrator role that owns the action.
    case forbidden(AdminAction)
    /// R-SY-1: more than one of the three administrator roles on one account.
    case rolesConflict([Role])
    /// R-SY-1: an administrator account may hold no business role.
    case administratorWithBusinessRole(Role)
    /// R-SY-4: password does not meet the rules.
    case weakPassword(field: String, reason: String)
    /// Wrong user name or password (deliberately does not say which).
    case badCredentials
    /// R-SY-4: locked after repeated failures, or by an administrator.
    case accountLocked
    /// R-SY-4 at 绝密: the one-time code is missing or wrong.
    case oneTimePasswordInvalid
    /// R-SY-4: the session ended (idle timeout or logout).
    case sessionExpired
    /// The form's anti-forgery token is missing or wrong.
    case csrfRejected
    /// A user name that already exists.
    case duplicateUsername(String)
    /// Another field problem.
    case invalid(field: String, reason: String)
    /// R-SY-4: an initial or reset password must be changed before anything else is done.
    case passwordChangeRequired

    /// Stable machine code for the API (`accounts.…`; a plain field problem is `validation.invalid`).
    public var code: String {
        switch self {
        case .forbidden: "accounts.forbidden"
        case .passwordChangeRequired: "accounts.password_change_required"
        case .rolesConflict: "accounts.roles_conflict"
        case .administratorWithBusinessRole: "accounts.admin_with_business_role"
        case .weakPassword: "accounts.weak_password"
        case .badCredentials: "accounts.bad_credentials"
        case .accountLocked: "accounts.locked"
        case .oneTimePasswordInvalid: "accounts.otp_invalid"
        case .sessionExpired: "accounts.session_expired"
        case .csrfRejected: "accounts.csrf_rejected"
        case .duplicateUsername: "accounts.duplicate_username"
        case .invalid: "validation.invalid"
        }
    }

    /// The rule refused: R-SY-1 for 三员分立, R-SY-4 for passwords, lockout and sessions; nil for the rest.
    public var ruleID: String? {
        switch self {
        case .forbidden, .rolesConflict, .administratorWithBusinessRole: "R-SY-1"
        case .weakPassword, .accountLocked, .oneTimePasswordInvalid, .sessionExpired, .passwordChangeRequired: "R-SY-4"
        case .badCredentials, .csrfRejected, .duplicateUsername, .invalid: nil
        }
    }

    /// The form field at fault (`username`, `roles`, `otp`, or the one the case names); nil when no one field is.
    public var field: String? {
        switch self {
        case .weakPassword(let field, _): field
        case .invalid(let field, _): field
        case .duplicateUsername: "username"
        case .rolesConflict, .administratorWithBusinessRole: "roles"
        case .oneTimePasswordInvalid: "otp"
        default: nil
        }
    }

    /// The message shown to the user, in Simplified Chinese.
    public var message: String {
        switch self {
        case .forbidden(let action): "三员分立：当前账号无权进行「\(action.chinese)」操作，该操作仅限\(action.owner.chinese)"
        case .rolesConflict(let roles): "三员分立：一个账号不得同时担任\(roles.map(\.chinese).joined(separator: "、"))"
        case .administratorWithBusinessRole(let role): "三员分立：\(role.chinese)账号不得兼任业务角色"
        case .weakPassword(_, let reason): "口令不符合要求：\(reason)"
        case .badCredentials: "用户名或口令错误"
        case .accountLocked: "账号已锁定（连续3次登录失败或被管理员锁定），请联系系统管理员解锁"
        case .oneTimePasswordInvalid: "动态口令错误或缺失（绝密级系统须使用一次性口令）"
        case .sessionExpired: "会话已超时或已退出，请重新登录"
        case .csrfRejected: "表单已失效，请刷新页面后重新提交"
        case .duplicateUsername(let name): "用户名「\(name)」已存在"
        case .invalid(_, let reason): reason
        case .passwordChangeRequired: "首次登录或口令被重置，须先修改口令（POST /api/v1/me/password）"
        }
    }

    /// How the edges map it: forbidden, validation, unauthenticated (bad login, expired session) or conflict (locked, duplicate name).
    public var kind: FailureKind {
        switch self {
        case .forbidden, .csrfRejected, .passwordChangeRequired: .forbidden
        case .rolesConflict, .administratorWithBusinessRole, .weakPassword, .invalid: .validation
        case .badCredentials, .oneTimePasswordInvalid, .sessionExpired: .unauthenticated
        case .accountLocked, .duplicateUsername: .conflict
        }
    }
}
