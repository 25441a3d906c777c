import Areas
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import OrganisationServices
import Storage

/// Typed configuration, read once from the environment, failing fast with one line per bad setting (STYLE 8).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `DATABASE_URL` | SQLite `./baomi-data/baomi.sqlite` | `postgres://…` switches to PostgreSQL |
/// | `BAOMI_DATA_DIR` | `./baomi-data` | where the SQLite file lives |
/// | `BAOMI_HOST` / `BAOMI_PORT` | `127.0.0.1` / `8080` | listening address |
/// | `BAOMI_SYSTEM_LEVEL` | `机密` | the highest level processed: sets password rules (R-SY-4) |
/// | `BAOMI_IDLE_TIMEOUT` | `300` | seconds of inactivity before a session ends (R-SY-4) |
/// | `BAOMI_BCRYPT_COST` | `12` | bcrypt work factor |
/// | `BAOMI_COOKIE_SECURE` | `0` | `1` adds `Secure` to cookies (behind HTTPS) |
/// | `BAOMI_REMINDER_DAYS` | `90,30` | expiry reminder lead times in days (R-DC-1) |
/// | `BAOMI_AUDIT_KEY` | key file `audit.key` in the data directory | the audit seal's HMAC key, 64 hex characters (R-SY-3) |
public struct AppConfiguration: Sendable {
    /// The address to listen on (`BAOMI_HOST`, default `127.0.0.1`).
    public var host: String
    /// The port to listen on (`BAOMI_PORT`, 1–65535, default 8080).
    public var port: Int
    /// The database (`DATABASE_URL`): SQLite in the data directory unless a `postgres://` URL is given.
    public var database: DatabaseConfiguration
    /// The system's level (`BAOMI_SYSTEM_LEVEL`, default 机密): nothing above it is stored; it also sets the password rules (R-SY-4).
    public var systemLevel: Level
    /// Seconds of inactivity before a session ends (`BAOMI_IDLE_TIMEOUT`, 30–3600, default 300; R-SY-4).
    public var idleTimeout: TimeInterval
    /// The bcrypt work factor for password hashes (`BAOMI_BCRYPT_COST`, 4–16, default 12).
    public var bcryptCost: UInt8
    /// Whether cookies carry `Secure` (`BAOMI_COOKIE_SECURE=1`, when served behind HTTPS).
    public var secureCookies: Bool
    /// R-DC-1: expiry reminder lead times (`BAOMI_REMINDER_DAYS`, default `90,30`).
    public var reminderLeadDays: [Int] = [90, 30]
    /// The data directory (`BAOMI_DATA_DIR`): the SQLite file, the audit key and the audit checkpoint.
    public var dataDirectory: URL = URL(fileURLWithPath: "baomi-data")
    /// The whole environment read, for settings read later (the audit key, `BAOMI_AUDIT_KEY`).
    public var environment: [String: String] = [:]

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: DatabaseConfiguration, systemLevel: Level = .confidential,
        idleTimeout: TimeInterval = 300, bcryptCost: UInt8 = 12, secureCookies: Bool = false
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.systemLevel = systemLevel
        self.idleTimeout = idleTimeout
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
    }

    /// Reads the environment. Throws one message listing every bad setting.
    public static func fromEnvironment(_ env: [String: String]) throws -> AppConfiguration {
        var problems: [String] = []
        let dataDir = env["BAOMI_DATA_DIR"] ?? "baomi-data"
        var database = DatabaseConfiguration.sqlite(path: URL(fileURLWithPath: dataDir).appendingPathComponent("baomi.sqlite").path)
        if let url = env["DATABASE_URL"], !url.isEmpty {
            do { database = try DatabaseConfiguration.parse(url: url) } catch { problems.append("DATABASE_URL: 无法识别的数据库地址") }
        }
        let port = env["BAOMI_PORT"].map { Int($0) } ?? 8080
        if port == nil || !(1...65535).contains(port!) { problems.append("BAOMI_PORT: 应为 1–65535 的整数") }
        let levelText = env["BAOMI_SYSTEM_LEVEL"] ?? "机密"
        let level = Level(chinese: levelText) ?? Level(code: levelText)
        if level == nil { problems.append("BAOMI_SYSTEM_LEVEL: 应为 秘密、机密 或 绝密") }
        let idle = env["BAOMI_IDLE_TIMEOUT"].map { TimeInterval($0) } ?? 300
        if idle == nil || idle! < 30 || idle! > 3600 { problems.append("BAOMI_IDLE_TIMEOUT: 应为 30–3600 秒（R-SY-4 默认 300）") }
        let cost = env["BAOMI_BCRYPT_COST"].map { UInt8($0) } ?? 12
        if cost == nil || cost! < 4 || cost! > 16 { problems.append("BAOMI_BCRYPT_COST: 应为 4–16") }
        let reminders = (env["BAOMI_REMINDER_DAYS"] ?? "90,30").split(separator: ",").map { Int($0.trimmingSpaces) }
        if reminders.isEmpty || reminders.contains(where: { $0 == nil || $0! < 1 || $0! > 730 }) {
            problems.append("BAOMI_REMINDER_DAYS: 应为逗号分隔的天数，如 90,30（R-DC-1）")
        }
        if !problems.isEmpty {
            throw Refusal(code: "config.invalid", message: "配置错误：\n" + problems.joined(separator: "\n"), kind: .validation)
        }
        var config = AppConfiguration(
            host: env["BAOMI_HOST"] ?? "127.0.0.1", port: port!, database: database, systemLevel: level!, idleTimeout: idle!,
            bcryptCost: cost!, secureCookies: env["BAOMI_COOKIE_SECURE"] == "1")
        config.reminderLeadDays = reminders.compactMap { $0 }
        config.dataDirectory = URL(fileURLWithPath: dataDir)
        config.environment = env
        return config
    }
}
