import Accounts
import Areas
import BaomiApp
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import Tabular
import TestSupport
import Testing

/// The carrier API and web pages: every operation answers as documented, and nothing about a carrier reaches a person
/// outside its clearance and scope.
@Suite("国家秘密载体 — API and pages")
struct CarrierAPITests {
    static let check = #"{"package_intact":true,"expected_copies":1,"listed_level":"top_secret","addressee_matches":true}"#

    func person(_ world: TestWorld, _ name: String) async throws -> String { try await world.actor(name).person!.id }

    @Test("R-CA-2 R-CA-4 R-CA-5 R-CA-7 R-CA-11 R-CA-13 the carrier API answers every step as documented, refusals with their rule")
    func api() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let app = try await testApplication(world)
            let (chenjun, lihua, zhoumin) = try await (person(world, "chenjun"), person(world, "lihua"), person(world, "zhoumin"))
            try await app.test(.router) { client in
                let api = try await APIChecker(client)
                let clerk = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let outsider = try await APITestClient.token(client, "zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let safe = try #require(
                    (try await api.check(
                        .post, "/api/v1/safes", clerk, #"{"name":"绝密柜","location":"保密室","level":"top_secret","top_secret_only":true}"#, expect: 201
                    ).object as? [String: Any])?["id"] as? String)
                try await api.check(.get, "/api/v1/safes", clerk, expect: 200)
                // A receipt with a discrepancy is refused with R-CA-2.
                let bad = try await api.check(
                    .post, "/api/v1/carriers/receive", clerk,
                    #"{"kind":"paper","title":"绝密来文","marking":"绝密★20年","copies":1,"scope_person_ids":["\#(chenjun)","\#(lihua)"],"check":{"package_intact":false,"expected_copies":1,"listed_level":"top_secret","addressee_matches":true}}"#,
                    expect: 422)
                #expect(bad.text.contains("R-CA-2"))
                let received = try await api.check(
                    .post, "/api/v1/carriers/receive", clerk,
                    #"{"kind":"paper","title":"绝密来文","document_number":"华发改〔2026〕3号","originating_unit":"华南省发展和改革委员会","marking":"绝密★20年","copies":1,"scope_person_ids":["\#(chenjun)","\#(lihua)"],"check":\#(Self.check)}"#,
                    expect: 201)
                let carrier = try #require(((received.object as? [String: Any])?["carrier"] as? [String: Any])?["id"] as? String)
                let base = "/api/v1/carriers/\(carrier)"
                try await api.check(.post, "\(base)/store", clerk, #"{"safe_id":"\#(safe)"}"#, expect: 200)
                // R-CA-4: outside the scope refused; 绝密 needs the reading room.
                try await api.check(.post, "\(base)/circulate", clerk, #"{"reader_person_id":"\#(lihua)"}"#, expect: 422)
                try await api.check(.post, "\(base)/circulate", clerk, #"{"reader_person_id":"\#(lihua)","reading_room":"保密室"}"#, expect: 200)
                try await api.check(.post, "\(base)/take-back", clerk, expect: 200)
                let log = try await api.check(.get, "\(base)/reader-log", clerk, expect: 200)
                #expect((log.object as? [[String: Any]])?.count == 1)
                // R-CA-5: no approval, refused.
                try await api.check(.post, "\(base)/lend", clerk, #"{"borrower_person_id":"\#(lihua)","due_on":"2026-12-01"}"#, expect: 422)
                // R-CA-7: 绝密 copy without the originator's consent refused, then approved.
                let refused = try await api.check(.post, "\(base)/copy", clerk, #"{"approved_by":"\#(chenjun)","copies":1,"recipient":"李华"}"#, expect: 422)
                #expect(refused.text.contains("R-CA-7"))
                try await api.check(
                    .post, "\(base)/copy", clerk, #"{"approved_by":"\#(chenjun)","originator_consent":"华发改函〔2026〕5号","copies":1,"recipient":"李华"}"#,
                    expect: 201)
                // R-CA-13: forbidden whatever the approval, with the rule.
                let forbidden = try await api.check(.post, "\(base)/forbidden", clerk, #"{"action":"sell"}"#, expect: 403)
                #expect(forbidden.text.contains("R-CA-13"))
                try await api.check(.post, "\(base)/dispatch", clerk, #"{"recipient":"x","approved_distribution":["x"],"channel":"ordinaryPost"}"#, expect: 422)
                try await api.check(.get, "/api/v1/carrier-books/copy?year=2026", clerk, expect: 200)
                try await api.check(.get, "/api/v1/carrier-books/receipt", clerk, expect: 200)
                try await api.check(.get, "/api/v1/carrier-books/nonsense", clerk, expect: 400)
                let label = try await api.check(.get, "\(base)/label", clerk, expect: 200)
                #expect(label.text.contains("<svg"))
                try await api.check(.get, "/api/v1/ledger/\(lihua)", clerk, expect: 200)
                try await api.check(.get, "/api/v1/carrier-findings", clerk, expect: 200)
                try await api.check(.get, "/api/v1/carrier-checks", clerk, expect: 200)
                try await api.check(.post, "/api/v1/carrier-counts", clerk, #"{"check":"monthlyCount","found_ids":["\#(carrier)"]}"#, expect: 201)
                try await api.check(
                    .post, "/api/v1/carrier-imports", clerk, #"{"csv":"类别,标题,密级标志,份数,登记日期\n纸质密件,旧件,秘密★5年,1,2024-01-02\n","mode":"dry_run"}"#,
                    expect: 200)
                // R-CA-11: two persons, in-house for 绝密.
                try await api.check(
                    .post, "/api/v1/carriers/destroy", clerk,
                    #"{"carrier_ids":["\#(carrier)"],"approved_by":"\#(chenjun)","persons":["王芳"],"method":"shredder"}"#, expect: 422)
                let destroyed = try await api.check(
                    .post, "/api/v1/carriers/destroy", clerk,
                    #"{"carrier_ids":["\#(carrier)"],"approved_by":"\#(chenjun)","persons":["王芳","刘洋"],"method":"shredder"}"#, expect: 200)
                #expect(destroyed.text.contains("2026-0001"))
                try await api.check(.post, "\(base)/take-back", clerk, expect: 409)
                try await api.check(.get, "/api/v1/carriers?status=destroyed", clerk, expect: 200)
                // R-KS-4: the outsider sees a missing carrier, every path.
                let missing = try await api.check(.get, "/api/v1/carriers/no-such-id", outsider, expect: 404)
                for path in [base, "\(base)/label", "\(base)/reader-log"] {
                    let hidden = try await api.check(.get, path, outsider, expect: 404)
                    #expect(hidden.text == missing.text)
                }
                for path in [
                    "/api/v1/carriers", "/api/v1/carrier-books/copy", "/api/v1/carrier-books/destruction", "/api/v1/carrier-findings",
                    "/api/v1/ledger/\(lihua)",
                ] {
                    let r = try await api.check(.get, path, outsider, expect: 200)
                    #expect(!r.text.contains(carrier) && !r.text.contains("绝密来文"), "\(path)")
                }
                #expect(((try await api.check(.get, "/api/v1/carriers", outsider, expect: 200)).object as? [String: Any])?["total"] as? Int == 0)
                try await api.check(
                    .post, "/api/v1/carriers/receive", outsider, #"{"kind":"paper","title":"x","copies":1,"check":\#(Self.check)}"#, expect: 403)
                _ = zhoumin
            }
        }
    }

    @Test("R-KS-4 R-CA-4 carrier pages, labels, printed books, ledgers, checks and findings show nothing to a person without clearance and scope")
    func pages() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let app = try await testApplication(world)
            let (chenjun, lihua) = try await (person(world, "chenjun"), person(world, "lihua"))
            try await app.test(.router) { client in
                var clerk = WebClient(client)
                try await clerk.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let form = try await clerk.get("/carriers/new?mode=receive")
                #expect(form.status == .ok && form.body.contains("签收核对"))
                let entered = try await clerk.post(
                    "/carriers/new",
                    [
                        ("mode", "receive"), ("kind", "paper"), ("title", "绝密测试件"), ("document_number", "华发改〔2026〕7号"), ("originating_unit", "华南省发展和改革委员会"),
                        ("marking", "绝密★20年"), ("copies", "1"), ("scope", chenjun), ("scope", lihua), ("package_intact", "1"), ("expected_copies", "1"),
                        ("listed_level", "top_secret"), ("addressee_matches", "1"),
                    ], csrfFrom: form)
                let location = try #require(entered.location)
                let id = String(location.dropFirst("/carriers/".count))
                let detail = try await clerk.get(location)
                #expect(detail.body.contains("绝密测试件") && detail.body.contains("收文登记"))
                // 绝密 circulation without a reading room is refused with the rule on the page.
                let refused = try await clerk.post("/carriers/\(id)/circulate", [("reader", lihua), ("reading_room", "")], csrfFrom: detail)
                #expect(refused.status == .unprocessableContent && refused.body.contains("R-CA-4"))
                let label = try await clerk.get("/carriers/\(id)/label")
                #expect(label.body.contains("<svg") && label.body.contains("ZT-2026-0001"))
                let book = try await clerk.get("/carriers/books/receipt")
                #expect(book.body.contains("绝密测试件") && book.body.contains("2026-0001"))
                var outsider = WebClient(client)
                try await outsider.login("zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let missing = try await outsider.get("/carriers/no-such-id")
                #expect(missing.status == .notFound)
                for path in ["/carriers/\(id)", "/carriers/\(id)/label", "/carriers/\(id)/reader-log"] {
                    let page = try await outsider.get(path)
                    #expect(page.status == .notFound && !page.body.contains("绝密测试件"), "\(path)")
                }
                for path in [
                    "/carriers", "/carriers/books/receipt", "/carriers/ledger?person=\(lihua)", "/carriers/findings", "/carriers/checks", "/carriers/safes",
                    "/",
                ] {
                    let page = try await outsider.get(path)
                    #expect(page.status == .ok && !page.body.contains("绝密测试件") && !page.body.contains("ZT-2026-0001"), "\(path)")
                }
            }
        }
    }

    @Test("R-CA-10 R-CA-6 R-KS-4 the web import: upload, line-numbered problems, a hidden secret reads like a missing one")
    func webImport() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            let wangfang = try await world.actor("wangfang")
            // A draft of 张伟's: it exists, but the 保密员 may not know of it.
            let zhangwei = try await world.actor("zhangwei")
            let item = try #require(try await world.services.classification.ownCatalogue(zhangwei).first { $0.code == "GX-05" })
            let hidden = try await world.services.classification.draft(
                zhangwei, DraftRequest(title: "看不见的测试事项", basis: .catalogue(itemID: item.id), marking: "机密★5年", scope: [], secretPoints: "x", questions: .allNo)
            )
            await #expect(throws: Refusal.notFound) { _ = try await world.services.classification.detail(wangfang, id: hidden.id) }
            _ = try await world.services.carriers.registerSafe(wangfang, name: "2号柜", location: "规划科", level: .secret, topSecretOnly: false)
            try await app.test(.router) { client in
                var clerk = WebClient(client)
                try await clerk.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let form = try await clerk.get("/carriers/import")
                let csv = """
                    类别,标题,密级标志,份数,登记日期,保密柜,事项编号
                    纸质密件,好的,秘密★5年,1,2025-03-01,2号柜,
                    纸质密件,柜子不够,机密★10年,1,2025-03-01,2号柜,
                    纸质密件,看不见的事项,机密★10年,1,2025-03-01,,\(hidden.id)
                    纸质密件,不存在的事项,机密★10年,1,2025-03-01,,no-such-secret
                    """
                let boundary = "----baomi-test"
                var body = ""
                for (name, value) in [("_csrf", form.csrf ?? ""), ("mode", "all")] {
                    body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
                }
                body +=
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"旧台账.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
                let page = try await clerk.request(
                    "/carriers/import", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
                #expect(page.status == .ok)
                #expect(page.body.contains("R-CA-6"))
                #expect(page.body.contains("<td>3</td>") && page.body.contains("<td>4</td>") && page.body.contains("<td>5</td>"))
                #expect(!page.body.contains("<td>2</td>"))
                // R-KS-4: the same words for a secret the clerk may not see and one that does not exist.
                let report = try await world.services.carriers.importCSV(wangfang, csv, mode: .dryRun)
                let messages = report.problems.filter { $0.field == "secret_id" }.map(\.message)
                #expect(messages.count == 2 && Set(messages).count == 1)
                #expect(!page.body.contains(hidden.title))
                #expect(try await world.services.carriers.count(wangfang) == 0)
            }
        }
    }
}
