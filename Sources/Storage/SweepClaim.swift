import Kernel
import SQLKit

extension Services {
    /// Claims the daily sweep for `day` (the `sweep.last_day` setting): true for exactly one caller per day, whichever
    /// of several instances on one database asks first — one conditional UPDATE, serialised by the row lock.
    package func claimSweep(_ day: Day) async throws -> Bool {
        let s = self
        return try await s.database.transaction { db in
            // Race-free on both engines: concurrent first claims must not collide on the key.
            try await db.raw("INSERT INTO settings (key, value, updated_at) VALUES ('sweep.last_day', '', 0) ON CONFLICT (key) DO NOTHING").run()
            let won = try await db.raw(
                """
                UPDATE settings SET value = \(bind: day.iso), updated_at = \(bind: s.nowMillis)
                WHERE key = 'sweep.last_day' AND value <> \(bind: day.iso) RETURNING key
                """
            ).first()
            return won != nil
        }
    }
}

/// Where an incremental sweep got to (issue 11, item 5): the instant, in milliseconds, it last started from, kept in
/// `settings` under the area's key; the next run checks only what changed or came due after it.
public enum SweepMark {
    /// The carrier cross-checks' key.
    public static let carriers = "carriers.sweep_since"

    /// The instant the sweep under `key` last started from; 0 before its first run.
    public static func since(_ key: String, on db: any SQLDatabase) async throws -> Int64 {
        let value = try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
        return value.flatMap { Int64($0) } ?? 0
    }

    /// Records that the sweep under `key` has checked everything up to `millis`.
    public static func set(_ key: String, to millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO settings (key, value, updated_at) VALUES (\(bind: key), \(bind: String(millis)), \(bind: millis))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """
        ).run()
    }
}

extension Array {
    /// The array cut into consecutive pieces of at most `size` elements (one `IN (…)` list each).
    public func chunks(of size: Int = 500) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
