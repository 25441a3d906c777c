import Audit
import BenchSeed
import CarrierServices
import ClassificationServices
import Foundation
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

/// Issue 11, item 6: `baomi bench seed` writes a consistent data set — the counts asked for, a valid audit chain, working
/// benchmark accounts, and kept state the nightly sweep agrees with.
@Suite("基准数据 — bench seed")
struct BenchSeedTests {
    static func count(_ sql: String, _ services: Services) async throws -> Int {
        try await services.database.read { db in
            try await db.raw("\(unsafeRaw: sql)").first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }

    @Test("R-SY-3 a tiny load has the sizes asked for, an intact audit chain and accounts that sign in")
    func tinyLoad() async throws {
        try await TestWorld.with(demo: false) { world in
            let s = world.services
            let before = try await Self.count("SELECT COUNT(*) AS n FROM audit_log", s)
            var options = BenchSeedOptions().scaled(by: 0.0005)
            options.persons = 400  // enough cleared persons in every unit for scopes of five or more
            options.dueToday = 20
            var seeder = BenchSeeder(services: s, options: options, say: { _ in })
            let report = try await seeder.run()
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM units", s) == options.units)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM persons", s) == options.persons)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM secrets", s) == options.secrets)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM carriers", s) == options.carriers)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM audit_log", s) == before + options.audit)
            #expect(report.accounts.contains("bench-clerk"))
            // Scopes of at least 5 persons on every secret; the 保密员 of unit 1 in the scope of every carrier of unit 1.
            #expect(
                try await Self.count(
                    "SELECT COUNT(*) AS n FROM secrets s WHERE (SELECT COUNT(*) FROM knowledge_scope k WHERE k.record_kind = 'secret' AND k.record_id = s.id) < 5",
                    s) == 0)
            let unitOne = try await Self.count(
                "SELECT COUNT(*) AS n FROM carriers c JOIN units u ON u.id = c.unit_id WHERE u.name = '江海市工业和信息化局'", s)
            let clerkSees = try await Self.count(
                """
                SELECT COUNT(*) AS n FROM knowledge_scope k JOIN users u ON u.person_id = k.person_id
                WHERE u.username = 'bench-clerk' AND k.record_kind = 'carrier'
                """, s)
            #expect(unitOne > 0 && clerkSees == unitOne)
            // Each scope row keeps its record's place in the register's order, as the stores write it (`ScopedRegister`).
            #expect(
                try await Self.count(
                    """
                    SELECT COUNT(*) AS n FROM knowledge_scope k JOIN carriers c ON c.id = k.record_id WHERE k.record_kind = 'carrier'
                    AND (k.order_at <> CAST(REPLACE(c.registered_on, '-', '') AS BIGINT) OR k.order_text <> c.number)
                    """, s) == 0)
            #expect(
                try await Self.count(
                    """
                    SELECT COUNT(*) AS n FROM knowledge_scope k JOIN secrets r ON r.id = k.record_id WHERE k.record_kind = 'secret'
                    AND (k.order_at <> r.created_at OR k.order_text <> '')
                    """, s) == 0)
            let statuses = try await Self.count("SELECT COUNT(DISTINCT status) AS n FROM carriers", s)
            #expect(statuses >= 6)
            guard case .intact = try await s.audit.verify(.system) else {
                Issue.record("audit chain broken after the load")
                return
            }
            let opened = try await s.auth.login(username: "bench-clerk", password: options.password, otp: nil, kind: .api, remote: "127.0.0.1")
            #expect(opened.actor.username == "bench-clerk")
            // The kept findings agree with the cross-checks: the sweep finds exactly what was made due today.
            #expect(try await s.classification.sweep() == options.dueToday / 2)
            let findings = try await s.carriers.sweep()
            #expect(findings.opened == options.dueToday - options.dueToday / 2 && findings.resolved == 0)
            #expect(try await s.classification.sweep() == 0)
            #expect(try await s.carriers.sweep().opened == 0)
        }
    }

    @Test("R-DC-2 R-CA-5 a sweep with more due than one chunk holds declassifies each secret and opens each finding with its history entry and audit record")
    func sweepAcrossChunks() async throws {
        try await TestWorld.with(demo: false) { world in
            let s = world.services
            var options = BenchSeedOptions().scaled(by: 0.0005)
            options.persons = 400
            options.secrets = 2_400
            options.carriers = 2_400
            options.audit = 10
            options.dueToday = 2_400  // 1,200 secrets and 1,200 loans, more than two chunks of 500 each
            var seeder = BenchSeeder(services: s, options: options, say: { _ in })
            _ = try await seeder.run()
            let entries = try await Self.count("SELECT COUNT(*) AS n FROM audit_log", s)
            #expect(try await s.classification.sweep() == 1_200)
            let findings = try await s.carriers.sweep()
            #expect(findings.opened >= 1_200)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM secrets WHERE status = 'declassified' AND declassified_on IS NOT NULL", s) >= 1_200)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM secret_events WHERE kind = 'declassify'", s) == 1_200)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM carrier_events WHERE kind = 'finding'", s) == findings.opened)
            #expect(try await Self.count("SELECT COUNT(*) AS n FROM audit_log", s) == entries + 1_200 + findings.opened)
            // Each history is numbered without a gap or a repeat.
            #expect(
                try await Self.count(
                    "SELECT COUNT(*) AS n FROM (SELECT carrier_id FROM carrier_events GROUP BY carrier_id HAVING MAX(seq) <> COUNT(*)) AS g", s) == 0)
            guard case .intact = try await s.audit.verify(.system) else {
                Issue.record("audit chain broken after the sweep")
                return
            }
            #expect(try await s.classification.sweep() == 0)
            #expect(try await s.carriers.sweep().opened == 0)
        }
    }
}
