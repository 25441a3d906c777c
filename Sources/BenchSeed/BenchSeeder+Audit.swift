import Audit
import Crypto
import Foundation
import SQLKit
import Storage

/// Audit entries continuing the chain from its current head (R-SY-3): each hashed exactly as `AuditChain` does, the
/// head sealed at the end with the deployment's key (`AuditSealing`), so `baomi audit verify` passes over them.
extension BenchSeeder {
    static let auditActions: [(action: String, target: String, before: String?, after: String?)] = [
        ("carrier.store", "carrier", "\"inStock\"", "\"inStock\""), ("carrier.lend", "carrier", "\"inStock\"", "\"lent\""),
        ("carrier.return", "carrier", "\"lent\"", "\"inStock\""), ("carrier.receive", "carrier", nil, "\"inStock\""),
        ("carrier.circulate", "carrier", "\"inStock\"", "\"circulating\""), ("carrier.destroy", "carrier", "\"inStock\"", "\"destroyed\""),
        ("secret.draft", "secret", nil, "\"draft\""), ("secret.submit", "secret", "\"draft\"", "\"inReview\""),
        ("secret.review", "secret", "\"inReview\"", "\"inForce\""), ("record.list", "carrier", nil, nil), ("token.issue", "user", nil, nil),
        ("login", "user", nil, nil),
    ]

    static let auditColumns = [
        "seq", "at", "actor_id", "actor_name", "action", "target_kind", "target_id", "level", "outcome", "before_state", "after_state", "detail", "remote",
        "prev_hash", "hash",
    ]

    mutating func seedAudit(_ sink: BulkSink) async throws {
        let layout = self.layout
        let options = self.options
        let total = options.audit
        let now = self.nowMillis
        progress.begin("审计日志 audit log (hash chain)")
        guard let head = try await sink.database.read({ db in try await AuditStore.head(on: db) }) else { throw BenchSeedError.auditHeadMissing }
        var previous = (seq: head.seq, hash: head.hash)
        // The entries spread over the past year, oldest first, ending before the load began.
        let span: Int64 = 365 * 86_400_000
        var done = 0
        while done < total {
            let lo = done
            let hi = min(total, done + Self.batchRecords * 5)
            let start = previous
            previous = try await sink.batch { db in
                var log = TableWriter("audit_log", Self.auditColumns)
                var last = start
                for i in lo..<hi {
                    var rng = SeedRandom(seed: options.seed, stream: 7, index: i)
                    let shape = Self.auditActions[rng.int(0...(Self.auditActions.count - 1))]
                    let account = rng.int(0...(Self.accounts.count - 1))
                    let onCarrier = shape.target == "carrier"
                    let pool = onCarrier ? options.carriers : options.secrets
                    let ranges = onCarrier ? layout.carriers : layout.secrets
                    // Most activity is in unit 1, where the benchmark accounts work.
                    let index = rng.chance(0.5) ? ranges.start[1] + rng.int(0...(max(1, ranges.count[1]) - 1)) : rng.int(0...(max(1, pool) - 1))
                    let targetID: String? =
                        shape.target == "user" ? SeedID.make(SeedID.user, account) : SeedID.make(onCarrier ? SeedID.carrier : SeedID.secret, index)
                    let denied = shape.target != "user" && rng.chance(0.01)
                    let record = AuditRecord(
                        atMillis: now - span + span * Int64(i) / Int64(max(total, 1)) + Int64(rng.int(0...999)),
                        actorID: SeedID.make(SeedID.user, account), actorName: Self.accounts[account].username, action: shape.action,
                        targetKind: shape.target, targetID: targetID, level: shape.target == "user" ? nil : (rng.chance(0.6) ? "secret" : "confidential"),
                        outcome: denied ? .denied : .ok, before: denied ? nil : shape.before, after: denied ? nil : shape.after,
                        detail: denied ? "无权知悉或不存在" : nil, remoteAddress: "127.0.0.1")
                    let seq = last.seq + 1
                    let hash = SQLText.hex(SHA256.hash(data: AuditChain.canonicalEncoding(seq: seq, record: record, prevHash: last.hash)))
                    try await log.add(
                        [
                            SQLText.n(seq), SQLText.n(record.atMillis), SQLText.q(record.actorID), SQLText.q(record.actorName), SQLText.q(record.action),
                            SQLText.q(record.targetKind), SQLText.q(record.targetID), SQLText.q(record.level), SQLText.q(record.outcome.rawValue),
                            SQLText.q(record.before), SQLText.q(record.after), SQLText.q(record.detail), SQLText.q(record.remoteAddress),
                            SQLText.q(last.hash), SQLText.q(hash),
                        ], on: db)
                    last = (seq, hash)
                }
                try await log.flush(on: db)
                // R-SY-3: the head moves with the rows, sealed with the key kept outside the database.
                let mac = AuditSealing.current.mac(seq: last.seq, hash: last.hash)
                try await db.raw("UPDATE audit_head SET seq = \(bind: last.seq), hash = \(bind: last.hash), mac = \(bind: mac) WHERE id = 1").run()
                return last
            }
            done = hi
            progress.step("audit", done: done, total: total, rows: done)
        }
        report.seconds["audit"] = progress.end("审计日志", rows: total)
        report.rows["audit_log"] = total
    }
}

/// Why a load cannot start.
public enum BenchSeedError: Error, CustomStringConvertible {
    /// The database already holds units: the generator writes only into a new database.
    case notEmpty(Int)
    /// The audit head row is missing (the database was not migrated, or was tampered with).
    case auditHeadMissing

    /// The reason, in Chinese.
    public var description: String {
        switch self {
        case .notEmpty(let n): "数据库中已有 \(n) 个单位：基准数据只能写入新建的空库（换一个 --data-dir 或新建 PostgreSQL 库）"
        case .auditHeadMissing: "审计日志链头缺失：数据库未迁移或已被改动"
        }
    }
}
