import Accounts
import Areas
import Audit
import BaomiApp
import Foundation
import HummingbirdOTP
import Kernel
import Organisation
import SQLKit
import Storage
import TestSupport
import Testing

@testable import OrganisationServices

@Suite("登录与会话 — login, lockout, sessions")
struct AuthTests {
    @Test("R-SY-4 three failed logins lock the account, and the right password no longer works")
    func lockout() async throws {
        try await TestWorld.with { world in
            let auth = world.services.auth
            for attempt in 1...2 {
                await #expect(throws: AccountsError.badCredentials, "attempt \(attempt)") {
                    _ = try await auth.login(username: "zhangwei", password: "wrong-Pass-1", otp: nil, kind: .web, remote: nil)
                }
            }
            await #expect(throws: AccountsError.accountLocked) {
                _ = try await auth.login(username: "zhangwei", password: "wrong-Pass-1", otp: nil, kind: .web, remote: nil)
            }
            await #expect(throws: AccountsError.accountLocked) {
                _ = try await auth.login(username: "zhangwei", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
            }
            let failures = try await world.services.audit.browse(.system, AuditFilter(actor: "zhangwei", action: "login", outcome: .failed))
            #expect(failures.total == 3)
            // 系统管理员 unlocks; the password works again.
            let admin = try await world.actor("sysadmin")
            let user = try await world.services.database.read { try await UserStore.user(username: "zhangwei", on: $0) }!
            try await world.services.accounts.setLocked(admin, userID: user.id, locked: false)
            _ = try await auth.login(username: "zhangwei", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
        }
    }

    @Test("R-SY-4 a success resets the failure count")
    func successResets() async throws {
        try await TestWorld.with { world in
            let auth = world.services.auth
            for _ in 1...2 { _ = try? await auth.login(username: "lihua", password: "nope-Nope-1", otp: nil, kind: .web, remote: nil) }
            _ = try await auth.login(username: "lihua", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
            for _ in 1...2 { _ = try? await auth.login(username: "lihua", password: "nope-Nope-1", otp: nil, kind: .web, remote: nil) }
            _ = try await auth.login(username: "lihua", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
        }
    }

    @Test("An unknown user name gets the same answer as a wrong password")
    func unknownUser() async throws {
        try await TestWorld.with(demo: false) { world in
            await #expect(throws: AccountsError.badCredentials) {
                _ = try await world.services.auth.login(username: "nobody", password: "x", otp: nil, kind: .web, remote: nil)
            }
        }
    }

    @Test("R-SY-4 an idle session ends after the timeout; activity keeps it alive")
    func idleTimeout() async throws {
        try await TestWorld.with(idleTimeout: 300) { world in
            let opened = try await world.services.auth.login(username: "wangfang", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
            world.clock.advance(by: 240)
            _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            world.clock.advance(by: 240)
            _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            world.clock.advance(by: 301)
            await #expect(throws: AccountsError.sessionExpired) {
                _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            }
            // Once ended, it stays ended even if the clock is moved back.
            world.clock.advance(by: -400)
            await #expect(throws: AccountsError.sessionExpired) {
                _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            }
        }
    }

    @Test("R-SY-4 issue 11: requests close together only read the session; steady activity in short steps keeps it alive")
    func touchThrottled() async throws {
        try await TestWorld.with(idleTimeout: 300) { world in
            let opened = try await world.services.auth.login(username: "wangfang", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
            func lastSeen() async throws -> Int64 {
                try await world.services.database.read { db in
                    try await db.raw("SELECT last_seen_at FROM sessions WHERE ended_at IS NULL").all().map {
                        try $0.decode(column: "last_seen_at", as: Int64.self)
                    }
                    .max() ?? 0
                }
            }
            let first = try await lastSeen()
            world.clock.advance(by: 10)
            _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            #expect(try await lastSeen() == first, "a request 10 s later writes nothing")
            world.clock.advance(by: 25)
            _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            #expect(try await lastSeen() == first + 35_000, "35 s after the mark it is renewed")
            for _ in 0..<20 {
                world.clock.advance(by: 20)
                _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            }
            world.clock.advance(by: 301)
            await #expect(throws: AccountsError.sessionExpired) {
                _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            }
        }
    }

    @Test("R-SY-4 locking an account ends its sessions at once")
    func lockEndsSessions() async throws {
        try await TestWorld.with { world in
            let opened = try await world.services.auth.login(username: "zhoumin", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
            try await world.services.accounts.setLocked(world.actor("sysadmin"), userID: opened.actor.userID, locked: true)
            await #expect(throws: AccountsError.sessionExpired) {
                _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            }
        }
    }

    @Test("R-SY-4 issue 12: the one-statement session read gives every account the actor its login gave, roles and person included")
    func resolvedSessionMatchesLogin() async throws {
        try await TestWorld.with { world in
            let names: [String] = try await world.services.database.read { db in
                try await db.raw("SELECT username FROM users WHERE locked = 0 ORDER BY username").all().map {
                    try $0.decode(column: "username", as: String.self)
                }
            }
            #expect(names.count >= 10)
            var withPerson = 0
            var manyRoles = 0
            for name in names {
                let opened = try await world.services.auth.login(
                    username: name, password: TestWorld.password(for: name), otp: nil, kind: .api, remote: "10.0.0.1")
                let read = try await world.services.auth.authenticate(token: opened.token, remote: "10.0.0.1")
                #expect(read.actor == opened.actor, "\(name)")
                withPerson += read.actor.person == nil ? 0 : 1
                manyRoles += read.actor.roles.count > 1 ? 1 : 0
            }
            // Accounts with a person and without, with one role and with several: both sides of each join were read.
            #expect(withPerson > 0 && withPerson < names.count)
            #expect(manyRoles > 0)
        }
    }

    @Test("R-SY-4 issue 12: an account locked behind the sessions' back is refused by the one-statement read too")
    func lockedSeenByResolvedRead() async throws {
        try await TestWorld.with { world in
            let opened = try await world.services.auth.login(username: "zhoumin", password: TestPasswords.demo, otp: nil, kind: .web, remote: nil)
            _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            // Locked in the table alone, the session left open: the read must still see the lock.
            try await world.services.database.transaction { db in
                try await db.raw("UPDATE users SET locked = 1 WHERE id = \(bind: opened.actor.userID)").run()
            }
            await #expect(throws: AccountsError.sessionExpired) {
                _ = try await world.services.auth.authenticate(token: opened.token, remote: nil)
            }
        }
    }

    @Test("R-SY-4 changing a password enforces the rules and needs the old password")
    func changePassword() async throws {
        try await TestWorld.with { world in
            let actor = try await world.actor("zhangwei")
            let auth = world.services.auth
            await #expect(throws: AccountsError.self) { try await auth.changePassword(actor, old: TestPasswords.demo, new: "short1A", confirm: "short1A") }
            await #expect(throws: AccountsError.self) {
                try await auth.changePassword(actor, old: TestPasswords.demo, new: "alllowercaseletters", confirm: "alllowercaseletters")
            }
            await #expect(throws: AccountsError.self) {
                try await auth.changePassword(actor, old: "Wrong-old-1", new: "New-Password-1", confirm: "New-Password-1")
            }
            await #expect(throws: AccountsError.self) {
                try await auth.changePassword(actor, old: TestPasswords.demo, new: "New-Password-1", confirm: "New-Password-2")
            }
            try await auth.changePassword(actor, old: TestPasswords.demo, new: "New-Password-1", confirm: "New-Password-1")
            _ = try await auth.login(username: "zhangwei", password: "New-Password-1", otp: nil, kind: .web, remote: nil)
        }
    }

    @Test("R-SY-4 a 绝密 deployment needs the TOTP one-time code")
    func topSecretOTP() async throws {
        try await TestWorld.with(demo: false, level: .topSecret) { world in
            let user = try await world.services.database.read { try await UserStore.user(username: "auditor", on: $0) }!
            let secret = try #require(user.otpSecret)
            let auth = world.services.auth
            await #expect(throws: AccountsError.oneTimePasswordInvalid) {
                _ = try await auth.login(username: "auditor", password: TestPasswords.auditor, otp: nil, kind: .web, remote: nil)
            }
            let code = TOTP(secret: secret).compute(date: world.clock.clock.now)
            let wrong = (code + 1) % 1_000_000
            await #expect(throws: AccountsError.oneTimePasswordInvalid) {
                _ = try await auth.login(username: "auditor", password: TestPasswords.auditor, otp: String(format: "%06d", wrong), kind: .web, remote: nil)
            }
            _ = try await auth.login(username: "auditor", password: TestPasswords.auditor, otp: String(format: "%06d", code), kind: .web, remote: nil)
        }
    }

    @Test("R-SY-4 first run creates the three administrators with random passwords — no default password")
    func noDefaultPassword() async throws {
        let db1 = try await TestDatabase.make(), db2 = try await TestDatabase.make()
        let make = { (db: Database) in
            Services(
                database: db, areas: Area.standard.registry, clock: .fixed(TestWorld.start), passwordPolicy: .init(systemLevel: .confidential), bcryptCost: 4)
        }
        let r1 = try await Bootstrap.run(make(db1), environment: [:])
        let r2 = try await Bootstrap.run(make(db2), environment: [:])
        #expect(r1.accounts.map(\.role) == [.systemAdmin, .securityAdmin, .auditor])
        let p1 = r1.accounts.compactMap(\.password), p2 = r2.accounts.compactMap(\.password)
        #expect(p1.count == 3 && p2.count == 3)
        #expect(Set(p1).isDisjoint(with: p2))
        for p in p1 { try PasswordPolicy(systemLevel: .topSecret).validate(p) }
        let again = try await Bootstrap.run(make(db1), environment: [:])
        #expect(again.accounts.isEmpty)
        await TestDatabase.discard(db1)
        await TestDatabase.discard(db2)
    }
}
