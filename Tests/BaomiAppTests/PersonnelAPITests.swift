import Accounts
import Areas
import Audit
import BaomiApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import NIOCore
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// The personnel API: every operation answers as documented; files, trips, events and departures reach only those
/// R-PE-15 allows, in lists, counts, the 待办 and single reads.
@Suite("涉密人员 — API, pages and who may read them")
struct PersonnelAPITests {
    func person(_ world: TestWorld, _ name: String) async throws -> String { try await world.actor(name).person!.id }
    func named(_ world: TestWorld, _ name: String) async throws -> String {
        try await world.services.database.read { db in
            try #require(try await db.raw("SELECT id FROM persons WHERE name = \(bind: name)").first()).decode(column: "id", as: String.self)
        }
    }
    func id(_ r: APITestClient.Result) throws -> String { try #require((r.object as? [String: Any])?["id"] as? String) }

    @Test("R-PE-2 R-PE-5 R-PE-6 R-PE-7 R-PE-10 R-PE-16 R-CA-15 R-TR-1 the personnel API answers every operation as documented")
    func api() async throws {
        try await TestWorld.with { world in
            let (wuhao, zhoumin, zhangwei) = try await (person(world, "wuhao"), person(world, "zhoumin"), person(world, "zhangwei"))
            let leaver = try await named(world, "孙涛")
            let year = world.services.clock.today.year
            let today = world.services.clock.today.iso
            try await testApplication(world).test(.router) { client in
                let api = try await APIChecker(client)
                let clerk = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let leader = try await APITestClient.token(client, "chenjun", TestPasswords.demo, otp: try await world.otp("chenjun"))
                try await api.check(.get, "/api/v1/personnel", clerk, expect: 200)
                try await api.check(.get, "/api/v1/personnel?status=declearing", clerk, expect: 200)
                try await api.check(.get, "/api/v1/personnel/posts", clerk, expect: 200)
                let post = try id(
                    try await api.check(.post, "/api/v1/personnel/posts", clerk, #"{"name":"文印","highest_level":"secret","key_part":false}"#, expect: 201))
                // R-PE-10 / R-PE-2: the order of appointment, each refusal named.
                try await api.check(
                    .post, "/api/v1/personnel/appointments", clerk, #"{"person_id":"\#(wuhao)","post_id":"\#(post)","tier":"general"}"#, expect: 409)
                let eligibility =
                    #"{"nationality":true,"loyalty":true,"competence":true,"no_criminal_record":true,"no_drugs_or_gambling":true,"never_dismissed":true,"never_removed_for_violation":true}"#
                try await api.check(
                    .post, "/api/v1/personnel/reviews", clerk,
                    #"{"person_id":"\#(wuhao)","post_id":"\#(post)","kind":"pre_appointment","eligibility":\#(eligibility),"personnel_opinion":"符合","secrecy_opinion":"同意","decided_by":"陈军","passed":true}"#,
                    expect: 201)
                try await api.check(.post, "/api/v1/personnel/commitments", clerk, #"{"person_id":"\#(wuhao)","kind":"pledge"}"#, expect: 201)
                try await api.check(
                    .post, "/api/v1/personnel/appointments", clerk, #"{"person_id":"\#(wuhao)","post_id":"\#(post)","tier":"important"}"#, expect: 422)
                try await api.check(
                    .post, "/api/v1/personnel/appointments", clerk, #"{"person_id":"\#(wuhao)","post_id":"\#(post)","tier":"general"}"#, expect: 201)
                try await api.check(.get, "/api/v1/personnel/\(wuhao)/file", clerk, expect: 200)
                try await api.check(.post, "/api/v1/personnel/roster-filing", clerk, expect: 201)
                // Trips (R-PE-5): a 绝密 carrier refused elsewhere; here the whole path.
                let trip = try id(
                    try await api.check(
                        .post, "/api/v1/trips", clerk,
                        #"{"person_id":"\#(zhangwei)","purpose":"official","destination":"德国","reason":"展览会","depart_on":"\#(today)","return_on":"\#(today)"}"#,
                        expect: 201))
                try await api.check(.post, "/api/v1/trips/\(trip)/depart", clerk, "{}", expect: 409)
                try await api.check(.post, "/api/v1/trips/\(trip)/approve", leader, #"{"personnel_opinion":"同意","secrecy_opinion":"同意"}"#, expect: 200)
                try await api.check(.post, "/api/v1/trips/\(trip)/educate", clerk, "{}", expect: 200)
                try await api.check(.post, "/api/v1/trips/\(trip)/depart", clerk, "{}", expect: 200)
                try await api.check(.post, "/api/v1/trips/\(trip)/return", clerk, "{}", expect: 200)
                try await api.check(.post, "/api/v1/trips/\(trip)/report", clerk, #"{"report":"未发生涉密情况"}"#, expect: 200)
                try await api.check(.get, "/api/v1/trips", clerk, expect: 200)
                // Nobody approves their own trip.
                let own = try id(
                    try await api.check(
                        .post, "/api/v1/trips", clerk,
                        #"{"person_id":"\#(try await person(world, "chenjun"))","purpose":"private","destination":"泰国","reason":"旅游","depart_on":"\#(today)","return_on":"\#(today)"}"#,
                        expect: 201))
                try await api.check(.post, "/api/v1/trips/\(own)/approve", leader, #"{"personnel_opinion":"同意","secrecy_opinion":"同意"}"#, expect: 403)
                // Events (R-PE-6).
                let event = try id(
                    try await api.check(
                        .post, "/api/v1/reportable-events", clerk,
                        #"{"person_id":"\#(zhangwei)","kind":"approach","occurred_on":"\#(today)","details":"境外人员索要资料"}"#, expect: 201))
                try await api.check(.post, "/api/v1/reportable-events/\(event)/handle", clerk, #"{"onward_to":"市国家安全局、市国家保密局"}"#, expect: 200)
                try await api.check(.get, "/api/v1/reportable-events", clerk, expect: 200)
                // Training (R-TR-1, R-KP-4).
                try await api.check(
                    .post, "/api/v1/training/classes", clerk,
                    #"{"kind":"general","held_on":"\#(today)","hours":4,"content":"保密法","form":"讲座","organiser":"保密办","participant_ids":["\#(zhoumin)"]}"#,
                    expect: 201)
                try await api.check(
                    .post, "/api/v1/training/external", clerk,
                    #"{"person_id":"\#(zhoumin)","kind":"classification","provider":"市国家保密局","completed_on":"\#(today)","hours":8}"#, expect: 422)
                try await api.check(
                    .post, "/api/v1/training/plans/\(year + 1)", clerk,
                    #"{"items":[{"month":5,"content":"讲座","form":"讲座","hours":4,"audience":"全体"}]}"#, expect: 422)
                try await api.check(
                    .post, "/api/v1/training/plans/\(year + 1)", clerk,
                    #"{"items":[{"month":4,"content":"宣传教育月","form":"讲座","hours":4,"audience":"全体"}]}"#, expect: 201)
                try await api.check(.get, "/api/v1/training/plans/\(year + 1)", clerk, expect: 200)
                try await api.check(.get, "/api/v1/training/under-floor", clerk, expect: 200)
                // Departures (R-PE-7, R-PE-16) and the hand-over (R-CA-15).
                let departures = try await api.check(.get, "/api/v1/departures", clerk, expect: 200)
                let open = try #require(
                    ((departures.object as? [String: Any])?["items"] as? [[String: Any]])?.first {
                        $0["person_id"] as? String == leaver && $0["completed_on"] == nil
                    }?["id"] as? String)
                try await api.check(.get, "/api/v1/departures/\(open)", clerk, expect: 200)
                try await api.check(.post, "/api/v1/departures/\(open)/items", clerk, #"{"item":"carriers_cleared","note":"手工"}"#, expect: 422)
                for item in ["approval", "reminder_talk", "devices_returned", "system_access_revoked", "area_access_revoked"] {
                    try await api.check(.post, "/api/v1/departures/\(open)/items", clerk, #"{"item":"\#(item)","note":"已办"}"#, expect: 200)
                }
                try await api.check(
                    .post, "/api/v1/carrier-handovers", clerk,
                    #"{"from_person_id":"\#(leaver)","to_person_id":"\#(zhoumin)","leaver_signed":"孙涛","successor_signed":"周敏"}"#,
                    expect: 409)
                try await api.check(.post, "/api/v1/departures/\(open)/complete", clerk, expect: 200)
                try await api.check(
                    .post, "/api/v1/departures", clerk, #"{"person_id":"\#(zhangwei)","kind":"leave_job","leaving_on":"\#(today)","declearing_months":6}"#,
                    expect: 422)
                try await api.check(.post, "/api/v1/personnel/\(zhoumin)/remove", clerk, #"{"ground":"failed_to_report"}"#, expect: 200)
                // Import (R-PE-3): the file itself as the body; an unusable header is 422, a dry run 200 with its line-numbered problems.
                func upload(_ text: String, _ query: String) async throws -> (Int, String) {
                    let r = try await client.execute(
                        uri: "/api/v1/personnel-imports?\(query)", method: .post, headers: [.contentType: "text/csv", .authorization: "Bearer \(clerk)"],
                        body: ByteBuffer(string: text))
                    return (Int(r.status.code), String(buffer: r.body))
                }
                let header = "姓名,涉密岗位,岗位涉及最高密级,涉密等级,上岗日期,审查日期,承诺书签订日期\n"
                #expect(try await upload("{}", "kind=roster").0 == 422)
                let dry = try await upload(header + "张伟,规划编制,机密,核心,2025-01-02,2025-01-01,2025-01-01\n", "kind=roster&mode=dry_run")
                #expect(dry.0 == 200 && dry.1.contains("\"line\":2") && dry.1.contains("R-PE-10"), "\(dry.1)")
                #expect(try await upload(header, "mode=dry_run").0 == 400)
            }
        }
    }

    @Test("R-PE-15 files, trips, events and departures reach only the person and the unit's keepers; the 三员 read none")
    func reach() async throws {
        try await TestWorld.with { world in
            let (zhangwei, zhoumin) = try await (person(world, "zhangwei"), person(world, "zhoumin"))
            try await testApplication(world).test(.router) { client in
                func token(_ name: String) async throws -> String {
                    try await APITestClient.token(client, name, TestWorld.password(for: name), otp: try await world.otp(name))
                }
                let handler = try await token("zhangwei")
                let outsider = try await token("hefeng")
                let secadmin = try await token("secadmin")
                let office = try await token("liuyang")
                // The person reads their own file; a colleague, another unit's keeper-less account and a 三员 do not.
                #expect(try await APITestClient.call(client, .get, "/api/v1/personnel/\(zhangwei)/file", token: handler).status == .ok)
                let other = try await APITestClient.call(client, .get, "/api/v1/personnel/\(zhoumin)/file", token: handler)
                #expect(other.status == .notFound && !other.text.contains("周敏"))
                #expect(try await APITestClient.call(client, .get, "/api/v1/personnel/\(zhoumin)/file", token: outsider).status == .notFound)
                #expect(try await APITestClient.call(client, .get, "/api/v1/personnel/\(zhoumin)/file", token: secadmin).status == .forbidden)
                #expect(try await APITestClient.call(client, .get, "/api/v1/personnel/\(zhoumin)/file", token: office).status == .ok)
                // Registers, lists and counts: keepers only.
                for path in ["/api/v1/personnel", "/api/v1/trips", "/api/v1/reportable-events", "/api/v1/departures", "/api/v1/training/under-floor"] {
                    let r = try await APITestClient.call(client, .get, path, token: handler)
                    #expect(r.status == .forbidden, "\(path)")
                    #expect(!r.text.contains("新加坡") && !r.text.contains("孙涛"), "\(path)")
                }
                // The 待办: the keepers' personnel items never reach a 承办人.
                let todos = try await APITestClient.call(client, .get, "/api/v1/todos", token: handler)
                #expect(!todos.text.contains("回国（境）报告逾期") && !todos.text.contains("离岗离职"))
                let officeTodos = try await APITestClient.call(client, .get, "/api/v1/todos", token: office)
                #expect(officeTodos.text.contains("回国（境）报告逾期") && officeTodos.text.contains("离岗离职手续办理中"))
                // Every read of a file is audited, the refused one too.
                let reads = try await world.services.audit.browse(.system, AuditFilter(action: "personnel.file.read"))
                #expect(reads.items.contains { $0.record.outcome == .denied } && reads.items.contains { $0.record.outcome == .ok })
            }
        }
    }

    @Test("R-PE-5 a 单位领导 decides applications abroad on a page of their own; not their own, and a 承办人 has no such page")
    func leaderApproves() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var leader = WebClient(client)
                _ = try await leader.login("chenjun", TestPasswords.demo, otp: try await world.otp("chenjun"))
                let home = try await leader.get("/")
                #expect(home.body.contains("出国（境）申请待审批"))
                let page = try await leader.get("/personnel/approvals")
                #expect(page.status == .ok && page.body.contains("德国") && page.body.contains("赵强"))
                let trip = try #require(try await world.services.personnel.tripsAwaitingApproval(try await world.actor("chenjun")).first)
                let done = try await leader.post(
                    "/personnel/approvals/\(trip.id)", [("personnel_opinion", "同意"), ("secrecy_opinion", "同意，行前教育")], csrfFrom: page)
                #expect(done.status == .ok && done.body.contains("已批准") && !done.body.contains("德国"))
                var handler = WebClient(client)
                _ = try await handler.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                #expect(try await handler.get("/personnel/approvals").status == .forbidden)
            }
        }
    }
}
