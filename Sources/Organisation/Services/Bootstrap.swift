import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// The three administrator accounts made on first run, with their one-time passwords.
public struct BootstrapReport: Sendable {
    /// One administrator account made on first run.
    public struct Account: Sendable {
        /// The user name: `sysadmin`, `secadmin` or `auditor`.
        public let username: String
        /// Its one administrator role: 系统管理员, 安全保密管理员 or 安全审计员.
        public let role: Role
        /// Shown once; nil when the password came from the environment.
        public let password: String?
        /// R-DV-3: on a 绝密 system, the authenticator URL of the account's one-time codes; nil otherwise.
        public let otpURL: String?
    }

    /// The migrations this run applied, by name; empty when the schema was already current.
    public let migrations: [String]
    /// The administrators created; empty when the database already had accounts.
    public let accounts: [Account]
}

/// First run: migrate, install the shipped calendar years, create the 三员 (R-SY-1).
///
/// There is no default password: each administrator gets a random password printed once, or the one
/// given in `BAOMI_SYSADMIN_PASSWORD`, `BAOMI_SECADMIN_PASSWORD`, `BAOMI_AUDITOR_PASSWORD`.
public enum Bootstrap {
    /// The administrator user names.
    public static let administrators: [(username: String, role: Role, env: String)] = [
        ("sysadmin", .systemAdmin, "BAOMI_SYSADMIN_PASSWORD"),
        ("secadmin", .securityAdmin, "BAOMI_SECADMIN_PASSWORD"),
        ("auditor", .auditor, "BAOMI_AUDITOR_PASSWORD"),
    ]

    /// Migrates and, on an empty database, creates the administrators.
    public static func run(_ services: Services, environment: [String: String]) async throws -> BootstrapReport {
        let applied = try await Migrator.migrate(services.database, migrations: services.areas.migrations, clockMillis: services.nowMillis)
        services.database.prepareStatements()
        try await services.calendar.installBundledYears()
        try await services.database.transaction { db in try await AuditStore.sealIfUnsealed(on: db) }
        let existing = try await services.database.read { db in try await UserStore.count(on: db) }
        var accounts: [BootstrapReport.Account] = []
        if existing == 0 {
            for admin in administrators {
                let given = environment[admin.env].flatMap { $0.isEmpty ? nil : $0 }
                let created = try await services.accounts.create(
                    .system, NewAccount(username: admin.username, displayName: admin.role.chinese, password: given, roles: [admin.role]))
                accounts.append(
                    .init(username: admin.username, role: admin.role, password: given == nil ? created.initialPassword : nil, otpURL: created.otpURL))
            }
        }
        return BootstrapReport(migrations: applied, accounts: accounts)
    }
}
