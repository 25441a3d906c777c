import Accounts
import Areas
import BaomiApp
import Foundation
import HummingbirdOTP
import Kernel
import Logging
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// The database every integration test runs on: an SQLite file (WAL, one writer and a pool of readers) by default; PostgreSQL when
/// `BAOMI_TEST_DATABASE_URL` is set (CI runs the suite both ways): a world is a database of its own, copied from a template
/// (`WorldTemplates`); a bare `make()` is a schema of its own.
package enum TestDatabase {
    package static var postgresURL: String? {
        ProcessInfo.processInfo.environment["BAOMI_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The PostgreSQL server the suite runs against, if any.
    static func server() throws -> DatabaseConfiguration? {
        guard let url = postgresURL else { return nil }
        let configuration = try DatabaseConfiguration.parse(url: url)
        guard case .postgres = configuration else { fatalError("BAOMI_TEST_DATABASE_URL must be a postgres:// URL") }
        return configuration
    }

    /// Where a test's copy of a world lives, to remove it afterwards.
    package enum Copy: Sendable {
        case sqlite(String)
        case postgres(String)
    }

    /// A fresh, empty, isolated database.
    package static func make() async throws -> Database {
        var logger = Logger(label: "baomi.test")
        logger.logLevel = .warning
        if let url = postgresURL {
            guard case .postgres(let host, let port, let user, let password, let db, _) = try DatabaseConfiguration.parse(url: url) else {
                fatalError("BAOMI_TEST_DATABASE_URL must be a postgres:// URL")
            }
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return try await Database.open(.postgres(host: host, port: port, username: user, password: password, database: db, schema: schema), logger: logger)
        }
        // A file in WAL mode, as the server runs it: the writer and the pool of readers are both exercised. Its files
        // are removed when the world closes (`discard`).
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-test-\(UUID().uuidString).sqlite").path
        let database = try await Database.open(.sqlite(path: path), logger: logger)
        await Files.shared.remember(path, for: database)
        return database
    }

    /// Closes a test database and removes its files (an SQLite file, its WAL and its shared-memory index).
    package static func discard(_ database: Database) async {
        await database.close()
        guard let path = await Files.shared.forget(database) else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Closes a copy of a world and removes it: its files, or its database on the server.
    package static func discard(_ database: Database, copy: Copy) async {
        await database.close()
        switch copy {
        case .sqlite(let path): for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        case .postgres(let name): await WorldTemplates.shared.drop(name)
        }
    }

    /// Where each open test database's file is.
    actor Files {
        static let shared = Files()
        private var paths: [ObjectIdentifier: String] = [:]

        func remember(_ path: String, for database: Database) { paths[ObjectIdentifier(database)] = path }

        func forget(_ database: Database) -> String? { paths.removeValue(forKey: ObjectIdentifier(database)) }
    }

    /// Which engine the suite runs on, for messages.
    package static var engineName: String { postgresURL == nil ? "SQLite" : "PostgreSQL" }
}

/// Known administrator passwords for tests (first run takes them from the environment).
package enum TestPasswords {
    package static let sysadmin = "Sys-admin-2026"
    package static let secadmin = "Sec-admin-2026"
    package static let auditor = "Aud-itor-2026"
    package static let demo = "Demo-pass-2026"

    package static var environment: [String: String] {
        ["BAOMI_SYSADMIN_PASSWORD": sysadmin, "BAOMI_SECADMIN_PASSWORD": secadmin, "BAOMI_AUDITOR_PASSWORD": auditor]
    }
}

/// A migrated database with the three administrators and (optionally) the demo organisation.
package struct TestWorld: Sendable {
    package let services: Services
    package let clock: MovableClock
    /// The areas the world was made with (the standard ones, and the test's own).
    package let areas: [Area]

    /// 2026-11-23 09:00 China Standard Time.
    package static let start = Date(timeIntervalSince1970: 1_795_395_600)

    /// Runs `body` against a fresh world and closes the database afterwards. `areas` are the standard ones and, for a
    /// test that registers its own, more: the world is a copy of the standard template with their migrations applied
    /// (no template of its own to build; their demo steps are not run).
    @discardableResult
    package static func with<T>(
        demo: Bool = true, level: Level = .confidential, idleTimeout: TimeInterval = 300, carriers: Bool = false, areas: [Area] = Area.standard,
        checkpointFile: URL? = nil, _ body: (TestWorld) async throws -> T
    ) async throws -> T {
        let registry = areas.registry
        precondition(
            Set(Area.standard.map(\.registration.name)).isSubset(of: registry.areas.map(\.name)), "a test world has every standard area")
        let kind = WorldTemplates.Kind(demo: demo, level: level.rawValue, carriers: carriers)
        let (database, copy) = try await WorldTemplates.shared.copy(kind) { database in
            let services = Services(
                database: database, areas: Area.standard.registry, clock: MovableClock(start).clock, passwordPolicy: PasswordPolicy(systemLevel: level),
                bcryptCost: 4)
            _ = try await Bootstrap.run(services, environment: TestPasswords.environment)
            if demo { _ = try await DemoSeeder.seed(services, password: TestPasswords.demo, full: carriers) }
        }
        let clock = MovableClock(start)
        let services = Services(
            database: database, areas: registry, clock: clock.clock, passwordPolicy: PasswordPolicy(systemLevel: level), idleTimeout: idleTimeout,
            bcryptCost: 4, checkpointFile: checkpointFile)
        do {
            if registry.areas.count > Area.standard.count {
                try await Migrator.migrate(database, migrations: registry.migrations, clockMillis: services.nowMillis)
            }
            let result = try await body(TestWorld(services: services, clock: clock, areas: areas))
            await TestDatabase.discard(database, copy: copy)
            return result
        } catch {
            await TestDatabase.discard(database, copy: copy)
            throw error
        }
    }

    /// The actor for a user name, as a logged-in session would see it.
    package func actor(_ username: String) async throws -> Actor {
        let opened = try await services.auth.login(
            username: username, password: Self.password(for: username), otp: try await otp(username), kind: .api, remote: "127.0.0.1")
        return opened.actor
    }

    /// R-DV-3: on a 绝密 system, the user's current one-time code (what their authenticator shows); nil below 绝密.
    package func otp(_ username: String) async throws -> String? {
        guard services.passwordPolicy.requiresOneTimePassword else { return nil }
        let secret = try await services.database.read { db in
            try await db.raw("SELECT otp_secret FROM users WHERE username = \(bind: username)").first()?.decode(column: "otp_secret", as: String?.self)
        }
        guard let secret else { return nil }
        return String(format: "%06d", TOTP(secret: secret).compute(date: services.clock.now))
    }

    /// The password of a test account.
    package static func password(for username: String) -> String {
        switch username {
        case "sysadmin": TestPasswords.sysadmin
        case "secadmin": TestPasswords.secadmin
        case "auditor": TestPasswords.auditor
        default: TestPasswords.demo
        }
    }
}
