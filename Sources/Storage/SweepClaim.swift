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
