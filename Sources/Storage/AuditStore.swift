import Audit
import Foundation
import Kernel
import SQLKit

/// A filter for browsing the audit log.
public struct AuditFilter: Sendable, Hashable {
    /// Only entries by this user name, as recorded at the time (exact match); nil or empty for everyone.
    public var actor: String?
    /// Only actions whose code starts with this, e.g. `user.` or `login`; nil or empty for all.
    public var action: String?
    /// Only entries with this outcome; nil for any.
    public var outcome: AuditOutcome?
    /// Earliest time, inclusive, in milliseconds since 1970; nil for no lower bound.
    public var fromMillis: Int64?
    /// Latest time, exclusive, in milliseconds since 1970; nil for no upper bound.
    public var toMillis: Int64?
    /// Which page, newest first (keyset on `seq`).
    public var page: PageRequest

    /// Creates a filter; by default it matches everything and returns the first page of 100.
    public init(
        actor: String? = nil, action: String? = nil, outcome: AuditOutcome? = nil, fromMillis: Int64? = nil,
        toMillis: Int64? = nil, page: PageRequest = PageRequest(limit: 100)
    ) {
        self.actor = actor
        self.action = action
        self.outcome = outcome
        self.fromMillis = fromMillis
        self.toMillis = toMillis
        self.page = page
    }
}

/// The audit log (R-SY-3). Append only: there is no update or delete here.
public enum AuditStore {
    /// R-SY-3: appends `record` to the chain inside the caller's transaction.
    ///
    /// The head row is updated first, which takes the row lock on PostgreSQL (the write lock on SQLite),
    /// so concurrent appenders are serialised and the chain never forks.
    @discardableResult
    public static func append(_ record: AuditRecord, on db: any SQLDatabase) async throws -> AuditEntry {
        try await append([record], on: db)[0]
    }

    /// R-SY-3: appends `records`, in order, to the chain inside the caller's transaction: three statements however
    /// many (`AuditQueue` gathers the records of concurrent reads into one such append).
    @discardableResult
    public static func append(_ records: [AuditRecord], on db: any SQLDatabase) async throws -> [AuditEntry] {
        guard !records.isEmpty else { return [] }
        // One statement takes the numbers and reads the previous hash (both engines have RETURNING).
        let n = Int64(records.count)
        guard let head = try await db.raw("UPDATE audit_head SET seq = seq + \(bind: n) WHERE id = 1 RETURNING seq, hash").first() else {
            throw Refusal.auditHeadMissing
        }
        var previous = (seq: try head.decode(column: "seq", as: Int64.self) - n, hash: try head.decode(column: "hash", as: String.self))
        let entries = records.map { record in
            let entry = AuditChain.append(record, after: previous)
            previous = (entry.seq, entry.hash)
            return entry
        }
        let rows = entries.map { entry -> SQLQueryString in
            let r = entry.record
            return """
                (\(bind: entry.seq), \(bind: r.atMillis), \(bind: r.actorID), \(bind: r.actorName), \(bind: r.action),
                 \(bind: r.targetKind), \(bind: r.targetID), \(bind: r.level), \(bind: r.outcome.rawValue), \(bind: r.before),
                 \(bind: r.after), \(bind: r.detail), \(bind: r.remoteAddress), \(bind: entry.prevHash), \(bind: entry.hash))
                """
        }
        try await db.raw(
            """
            INSERT INTO audit_log (seq, at, actor_id, actor_name, action, target_kind, target_id, level, outcome,
                                   before_state, after_state, detail, remote, prev_hash, hash)
            VALUES \(rows.joined(separator: ", "))
            """
        ).run()
        let mac = AuditSealing.current.mac(seq: previous.seq, hash: previous.hash)
        try await db.raw("UPDATE audit_head SET hash = \(bind: previous.hash), mac = \(bind: mac) WHERE id = 1").run()
        return entries
    }

    /// The stored head: last sequence number, its hash and its seal.
    public static func head(on db: any SQLDatabase) async throws -> (seq: Int64, hash: String, mac: String)? {
        try await db.raw("SELECT seq, hash, mac FROM audit_head WHERE id = 1").first().map {
            (try $0.decode(column: "seq", as: Int64.self), try $0.decode(column: "hash", as: String.self), try $0.decode(column: "mac", as: String.self))
        }
    }

    /// Seals a head left unsealed by an older version (the first start after migration 14).
    package static func sealIfUnsealed(on db: any SQLDatabase) async throws {
        guard let head = try await head(on: db), head.mac.isEmpty else { return }
        try await db.raw("UPDATE audit_head SET mac = \(bind: AuditSealing.current.mac(seq: head.seq, hash: head.hash)) WHERE id = 1").run()
    }

    /// The columns of an entry, as `entry(from:)` reads them.
    package static let columns =
        "seq, at, actor_id, actor_name, action, target_kind, target_id, level, outcome, before_state, after_state, detail, remote, prev_hash, hash"

