import BaomiApp
import CarrierServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import NIOCore
import Personnel
import PersonnelServices
import Tabular
import TestSupport
import Testing

/// No uploaded file can exhaust the server: each crafted file is refused by the reader's own bounds, having read
/// little of it — measured by the reader's counters (rows, cells, decompressed bytes), not by wall time.
@Suite("导入上限 — crafted imports are refused within bounds")
struct ImportLimitsTests {
    static let roster = RosterImport.limits

    /// Reads `data` as the roster import does; the failure and the counters.
    static func read(_ data: Data, limits: Tabular.Limits = roster) -> (failure: Tabular.Failure?, counters: Tabular.Counters, records: Int) {
        var counters = Tabular.Counters()
        var records = 0
        do throws(Tabular.Failure) {
            if Tabular.isZIP(data) {
                try Tabular.xlsx(data, limits: limits, counters: &counters) { _ in records += 1 }
            } else {
                try Tabular.csv(data, limits: limits, counters: &counters) { _ in records += 1 }
            }
            return (nil, counters, records)
        } catch {
            return (error, counters, records)
        }
    }

    static func limit(_ failure: Tabular.Failure?) -> Tabular.LimitExceeded? {
        if case .limit(let exceeded) = failure { return exceeded }
        return nil
    }

    @Test("A 16 KB workbook of 3,000 rows with a cell in column XFD is refused at its first row, no cell padded")
    func farColumn() throws {
        let data = try CraftedFiles.farColumn()
        #expect(data.count < 64 * 1024)
        let (failure, counters, records) = Self.read(data)
        let exceeded = try #require(Self.limit(failure), "\(String(describing: failure))")
        #expect(exceeded.limit == .columns && exceeded.line == 1 && exceeded.message.contains("200列"))
        #expect(records == 0 && counters.cells == 0 && counters.rows == 1)
        // The parse stopped at the first row: the decompression with it, a few chunks on.
        #expect(counters.decompressedBytes < 256 * 1024, "\(counters)")
    }

    @Test("A workbook of one row of 60 MB of empty cells (zipped to ~100 KB) is refused after 200 cells, not 60 MB")
    func wideRow() throws {
        let data = try CraftedFiles.wideRow()
        #expect(data.count < 256 * 1024)
        let (failure, counters, _) = Self.read(data)
        let exceeded = try #require(Self.limit(failure), "\(String(describing: failure))")
        #expect(exceeded.limit == .columns)
        #expect(counters.cells == 200, "\(counters)")
        #expect(counters.decompressedBytes < 256 * 1024, "\(counters)")
    }

    @Test("Shared strings are bounded in number and bytes; a part and a workbook in decompressed bytes")
    func sharedStringsAndParts() throws {
        var small = Self.roster
        small.sharedStrings = 1_000
        let many = Self.read(try CraftedFiles.manySharedStrings(count: 100_000), limits: small)
        #expect(Self.limit(many.failure)?.limit == .sharedStrings, "\(String(describing: many.failure))")
        #expect(many.counters.sharedStrings == 1_001 && many.counters.decompressedBytes < 256 * 1024, "\(many.counters)")
        small = Self.roster
        small.sharedStringBytes = 10_000
        #expect(Self.limit(Self.read(try CraftedFiles.manySharedStrings(count: 100_000), limits: small).failure)?.limit == .sharedStringBytes)
        small = Self.roster
        small.partBytes = 1_048_576
        let blank = Self.read(try CraftedFiles.blankSheet(megabytes: 8), limits: small)
        #expect(Self.limit(blank.failure)?.limit == .partBytes, "\(String(describing: blank.failure))")
        #expect(blank.counters.decompressedBytes <= 1_048_576, "\(blank.counters)")
        small = Self.roster
        small.totalBytes = 1_048_576
        #expect(Self.limit(Self.read(try CraftedFiles.blankSheet(megabytes: 8), limits: small).failure)?.limit == .totalBytes)
        // The real bounds: 48 MB a part, 96 MB a workbook.
        #expect(Self.roster.partBytes == 48 * 1_048_576 && Self.roster.totalBytes == 96 * 1_048_576)
    }

    @Test("A workbook whose entities expand a billion-fold (billion laughs) is refused by the parser unexpanded, no row read")
    func entities() throws {
        let (failure, counters, records) = Self.read(try CraftedFiles.entityExpansion())
        guard case .unreadable = failure else {
            Issue.record("expected unreadable, got \(String(describing: failure))")
            return
        }
        #expect(records == 0 && counters.cells <= 1)
    }

