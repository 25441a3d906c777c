import Accounts
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

/// 检索 — a word of a title, a name or a number is found through the register's trigram index on both databases
/// (`TextSearch`): three characters or more by the index, one or two by a bounded scan; always exactly the rows that
/// contain it among those the viewer may know of (R-KS-4).
@Suite("检索 — Chinese substring search through an index")
struct SearchTests {
    /// The substrings of `text` of `length` characters, a few of them.
    static func pieces(of texts: [String], length: Int) -> [String] {
        var out: [String] = []
        for text in texts {
            let chars = Array(text)
            guard chars.count >= length else { continue }
            for start in stride(from: 0, through: chars.count - length, by: max(1, (chars.count - length) / 2 + 1)) {
                out.append(String(chars[start..<start + length]))
            }
            if out.count >= 12 { break }
        }
        return Array(Set(out)).sorted()
    }

    @Test("R-KS-4 carriers: a one-, two- and three-character substring of a title, number or 文号 finds exactly the visible rows containing it")
    func carriers() async throws {
        try await TestWorld.with(carriers: true) { world in
            let c = world.services.carriers
            for username in ["wangfang", "zhoumin"] {
                let viewer = try await world.actor(username)
                let visible = try await c.everything(viewer, filter: CarrierFilter())
                #expect(!visible.isEmpty)
                let texts = visible.prefix(40).flatMap { [$0.title, $0.number, $0.documentNumber] }
                for length in [1, 2, 3, 4] {
                    for q in Self.pieces(of: texts, length: length) {
                        let found = try await c.everything(viewer, filter: CarrierFilter(search: q))
                        let expected = visible.filter { $0.title.contains(q) || $0.number.contains(q) || $0.documentNumber.contains(q) }
                        #expect(Set(found.map(\.id)) == Set(expected.map(\.id)), "\(username) \(q)")
                    }
                }
            }
            // Another's carrier is never found by its own words: 周敏 searching a title only 王芳 may see.
            let zhoumin = try await world.actor("zhoumin")
            let mine = Set(try await c.everything(zhoumin, filter: CarrierFilter()).map(\.id))
            let hidden = try #require(try await c.everything(try await world.actor("wangfang"), filter: CarrierFilter()).first { !mine.contains($0.id) })
            let words = String(hidden.title.prefix(4))
            #expect(try await c.everything(zhoumin, filter: CarrierFilter(search: words)).allSatisfy { mine.contains($0.id) })
        }
    }

    @Test("R-KS-4 secrets, notices and persons: substrings found exactly, within what the viewer may know of")
    func secretsNoticesPersons() async throws {
        try await TestWorld.with { world in
            let s = world.services
            for username in ["lihua", "zhoumin"] {
                let viewer = try await world.actor(username)
                let visible = try await s.classification.everything(viewer, filter: SecretFilter())
                for q in Self.pieces(of: visible.map(\.title), length: 1) + Self.pieces(of: visible.map(\.title), length: 3) {
                    let found = try await s.classification.everything(viewer, filter: SecretFilter(search: q))
                    #expect(Set(found.map(\.id)) == Set(visible.filter { $0.title.contains(q) }.map(\.id)), "\(username) \(q)")
                }
                let notices = try await s.notices.list(viewer)
                for q in Self.pieces(of: notices.map(\.title), length: 1) + Self.pieces(of: notices.map(\.title), length: 3) {
                    let found = try await s.notices.list(viewer, search: q)
                    #expect(Set(found.map(\.id)) == Set(notices.filter { $0.title.contains(q) }.map(\.id)), "\(username) \(q)")
                }
            }
            let admin = try await world.actor("sysadmin")
            let everyone = try await s.organisation.persons(admin, page: PageRequest(limit: 500)).items
            for q in Self.pieces(of: everyone.map(\.name), length: 1) + Self.pieces(of: everyone.map(\.name), length: 3) {
                let found = try await s.organisation.persons(admin, search: q, page: PageRequest(limit: 500)).items
                #expect(Set(found.map(\.id)) == Set(everyone.filter { $0.name.contains(q) }.map(\.id)), "\(q)")
            }
        }
    }

