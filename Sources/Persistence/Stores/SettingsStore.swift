import Foundation
import SQLKit

/// Run-time settings (key–value).
public enum SettingsStore {
    /// A setting's value.
    public static func value(_ key: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
    }

    /// Sets a setting.
    public static func set(_ key: String, _ value: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM settings WHERE key = \(bind: key)").run()
        try await db.raw("INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: value), \(bind: millis))").run()
    }
}
