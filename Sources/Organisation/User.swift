import Accounts

/// A user account.
public struct User: Sendable, Hashable {
    public var id: String
    public var username: String
    public var displayName: String
    public var personID: String?
    public var passwordHash: String
    public var otpSecret: String?
    public var failedLogins: Int
    public var locked: Bool
    public var mustChangePassword: Bool
    public var roles: Set<Role>
    public var lastLoginAt: Int64?

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
