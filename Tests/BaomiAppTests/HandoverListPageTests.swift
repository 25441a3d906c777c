import Areas
import CarrierServices
import Carriers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

@testable import BaomiApp

/// R-CA-15 / R-PE-8 / R-KS-4: the 移交清单 on the web and in the API — on both files with its printout, on the leaving
/// 保密员's checklist as the 工作交接, titles only of the carriers the reader may know.
@Suite("移交清单 — pages and API")
struct HandoverListPageTests {
    @Test("R-CA-15 R-KS-4 the file lists the hand-over; its printout names both persons, both signatures, the date, the known carriers, the rest counted")
    func printedList() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let office = try await world.actor("liuyang")
            let leaver = try #require(try await s.personnel.staff(named: "孙涛", clerk).first).id
            let successor = try #require(try await world.actor("zhoumin").person).id
            let hidden = try await world.receiveCarrier(clerk, title: "不应列出的U盘", scope: [leaver], mediumUser: leaver)
            _ = try await world.receiveCarrier(clerk, title: "应列出的U盘", scope: [leaver, try #require(office.person).id], mediumUser: leaver)
            let handover = try await s.carriers.handOver(clerk, fromPersonID: leaver, toPersonID: successor, leaverSigned: "孙涛", successorSigned: "周敏")
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let file = try await web.get("/personnel/file/\(leaver)")
                let print = "/personnel/file/\(leaver)/handovers/\(handover.id)/print"
                #expect(file.body.contains("data-testid=\"handovers\"") && file.body.contains(print) && file.body.contains("周敏"))
                let page = try await web.get(print)
                #expect(page.status == .ok && page.body.contains("涉密载体移交清单"))
                #expect(page.body.contains("应列出的U盘") && !page.body.contains("不应列出的U盘") && !page.body.contains(hidden.number))
                #expect(page.body.contains("移交人：孙涛　接收人：周敏") && page.body.contains(s.clock.today.chinese) && page.body.contains("共2件"))
                #expect(page.body.contains("其中1件不在查阅人可知悉的范围内"))
                #expect(page.body.contains("移交人（签字）") && page.body.contains("接收人（签字）"))
                // Through the successor's file, the same list.
                #expect(try await web.get("/personnel/file/\(successor)/handovers/\(handover.id)/print").status == .ok)

                // R-PE-15: a 承办人 reads no one else's file — not found, as a missing list is.
                var handler = WebClient(client)
                _ = try await handler.login("zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                #expect(try await handler.get(print).status == .notFound)

                // The API: the same list, a page at a time.
                let api = try await APIChecker(client)
                let token = try await APITestClient.token(client, "liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let r = try await api.check(.get, "/api/v1/personnel/\(leaver)/handovers/\(handover.id)", token, expect: 200)
                let body = try #require(r.object as? [String: Any])
                let lines = try #require(body["lines"] as? [String: Any])
                #expect((lines["items"] as? [[String: Any]])?.compactMap { $0["title"] as? String } == ["应列出的U盘"] && body["hidden"] as? Int == 1)
                let handlerToken = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                _ = try await api.check(.get, "/api/v1/personnel/\(leaver)/handovers/\(handover.id)", handlerToken, expect: 404)
                let fileJSON = try await api.check(.get, "/api/v1/personnel/\(leaver)/file", token, expect: 200)
                #expect((fileJSON.object as? [String: Any])?["handovers"].flatMap { $0 as? [[String: Any]] }?.first?["id"] as? String == handover.id)
            }
        }
    }

    @Test("R-PE-8 R-CA-15 the leaving 保密员's checklist shows the 工作交接 done by the 移交清单 it links to, with no note to tick")
    func checklistPointsToTheList() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let office = try await world.actor("liuyang")
            let wangfang = try #require(clerk.person).id
            _ = try await world.receiveCarrier(clerk, title: "王芳使用的涉密U盘", scope: [wangfang], mediumUser: wangfang)
            let d = try await s.personnel.openDeparture(
                office, .init(personID: wangfang, kind: .leavePost, leavingOn: s.clock.today, declearingMonths: 36, earlyConsent: "保密委员会同意"))
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let before = try await web.get("/personnel/departures/\(d.id)")
                #expect(before.body.contains(#"<tr data-item="clerk_handover"><td>保密员工作交接</td><td></td>"#))
                let fields = [("from_person_id", wangfang), ("to_name", "周敏"), ("leaver_signed", "王芳"), ("successor_signed", "周敏")]
                let after = try await web.post("/personnel/departures/\(d.id)/handover", fields, csrfFrom: before)
                #expect(after.status == .ok && after.body.contains("移交清单已登记"))
                let list = try #require(try await s.personnel.departureGate(office, departureID: d.id).handover)
                let item = after.body.components(separatedBy: #"<tr data-item="clerk_handover">"#).dropFirst().first
                let row = try #require(item?.components(separatedBy: "</tr>").first)
                #expect(row.contains("移交清单：\(s.clock.today.iso)移交") && row.contains("/personnel/file/\(wangfang)/handovers/\(list.list.id)/print"))
                #expect(!row.contains("name=\"note\""), "no note to tick once the list is signed")
            }
        }
    }
}
