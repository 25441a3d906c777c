import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Organisation
import Storage
import TestSupport
import Testing

/// Issue 11, item 2 — the registers page in the API (a cursor) and on the web (上一页/下一页 links), every row once.
@Suite("分页 — API cursors and web pager links")
struct PagingHTTPTests {
    @Test("issue 11: the carrier and secret APIs page by cursor through every row the viewer may see; a bad cursor is refused naming it")
    func apiCursors() async throws {
        try await TestWorld.with(carriers: true) { world in
            let clerk = try await world.actor("wangfang")
            let carriers = Set(try await world.services.carriers.everything(clerk, filter: CarrierFilter()).map(\.id))
            let secrets = Set(try await world.services.classification.everything(clerk, filter: SecretFilter()).map(\.id))
            try await testApplication(world).test(.router) { client in
                let api = try await APIChecker(client)
                let token = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                for (path, expected, order) in [("/api/v1/carriers", carriers, "number"), ("/api/v1/secrets", secrets, "title")] {
                    var ids: [String] = []
                    var uri = "\(path)?limit=40&order=\(order)"
                    var total: Int?
                    for _ in 0..<100 {
                        let page = try #require(try await api.check(.get, uri, token, expect: 200).object as? [String: Any])
                        let items = try #require(page["items"] as? [[String: Any]])
                        ids += items.compactMap { $0["id"] as? String }
                        total = total ?? page["total"] as? Int
                        guard let next = page["next_cursor"] as? String else { break }
                        uri = "\(path)?limit=40&order=\(order)&cursor=\(next)"
                    }
                    #expect(ids.count == expected.count && Set(ids) == expected, "\(path)")
                    #expect(total == expected.count, "\(path)")
                }
                let bad = try await api.check(.get, "/api/v1/carriers?cursor=bm90LWEtY3Vyc29y", token, expect: 422)
                #expect(bad.text.contains("cursor"))
                try await api.check(.get, "/api/v1/carriers?limit=201", token, expect: 400)
            }
        }
    }

    @Test("issue 11: the web register shows 50 rows and follows 下一页 to the end, keeping the filter")
    func webPager() async throws {
        try await TestWorld.with(carriers: true) { world in
            let clerk = try await world.actor("wangfang")
            let inStock = try await world.services.carriers.everything(clerk, filter: CarrierFilter(unitID: clerk.person?.unitID, status: .inStock))
            #expect(inStock.count > 50)
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                var uri = "/carriers?status=inStock"
                var seen: [String] = []
                for _ in 0..<20 {
                    let page = try await web.get(uri)
                    #expect(page.status == .ok)
                    seen += inStock.map(\.number).filter { page.body.contains(">\($0)</a>") }
                    guard let range = page.body.range(of: #"href="([^"]+)" data-testid="pager-next""#, options: .regularExpression) else { break }
                    let link = String(page.body[range]).replacingOccurrences(of: "href=\"", with: "").replacingOccurrences(
                        of: "\" data-testid=\"pager-next\"", with: "")
                    #expect(link.contains("status=inStock"))
                    uri = link.replacingOccurrences(of: "&amp;", with: "&")
                }
                #expect(seen.count == inStock.count && Set(seen).count == inStock.count)
            }
        }
    }

    @Test("issue 11 R-KS-4: the register's CSV export streams every row the viewer may see, and another reader only theirs")
    func csvExport() async throws {
        try await TestWorld.with(carriers: true) { world in
            let clerk = try await world.actor("wangfang")
            let mine = try await world.services.carriers.everything(clerk, filter: CarrierFilter(unitID: clerk.person?.unitID))
            #expect(mine.count > CSVExportPageSize.rows, "longer than one streamed page")
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let csv = try await web.get("/carriers/export.csv")
                #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
                let lines = csv.body.split(separator: "\r\n")
                #expect(lines.count == mine.count + 1)
                #expect(Set(lines.dropFirst().map { String($0.split(separator: ",").first ?? "") }) == Set(mine.map(\.number)))
                // Another reader gets exactly what their own register shows them.
                let zhoumin = try await world.actor("zhoumin")
                let theirs = try await world.services.carriers.everything(zhoumin, filter: CarrierFilter(unitID: zhoumin.person?.unitID))
                var other = WebClient(client)
                _ = try await other.login("zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let limited = try await other.get("/carriers/export.csv").body.split(separator: "\r\n").dropFirst()
                #expect(Set(limited.map { String($0.split(separator: ",").first ?? "") }) == Set(theirs.map(\.number)))
                #expect(theirs.count < mine.count)
            }
        }
    }
}

/// The streamed export's page size, as the test needs it.
enum CSVExportPageSize { static let rows = 200 }
