import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite in WAL mode: one writer connection (writes are serialised, as SQLite has one writer and the audit chain wants
/// one order) and a pool of reader connections, so a read never waits behind another read or behind a write (WAL
/// readers see the last committed state). An in-memory database is private to its connection, so it has the writer
/// only, which then also serves reads.
package final class SQLiteBackend: DatabaseBackend {
    private let writer: SQLiteConnection
    private let gate = AsyncGate()
    private let readers: ConnectionPool<SQLiteConnection>?
    private let writerInUse = InUseCounter(pool: "writer")
    private let readersInUse = InUseCounter(pool: "reader")

    /// Reader connections of a file database: a read never waits behind another read.
    package static let readerCount = 4

    /// Each reader's page cache in KiB (SQLite's default is 2 MiB): a page and its visibility probes touch a few
    /// thousand pages, which otherwise come from the operating system one read call each. It fills only as pages are
    /// read, so an idle server stays small.
    package static let cacheKiB = 32_768

    /// The writer's page cache in KiB. A transaction's changed pages stay in the cache until it commits; once they
    /// outgrow it, SQLite writes them to the WAL mid-transaction and reads them back ("spills"). An import of 100,000
    /// carriers or a sweep of 10,000 due items changes a few hundred MiB of index pages across a million-row register.
    package static let writerCacheKiB = 262_144

    /// How much of the database file each connection reads through a memory map (SQLite's largest, 2 GiB). In WAL mode
    /// a connection drops its whole page cache whenever another has committed — on a busy server, at every request's
    /// audit entry — and then reads each page again with a system call and a copy; a mapped page is read in place.
    package static let mmapBytes = 2_147_418_112

    private init(writer: SQLiteConnection, readers: [SQLiteConnection]) {
        self.writer = writer
        self.readers = readers.isEmpty ? nil : ConnectionPool(readers)
    }

    package static func open(_ storage: SQLiteConnection.Storage, logger: Logger) async throws -> SQLiteBackend {
        let writer = try await SQLiteConnection.open(storage: storage, logger: logger)
        let db = writer.sql()
        var readers: [SQLiteConnection] = []
        if case .file = storage {
            try await db.raw("PRAGMA journal_mode=WAL").run()
            try await db.raw("PRAGMA synchronous=NORMAL").run()
            try await db.raw("PRAGMA cache_size=-\(unsafeRaw: String(writerCacheKiB))").run()
            // A statement that changes many rows inside a transaction keeps the pages it changed in a statement journal
            // (to undo itself alone); in memory it is not written to a temporary file and read back.
            try await db.raw("PRAGMA temp_store=MEMORY").run()
            try await db.raw("PRAGMA mmap_size=\(unsafeRaw: String(mmapBytes))").run()
            for _ in 0..<readerCount {
                let reader = try await SQLiteConnection.open(storage: storage, logger: logger)
                try await reader.sql().raw("PRAGMA busy_timeout=5000").run()
                try await reader.sql().raw("PRAGMA query_only=ON").run()
                try await reader.sql().raw("PRAGMA cache_size=-\(unsafeRaw: String(cacheKiB))").run()
                try await reader.sql().raw("PRAGMA mmap_size=\(unsafeRaw: String(mmapBytes))").run()
                readers.append(reader)
            }
        }
        try await db.raw("PRAGMA foreign_keys=ON").run()
        try await db.raw("PRAGMA busy_timeout=5000").run()
        return SQLiteBackend(writer: writer, readers: readers)
    }

    package func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let asked = ContinuousClock.now
        await gate.enter()
        PoolMetrics.waited("writer", since: asked)
        writerInUse.lend()
        do {
            let result = try await body(SQLiteSQL(writer))
            writerInUse.giveBack()
            await gate.leave()
            return result
        } catch {
            writerInUse.giveBack()
            await gate.leave()
            throw error
        }
    }

    package var readsApart: Bool { readers != nil }

    package func withReader<T: Sendable>(snapshot: Bool, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        guard let readers else { return try await withConnection(body) }
        let asked = ContinuousClock.now
        let reader = await readers.take()
        PoolMetrics.waited("reader", since: asked)
        readersInUse.lend()
        defer { readersInUse.giveBack() }
        do {
            // One snapshot for the whole read: every statement of `body` sees the same committed state.
            if snapshot { try await SQLiteSQL(reader).raw("BEGIN").run() }
            let result = try await body(SQLiteSQL(reader))
            if snapshot { try await SQLiteSQL(reader).raw("COMMIT").run() }
            if await !readers.give(reader) { try? await reader.close() }
            return result
        } catch {
            if snapshot { try? await SQLiteSQL(reader).raw("ROLLBACK").run() }
            if await !readers.give(reader) { try? await reader.close() }
            throw error
        }
    }

    package func close() async {
        if let readers {
            for reader in await readers.drain() { try? await reader.close() }
        }
        try? await writer.close()
    }
}

/// A fixed set of connections lent one at a time; a borrower waits (FIFO) only when all are out.
actor ConnectionPool<Connection: Sendable> {
    private var idle: [Connection]
    private var waiters: [CheckedContinuation<Connection, Never>] = []
    private var drained = false

    init(_ connections: [Connection]) {
        idle = connections
    }

    func take() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiters.append($0) }
    }

    /// Takes a connection back: to the first waiter, else to the idle ones; false once the pool is drained (closed) and
    /// no one waits, when the caller closes the connection itself. A waiter is served even then, so a borrower that
    /// queued before the close is not left waiting; it gives the connection back in turn, and closes it.
    func give(_ connection: Connection) -> Bool {
        if !waiters.isEmpty {
            waiters.removeFirst().resume(returning: connection)
            return true
        }
        if drained { return false }
        idle.append(connection)
        return true
    }

    /// The idle connections, to close; those lent out come back to `give` and are closed by their borrowers.
    func drain() -> [Connection] {
        drained = true
        defer { idle = [] }
        return idle
    }
}

/// A FIFO async mutex: one holder at a time, waiters resumed in order.
actor AsyncGate {
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        if !held {
            held = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func leave() {
        if waiters.isEmpty {
            held = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
