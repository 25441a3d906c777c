import Accounts
import Areas
import Audit
import BaomiApp
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import NIOCore
import Organisation
import SQLKit
import Storage
import TestSupport
import Testing

@testable import OrganisationServices

/// Issue 9: each defect a probe of main found, with a test named for it that fails on the old code.
@Suite("Hardening — no request hangs the server, no 三员 reads a title, nobody acts above their clearance, every error has its status")
struct HardeningTests {
    static let allNo =
        #"{"public_must_know":false,"work_or_commercial_secret_or_privacy":false,"already_public_or_uncontrollable":false,"law_requires_disclosure":false}"#

    func count(_ world: TestWorld, _ table: String) async throws -> Int {
        try await world.services.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test("Issue 9 #1 #11: R-CA-2 a huge or negative count of copies is refused before any work, for every account")
    func copiesRange() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                let clerk = try await APITestClient.token(client, "wangfang", TestPasswords.demo)
                let uncleared = try await APITestClient.token(client, "wuhao", TestPasswords.demo)
                let auditor = try await APITestClient.token(client, "auditor", TestPasswords.auditor)
                let check = #"{"package_intact":true,"expected_copies":1,"listed_level":"secret","addressee_matches":true}"#
                let huge = #"{"kind":"paper","title":"巨量","marking":"秘密★1年","copies":4611686018427387904,"check":\#(check)}"#
                // Refused by the contract's range at the door: the handler that built the serial list never runs.
                let r = try await APITestClient.call(client, .post, "/api/v1/carriers/receive", token: clerk, body: huge)
                #expect(r.status == .badRequest && r.text.contains("\"field\":\"copies\""), "\(r.text)")
                for token in [uncleared, auditor] {
                    #expect(try await APITestClient.call(client, .post, "/api/v1/carriers/receive", token: token, body: huge).status == .forbidden)
                }
                let negative =
                    #"{"kind":"paper","title":"负数","marking":"秘密★1年","copies":1,"check":{"package_intact":true,"expected_copies":-3,"listed_level":"secret","addressee_matches":true}}"#
                let n = try await APITestClient.call(client, .post, "/api/v1/carriers/receive", token: clerk, body: negative)
                #expect(n.status == .badRequest && n.text.contains("check.expected_copies"), "\(n.text)")
                #expect(try await count(world, "carriers") == 0)
            }
        }
    }

    @Test("Issue 9 #2 #10: an upload is not read before the session and role are checked; the boundary search is linear")
    func multipart() async throws {
        // A body of dashes against a long boundary: the search that was quadratic finds nothing, in linear time.
        let boundary = String(repeating: "-", count: 60) + "abcdefgh"
        let dashes = [UInt8](repeating: UInt8(ascii: "-"), count: 2_000_000)
        let started = Date()
        #expect(MultipartForm.find(Array("--\(boundary)".utf8), in: dashes, from: 0) == nil)
        // A bound no linear search misses even on a loaded machine, and the quadratic one took 8 s for a fifth of this.
        #expect(Date().timeIntervalSince(started) < 10)
        // The search agrees with a naive one on overlapping patterns.
        let hay = Array("aabaabaaabaab--xy--xyz".utf8)
        for needle in ["aab", "aaab", "--xyz", "baab", "zz"] {
            let naive = (0...(hay.count - needle.utf8.count)).first { Array(hay[$0..<($0 + needle.utf8.count)]) == Array(needle.utf8) }
            #expect(MultipartForm.find(Array(needle.utf8), in: hay, from: 0) == naive, "\(needle)")
        }
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
                let body = ByteBuffer(bytes: dashes.prefix(400_000))
                // Anonymous: sent to log in without the body being parsed.
                let anonymous = try await client.execute(uri: "/carriers/import", method: .post, headers: headers, body: body)
                #expect(anonymous.status == .seeOther || anonymous.status == .found, "\(anonymous.status)")
                // Signed in, but not a 保密员: refused before the upload is read.
                var web = WebClient(client)
                try await web.login("zhangwei", TestPasswords.demo)
                headers[.cookie] = web.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
                let handler = try await client.execute(uri: "/carriers/import", method: .post, headers: headers, body: body)
                #expect(handler.status == .forbidden)
                // Anonymous API calls with broken bodies get 401, not a list of field problems.
                let r = try await APITestClient.call(client, .post, "/api/v1/secrets", token: nil, body: #"{"title":5}"#)
                #expect(r.status == .unauthorized && !r.text.contains("title"))
            }
        }
    }

    @Test("R-CA-6 a safe's level that cannot be read is refused on the web page, as in the API, never taken as 秘密; nothing is stored")
    func safeLevelUnreadable() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                try await web.login("wangfang", TestPasswords.demo)
                let page = try await web.get("/carriers/safes")
                let before = try await count(world, "safes")
                let refused = try await web.post(
                    "/carriers/safes", [("name", "3号保密柜"), ("location", "保密室"), ("level", "top-secret")], csrfFrom: page)
                #expect(refused.status.code >= 400 && refused.status.code < 500 && refused.body.contains("请选择保密柜可存放的最高密级"), "\(refused.status)")
                #expect(try await count(world, "safes") == before)
                let stored = try await web.post("/carriers/safes", [("name", "3号保密柜"), ("location", "保密室"), ("level", "confidential")], csrfFrom: page)
                #expect(stored.status == .seeOther)
                #expect(try await count(world, "safes") == before + 1)
            }
        }
    }

    @Test("Issue 9 #4: R-SY-2 nobody drafts above their clearance; nothing is stored")
    func draftAboveClearance() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                let before = try await count(world, "secrets")
                for (user, marking, basis) in [("wuhao", "秘密★1年", "unclear"), ("zhoumin", "机密★5年", "unclear")] {
                    let token = try await APITestClient.token(client, user, TestPasswords.demo)
                    let body = #"{"title":"越级拟定","basis":"\#(basis)","marking":"\#(marking)","secret_points":"x","questions":\#(Self.allNo)}"#
                    let r = try await APITestClient.call(client, .post, "/api/v1/secrets", token: token, body: body)
                    #expect(r.status == .forbidden && r.text.contains("access.clearance_too_low"), "\(user): \(r.text)")
                }
                #expect(try await count(world, "secrets") == before)
            }
        }
    }

    @Test("Issue 9 #5: R-AU-5 an officer must be cleared for the cap, appointed once, and receives only drafts within their clearance")
    func officerClearance() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let chenjun = try await world.actor("chenjun")
            let unit = chenjun.person!.unitID
            let wuhao = try await world.actor("wuhao").person!
            await #expect(throws: Refusal.self) {
                _ = try await c.appointOfficer(
                    chenjun, unitID: unit, personID: wuhao.id, kind: .designated, cap: .confidential)
            }
            let zhaoqiang = try await world.actor("zhaoqiang").person!
            _ = try await c.appointOfficer(
                chenjun, unitID: unit, personID: zhaoqiang.id, kind: .designated, cap: .confidential)
            do {
                _ = try await c.appointOfficer(chenjun, unitID: unit, personID: zhaoqiang.id, kind: .designated, cap: .secret)
                Issue.record("the same person was appointed twice")
            } catch let refusal as Refusal {
                #expect(refusal.code == "classification.officer_already_in_office")
            }
            let active = try await c.ownOfficers(chenjun).filter { $0.personID == zhaoqiang.id && $0.removedOn == nil }
            #expect(active.count == 1)
        }
    }

    @Test("Issue 9 #6: framework errors keep their status — 404, 405 with Allow, 413 naming the limit, 400 — never 500")
    func frameworkStatuses() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                let token = try await APITestClient.token(client, "lihua", TestPasswords.demo)
                let unknown = try await APITestClient.call(client, .get, "/api/v1/no-such-thing", token: token)
                #expect(unknown.status == .notFound && unknown.text.contains("api.no_such_operation"))
                let trace = try await client.execute(uri: "/api/v1/secrets", method: .trace, headers: [.authorization: "Bearer \(token)"])
                #expect(trace.status == .methodNotAllowed && trace.headers[.allow] == "GET, POST")
                let webTrace = try await client.execute(uri: "/login", method: .trace)
                #expect(webTrace.status == .methodNotAllowed)
                let big = String(repeating: "x", count: 70 * 1024)
                let tooLarge = try await APITestClient.call(client, .post, "/api/v1/markings/parse", token: token, body: #"{"text":"\#(big)"}"#)
                #expect(tooLarge.status == .contentTooLarge && tooLarge.text.contains("64 KB"), "\(tooLarge.text)")
                let longNumber = try await APITestClient.call(client, .get, "/api/v1/calendar/99999999999999999999999", token: token)
                #expect(longNumber.status == .badRequest)
                let dots = try await client.execute(uri: "/static/%2e%2e/%2e%2e/Package.swift", method: .get)
                #expect(dots.status.code < 500 && dots.status != .ok)
            }
        }
        #expect(ErrorMapping.httpStatus(HTTPError(.notFound)) == .notFound)
        #expect(ErrorMapping.httpStatus(HTTPError(.badRequest)) == .badRequest)
        #expect(ErrorMapping.httpStatus(HTTPError(.contentTooLarge)) == .contentTooLarge)
        #expect(ErrorMapping.httpStatus(CancellationError()) == .internalServerError)
    }

    @Test("Issue 9 #7: R-SY-4 the API too refuses everything but a password change until an initial or reset password is changed")
    func apiMustChangePassword() async throws {
        try await TestWorld.with { world in
            let sysadmin = try await world.actor("sysadmin")
            let user = try await world.services.database.read { try await UserStore.user(username: "zhangwei", on: $0) }!
            let reset = try await world.services.accounts.resetPassword(sysadmin, userID: user.id)
            try await testApplication(world).test(.router) { client in
                let token = try await APITestClient.token(client, "zhangwei", reset)
                let refused = try await APITestClient.call(client, .get, "/api/v1/secrets", token: token)
                #expect(refused.status == .forbidden && refused.text.contains("accounts.password_change_required"))
                #expect(try await APITestClient.call(client, .get, "/api/v1/me", token: token).status == .ok)
                let changed = try await APITestClient.call(
                    client, .post, "/api/v1/me/password", token: token,
                    body: #"{"old_password":"\#(reset)","new_password":"Fresh-Pass-2026","confirm":"Fresh-Pass-2026"}"#)
                #expect(changed.status == .ok, "\(changed.text)")
                #expect(try await APITestClient.call(client, .get, "/api/v1/secrets", token: token).status == .ok)
            }
        }
    }

    @Test("Issue 9 #8: R-SY-4 an unknown user name costs a login as much as a known one (no user-name probing by timing)")
    func loginTiming() async throws {
        let database = try await TestDatabase.make()
        let clock = MovableClock(TestWorld.start)
        let services = Services(
            database: database, areas: Area.standard.registry, clock: clock.clock, passwordPolicy: PasswordPolicy(systemLevel: .confidential), bcryptCost: 10)
        _ = try await Bootstrap.run(services, environment: TestPasswords.environment)
        func time(_ username: String) async -> TimeInterval {
            var best = TimeInterval.infinity
            for _ in 0..<3 {
                let started = Date()
                _ = try? await services.auth.login(username: username, password: "Wrong-pass-1", otp: nil, kind: .api, remote: nil)
                best = min(best, Date().timeIntervalSince(started))
            }
            return best
        }
        _ = await time("nobody-at-all")  // the decoy hash is made once per cost
        let known = await time("auditor")
        let unknown = await time("nobody-at-all")
        await TestDatabase.discard(database)
        // bcrypt at cost 10 dominates both; without the decoy the unknown name answered ~40 times faster.
        #expect(unknown > known * 0.3, "known \(known)s, unknown \(unknown)s")
    }

    @Test("Issue 9 #9: R-SY-4 wrong old passwords on a password change count towards the lockout")
    func passwordChangeLockout() async throws {
        try await TestWorld.with { world in
            let actor = try await world.actor("zhangwei")
            for _ in 0..<2 {
                await #expect(throws: AccountsErrorMatcher.self) {
                    do { try await world.services.auth.changePassword(actor, old: "Not-my-pass-1", new: "Fresh-Pass-2026", confirm: "Fresh-Pass-2026") } catch {
                        throw AccountsErrorMatcher()
                    }
                }
            }
            do {
                try await world.services.auth.changePassword(actor, old: "Not-my-pass-1", new: "Fresh-Pass-2026", confirm: "Fresh-Pass-2026")
                Issue.record("a third wrong old password did not lock the account")
            } catch let error as any DomainError {
                #expect(error.code == "accounts.locked")
            }
            let user = try await world.services.database.read { try await UserStore.user(username: "zhangwei", on: $0) }!
            #expect(user.locked)
        }
    }

    struct AccountsErrorMatcher: Error {}

    @Test("Issue 9 #12: a search for % or _ finds titles containing them, not everything the viewer may see")
    func likeWildcards() async throws {
        try await TestWorld.with(carriers: true) { world in
            let lihua = try await world.actor("lihua")
            let wangfang = try await world.actor("wangfang")
            #expect(try await world.services.classification.register(lihua).items.count > 0)
            for q in ["%", "_", "\\"] {
                #expect(try await world.services.classification.everything(lihua, filter: SecretFilter(search: q)).isEmpty, "\(q)")
                #expect(try await world.services.notices.list(lihua, search: q).isEmpty, "\(q)")
                #expect(try await world.services.carriers.everything(wangfang, filter: CarrierFilter(search: q)).isEmpty, "\(q)")
            }
            let browse = try await world.services.audit.browse(.system, AuditFilter(action: "%"))
            #expect(browse.total == 0)
        }
    }

    @Test("Issue 9 #13: R-SY-3 a cut-off tail is found even when the head is rewritten; an empty log is broken; checkpoints outside the database hold")
    func auditTruncation() async throws {
        try await TestWorld.with { world in
            let db = world.services.database
            #expect(try await world.services.audit.verify(.system).isIntact)
            let anchor = try #require(try await world.services.audit.head())
            // Cut the last three entries and rewrite the head to match what is left, as an attacker with the database would.
            try await db.transaction { db in
                try await db.raw("DELETE FROM audit_log WHERE seq > \(bind: anchor.seq - 3)").run()
                let last = try await db.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()!
                try await db.raw(
                    "UPDATE audit_head SET seq = \(bind: try last.decode(column: "seq", as: Int64.self)), hash = \(bind: try last.decode(column: "hash", as: String.self)) WHERE id = 1"
                ).run()
            }
            let result = try await world.services.audit.verify(.system)
            #expect(result == .broken(seq: anchor.seq - 3, problem: .headForged), "\(result)")
            // With the head re-sealed (an attacker holding the key), the checkpoint kept outside still catches the cut.
            try await db.transaction { db in
                let last = try await db.raw("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()!
                let seq = try last.decode(column: "seq", as: Int64.self), hash = try last.decode(column: "hash", as: String.self)
                try await db.raw("UPDATE audit_head SET mac = \(bind: AuditSealing.current.mac(seq: seq, hash: hash)) WHERE id = 1").run()
            }
            #expect(try await world.services.audit.verify(.system).isIntact)
            let anchored = try await world.services.audit.verify(.system, extraAnchor: anchor)
            #expect(anchored == .broken(seq: anchor.seq - 2, problem: .rolledBack(headSeq: anchor.seq - 3, checkpointSeq: anchor.seq)), "\(anchored)")
            // Everything deleted and the head reset: not "intact, 0 entries".
            try await db.transaction { db in
                try await db.raw("DELETE FROM audit_log").run()
                try await db.raw(
                    "UPDATE audit_head SET seq = 0, hash = \(bind: AuditChain.genesis), mac = \(bind: AuditSealing.current.mac(seq: 0, hash: AuditChain.genesis)) WHERE id = 1"
                ).run()
            }
            #expect(try await world.services.audit.verify(.system) == .broken(seq: 1, problem: .empty))
        }
    }

    @Test("R-SY-3 the audit head is never optional: entries after a point deleted together with the head row are found")
    func auditHeadMissing() async throws {
        try await TestWorld.with { world in
            let db = world.services.database
            let head = try #require(try await world.services.audit.head())
            try await db.transaction { db in
                try await db.raw("DELETE FROM audit_log WHERE seq > \(bind: head.seq - 5)").run()
                try await db.raw("DELETE FROM audit_head").run()
            }
            let result = try await world.services.audit.verify(.system)
            #expect(result == .broken(seq: head.seq - 5, problem: .headMissing), "\(result)")
        }
    }

    @Test("Issue 9 #14: R-SY-3 a list showing 机密/绝密 records is audited once, naming them by ID only")
    func listsAudited() async throws {
        try await TestWorld.with { world in
            let lihua = try await world.actor("lihua")
            let shown = try await world.services.classification.everything(lihua, filter: SecretFilter())
            let high = shown.filter { $0.level >= .confidential }
            #expect(!high.isEmpty)
            let page = try await world.services.audit.browse(.system, AuditFilter(actor: "lihua", action: "secret.list"))
            #expect(page.total == 1)
            let entry = try #require(page.items.first)
            for s in high { #expect(entry.record.detail?.contains(s.id) == true) }
            for s in shown { #expect(entry.record.detail?.contains(s.title) != true) }
            // A list showing only 秘密 records leaves no entry.
            _ = try await world.services.classification.everything(lihua, filter: SecretFilter(level: .secret))
            #expect(try await world.services.audit.browse(.system, AuditFilter(actor: "lihua", action: "secret.list")).total == 1)
        }
    }

    @Test("Issue 9 #15: R-DV-2 R-DV-7 a 机密 system refuses 绝密 records everywhere, and its demo holds none")
    func systemLevel() async throws {
        try await TestWorld.with(carriers: true) { world in
            for table in ["secrets", "classified_notices", "carriers"] {
                let n = try await world.services.database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE level_rank >= 3").first()?.decode(column: "n", as: Int.self)
                }
                #expect(n == 0, "\(table)")
            }
            #expect(try await count(world, "carriers") > 300)
            try await testApplication(world).test(.router) { client in
                let chenjun = try await APITestClient.token(client, "chenjun", TestPasswords.demo)
                let clerk = try await APITestClient.token(client, "wangfang", TestPasswords.demo)
                let notice = try await APITestClient.call(
                    client, .post, "/api/v1/notices", token: chenjun, body: #"{"title":"绝密通知","body":"正文","marking":"绝密★20年","issued_on":"2026-11-23"}"#)
                #expect(notice.status == .unprocessableContent && notice.text.contains("system.level_above_system"), "\(notice.text)")
                let carrier = try await APITestClient.call(
                    client, .post, "/api/v1/carriers/receive", token: clerk,
                    body:
                        #"{"kind":"paper","title":"绝密来文","marking":"绝密★20年","copies":1,"check":{"package_intact":true,"expected_copies":1,"listed_level":"top_secret","addressee_matches":true}}"#
                )
                #expect(carrier.status == .unprocessableContent && carrier.text.contains("R-DV-7"), "\(carrier.text)")
            }
        }
    }

    @Test("Issue 9 #16: R-AU-5 an administration reviews its units but does not act in their name")
    func administrationDoesNotActAsUnit() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let sunli = try await world.actor("sunli")
            let agency = try await world.actor("lihua").person!.unitID
            let zhaoqiang = try await world.actor("zhaoqiang").person!
            await #expect(throws: Refusal.self) {
                _ = try await c.appointOfficer(sunli, unitID: agency, personID: zhaoqiang.id, kind: .designated, cap: .secret)
            }
            let item = CatalogueItem(
                id: "", unitID: agency, code: "GX-77", name: "代填条目", level: .secret, period: .years(5), scope: "局领导", productionLevel: "市级",
                sourceDocument: "范围规定")
            await #expect(throws: Refusal.self) { _ = try await c.saveCatalogueItem(sunli, item) }
            await #expect(throws: Refusal.self) { _ = try await c.fileRoster(sunli, unitID: agency) }
            // Reading the register of a unit it supervises stays allowed.
            _ = try await c.authorityRegister(sunli, unitID: agency)
        }
    }

    @Test("Issue 9 #17: the published contract is what the server enforces — closed objects, bounded numbers, documented enums")
    func contract() async throws {
        let contract = OpenAPIValidator.standard
        // Every request body is a closed object whose numbers are bounded and strings have a length limit.
        func walk(_ schema: JSONValue, _ path: String) {
            let s = contract.resolveForTests(schema)
            switch s["type"]?.string {
            case "object":
                #expect(s["additionalProperties"]?.bool == false, "\(path) is open")
                for (k, v) in s["properties"]?.objectValue ?? [:] { walk(v, "\(path).\(k)") }
            case "array":
                #expect(s["maxItems"]?.int != nil, "\(path) has no maxItems")
                if let items = s["items"] { walk(items, "\(path)[]") }
            case "integer":
                #expect(s["minimum"]?.int != nil && s["maximum"]?.int != nil, "\(path) has no range")
            case "string":
                #expect(s["enum"] != nil || s["maxLength"]?.int != nil, "\(path) has no length limit")
            default: break
            }
        }
        var operations = 0
        for (template, item) in contract.document["paths"]?.objectValue ?? [:] {
            for (method, op) in item.objectValue ?? [:] {
                operations += 1
                if let schema = op["requestBody"]?["content"]?["application/json"]?["schema"] { walk(schema, "\(method) \(template)") }
                for p in op["parameters"]?.arrayValue ?? [] { walk(p["schema"] ?? .null, "\(method) \(template) \(p["name"]?.string ?? "")") }
            }
        }
        #expect(operations > 80)
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                let lihua = try await APITestClient.token(client, "lihua", TestPasswords.demo)
                let unknownKey = try await APITestClient.call(client, .post, "/api/v1/markings/parse", token: lihua, body: #"{"text":"秘密","typo":1}"#)
                #expect(unknownKey.status == .badRequest && unknownKey.text.contains("typo"))
                let nullQuery = try await APITestClient.call(client, .get, "/api/v1/secrets?expiring=null", token: lihua)
                #expect(nullQuery.status == .badRequest)
                let unknownQuery = try await APITestClient.call(client, .get, "/api/v1/secrets?bogus=1", token: lihua)
                #expect(unknownQuery.status == .badRequest)
                let secret = try #require(
                    try await world.services.classification.everything(try await world.actor("lihua"), filter: SecretFilter()).first { $0.status == .inForce })
                let badResult = try await APITestClient.call(
                    client, .post, "/api/v1/secrets/\(secret.id)/annual-review", token: lihua, body: #"{"result":"随便"}"#)
                #expect(badResult.status == .badRequest && badResult.text.contains("继续保密"))
            }
        }
    }

    @Test("Issue 9 #18: R-SY-2 a hidden ID and a missing one cost the same: one audited denial each")
    func hiddenAndMissingAlike() async throws {
        try await TestWorld.with { world in
            let zhoumin = try await world.actor("zhoumin")
            let hidden = try #require(
                try await world.services.classification.everything(try await world.actor("lihua"), filter: SecretFilter()).first {
                    !$0.scope.contains(zhoumin.person!.id)
                })
            func denials() async throws -> Int {
                try await world.services.audit.browse(.system, AuditFilter(actor: "zhoumin", action: "secret.read", outcome: .denied)).total
            }
            let before = try await denials()
            await #expect(throws: Refusal.notFound) { _ = try await world.services.classification.detail(zhoumin, id: hidden.id) }
            #expect(try await denials() == before + 1)
            await #expect(throws: Refusal.notFound) { _ = try await world.services.classification.detail(zhoumin, id: UUID().uuidString.lowercased()) }
            #expect(try await denials() == before + 2)
        }
    }

    @Test("R-SY-2 a hidden secret, carrier or notice is refused with the very statements a missing one is, so the timing tells nothing")
    func hiddenAndMissingSameStatements() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            let zhoumin = try await world.actor("zhoumin")
            /// The statements one read runs (SQL text, binds aside), and whether it was refused as missing.
            func statements(_ read: @escaping () async throws -> Void) async throws -> (sql: [String], notFound: Bool) {
                let recorder = QueryRecorder()
                let notFound = await QueryRecorder.$current.withValue(recorder) { () async -> Bool in
                    do {
                        try await read()
                        return false
                    } catch {
                        return (error as? Refusal) == Refusal.notFound
                    }
                }
                let sql = try await s.database.read { db in
                    recorder.recorded.map { statement in
                        var serializer = SQLSerializer(database: db)
                        statement.serialize(to: &serializer)
                        return serializer.sql
                    }
                }
                return (sql, notFound)
            }
            let reads: [(table: String, read: (String) async throws -> Void)] = [
                ("secrets", { _ = try await s.classification.detail(zhoumin, id: $0) }),
                ("carriers", { _ = try await s.carriers.detail(zhoumin, id: $0) }),
                ("classified_notices", { _ = try await s.notices.get(zhoumin, id: $0) }),
            ]
            for (table, read) in reads {
                let ids = try await s.database.read { db in
                    try await db.raw("SELECT id FROM \(unsafeRaw: table) ORDER BY id LIMIT 200").all().map { try $0.decode(column: "id", as: String.self) }
                }
                var hidden: String?
                for id in ids where try await statements({ try await read(id) }).notFound {
                    hidden = id
                    break
                }
                let id = try #require(hidden, "no \(table) row hidden from 周敏")
                let denied = try await statements { try await read(id) }
                let missing = try await statements { try await read(UUID().uuidString.lowercased()) }
                #expect(denied.notFound && missing.notFound)
                #expect(denied.sql == missing.sql, "\(table): hidden \(denied.sql) vs missing \(missing.sql)")
            }
        }
    }
}

