import CarrierServices
import Carriers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

@testable import BaomiApp

/// The personnel area's A4 forms (areas/personnel.md §7): each is reached from the file or the training page, prints its
/// fields, and reaches only whom R-PE-15 allows; the leaving commitment's return list names no carrier the printing
/// keeper may not know of (R-KS-4, R-PE-16).
@Suite("涉密人员表格 — printouts")
struct PersonnelFormsTests {
    func named(_ world: TestWorld, _ name: String) async throws -> String {
        try await world.services.database.read { db in
            try #require(try await db.raw("SELECT id FROM persons WHERE name = \(bind: name)").first()).decode(column: "id", as: String.self)
        }
    }

    /// The hrefs of the links marked `testid` on a page.
    func links(_ body: String, _ testid: String) -> [String] {
        body.components(separatedBy: "<a href=\"").dropFirst().compactMap { rest in
            guard let end = rest.firstIndex(of: "\""), rest[end...].hasPrefix("\" data-testid=\"\(testid)\"") else { return nil }
            return String(rest[..<end])
        }
    }

    @Test("R-PE-2 R-PE-4 R-PE-5 R-PE-6 R-PE-15 the 审查表, 承诺书, 出国（境）审批表 and 重大事项报告单 print from the file, for the keepers and the person only")
    func fileForms() async throws {
        try await TestWorld.with { world in
            let zhaoqiang = try await world.actor("zhaoqiang").person!.id
            let event = try #require(try await world.services.personnel.events(world.actor("wangfang")).items.first)
            try await testApplication(world).test(.router) { client in
                var clerk = WebClient(client)
                _ = try await clerk.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let file = try await clerk.get("/personnel/file/\(zhaoqiang)")
                let review = try #require(links(file.body, "print-review").first)
                let page = try await clerk.get(review)
                #expect(page.status == .ok && page.body.contains("涉密人员涉密资格审查表") && page.body.contains("赵强"))
                #expect(page.body.contains("具有中华人民共和国国籍") && page.body.contains("本人如实提供以上情况"))
                let commitment = try await clerk.get(try #require(links(file.body, "print-commitment").first))
                #expect(commitment.status == .ok && commitment.body.contains("不以任何方式泄露所接触和知悉的国家秘密"))
                let trip = try await clerk.get(try #require(links(file.body, "print-trip").first))
                #expect(trip.status == .ok && trip.body.contains("涉密人员出国（境）审批表") && trip.body.contains("前往国家或地区"))
                let eventFile = try await clerk.get("/personnel/file/\(event.personID)")
                let report = try await clerk.get(try #require(links(eventFile.body, "print-event").first))
                #expect(report.status == .ok && report.body.contains("涉密人员重大事项报告单") && report.body.contains(event.kind.chinese))
                // The person prints their own; a 承办人 and a 三员 print nobody else's (R-PE-15).
                var own = WebClient(client)
                _ = try await own.login("zhaoqiang", TestPasswords.demo, otp: try await world.otp("zhaoqiang"))
                #expect(try await own.get(review).status == .ok)
                for outsider in ["zhangwei", "sysadmin"] {
                    var other = WebClient(client)
                    _ = try await other.login(outsider, TestPasswords.demo, otp: try await world.otp(outsider))
                    let refused = try await other.get(review)
                    #expect(refused.status != .ok && !refused.body.contains("涉密人员涉密资格审查表"), "\(outsider)")
                }
                // Another person's id under the path reads as missing.
                let wrong = review.replacingOccurrences(of: zhaoqiang, with: event.personID)
                #expect(try await clerk.get(wrong).status == .notFound)
            }
        }
    }

    @Test("R-PE-7 R-PE-16 the leaving commitment prints the 脱密期 and the return list; a keeper outside a carrier's scope reads its count, not its title")
    func leavingForm() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let leaver = try await named(world, "孙涛")
            let title = "孙涛使用的涉密U盘乙"
            _ = try await world.receiveCarrier(clerk, title: title, scope: [leaver], mediumUser: leaver)
            let departure = try #require(try await s.personnel.departures(clerk).items.first { $0.personID == leaver && $0.completedOn == nil })
            let path = "/personnel/file/\(leaver)/print/departure/\(departure.id)"
            try await testApplication(world).test(.router) { client in
                var keeper = WebClient(client)
                _ = try await keeper.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let file = try await keeper.get("/personnel/file/\(leaver)")
                #expect(links(file.body, "print-departure").contains(path))
                let seen = try await keeper.get(path)
                #expect(seen.status == .ok && seen.body.contains("离岗离职保密承诺书") && seen.body.contains("脱密期"))
                #expect(seen.body.contains("尚有") && seen.body.contains(title))
                var office = WebClient(client)
                _ = try await office.login("liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let counted = try await office.get(path)
                #expect(counted.status == .ok && counted.body.contains("未清退") && !counted.body.contains(title))
            }
        }
    }

    @Test("R-TR-1 R-KP-4 the annual plan and a class's 培训签到表 with its absentees print for the keepers only")
    func trainingForms() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var clerk = WebClient(client)
                _ = try await clerk.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let training = try await clerk.get("/personnel/training")
                let plan = try await clerk.get(try #require(links(training.body, "print-plan").first))
                #expect(plan.status == .ok && plan.body.contains("年度保密教育培训计划") && plan.body.contains("4月"))
                let classPath = try #require(links(training.body, "print-class").first)
                let sheet = try await clerk.get(classPath)
                #expect(sheet.status == .ok && sheet.body.contains("保密教育培训签到表") && sheet.body.contains("缺席人员") && sheet.body.contains("参加人数"))
                var handler = WebClient(client)
                _ = try await handler.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                #expect(try await handler.get(classPath).status == .forbidden)
                // The plan's web form: a plan without April is refused (R-TR-2); with it, it saves and prints.
                let year = world.services.clock.today.year + 2
                let noApril = try await clerk.post(
                    "/personnel/training/plans", [("year", "\(year)"), ("content_3", "保密法规讲座"), ("form_3", "讲座"), ("hours_3", "2"), ("audience_3", "全体")],
                    csrfFrom: training)
                #expect(noApril.status.code == 422 && noApril.body.contains("四月"))
                let saved = try await clerk.post(
                    "/personnel/training/plans",
                    [("year", "\(year)"), ("content_4", "保密宣传教育月知识竞赛"), ("form_4", "竞赛"), ("hours_4", "4"), ("audience_4", "全体涉密人员")],
                    csrfFrom: training)
                #expect(saved.status == .ok && saved.body.contains("已保存\(year)年度保密教育培训计划（1项）"))
                #expect(try await world.services.personnel.plan(try await world.actor("wangfang"), year: year)?.first?.content == "保密宣传教育月知识竞赛")
                // A course outside the unit with its certificate (R-TR-4).
                let zhoumin = try #require(try await world.actor("zhoumin").person).id
                let external = try await clerk.post(
                    "/personnel/training/external",
                    [
                        ("person_id", zhoumin), ("kind", "other"), ("provider", "市保密局"), ("completed_on", world.services.clock.today.iso), ("hours", "6"),
                        ("certificate_number", "JH-2026-88"), ("certificate_valid_until", ""),
                    ], csrfFrom: training)
                #expect(external.status == .ok && external.body.contains("已登记外部培训"))
                #expect(
                    try await world.services.personnel.file(try await world.actor("wangfang"), personID: zhoumin).external.contains {
                        $0.certificateNumber == "JH-2026-88"
                    })
            }
        }
    }

    @Test("R-PE-14 a keeper records a restriction with the treatment given; it shows in the file; the API documents it; nobody else records one")
    func rights() async throws {
        try await TestWorld.with { world in
            let leaver = try await named(world, "钱伟")
            try await testApplication(world).test(.router) { client in
                var clerk = WebClient(client)
                _ = try await clerk.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let file = try await clerk.get("/personnel/file/\(leaver)")
                #expect(file.body.contains("data-testid=\"rights-form\""))
                let blank = try await clerk.post(
                    "/personnel/file/\(leaver)/rights", [("recorded_on", world.services.clock.today.iso), ("restriction", "脱密期内不得出境"), ("measure", " ")],
                    csrfFrom: file)
                #expect(blank.status.code == 422 && blank.body.contains("请填写给予的待遇或补偿"))
                let done = try await clerk.post(
                    "/personnel/file/\(leaver)/rights",
                    [("recorded_on", world.services.clock.today.iso), ("restriction", "脱密期内不得出境"), ("measure", "发放脱密期补贴")], csrfFrom: file)
                #expect(done.status == .ok && done.body.contains("发放脱密期补贴"))
                let api = try await APIChecker(client)
                let token = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let body = #"{"restriction":"就业受限","measure":"职称评聘倾斜","recorded_on":"\#(world.services.clock.today.iso)"}"#
                _ = try await api.check(.post, "/api/v1/personnel/\(leaver)/rights", token, body, expect: 201)
                _ = try await api.check(
                    .post, "/api/v1/personnel/\(leaver)/rights", token, #"{"restriction":"x","measure":"","recorded_on":"2026-01-01"}"#, expect: 400)
                _ = try await api.check(
                    .post, "/api/v1/personnel/\(leaver)/rights", token, #"{"restriction":"x","measure":"y","recorded_on":"2099-01-01"}"#, expect: 422)
                let handler = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                _ = try await api.check(.post, "/api/v1/personnel/\(leaver)/rights", handler, body, expect: 403)
                let read = try await api.check(.get, "/api/v1/personnel/\(leaver)/file", token, expect: 200)
                #expect(read.text.contains("职称评聘倾斜") && read.text.contains("发放脱密期补贴"))
                // The person's own view shows them, without the form.
                var handlerWeb = WebClient(client)
                _ = try await handlerWeb.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let own = try await handlerWeb.get("/personnel/file/\(try await world.actor("zhangwei").person!.id)")
                #expect(own.status == .ok && !own.body.contains("data-testid=\"rights-form\""))
            }
        }
    }

    @Test("R-CA-15 the hand-over names its successor by name at any size of unit; namesakes are offered to choose from")
    func handoverByName() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let leaver = try await named(world, "孙涛")
            _ = try await world.receiveCarrier(clerk, title: "孙涛使用的U盘丙", scope: [leaver], mediumUser: leaver)
            let departure = try #require(try await s.personnel.departures(clerk).items.first { $0.personID == leaver && $0.completedOn == nil })
            let unitID = try #require(clerk.person).unitID
            // A second 周敏 in the unit, in another post.
            _ = try await s.organisation.createPerson(.system, Person(id: "", unitID: unitID, departmentID: nil, name: "周敏", post: "档案管理", tier: .important))
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let page = try await web.get("/personnel/departures/\(departure.id)")
                #expect(page.body.contains("data-testid=\"successor-name\"") && !page.body.contains("data-testid=\"namesakes\""))
                let signed = [("from_person_id", leaver), ("leaver_signed", "孙涛"), ("successor_signed", "周敏")]
                let unknown = try await web.post("/personnel/departures/\(departure.id)/handover", signed + [("to_name", "无此人")], csrfFrom: page)
                #expect(unknown.status.code == 422 && unknown.body.contains("本单位没有名为“无此人”的人员"))
                let twice = try await web.post("/personnel/departures/\(departure.id)/handover", signed + [("to_name", "周敏")], csrfFrom: page)
                #expect(twice.status.code == 422 && twice.body.contains("本单位有2名“周敏”") && twice.body.contains("data-testid=\"namesakes\""))
                #expect(twice.body.contains("周敏（档案管理）"))
                let zhoumin = try #require(try await world.actor("zhoumin").person).id
                let done = try await web.post("/personnel/departures/\(departure.id)/handover", signed + [("to_person_id", zhoumin)], csrfFrom: page)
                #expect(done.status == .ok && done.body.contains("已移交1件载体"))
            }
        }
    }

    @Test("R-PE-6 a form's person can be typed by name, or 姓名（职务） among namesakes, beyond the first 500 listed")
    func personTypedByName() async throws {
        try await TestWorld.with { world in
            let unitID = try #require(try await world.actor("wangfang").person).unitID
            let other = try await world.services.organisation.createPerson(
                .system, Person(id: "", unitID: unitID, departmentID: nil, name: "周敏", post: "档案管理", tier: .important))
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let page = try await web.get("/personnel/events")
                let fields = [("kind", "foreign_contact"), ("occurred_on", world.services.clock.today.iso), ("details", "参加国际会议结识外籍人员")]
                let twice = try await web.post("/personnel/events", fields + [("person_name", "周敏")], csrfFrom: page)
                #expect(twice.status.code == 422 && twice.body.contains("请写成“姓名（职务）”") && twice.body.contains("周敏（档案管理）"))
                let unknown = try await web.post("/personnel/events", fields + [("person_name", "无此人")], csrfFrom: page)
                #expect(unknown.status.code == 422 && unknown.body.contains("本单位没有“无此人”这名人员"))
                let done = try await web.post("/personnel/events", fields + [("person_name", "周敏（档案管理）")], csrfFrom: page)
                #expect(done.status == .ok)
                let events = try await world.services.personnel.events(try await world.actor("wangfang")).items
                #expect(events.contains { $0.personID == other.id && $0.details == "参加国际会议结识外籍人员" })
                // A class's participants typed one per line (R-TR-1): namesakes by 姓名（职务）, a missing name refused.
                let training = try await web.get("/personnel/training")
                let classFields = [
                    ("kind", "general"), ("held_on", world.services.clock.today.iso), ("hours", "2"), ("content", "新规解读"), ("form", "讲座"),
                    ("organiser", "保密办"),
                ]
                let missing = try await web.post(
                    "/personnel/training/classes", classFields + [("participant_names", "张伟\n无此人")], csrfFrom: training)
                #expect(missing.status.code == 422 && missing.body.contains("没有“无此人”"))
                let recorded = try await web.post(
                    "/personnel/training/classes", classFields + [("participant_names", "张伟\n周敏（档案管理）"), ("absent_names", "王芳")], csrfFrom: training)
                #expect(recorded.status == .ok && recorded.body.contains("参加2人，缺席1人"))
            }
        }
    }
}
