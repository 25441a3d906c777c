import Accounts
import Audit
import Crypto
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import Kernel
import Organisation
import SQLKit
import Storage
import Synchronization

/// A session just opened: the raw token goes to the client once; only its hash is stored.
public struct OpenedSession: Sendable {
    /// The raw session or API token: handed to the client once and never stored.
    public let token: String
    /// The anti-CSRF token a browser must send back with every state-changing request.
    public let csrfToken: String
    /// The account now logged in, as it acts.
    public let actor: Actor
}

/// An authenticated request's session.
public struct ActiveSession: Sendable {
    /// Who is acting.
    public let actor: Actor
    /// The session's anti-CSRF token, to check a request's token against.
    public let csrfToken: String
    /// SHA-256 hex of the token — the stored session's key (used to end it at logout).
    public let tokenHash: String
    /// The account must change its password (a generated or reset one) before doing anything else.
    public let mustChangePassword: Bool
}

/// Login, sessions, API tokens and password changes (R-SY-4).
public struct AuthService: Sendable {
    let services: Services

    /// SHA-256 hex of a token: what the database keeps.
    public static func hashToken(_ token: String) -> String {
        Digits.hex(SHA256.hash(data: Data(token.utf8)))
    }

    private enum Attempt: Sendable {
        case success(OpenedSession)
        case failure(AccountsError)
    }

    /// R-SY-4: checks user name, password (and at 绝密 the one-time code); three failures lock the account.
    /// Every attempt is audited. Failure counts are committed even though the login is refused.
    public func login(username: String, password: String, otp: String?, kind: SessionRecord.Kind, remote: String?) async throws -> OpenedSession {
        let s = services
        let user = try await s.database.read { db in try await UserStore.user(username: username, on: db) }
        // Verify outside the transaction: bcrypt is slow and must not hold the database. An unknown user name is
        // checked against a hash of the same cost, so the answer takes as long as for a known one (no user-name probing).
        let passwordOK = Bcrypt.verify(password, hash: user?.passwordHash ?? Self.decoyHash(cost: s.bcryptCost)) && user != nil
        let otpOK = user.map { checkOTP($0, otp) } ?? false
        let attempt: Attempt = try await s.database.transaction { db in
            var probe = Actor(userID: user?.id ?? "", username: username, displayName: username, roles: [], person: nil, remoteAddress: remote)
            guard let user else {
                probe.userID = "-"
                try await AuditStore.append(s.record(probe, "login", target: "user", outcome: .failed, detail: "用户名不存在"), on: db)
                return .failure(.badCredentials)
            }
            if user.locked {
                try await AuditStore.append(s.record(probe, "login", target: "user", id: user.id, outcome: .denied, detail: "账号已锁定"), on: db)
                return .failure(.accountLocked)
            }
            if !passwordOK || !otpOK {
                let locked = try await recordFailedAttempt(
                    probe, "login", userID: user.id, why: !passwordOK ? "口令错误" : "动态口令错误", on: db)
                if locked { return .failure(.accountLocked) }
                return .failure(passwordOK ? .oneTimePasswordInvalid : .badCredentials)
            }
            try await UserStore.recordSuccess(userID: user.id, at: s.nowMillis, on: db)
            let token = IDs.token()
            let session = SessionRecord(
                tokenHash: Self.hashToken(token), userID: user.id, kind: kind, csrfToken: IDs.token(bytes: 16),
                createdAt: s.nowMillis, lastSeenAt: s.nowMillis, endedAt: nil)
            try await SessionStore.insert(session, remote: remote ?? "", on: db)
            let actor = try await actorFor(user, remote: remote, on: db)
            try await AuditStore.append(s.record(actor, kind == .api ? "token.issue" : "login", target: "user", id: user.id), on: db)
            return .success(OpenedSession(token: token, csrfToken: session.csrfToken, actor: actor))
        }
        switch attempt {
        case .success(let opened): return opened
        case .failure(let error): throw error
        }
    }

    /// R-SY-4: one failed proof of identity (a login, or the old password of a change): counted towards the lockout and
    /// audited with the count; true when this failure locks the account.
    private func recordFailedAttempt(_ actor: Actor, _ action: String, userID: String, why: String, on db: any SQLDatabase) async throws -> Bool {
        let s = services
        let count = try await UserStore.recordFailure(userID: userID, lockAfter: s.passwordPolicy.maxFailedLogins, on: db)
        let locked = count >= s.passwordPolicy.maxFailedLogins
        try await AuditStore.append(
            s.record(
                actor, action, target: "user", id: userID, outcome: .failed, detail: "\(why)（第\(count)次）" + (locked ? "，账号已锁定（R-SY-4）" : "")),
            on: db)
        return locked
    }

    /// A bcrypt hash of a random password at `cost`, made once per cost: what an unknown user name is checked against.
    static func decoyHash(cost: UInt8) -> String {
        decoys.withLock { cache in
            if let hash = cache[cost] { return hash }
            let hash = Bcrypt.hash(IDs.token(bytes: 16), cost: cost)
            cache[cost] = hash
            return hash
        }
    }

    private static let decoys = Mutex<[UInt8: String]>([:])

