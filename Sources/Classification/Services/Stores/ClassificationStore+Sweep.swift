import Classification
import Kernel
import SQLKit
import Storage

/// The sweep's writes, a chunk of secrets per statement (R-DC-2, R-DU-6): the nightly declassification of thousands
/// of matters costs a few statements per chunk, not a dozen per matter.
extension ClassificationStore {
    /// The secrets `ids` with their scopes, regardless of access (system use: the sweep), in two statements.
    static func unchecked(ids: [String], on db: any SQLDatabase) async throws -> [String: SecretMatter] {
        guard !ids.isEmpty else { return [:] }
        var scopes: [String: Set<String>] = [:]
        let scopeRows = try await db.raw(
            "SELECT record_id, person_id FROM knowledge_scope WHERE record_kind = \(bind: recordKind) AND record_id IN (\(binds: ids))"
        ).all()
        for row in scopeRows {
            scopes[try row.decode(column: "record_id", as: String.self), default: []].insert(try row.decode(column: "person_id", as: String.self))
        }
        var out: [String: SecretMatter] = [:]
        for row in try await db.raw("SELECT * FROM secrets WHERE id IN (\(binds: ids))").all() {
            var secret = try secret(from: row)
            secret.scope = scopes[secret.id] ?? []
            out[secret.id] = secret
        }
        return out
    }

    /// R-DC-2: saves what `Declassification.declassify` changed of each of `secrets` — status, day and markings — in one
    /// statement. A declassification changes no level and no scope, so neither the protection level nor the scope rows
    /// move; a new status ends an escalated clock, as `save` does.
    static func saveDeclassified(_ secrets: [SecretMatter], at millis: Int64, on db: any SQLDatabase) async throws {
        guard !secrets.isEmpty else { return }
        let rows = secrets.map { s -> SQLQueryString in
            "(\(bind: s.id), \(bind: s.status.rawValue), \(bind: s.declassifiedOn?.iso), \(bind: ClassificationCodec.join(s.markings)))"
        }
        try await db.raw(
            """
            UPDATE secrets SET status = v.column2, declassified_on = v.column3, markings = v.column4, updated_at = \(bind: millis),
                clock_escalated = 0
            FROM (VALUES \(rows.joined(separator: ", "))) AS v WHERE secrets.id = v.column1
            """
        ).run()
    }

    /// History entries of secrets, each numbered after its secret's last, in one statement (`event` is one of them).
    static func appendEvents(
        _ entries: [(secretID: String, kind: String, summary: String, marking: String)], at millis: Int64, actor: String, on db: any SQLDatabase
    ) async throws {
        guard !entries.isEmpty else { return }
        // A secret's second entry here comes one after its first (the count reads only what was there before).
        var nth: [String: Int] = [:]
        let rows = entries.map { e -> SQLQueryString in
            nth[e.secretID, default: 0] += 1
            return "(\(bind: IDs.make()), \(bind: e.secretID), \(bind: e.kind), \(bind: e.summary), \(bind: e.marking), \(bind: nth[e.secretID] ?? 1))"
        }
        try await db.raw(
            """
            INSERT INTO secret_events (id, secret_id, seq, at, actor_name, kind, summary, marking)
            SELECT v.column1, v.column2, (SELECT COUNT(*) FROM secret_events e WHERE e.secret_id = v.column2) + v.column6, \(bind: millis),
                \(bind: actor), v.column3, v.column4, v.column5
            FROM (VALUES \(rows.joined(separator: ", "))) AS v
            """
        ).run()
    }
}
