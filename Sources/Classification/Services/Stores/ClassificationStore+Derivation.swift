import SQLKit
import Storage

/// Derivation (R-DU-6, R-CL-6): which secrets were derived from which, read through `secrets_source`.
extension ClassificationStore {
    /// Derivation edges child → source (R-DU-6) of the secrets derived, directly or further down, from `root` — walked
    /// level by level through `secrets_source`, never the whole register. System use only.
    static func derivationEdges(below root: String, on db: any SQLDatabase) async throws -> [String: String] {
        try await derivationEdges(below: [root], on: db)
    }

    /// The derivation edges (derived id → source id) below each of `roots`, found a generation at a time.
    static func derivationEdges(below roots: [String], on db: any SQLDatabase) async throws -> [String: String] {
        var edges: [String: String] = [:]
        let root = Set(roots)
        var frontier = roots
        while !frontier.isEmpty {
            var next: [String] = []
            for chunk in frontier.chunks() {
                for row in try await db.raw("SELECT id, source_id FROM secrets WHERE source_id IN (\(binds: chunk))").all() {
                    let id = try row.decode(column: "id", as: String.self)
                    guard edges[id] == nil, !root.contains(id) else { continue }
                    edges[id] = try row.decode(column: "source_id", as: String.self)
                    next.append(id)
                }
            }
            frontier = next
        }
        return edges
    }

    /// Derivation edges child → source among `ids` (the sweep orders what falls due together). System use only.
    static func derivationEdges(among ids: [String], on db: any SQLDatabase) async throws -> [String: String] {
        var edges: [String: String] = [:]
        for chunk in ids.chunks() {
            for row in try await db.raw("SELECT id, source_id FROM secrets WHERE id IN (\(binds: chunk)) AND source_id IS NOT NULL").all() {
                edges[try row.decode(column: "id", as: String.self)] = try row.decode(column: "source_id", as: String.self)
            }
        }
        return edges
    }
}