    @Test("R-KS-4 a search is not counted beyond its page: exact within a page, 'page size 以上' when more follow, never a hidden row")
    func searchTotalIsItsPage() async throws {
        try await TestWorld.with(carriers: true) { world in
            let c = world.services.carriers
            let viewer = try await world.actor("zhoumin")
            let visible = try await c.everything(viewer, filter: CarrierFilter())
            // The commonest single character of the visible titles, so a page of 2 cannot hold every match.
            let counts = Dictionary(visible.flatMap { Array($0.title) }.map { (String($0), 1) }, uniquingKeysWith: +)
            let (q, matching) = try #require(counts.max { $0.value < $1.value })
            #expect(matching > 2)
            // In the default order (read from the viewer's scope) and in another (read by the register's own index).
            for order in [CarrierOrder.newest, .number] {
                let filter = CarrierFilter(search: q)
                let first = try await c.register(viewer, filter: filter, order: order, page: PageRequest(limit: 2))
                #expect(first.items.count == 2 && first.totalIsCapped && first.cap == 2 && first.next != nil, "\(order)")
                let second = try await c.register(viewer, filter: filter, order: order, page: PageRequest(limit: 2, cursor: first.next))
                #expect(second.totalIsCapped && second.cap == 2 && Set(second.items.map(\.id)).isDisjoint(with: first.items.map(\.id)))
            }
            let all = try await c.register(viewer, filter: CarrierFilter(search: q), page: PageRequest(limit: 200))
            let expected = visible.filter { $0.title.contains(q) || $0.number.contains(q) || $0.documentNumber.contains(q) }
            #expect(!all.totalIsCapped && all.total == expected.count && Set(all.items.map(\.id)) == Set(expected.map(\.id)))
            // A plain page of the register still counts what the viewer may see.
            let plain = try await c.register(viewer, page: PageRequest(limit: 2))
            #expect(plain.total == min(visible.count, Keyset.countCap + 1) && plain.cap == Keyset.countCap)
        }
    }

    @Test("The search index follows every write: a new title is found at once, a changed one by its new words only")
    func indexFollowsWrites() async throws {
        try await TestWorld.with(carriers: true) { world in
            let c = world.services.carriers
            let clerk = try await world.actor("wangfang")
            let carrier = try #require(try await c.everything(clerk, filter: CarrierFilter()).first)
            try await world.services.database.transaction { db in
                try await db.raw("UPDATE carriers SET title = '检索更新测试之新标题' WHERE id = \(bind: carrier.id)").run()
            }
            #expect(try await c.everything(clerk, filter: CarrierFilter(search: "更新测试之新")).map(\.id) == [carrier.id])
            let old = String(carrier.title.prefix(6))
            #expect(try await c.everything(clerk, filter: CarrierFilter(search: old)).allSatisfy { $0.id != carrier.id || $0.title.contains(old) })
            let report = try await c.importCSV(clerk, "类别,标题,密级标志,份数,登记日期\n纸质密件,刚刚导入的检索样本,秘密★5年,1,2024-01-02\n", mode: .all)
            #expect(report.imported == 1)
            #expect(try await c.everything(clerk, filter: CarrierFilter(search: "导入的检索样")).map(\.title) == ["刚刚导入的检索样本"])
            #expect(try await c.everything(clerk, filter: CarrierFilter(search: "\"; DROP")).isEmpty)
            // A NUL inside the text (the API fuzz sent one) is searched for, not an error.
            #expect(try await c.everything(clerk, filter: CarrierFilter(search: "检索\u{0}样本")).isEmpty)
            #expect(try await world.services.notices.list(clerk, search: "Lz\u{0}T").isEmpty)
        }
    }

