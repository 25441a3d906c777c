import Accounts
import Foundation
import HummingbirdBcrypt
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// Where the bulk load writes: one transaction per batch of records, on the database the services use.
struct BulkSink: Sendable {
    let database: Database

    /// Runs `body` in one transaction. On PostgreSQL the commit does not wait for the WAL flush (a crash loses only
    /// the last batches of a load that is run again anyway); SQLite in WAL mode with `synchronous=NORMAL` already
    /// commits without a sync.
    func batch<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let engine = database.engine
        return try await database.transaction { db in
            if engine == .postgres { try await db.raw("SET LOCAL synchronous_commit = off").run() }
            return try await body(db)
        }
    }
}

/// `baomi bench seed` (issue 11, item 6): a realistic data set of a given size, written with multi-row INSERTs
/// straight into the schema the migrations create, deterministic for a seed.
///
/// Unit 1 is big (a tenth of the persons, secrets and carriers): its 保密员 `bench-clerk` is in the scope of every
/// carrier of the unit and of most of its secrets, so the registers they page through hold ~100,000 rows at full size.
public struct BenchSeeder {
    static let batchRecords = 10_000
    static let loadedTables =
        [
            "persons", "secrets", "secret_events", "knowledge_scope", "carriers", "carrier_events", "carrier_findings", "carrier_incidents", "audit_log",
        ] + personnelTables

    let services: Services
    let options: BenchSeedOptions
    let layout: SeedLayout
    let progress: SeedProgress
    let nowMillis: Int64
    let passwordHash: String
    var report = BenchSeedReport()

    /// Prepares a load of `options` on the services' (migrated, empty) database; `say` receives the progress lines.
    public init(services: Services, options: BenchSeedOptions, say: @escaping @Sendable (String) -> Void) {
        self.services = services
        self.options = options
        let now = services.clock.now
        layout = SeedLayout(options, today: Day(date: now), systemLevel: services.systemLevel)
        progress = SeedProgress(say: say)
        nowMillis = Int64((now.timeIntervalSince1970 * 1000).rounded())
        // One bcrypt hash, as the application makes them, shared by the benchmark accounts.
        passwordHash = Bcrypt.hash(options.password, cost: services.bcryptCost)
    }

    /// Writes the whole data set and returns what was written.
    public mutating func run() async throws -> BenchSeedReport {
        let database = services.database
        let existing = try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM units").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard existing == 0 else { throw BenchSeedError.notEmpty(existing) }
        try services.passwordPolicy.validate(options.password, field: "BAOMI_BENCH_PASSWORD")
        let sink = BulkSink(database: database)
        let engine = database.engine
        let indexes = try await sink.batch { db in
            let found = try await IndexSwap.secondary(of: Self.loadedTables, engine: engine, on: db)
            try await IndexSwap.drop(found, on: db)
            // A large page cache for the load (this connection only; put back below).
            if engine == .sqlite { try await db.raw("PRAGMA cache_size = -1000000").run() }
            return found
        }
        try await seedOrganisation(sink)
        try await seedSecrets(sink)
        try await seedCarriers(sink)
        try await seedPersonnel(sink)
        try await seedAudit(sink)
        progress.begin("索引 indexes (\(indexes.count))")
        try await sink.batch { db in try await IndexSwap.create(indexes, on: db) }
        report.seconds["indexes"] = progress.end("索引", rows: indexes.count)
        progress.begin("统计信息 ANALYZE")
        try await sink.batch { db in
            try await db.raw("ANALYZE").run()
            if engine == .sqlite { try await db.raw("PRAGMA cache_size = -2000").run() }
        }
        report.seconds["analyze"] = progress.end("统计信息", rows: 0)
        try await services.audit.checkpoint()
        try await afterBulkLoad(services: services)
        report.total = progress.total
        return report
    }
}

extension BenchSeeder {
    /// Issue 12: adds the personnel registers to a set seeded before the area existed (same options, same persons).
    /// Refused when the registers already hold rows.
    public mutating func addPersonnel() async throws -> BenchSeedReport {
        let database = services.database
        let existing = try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM cleared_persons").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        guard existing == 0 else { throw BenchSeedError.notEmpty(existing) }
        let sink = BulkSink(database: database)
        let engine = database.engine
        let indexes = try await sink.batch { db in
            let found = try await IndexSwap.secondary(of: Self.personnelTables, engine: engine, on: db)
            try await IndexSwap.drop(found, on: db)
            return found
        }
        try await seedPersonnel(sink)
        try await sink.batch { db in
            try await IndexSwap.create(indexes, on: db)
            try await db.raw("ANALYZE").run()
        }
        report.total = progress.total
        return report
    }
}

/// Brings the state the application keeps (rather than recounts) in line with rows written behind its back.
public func afterBulkLoad(services: Services) async throws {
    // Kept state (issue 11, item 4): the seed writes each carrier's open findings with it (overdue loans), so the
    // findings are current; the next daily sweep starts from now and checks only what changes or falls due after it.
    let now = services.nowMillis
    try await services.database.transaction { db in try await SweepMark.set(SweepMark.carriers, to: now, on: db) }
}
