import Kernel
import SQLKit
import Storage

/// Reads another area makes of the carrier registers inside its own transaction.
package enum CarrierReads {
    /// The levels of the unit's carriers among `ids`, by ID; a carrier of another unit or none is absent. An unreadable
    /// stored level reads as 绝密 (fail closed).
    package static func levels(ofCarriers ids: [String], unitID: String, on db: any SQLDatabase) async throws -> [String: Level] {
        var levels: [String: Level] = [:]
        for chunk in ids.chunks() {
            for row in try await db.raw("SELECT id, level FROM carriers WHERE id IN (\(binds: chunk)) AND unit_id = \(bind: unitID)").all() {
                levels[try row.decode(column: "id", as: String.self)] = Level.stored(try row.decode(column: "level", as: String.self))
            }
        }
        return levels
    }
}
