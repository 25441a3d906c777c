import Accounts
import Areas
import BaomiApp
import CarrierServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Logging
import Storage
import TestSupport
import Testing

/// Issue 11, item 9: the probes a load balancer and an operator use, answered without a session.
@Suite("运行探针 — /healthz and /readyz")
struct HealthTests {
    @Test("/healthz answers without a session and without the database; /readyz says ready once migrated")
    func probes() async throws {
        try await TestWorld.with(demo: false) { world in
            try await testApplication(world).test(.router) { client in
                let health = try await client.execute(uri: "/healthz", method: .get)
                #expect(health.status == .ok)
                #expect(String(buffer: health.body) == "ok\n")
                let ready = try await client.execute(uri: "/readyz", method: .get)
                #expect(ready.status == .ok)
                #expect(String(buffer: ready.body) == "ready\n")
                // Other pages still want a session.
                #expect(try await client.execute(uri: "/secrets", method: .get).status != .ok)
            }
        }
    }

    @Test("/readyz answers 503 while the schema is not current")
    func notReady() async throws {
        let database = try await TestDatabase.make()
        let services = Services(
            database: database, areas: Area.standard.registry, clock: BaomiClock.system, passwordPolicy: PasswordPolicy(systemLevel: .confidential),
            bcryptCost: 4)
        let app = Application(router: buildRouter(services: services, views: try await Views.load(), secureCookies: false))
        try await app.test(.router) { client in
            let ready = try await client.execute(uri: "/readyz", method: .get)
            #expect(ready.status == .serviceUnavailable)
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok)
        }
        await TestDatabase.discard(database)
    }

    @Test("/metrics answers the operator (token or loopback) with request counts by route; anyone else gets 404")
    func metrics() async throws {
        try await TestWorld.with(demo: false) { world in
            let app = Application(
                router: buildRouter(services: world.services, views: try await Views.load(), secureCookies: false, metricsToken: "op-token-甲"))
            try await app.test(.router) { client in
                _ = try await client.execute(uri: "/healthz", method: .get)
                #expect(try await client.execute(uri: "/metrics", method: .get).status == .notFound)
                let wrong = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer nope"])
                #expect(wrong.status == .notFound)
                let scraped = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer op-token-甲"])
                #expect(scraped.status == .ok)
                let text = String(buffer: scraped.body)
                #expect(text.contains("/healthz"), "\(text.prefix(400))")
            }
        }
    }

    @Test("/metrics shows how long requests waited for a database connection, and the connections in use, by pool")
    func poolWaits() async throws {
        try await TestWorld.with(demo: false) { world in
            let app = Application(
                router: buildRouter(services: world.services, views: try await Views.load(), secureCookies: false, metricsToken: "op-token-乙"))
            // An in-memory SQLite database has the writer only; a file has readers too; PostgreSQL has one pool.
            let pool = world.services.database.engine == .postgres ? "postgres" : "writer"
            try await app.test(.router) { client in
                #expect(try await client.execute(uri: "/readyz", method: .get).status == .ok)
                let scraped = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer op-token-乙"])
                #expect(scraped.status == .ok)
                let lines = String(buffer: scraped.body).split(separator: "\n")
                let waits = lines.first { $0.hasPrefix("baomi_db_wait_count{pool=\"\(pool)\"} ") }
                #expect(waits.flatMap { Int($0.split(separator: " ").last ?? "") }.map { $0 >= 1 } == true, "\(lines.filter { $0.contains("baomi_db") })")
                #expect(lines.contains { $0.hasPrefix("baomi_db_connections_in_use{pool=\"\(pool)\"} ") })
            }
        }
    }

    @Test("/metrics shows the open findings the daily sweep left (a count only)")
    func openFindings() async throws {
        try await TestWorld.with(carriers: true) { world in
            let app = Application(
                router: buildRouter(services: world.services, views: try await Views.load(), secureCookies: false, metricsToken: "op-token-丙"))
            world.clock.advance(by: 200 * 86_400)
            _ = try await SweepScheduler(services: world.services, logger: Logger(label: "test")).runIfDue()
            #expect(try await world.services.carriers.openFindingsCount() > 0)
            try await app.test(.router) { client in
                let scraped = try await client.execute(uri: "/metrics", method: .get, headers: [.authorization: "Bearer op-token-丙"])
                let lines = String(buffer: scraped.body).split(separator: "\n")
                // The gauge is process-wide (other tests' sweeps set it too): it is there, with a count.
                #expect(
                    lines.contains { $0.hasPrefix("baomi_open_findings ") && Double($0.split(separator: " ").last ?? "") != nil },
                    "\(lines.filter { $0.contains("findings") })")
            }
        }
    }
}
