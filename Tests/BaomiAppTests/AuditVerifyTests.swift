import Audit
import Foundation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

/// `baomi audit verify` reads the log a page at a time, the next page read and decoded while this one is hashed.
@Suite("审计日志校验 — the chain checked page by page")
struct AuditVerifyTests {
    @Test("R-SY-3 whatever the page size, the chain holds end to end, and a gap and an altered entry are found where they are")
    func pagesOfAnySize() async throws {
        try await TestWorld.with { world in
            let database = world.services.database
            let head = try #require(try await world.services.audit.head())
            #expect(head.seq > 20, "the demo wrote entries enough for several pages")
            let sizes = [1, 3, 7, Int(head.seq), 2000]
            func verify(_ size: Int) async throws -> VerificationResult {
                try await database.read { db in try await AuditStore.verify(on: db, pageSize: size) }
            }
            for size in sizes { #expect(try await verify(size) == .intact(count: Int(head.seq)), "page size \(size)") }
            let gap = head.seq * 2 / 3
            try await database.transaction { db in try await db.raw("DELETE FROM audit_log WHERE seq = \(bind: gap)").run() }
            for size in sizes {
                #expect(try await verify(size) == .broken(seq: gap, problem: .sequenceGap(expected: gap, found: gap + 1)), "page size \(size)")
            }
            let altered = head.seq / 3
            try await database.transaction { db in
                try await db.raw("UPDATE audit_log SET detail = \(bind: "改过") WHERE seq = \(bind: altered)").run()
            }
            for size in sizes { #expect(try await verify(size) == .broken(seq: altered, problem: .contentAltered), "page size \(size)") }
        }
    }

    @Test("R-SY-3 an entry read by its cells' positions is the entry read by column name, on this engine; a cell of the wrong kind is refused")
    func cellsReadAsNames() async throws {
        try await TestWorld.with { world in
            let rows = try await world.services.database.read { db in
                try await db.raw("SELECT \(unsafeRaw: AuditStore.columns) FROM audit_log ORDER BY seq").all()
            }
            #expect(rows.count > 20)
            var nulls = 0
            for row in rows {
                let cells = try #require(row as? any CellsInOrder, "the engine's rows give their cells in order")
                let read = try cells.cellsInOrder()
                nulls += read.filter { $0 == .null }.count
                #expect(try AuditStore.entry(cells: read) == AuditStore.entry(from: row))
                var wrong = read
                wrong[1] = .text("1")
                #expect(throws: DecodingError.self) { try AuditStore.entry(cells: wrong) }
                #expect(throws: DecodingError.self) { try AuditStore.entry(cells: Array(read.dropLast())) }
            }
            #expect(nulls > 0, "entries with empty optional fields were compared too")
        }
    }
}