    package static func entry(from row: any SQLRow) throws -> AuditEntry {
        let record = AuditRecord(
            atMillis: try row.decode(column: "at", as: Int64.self),
            actorID: try row.decode(column: "actor_id", as: String?.self),
            actorName: try row.decode(column: "actor_name", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            targetKind: try row.decode(column: "target_kind", as: String.self),
            targetID: try row.decode(column: "target_id", as: String?.self),
            level: try row.decode(column: "level", as: String?.self),
            outcome: AuditOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .failed,
            before: try row.decode(column: "before_state", as: String?.self),
            after: try row.decode(column: "after_state", as: String?.self),
            detail: try row.decode(column: "detail", as: String?.self),
            remoteAddress: try row.decode(column: "remote", as: String?.self))
        return AuditEntry(
            seq: try row.decode(column: "seq", as: Int64.self), record: record,
            prevHash: try row.decode(column: "prev_hash", as: String.self), hash: try row.decode(column: "hash", as: String.self))
    }

    /// An entry from the cells of a row that selected `columns` in their order: how `verify` reads a million of them
    /// (no lookup by name, no generic decode per cell). Reads exactly what `entry(from:)` reads.
    package static func entry(cells c: [Cell]) throws -> AuditEntry {
        func bad(_ i: Int) -> DecodingError {
            .dataCorrupted(.init(codingPath: [], debugDescription: "audit_log 第 \(i + 1) 列的值不是所需的类型"))
        }
        guard c.count == 15 else { throw bad(c.count) }
        func text(_ i: Int) throws -> String {
            guard case .text(let value) = c[i] else { throw bad(i) }
            return value
        }
        func optionalText(_ i: Int) throws -> String? {
            switch c[i] {
            case .null: return nil
            case .text(let value): return value
            default: throw bad(i)
            }
        }
        func integer(_ i: Int) throws -> Int64 {
            guard case .integer(let value) = c[i] else { throw bad(i) }
            return value
        }
        let record = AuditRecord(
            atMillis: try integer(1), actorID: try optionalText(2), actorName: try text(3), action: try text(4), targetKind: try text(5),
            targetID: try optionalText(6), level: try optionalText(7), outcome: AuditOutcome(rawValue: try text(8)) ?? .failed,
            before: try optionalText(9), after: try optionalText(10), detail: try optionalText(11), remoteAddress: try optionalText(12))
        return AuditEntry(seq: try integer(0), record: record, prevHash: try text(13), hash: try text(14))
    }

    /// The audit log's one order: newest entry first (the primary key `seq`).
    public static let newestFirst = KeysetOrder(name: "seq", keys: [("a.seq", .int)], descending: true)

    /// One page of the entries matching `filter`, newest first, with the (capped) total.
    public static func browse(_ filter: AuditFilter, on db: any SQLDatabase) async throws -> Page<AuditEntry> {
        var from: SQLQueryString = "FROM audit_log a WHERE 1 = 1"
        if let actor = filter.actor, !actor.isEmpty { from = from + " AND a.actor_name = \(bind: actor)" }
        if let action = filter.action, !action.isEmpty { from = from + " AND a.action LIKE \(bind: action.likePrefix) ESCAPE '\\'" }
        if let outcome = filter.outcome { from = from + " AND a.outcome = \(bind: outcome.rawValue)" }
        if let fromMillis = filter.fromMillis { from = from + " AND a.at >= \(bind: fromMillis)" }
        if let to = filter.toMillis { from = from + " AND a.at < \(bind: to)" }
        return try await Keyset.page(select: "a.*", from: from, order: newestFirst, request: filter.page, on: db, decode: entry(from:))
    }

    /// R-SY-3: reads the whole chain in order, page by page, and verifies it against the sealed head and the
    /// checkpoints kept outside the database.
    public static func verify(on db: any SQLDatabase, anchors: [AuditAnchor] = [], pageSize: Int = 2000) async throws -> VerificationResult {
        // Keyset pages on `seq` (an index walk each), checked as they come: constant memory at millions of entries. The
        // next page is read and decoded while this one is hashed, so the two halves of the work share the cores.
        @Sendable func page(after seq: Int64) -> Task<[AuditEntry], any Error> {
            Task {
                try await db.raw("SELECT \(unsafeRaw: columns) FROM audit_log WHERE seq > \(bind: seq) ORDER BY seq LIMIT \(unsafeRaw: String(pageSize))")
                    .all().map { row in
                        if let cells = row as? any CellsInOrder { try entry(cells: cells.cellsInOrder()) } else { try entry(from: row) }
                    }
            }
        }
        var walker = AuditChainWalker(anchors: anchors)
        var last: Int64 = 0
        var next: Task<[AuditEntry], any Error>? = page(after: 0)
        while let reading = next {
            let entries = try await reading.value
            // Only one statement at a time on the connection: the next page is asked for once this one has arrived.
            next = entries.count == pageSize ? page(after: entries[entries.count - 1].seq) : nil
            for entry in entries {
                if let broken = walker.feed(entry) {
                    _ = try? await next?.value
                    return broken
                }
            }
            if let tail = entries.last { last = tail.seq }
        }
        let head = try await head(on: db)
        // The head is never optional: a log with entries and no head row was cut with it.
        if head == nil, last > 0 { return .broken(seq: last, problem: .headMissing) }
        return walker.finish(head: head.map { (seq: $0.seq, hash: $0.hash) }, mac: head?.mac, seal: AuditSealing.current)
    }
}

extension Refusal {
    /// R-SY-3: the chain's head row is gone while entries exist — the database may have been tampered with.
    package static var auditHeadMissing: Refusal { AuditIntegrity.headMissing }
}
