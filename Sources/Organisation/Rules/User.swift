import Accounts

/// A user account.
public struct User: Sendable, Hashable {
    /// The account's record id.
    public var id: String
    /// The login name, unique.
    public var username: String
    /// The name shown in pages and the audit log.
    public var displayName: String
    /// The person the account belongs to; nil for an account linked to no person.
    public var personID: String?
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// The one-time-password (TOTP) secret, set when the system is 绝密 (R-SY-4); nil otherwise.
    public var otpSecret: String?
    /// Failed logins and wrong old passwords since the last success; the account locks at the policy's limit (R-SY-4).
    public var failedLogins: Int
    /// Whether the account is locked, after repeated failures or by an administrator (R-SY-4).
    public var locked: Bool
    /// Whether an initial or reset password must be changed before anything else (R-SY-4).
    public var mustChangePassword: Bool
    /// The account's roles; 三员分立 keeps the administrator roles apart from each other and from business roles (R-SY-1).
    public var roles: Set<Role>
    /// The last successful login, in milliseconds since 1970; nil if never.
    public var lastLoginAt: Int64?

    /// Creates an account record from every field.
    public init(
        id: String, username: String, displayName: String, personID: String?, passwordHash: String, otpSecret: String?, failedLogins: Int,
        locked: Bool, mustChangePassword: Bool, roles: Set<Role>, lastLoginAt: Int64?
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.personID = personID
        self.passwordHash = passwordHash
        self.otpSecret = otpSecret
        self.failedLogins = failedLogins
        self.locked = locked
        self.mustChangePassword = mustChangePassword
        self.roles = roles
        self.lastLoginAt = lastLoginAt
    }
}