    @Test("A search of three characters or more reads the register's trigram index on each engine")
    func searchUsesIndex() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            /// The plan of the rows of `table` matching `text` (on PostgreSQL with only bitmap scans priced in).
            func plan(_ table: String, _ alias: String, _ columns: [String], _ text: String) async throws -> [String] {
                switch s.database.engine {
                case .sqlite:
                    return try await s.database.read { db in
                        let q: SQLQueryString = "EXPLAIN QUERY PLAN SELECT \(unsafeRaw: alias).id FROM \(unsafeRaw: table) \(unsafeRaw: alias) WHERE "
                        return try await db.raw(q + TextSearch.condition(text, table: table, alias: alias, columns: columns, on: db)).all().map {
                            try $0.decode(column: "detail", as: String.self)
                        }
                    }
                case .postgres:
                    return try await s.database.transaction { db in
                        // Only a bitmap scan is left to choose: the trigram index is the one index the condition can use
                        // (a small table would otherwise be read whole, or along its primary key, whichever costs less).
                        for setting in ["enable_seqscan", "enable_indexscan", "enable_indexonlyscan"] {
                            try await db.raw("SET LOCAL \(unsafeRaw: setting) = off").run()
                        }
                        let q: SQLQueryString = "EXPLAIN SELECT \(unsafeRaw: alias).id FROM \(unsafeRaw: table) \(unsafeRaw: alias) WHERE "
                        return try await db.raw(q + TextSearch.condition(text, table: table, alias: alias, columns: columns, on: db)).all().map {
                            try $0.decode(column: "QUERY PLAN", as: String.self)
                        }
                    }
                }
            }
            let registers: [(table: String, alias: String, columns: [String])] = [
                ("carriers", "c", ["title", "number", "document_number"]), ("secrets", "s", ["title"]), ("classified_notices", "n", ["title"]),
                ("persons", "p", ["name"]),
            ]
            for (table, alias, columns) in registers {
                let indexed = try await plan(table, alias, columns, "实施方案")
                switch s.database.engine {
                case .sqlite: #expect(indexed.contains { $0.contains("\(table)_fts VIRTUAL TABLE INDEX") }, "\(table): \(indexed)")
                case .postgres:
                    for column in columns { #expect(indexed.contains { $0.contains("\(table)_\(column)_trgm") }, "\(table): \(indexed)") }
                }
            }
            // On SQLite the register's page itself reads the index (PostgreSQL's planner weighs the viewer's scope).
            if s.database.engine == .sqlite {
                let recorder = QueryRecorder()
                try await QueryRecorder.$current.withValue(recorder) {
                    _ = try await s.carriers.register(try await world.actor("wangfang"), filter: CarrierFilter(search: "关于印发"), page: PageRequest(limit: 50))
                    _ = try await s.classification.register(try await world.actor("lihua"), filter: SecretFilter(search: "实施方案"), page: PageRequest(limit: 50))
                }
                var plans: [String] = []
                for statement in recorder.recorded {
                    plans += try await s.database.read { db in
                        try await db.raw("EXPLAIN QUERY PLAN \(statement)").all().map { try $0.decode(column: "detail", as: String.self) }
                    }
                }
                #expect(plans.contains { $0.contains("carriers_fts VIRTUAL TABLE INDEX") }, "\(plans)")
                #expect(plans.contains { $0.contains("secrets_fts VIRTUAL TABLE INDEX") }, "\(plans)")
            }
            #expect(try await s.database.read { db in try await TextSearch.ctypeProblem(on: db) } == nil)
        }
    }

    @Test("SQLite: a text matching more rows than the index serves well is matched in the register's order instead, finding the same rows")
    func commonTextWalksTheOrder() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            guard s.database.engine == .sqlite else { return }
            let copies = TextSearch.selectiveMatches + 100
            try await s.database.transaction { db in
                let columns = try await db.raw("PRAGMA table_info(carriers)").all().map { try $0.decode(column: "name", as: String.self) }
                let values = columns.map { column -> String in
                    switch column {
                    case "id": "'common-' || n.i"
                    case "number": "'CS-' || n.i"
                    case "title": "'常见检索词第' || n.i || '件'"
                    default: "c.\(column)"
                    }
                }
                try await db.raw(
                    SQLQueryString(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(copies)) "
                            + "INSERT INTO carriers (\(columns.joined(separator: ", "))) SELECT \(values.joined(separator: ", ")) "
                            + "FROM n, (SELECT * FROM carriers LIMIT 1) c")
                ).run()
            }
            func ids(_ text: String) async throws -> (sql: String, ids: Set<String>) {
                try await s.database.read { db in
                    let condition = try await TextSearch.condition(
                        text, table: "carriers", alias: "c", columns: ["title", "number", "document_number"], on: db)
                    var serializer = SQLSerializer(database: db)
                    condition.serialize(to: &serializer)
                    let found = try await db.raw("SELECT c.id FROM carriers c WHERE " + condition).all().map { try $0.decode(column: "id", as: String.self) }
                    return (serializer.sql, Set(found))
                }
            }
            let common = try await ids("常见检索词")
            #expect(common.sql.contains("LIKE") && !common.sql.contains("_fts"), "\(common.sql)")
            #expect(common.ids.count == copies)
            let rare = try await ids("检索词第17件")
            #expect(rare.sql.contains("carriers_fts"), "\(rare.sql)")
            #expect(rare.ids == ["common-17"])
        }
    }
}
