import Kernel
import SQLKit
import Storage

/// Reads another area makes of the 定密 register inside its own transaction: ids and levels only, no content and no
/// access check (the caller's own records decide what it shows). `ClassificationStore` is internal to this module,
/// so these reads live on a `package` enum of their own.
package enum ClassificationReads {
    /// R-DU-7: the ids of the secrets changed at or after `since` (milliseconds since 1970) — the carrier area's nightly
    /// sweep rechecks the carriers of these secrets (a raised level makes a lower carrier a finding).
    package static func changedSecretIDs(since: Int64, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw("SELECT id FROM secrets WHERE updated_at >= \(bind: since)").all().map {
            try $0.decode(column: "id", as: String.self)
        }
    }

    /// R-DU-7: the levels of the secrets among `ids`, by id, for the carrier area's cross-checks (a carrier never below
    /// its secrets). A secret that does not exist, or whose stored level is no level, is absent. `ids` is one chunk
    /// (`chunks()`): one statement.
    package static func levels(ofSecrets ids: [String], on db: any SQLDatabase) async throws -> [String: Level] {
        var levels: [String: Level] = [:]
        for row in try await db.select().column("id").column("level").from("secrets").where("id", .in, ids).all() {
            levels[try row.decode(column: "id", as: String.self)] = Level(code: try row.decode(column: "level", as: String.self))
        }
        return levels
    }
}
