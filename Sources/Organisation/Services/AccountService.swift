import Accounts
import Audit
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import Kernel
import Organisation
import SQLKit
import Storage

/// Input for a new account.
public struct NewAccount: Sendable {
    /// The login name; must be valid and not yet taken.
    public var username: String
    /// 姓名/显示名 — shown in the interface and recorded in the audit log (at most 50 characters).
    public var displayName: String
    /// The person (人员) the account acts for; nil for an account without one, such as the 三员's.
    public var personID: String?
    /// Initial password; generated when nil.
    public var password: String?
    /// Roles; only the command line (system actor) may give the three administrator roles.
    public var roles: Set<Role>

    /// Creates the input; no person, a generated password and no roles unless given.
    public init(username: String, displayName: String, personID: String? = nil, password: String? = nil, roles: Set<Role> = []) {
        self.username = username
        self.displayName = displayName
        self.personID = personID
        self.password = password
        self.roles = roles
    }
}

/// A created account with the one-time display of its initial password.
public struct CreatedAccount: Sendable {
    /// The account as stored.
    public let user: User
    /// The initial password, shown once; a generated one must be changed at first login.
    public let initialPassword: String
    /// At 绝密, the TOTP secret to enrol in an authenticator (otpauth URL).
    public let otpURL: String?
}

/// Accounts, roles and clearances — the work of the 系统管理员 and 安全保密管理员 (R-SY-1).
public struct AccountService: Sendable {
    let services: Services

    /// R-SY-1: creates an account (系统管理员). Administrator roles only from the command line.
    public func create(_ actor: Actor, _ input: NewAccount) async throws -> CreatedAccount {
        let s = services
        if !actor.isSystem {
            try SeparationOfDuties.authorize(.manageAccounts, roles: actor.roles)
            if input.roles.contains(where: \.isAdministrator) {
                throw AccountsError.invalid(field: "roles", reason: "三员账号只能通过命令行 baomi user create 创建")
            }
            if !input.roles.isEmpty {
                // R-SY-1: business roles are the security administrator's to give.
                throw AccountsError.forbidden(.assignRoles)
            }
        }
        try SeparationOfDuties.validate(roles: input.roles)
        let username = try Validate.username(input.username)
        let displayName = try Validate.text(input.displayName, field: "display_name", label: "姓名/显示名", max: 50)
        let password = input.password ?? IDs.password()
        try s.passwordPolicy.validate(password)
        let otpSecret = s.passwordPolicy.requiresOneTimePassword ? IDs.token(bytes: 10) : nil
        let hash = Bcrypt.hash(password, cost: s.bcryptCost)
        let user = User(
            id: IDs.make(), username: username, displayName: displayName, personID: input.personID, passwordHash: hash,
            otpSecret: otpSecret, failedLogins: 0, locked: false, mustChangePassword: input.password == nil,
            roles: input.roles, lastLoginAt: nil)
        try await s.database.transaction { db in
            if try await UserStore.user(username: username, on: db) != nil { throw AccountsError.duplicateUsername(username) }
            if let pid = input.personID, try await OrganisationStore.person(id: pid, on: db) == nil {
                throw AccountsError.invalid(field: "person_id", reason: "所选人员不存在")
            }
            try await UserStore.insert(user, at: s.nowMillis, on: db)
            try await AuditStore.append(
                s.record(
                    actor, "user.create", target: "user", id: user.id,
                    after: ["username": username, "display_name": displayName, "roles": input.roles.sorted().map(\.rawValue).joined(separator: ",")]),
                on: db)
        }
        let otpURL = otpSecret.map { TOTP(secret: $0).createAuthenticatorURL(label: username, issuer: "Baomi") }
        return CreatedAccount(user: user, initialPassword: password, otpURL: otpURL)
    }

    /// The ID of the account with this user name, for the operator's command line (`baomi user …`, run on the server
    /// itself); refuses an unknown name.
    public func userID(username: String) async throws -> String {
        guard let user = try await services.database.read({ db in try await UserStore.user(username: username, on: db) }) else {
            throw Refusal.invalid("username", "账号 \(username) 不存在")
        }
        return user.id
    }

    /// Every account — for the 系统管理员 (accounts) and the 安全保密管理员 (roles).
    public func list(_ actor: Actor) async throws -> [User] {
        if !actor.isSystem && !SeparationOfDuties.allows(.manageAccounts, roles: actor.roles) {
            try SeparationOfDuties.authorize(.assignRoles, roles: actor.roles)
        }
        return try await services.database.read { db in try await UserStore.all(on: db) }
    }

