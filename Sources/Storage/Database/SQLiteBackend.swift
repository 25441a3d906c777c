import Foundation
import Logging
import SQLKit
import SQLiteKit
import SQLiteNIO

/// SQLite: one connection, operations serialised (SQLite has one writer anyway), WAL journal.
package final class SQLiteBackend: DatabaseBackend {
    private let connection: SQLiteConnection
    private let gate = AsyncGate()

    private init(connection: SQLiteConnection) {
        self.connection = connection
    }

    package static func open(_ storage: SQLiteConnection.Storage, logger: Logger) async throws -> SQLiteBackend {
        let connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        let db = connection.sql()
        if case .file = storage {
            try await db.raw("PRAGMA journal_mode=WAL").run()
        }
        try await db.raw("PRAGMA foreign_keys=ON").run()
        try await db.raw("PRAGMA busy_timeout=5000").run()
        return SQLiteBackend(connection: connection)
    }

    package func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        await gate.enter()
        do {
            let result = try await body(connection.sql())
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    package func close() async {
        try? await connection.close()
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