    /// R-DV-3 at 绝密: the TOTP code for now (±1 step) must match. Below 绝密 no code is needed.
    private func checkOTP(_ user: User, _ otp: String?) -> Bool {
        guard services.passwordPolicy.requiresOneTimePassword else { return true }
        guard let secret = user.otpSecret, let otp = otp.flatMap({ Int($0.trimmingSpaces) }) else { return false }
        let totp = TOTP(secret: secret)
        let now = services.clock.now
        return [-30.0, 0, 30].contains { totp.compute(date: now.addingTimeInterval($0)) == otp }
    }

    func actorFor(_ user: User, remote: String?, on db: any SQLDatabase) async throws -> Actor {
        let person: Person? = if let pid = user.personID { try await OrganisationStore.person(id: pid, on: db) } else { nil }
        return Actor(userID: user.id, username: user.username, displayName: user.displayName, roles: user.roles, person: person, remoteAddress: remote)
    }

    /// R-SY-4: resolves a session token; ends it if idle longer than the timeout, or if the account is locked.
    ///
    /// Most requests only read: a live session is marked as seen again at most once per `touchInterval` (issue 11 — a
    /// write on every request queued every page behind the one writer). The idle clock therefore runs from a mark at most
    /// that old, which is a tenth of the timeout at most.
    public func authenticate(token: String, remote: String?) async throws -> ActiveSession {
        let s = services
        let hash = Self.hashToken(token)
        let idleMillis = Int64(s.idleTimeout * 1000)
        let touchInterval = min(30_000, idleMillis / 10)
        // The common case, one statement: an open session of an unlocked account, seen within the touch interval.
        let fresh: ActiveSession? = try await s.database.readSingle { db in
            guard let r = try await SessionStore.resolved(tokenHash: hash, on: db), r.session.endedAt == nil, !r.locked else { return nil }
            let idle = s.nowMillis - r.session.lastSeenAt
            guard idle >= 0, idle < touchInterval else { return nil }
            let actor = Actor(
                userID: r.session.userID, username: r.username, displayName: r.displayName, roles: r.roles, person: r.person,
                remoteAddress: remote)
            return ActiveSession(actor: actor, csrfToken: r.session.csrfToken, tokenHash: hash, mustChangePassword: r.mustChangePassword)
        }
        if let fresh { return fresh }
        let result: Result<ActiveSession, AccountsError> = try await s.database.transaction { db in
            guard let session = try await SessionStore.session(tokenHash: hash, on: db), session.endedAt == nil,
                let user = try await UserStore.user(id: session.userID, on: db)
            else { return .failure(.sessionExpired) }
            if s.nowMillis - session.lastSeenAt > idleMillis || user.locked {
                try await SessionStore.end(tokenHash: hash, at: s.nowMillis, on: db)
                let actor = try await actorFor(user, remote: remote, on: db)
                try await AuditStore.append(
                    s.record(actor, "session.expire", target: "user", id: user.id, detail: user.locked ? "账号已锁定" : "空闲超时（R-SY-4）"), on: db)
                return .failure(.sessionExpired)
            }
            try await SessionStore.touch(tokenHash: hash, at: s.nowMillis, on: db)
            let actor = try await actorFor(user, remote: remote, on: db)
            return .success(ActiveSession(actor: actor, csrfToken: session.csrfToken, tokenHash: hash, mustChangePassword: user.mustChangePassword))
        }
        return try result.get()
    }

    /// Ends a session (logout).
    public func logout(_ session: ActiveSession) async throws {
        let s = services
        try await s.database.transaction { db in
            try await SessionStore.end(tokenHash: session.tokenHash, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(session.actor, "logout", target: "user", id: session.actor.userID), on: db)
        }
    }

    /// R-SY-4: a user changes their own password; the old one must be right and the new one meet the rules.
    public func changePassword(_ actor: Actor, old: String, new: String, confirm: String) async throws {
        let s = services
        guard new == confirm else { throw AccountsError.invalid(field: "confirm", reason: "两次输入的新口令不一致") }
        try s.passwordPolicy.validate(new, field: "new_password")
        guard let user = try await s.database.read({ db in try await UserStore.user(id: actor.userID, on: db) }) else {
            throw AccountsError.sessionExpired
        }
        guard Bcrypt.verify(old, hash: user.passwordHash) else {
            // R-SY-4: a wrong old password counts towards the lockout like a failed login, and is audited.
            let locked: Bool = try await s.database.transaction { db in
                let locked = try await recordFailedAttempt(actor, "password.change", userID: user.id, why: "原口令错误", on: db)
                if locked { try await SessionStore.endAll(userID: user.id, at: s.nowMillis, on: db) }
                return locked
            }
            if locked { throw AccountsError.accountLocked }
            throw AccountsError.invalid(field: "old_password", reason: "原口令错误")
        }
        guard old != new else { throw AccountsError.invalid(field: "new_password", reason: "新口令不得与原口令相同") }
        let hash = Bcrypt.hash(new, cost: s.bcryptCost)
        try await s.database.transaction { db in
            try await UserStore.setPassword(userID: user.id, hash: hash, mustChange: false, at: s.nowMillis, on: db)
            try await AuditStore.append(s.record(actor, "password.change", target: "user", id: user.id), on: db)
        }
    }
}
