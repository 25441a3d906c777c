import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL through PostgresNIO's connection pool.
package final class PostgresBackend: DatabaseBackend {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let inUse = InUseCounter(pool: "postgres")

    private init(client: PostgresClient, runner: Task<Void, Never>) {
        self.client = client
        self.runner = runner
    }

    package static func open(
        host: String, port: Int, username: String, password: String?, database: String, schema: String?,
        logger: Logger
    ) async throws -> PostgresBackend {
        var config = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: .disable)
        config.options.maximumConnections = 8
        if let schema {
            config.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: config, backgroundLogger: logger)
        // The pool leases only once `run()` has begun (before, PostgresNIO logs a warning for every lease): the first
        // query waits for the runner to be under way.
        let (started, starting) = AsyncStream<Void>.makeStream()
        let runner = Task {
            starting.finish()
            await client.run()
        }
        for await _ in started {}
        let backend = PostgresBackend(client: client, runner: runner)
        if let schema {
            // A private schema per test run: created here so the search_path above resolves.
            try await backend.withConnection { db in
                try await db.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
        }
        return backend
    }

    package var readsApart: Bool { true }

    package func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let asked = ContinuousClock.now
        return try await client.withConnection { connection in
            PoolMetrics.waited("postgres", since: asked)
            inUse.lend()
            defer { inUse.giveBack() }
            return try await body(PostgresSQL(connection))
        }
    }

    package func close() async {
        runner.cancel()
        _ = await runner.value
    }
}