    @Test("CSV has the same bounds: 500,000 columns stop at the 201st cell; rows and cells are counted; one cell is bounded")
    func csvBounds() throws {
        let wide = Self.read(CraftedFiles.wideCSV())
        #expect(Self.limit(wide.failure)?.limit == .columns && wide.counters.cells == 201, "\(wide.counters)")
        var small = Self.roster
        small.rows = 10
        let rows = Self.read(Data((0...20).map { "第\($0)行,x" }.joined(separator: "\n").utf8), limits: small)
        #expect(Self.limit(rows.failure)?.limit == .rows && rows.records == 11, "\(rows)")
        small = Self.roster
        small.cells = 30
        #expect(Self.limit(Self.read(Data((0...20).map { "第\($0)行,x" }.joined(separator: "\n").utf8), limits: small).failure)?.limit == .cells)
        let huge = Self.read(Data(("姓名\n\"" + String(repeating: "长", count: 200_000) + "\"\n").utf8))
        #expect(Self.limit(huge.failure)?.limit == .cellBytes && huge.counters.cells == 1, "\(huge.counters)")
        // A file with no bound reached reads whole.
        let fine = Self.read(Data("姓名,岗位\r\n张三,\"科研\"\"一\"\"岗\"\r\n\r\n李四,综合岗".utf8))
        #expect(fine.failure == nil && fine.records == 3 && fine.counters.cells == 7)
    }

    @Test("The API refuses each crafted file with 422 import.limit naming the limit in a short answer; the web page says the same")
    func refusedThroughTheAPI() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let clerk = try await APITestClient.token(client, "wangfang", TestPasswords.demo)
                func post(_ uri: String, _ data: Data, type: String) async throws -> (HTTPResponse.Status, String) {
                    let r = try await client.execute(
                        uri: uri, method: .post, headers: [.contentType: type, .authorization: "Bearer \(clerk)"], body: ByteBuffer(bytes: data))
                    return (r.status, String(buffer: r.body))
                }
                let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                for data in [try CraftedFiles.farColumn(), try CraftedFiles.wideRow()] {
                    let (status, body) = try await post("/api/v1/personnel-imports?kind=roster&mode=dry_run", data, type: xlsx)
                    #expect(status == .unprocessableContent && body.contains("import.limit") && body.contains("200列"), "\(body.prefix(300))")
                    #expect(body.utf8.count < 1_024)
                }
                let (status, body) = try await post("/api/v1/personnel-imports?kind=roster&mode=dry_run", CraftedFiles.wideCSV(), type: "text/csv")
                #expect(status == .unprocessableContent && body.contains("import.limit"), "\(body.prefix(300))")
                let carriers = try await post("/api/v1/carrier-imports/csv?mode=dry_run", CraftedFiles.wideCSV(), type: "text/csv")
                #expect(carriers.0 == .unprocessableContent && carriers.1.contains("import.limit") && carriers.1.contains("200列"), "\(carriers.1.prefix(300))")
                // The web import answers on its page.
                var web = WebClient(client)
                try await web.login("wangfang", TestPasswords.demo)
                let form = try await web.get("/personnel/import")
                let boundary = "----baomi-limit"
                var multipart = ""
                for (name, value) in [("_csrf", form.csrf ?? ""), ("kind", "roster"), ("mode", "dry_run")] {
                    multipart += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                multipart += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名单.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                multipart += String(decoding: CraftedFiles.wideCSV(columns: 5_000), as: UTF8.self) + "\r\n--\(boundary)--\r\n"
                let page = try await web.request(
                    "/personnel/import", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: multipart)
                #expect(page.status == .unprocessableContent && page.body.contains("超过200列"), "\(page.body.prefix(300))")
            }
        }
    }

    @Test("A report lists the first thousand problems and how many there are: a file bad on every row answers in bounded size")
    func problemsCapped() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            let header = "姓名,涉密岗位,岗位涉及最高密级,涉密等级,上岗日期,审查日期,承诺书签订日期\n"
            let rows = (1...3_000).map { "无此人\($0),岗,机密,核心,2025-01-02,2025-01-01,2025-01-01" }.joined(separator: "\n")
            let report = try await world.services.personnel.importFile(clerk, Data((header + rows).utf8), kind: .roster, mode: .dryRun)
            #expect(report.problems.count == Tabular.problemsShown && report.problemTotal >= 3_000, "\(report.problemTotal)")
            #expect(report.problems.map(\.line) == report.problems.map(\.line).sorted() && report.problems.first?.line == 2)
            let carriers = try await world.services.carriers.importCSV(
                clerk, "类别,标题,密级标志,份数,登记日期\n" + (1...1_500).map { "纸质密件,旧件\($0),秘密★5年,0,2024-01-02" }.joined(separator: "\n"),
                mode: .dryRun)
            #expect(carriers.problems.count == 1_000 && carriers.problemTotal == 1_500 && carriers.rows == 1_500)
        }
    }
}
