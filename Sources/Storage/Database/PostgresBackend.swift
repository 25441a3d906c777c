import Foundation
import Logging
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization

/// PostgreSQL through PostgresNIO's connection pool.
package final class PostgresBackend: DatabaseBackend {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let inUse = InUseCounter(pool: "postgres")
    /// Whether statements run prepared (`preparesStatements`).
    private let prepares = Atomic<Bool>(false)

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
        // Pages read a bounded number of rows by index; a parallel plan starts two worker processes for such a page
        // (seen planned for the register's 51 rows at a million carriers), which costs more than the page, and under
        // load the workers take the cores the other requests need.
        //
        // A prepared statement (`StatementCatalogue`) is planned for the values of each run, never by a generic plan:
        // the generic plan of a register's page assumes the average scope — at a million records, 180 rows a person —
        // and for the 保密员 in the scope of 100,000 read them all and sorted them (1,000 ms, where the plan for their
        // own values reads 51 rows in 13 ms). What preparing saves is the parse and the description of each statement.
        config.options.additionalStartupParameters = [("max_parallel_workers_per_gather", "0"), ("plan_cache_mode", "force_custom_plan")]
        if let schema {
            config.options.additionalStartupParameters.append(("search_path", schema))
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

    package func prepareStatements() { prepares.store(true, ordering: .relaxed) }

    package func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let asked = ContinuousClock.now
        return try await client.withConnection { connection in
            PoolMetrics.waited("postgres", since: asked)
            inUse.lend()
            defer { inUse.giveBack() }
            return try await body(PostgresSQL(connection, prepares: prepares.load(ordering: .relaxed)))
        }
    }

    package func close() async {
        runner.cancel()
        _ = await runner.value
    }
}