    /// One page of the accounts by user name, optionally only names containing `search` (same permission as `list`).
    public func list(_ actor: Actor, search: String? = nil, page: PageRequest) async throws -> Page<User> {
        if !actor.isSystem && !SeparationOfDuties.allows(.manageAccounts, roles: actor.roles) {
            try SeparationOfDuties.authorize(.assignRoles, roles: actor.roles)
        }
        return try await services.database.read { db in try await UserStore.page(search: search, request: page, on: db) }
    }

    /// Persons who have no account yet, by name, at most `limit`, optionally only names containing `search` — the
    /// choices of the new-account form (系统管理员).
    public func personsWithoutAccount(_ actor: Actor, search: String?, limit: Int = PageRequest.maxLimit) async throws -> [Person] {
        try SeparationOfDuties.authorize(.manageAccounts, roles: actor.roles)
        return try await services.database.read { db in
            try await OrganisationStore.personsWithoutAccount(search: search, limit: max(1, min(limit, PageRequest.maxLimit)), on: db)
        }
    }

    /// One account (same permission as `list`).
    public func get(_ actor: Actor, id: String) async throws -> User {
        _ = try await list(actor).count  // permission check
        guard let user = try await services.database.read({ db in try await UserStore.user(id: id, on: db) }) else { throw Refusal.notFound }
        return user
    }

    /// R-SY-4: locks or unlocks an account (系统管理员); locking ends its sessions.
    public func setLocked(_ actor: Actor, userID: String, locked: Bool) async throws {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.manageAccounts, roles: actor.roles) }
        if locked && userID == actor.userID { throw AccountsError.invalid(field: "user_id", reason: "不能锁定自己的账号") }
        try await s.database.transaction { db in
            guard try await UserStore.user(id: userID, on: db) != nil else { throw Refusal.notFound }
            try await UserStore.setLocked(userID: userID, locked, on: db)
            if locked { try await SessionStore.endAll(userID: userID, at: s.nowMillis, on: db) }
            try await AuditStore.append(s.record(actor, locked ? "user.lock" : "user.unlock", target: "user", id: userID), on: db)
        }
    }

    /// Resets a password to a new random one (系统管理员), shown once; the user must change it at next login.
    public func resetPassword(_ actor: Actor, userID: String, password: String? = nil) async throws -> String {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.manageAccounts, roles: actor.roles) }
        // R-SY-4: one's own password is changed with the old one (`AuthService.changePassword`), never reset — a stolen
        // session must not be enough to take over the administrator's account.
        if !actor.isSystem && userID == actor.userID {
            throw AccountsError.invalid(field: "id", reason: "不能重置本人口令，请使用“修改口令”")
        }
        let newPassword = password ?? IDs.password()
        try s.passwordPolicy.validate(newPassword)
        let hash = Bcrypt.hash(newPassword, cost: s.bcryptCost)
        try await s.database.transaction { db in
            guard try await UserStore.user(id: userID, on: db) != nil else { throw Refusal.notFound }
            try await UserStore.setPassword(userID: userID, hash: hash, mustChange: true, at: s.nowMillis, on: db)
            try await UserStore.setLocked(userID: userID, false, on: db)
            try await SessionStore.endAll(userID: userID, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "user.reset_password", target: "user", id: userID), on: db)
        }
        return newPassword
    }

    /// R-SY-1: sets an account's business roles (安全保密管理员). Administrator accounts keep their one role.
    public func setRoles(_ actor: Actor, userID: String, roles: Set<Role>) async throws {
        let s = services
        if !actor.isSystem { try SeparationOfDuties.authorize(.assignRoles, roles: actor.roles) }
        if roles.contains(where: \.isAdministrator) && !actor.isSystem {
            throw AccountsError.invalid(field: "roles", reason: "三员角色只能通过命令行设置")
        }
        try SeparationOfDuties.validate(roles: roles)
        try await s.database.transaction { db in
            guard let user = try await UserStore.user(id: userID, on: db) else { throw Refusal.notFound }
            if user.roles.contains(where: \.isAdministrator) && !actor.isSystem {
                throw AccountsError.administratorWithBusinessRole(user.roles.first(where: \.isAdministrator)!)
            }
            if !roles.isEmpty && user.personID == nil {
                throw AccountsError.invalid(field: "roles", reason: "业务角色须先为账号关联人员")
            }
            try await UserStore.setRoles(userID: userID, roles: roles, on: db)
            try await AuditStore.append(
                s.record(
                    actor, "user.roles", target: "user", id: userID,
                    before: user.roles.sorted().map(\.rawValue), after: roles.sorted().map(\.rawValue)), on: db)
        }
    }
}