extension OpenAPIValidator {
    /// `$ref` resolution for the contract test.
    func resolveForTests(_ schema: JSONValue) -> JSONValue {
        guard let ref = schema["$ref"]?.string else { return schema }
        return document["components"]?["schemas"]?[String(ref.split(separator: "/").last ?? "")] ?? .null
    }
}

/// Issue 9 #3: the 安全审计员 reads every audit entry, so no entry may hold what a record says.
@Suite("审计日志不含内容 — the audit log never holds a record's content")
struct AuditContentTests {
    static let marker = "审计中不应出现的内容"

    @Test("Issue 9 #3: R-SY-1 no audit entry holds a title, body, summary or typed reason — demo data and every typed text")
    func noContentInAudit() async throws {
        try await TestWorld.with(level: .topSecret, carriers: true) { world in
            let s = world.services
            let m = Self.marker
            let chenjun = try await world.actor("chenjun")
            let zhangwei = try await world.actor("zhangwei")
            let wangfang = try await world.actor("wangfang")
            _ = try await s.notices.create(
                chenjun, NewNotice(title: "\(m)：绝密通知", body: "\(m)：正文", marking: "绝密★20年", issuedOn: "2026-11-23", scopePersonIDs: []))
            let drafted = try await s.classification.draft(
                zhangwei,
                DraftRequest(title: "\(m)：事项", basis: .unclear, marking: "秘密★1年", scope: [], secretPoints: "\(m)：密点", questions: .allNo))
            #expect(drafted.status == .unclearPendingReport)
            let inForce = try #require(try await s.classification.everything(zhangwei, filter: SecretFilter(status: .inForce)).first)
            _ = try await s.classification.raiseObjection(
                zhangwei, secretID: inForce.id, claimedLevel: inForce.level == .secret ? .confidential : .secret, claimedPeriod: nil,
                reason: "\(m)：异议理由")
            let held = try await s.carriers.everything(wangfang, filter: CarrierFilter(status: .inStock))
            _ = try await s.carriers.retain(wangfang, carrierID: held[0].id, reason: "\(m)：归档理由")
            _ = try await s.carriers.reportLoss(wangfang, carrierID: held[1].id, kind: "丢失", summary: "\(m)：丢失经过")
            // Every title in the registers, and every typed text above, is absent from every column the auditor reads.
            let texts: [String] = try await s.database.read { db in
                var out: [String] = []
                for table in ["secrets", "classified_notices", "carriers"] {
                    out += try await db.raw("SELECT title FROM \(unsafeRaw: table)").all().map { try $0.decode(column: "title", as: String.self) }
                }
                return out
            }
            #expect(texts.count > 300)
            let audit: [String] = try await s.database.read { db in
                try await db.raw("SELECT COALESCE(before_state, '') || '|' || COALESCE(after_state, '') || '|' || COALESCE(detail, '') AS t FROM audit_log")
                    .all().map { try $0.decode(column: "t", as: String.self) }
            }
            #expect(audit.count > 500)
            let joined = audit.joined(separator: "\n")
            #expect(!joined.contains(m))
            for title in Set(texts) where title.count >= 4 {
                #expect(!joined.contains(title), "an audit entry holds the title 「\(title)」")
            }
        }
    }
}
