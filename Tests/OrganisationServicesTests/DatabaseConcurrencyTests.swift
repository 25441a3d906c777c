import Foundation
import SQLKit
import Storage
import Synchronization
import TestSupport
import Testing

/// Issue 11, item 1: reads do not wait behind a write or behind each other (SQLite: WAL, one writer and a pool of
/// readers; PostgreSQL: a pool), and a read sees only what is committed.
@Suite("数据库并发读 — concurrent reads")
struct DatabaseConcurrencyTests {
    @Test("a read runs while a write transaction is open, and sees only committed rows")
    func readDuringWrite() async throws {
        let db = try await TestDatabase.make()
        try await db.transaction { conn in
            try await conn.raw("CREATE TABLE probe (id INTEGER PRIMARY KEY, note TEXT NOT NULL)").run()
            try await conn.raw("INSERT INTO probe (id, note) VALUES (1, 'committed')").run()
        }
        let (opened, open) = AsyncStream.makeStream(of: Void.self)
        let (release, releasing) = AsyncStream.makeStream(of: Void.self)
        // A write that inserts a row and then holds its transaction open until told to finish.
        let writer = Task {
            try await db.transaction { conn in
                try await conn.raw("INSERT INTO probe (id, note) VALUES (2, 'uncommitted')").run()
                open.yield()
                for await _ in release { break }
            }
        }
        for await _ in opened { break }
        // Should the reads wait for the writer (one connection for all), the watchdog ends the write after 5 s and the
        // reads then see its row: the test fails instead of hanging.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(5))
            releasing.yield()
        }
        // Three reads at once, while the write is still open: none waits for it, none sees its row.
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try await db.read { conn in try await conn.raw("SELECT COUNT(*) AS n FROM probe").first()!.decode(column: "n", as: Int.self) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == [1, 1, 1])
        watchdog.cancel()
        releasing.yield()
        releasing.finish()
        try await writer.value
        let after = try await db.read { conn in try await conn.raw("SELECT COUNT(*) AS n FROM probe").first()!.decode(column: "n", as: Int.self) }
        #expect(after == 2)
        await TestDatabase.discard(db)
    }

    /// SQLite lends its four readers from a pool; closing it while some are out and more reads wait must leave no read
    /// waiting for ever and no connection open (an unclosed SQLite connection traps when freed, in a debug build).
    @Test(
        "closing the database while its readers are out and more reads wait: every read finishes, every reader is closed",
        .enabled(if: TestDatabase.postgresURL == nil))
    func closeWhileReading() async throws {
        let db = try await TestDatabase.make()
        let (started, start) = AsyncStream.makeStream(of: Void.self)
        let total = Mutex<Int?>(nil)
        // Six reads on four readers: four hold one for a moment, two wait for one to come back.
        Task {
            let sum = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await db.read { conn in
                            start.yield()
                            try await Task.sleep(for: .milliseconds(200))
                            return try await conn.raw("SELECT 1 AS n").first()!.decode(column: "n", as: Int.self)
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
            total.withLock { $0 = sum }
        }
        var holding = 0
        for await _ in started {
            holding += 1
            if holding == 4 { break }
        }
        await TestDatabase.discard(db)
        // A read left waiting would never finish: the test then fails after 10 s instead of hanging.
        for _ in 0..<100 where total.withLock({ $0 }) == nil { try await Task.sleep(for: .milliseconds(100)) }
        #expect(total.withLock { $0 } == 6)
    }
}
