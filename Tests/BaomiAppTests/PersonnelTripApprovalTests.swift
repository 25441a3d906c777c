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

/// R-PE-5: an application abroad gets the 组织人事部门's and the 保密工作机构's opinions, each entered by its own keepers,
/// before the approver decides; a 部门负责人 decides only for their own department.
@Suite("出国（境）意见与审批")
struct PersonnelTripApprovalTests {
    @Test("R-PE-5 the keepers enter their opinions on the application; the approver sees them and supplies only a missing one")
    func opinionsBeforeApproval() async throws {
        try await TestWorld.with { world in
            let trip = try #require(try await world.services.personnel.tripsAwaitingApproval(try await world.actor("chenjun")).first)
            try await testApplication(world).test(.router) { client in
                var office = WebClient(client)
                _ = try await office.login("liuyang", TestPasswords.demo, otp: try await world.otp("liuyang"))
                let trips = try await office.get("/personnel/trips")
                #expect(trips.body.contains("data-testid=\"trip-opinion\"") && trips.body.contains("保密工作机构意见"))
                let blank = try await office.post("/personnel/trips/\(trip.id)/opinion", [("opinion", "  ")], csrfFrom: trips)
                #expect(blank.status.code == 422 && blank.body.contains("请填写意见"))
                let done = try await office.post("/personnel/trips/\(trip.id)/opinion", [("opinion", "同意，行前进行保密教育")], csrfFrom: trips)
                #expect(done.status == .ok && done.body.contains("保密工作机构：同意，行前进行保密教育"))
                // The leader sees the entered opinion, and is asked only for the one missing.
                var leader = WebClient(client)
                _ = try await leader.login("chenjun", TestPasswords.demo, otp: try await world.otp("chenjun"))
                let page = try await leader.get("/personnel/approvals")
                #expect(page.body.contains("保密工作机构意见：同意，行前进行保密教育") && !page.body.contains("name=\"secrecy_opinion\""))
                #expect(page.body.contains("name=\"personnel_opinion\""))
                let approved = try await leader.post(
                    "/personnel/approvals/\(trip.id)", [("personnel_opinion", "同意"), ("secrecy_opinion", "改写的意见")], csrfFrom: page)
                #expect(approved.status == .ok)
                let stored = try #require(try await world.services.personnel.trips(try await world.actor("liuyang")).items.first { $0.id == trip.id })
                #expect(stored.status == .approved && stored.secrecyOpinion == "同意，行前进行保密教育" && stored.personnelOpinion == "同意")
                // Once decided, no more opinions.
                let late = try await office.post("/personnel/trips/\(trip.id)/opinion", [("opinion", "补充意见")], csrfFrom: trips)
                #expect(late.status.code == 409)
                // The API: a handler may not enter an opinion.
                let api = try await APIChecker(client)
                let handler = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                _ = try await api.check(.post, "/api/v1/trips/\(trip.id)/opinion", handler, #"{"opinion":"同意"}"#, expect: 403)
                let clerk = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                _ = try await api.check(.post, "/api/v1/trips/\(trip.id)/opinion", clerk, #"{"opinion":"同意"}"#, expect: 409)
            }
        }
    }

    @Test("R-PE-5 a 部门负责人 decides only their own department's applications; a 单位领导 decides any")
    func departmentHeadOwnDepartment() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let zhoumin = try #require(try await world.actor("zhoumin").person).id  // 科技与装备科
            let zhangwei = try #require(try await world.actor("zhangwei").person).id  // 规划科, 赵强's department
            let today = s.clock.today
            var ids: [String: String] = [:]
            for (name, person) in [("zhoumin", zhoumin), ("zhangwei", zhangwei)] {
                let t = try await s.personnel.applyTrip(
                    clerk,
                    .init(
                        personID: person, purpose: .official, destination: "新加坡", reason: "学术交流", departOn: today.adding(days: 20),
                        returnOn: today.adding(days: 25)))
                _ = try await s.personnel.tripOpinion(try await world.actor("liuyang"), tripID: t.id, opinion: "同意")
                ids[name] = t.id
            }
            let head = try await world.actor("zhaoqiang")
            let waiting = Set(try await s.personnel.tripsAwaitingApproval(head).map(\.id))
            #expect(waiting.contains(ids["zhangwei"]!) && !waiting.contains(ids["zhoumin"]!))
            let other = try await refusalCode {
                _ = try await s.personnel.approveTrip(head, tripID: ids["zhoumin"]!, personnelOpinion: "同意", secrecyOpinion: "", secrecyOrgConsent: "")
            }
            #expect(other == "personnel.trip_department R-PE-5")
            _ = try await s.personnel.approveTrip(head, tripID: ids["zhangwei"]!, personnelOpinion: "同意", secrecyOpinion: "", secrecyOrgConsent: "")
            let leader = try await world.actor("chenjun")
            #expect(try await s.personnel.tripsAwaitingApproval(leader).contains { $0.id == ids["zhoumin"]! })
            _ = try await s.personnel.approveTrip(leader, tripID: ids["zhoumin"]!, personnelOpinion: "同意", secrecyOpinion: "", secrecyOrgConsent: "")
        }
    }

    @Test("R-PE-5 whoever may approve an application may refuse it, with the reason; it leaves the queue and the trip, the file and the 审批表 show it")
    func refusal() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let zhoumin = try #require(try await world.actor("zhoumin").person).id  // 科技与装备科
            let today = s.clock.today
            @Sendable func apply() async throws -> String {
                try await s.personnel.applyTrip(
                    clerk,
                    .init(
                        personID: zhoumin, purpose: .official, destination: "日本", reason: "学术交流", departOn: today.adding(days: 30),
                        returnOn: today.adding(days: 37))
                ).id
            }
            let id = try await apply()
            // Only whoever may approve it: not a keeper, not a 部门负责人 of another department, not the traveller.
            #expect(await refusalCode { _ = try await s.personnel.refuseTrip(clerk, tripID: id, reason: "不宜") } == "personnel.trip_approver R-PE-5")
            #expect(
                await refusalCode { _ = try await s.personnel.refuseTrip(try await world.actor("zhaoqiang"), tripID: id, reason: "不宜") }
                    == "personnel.trip_department R-PE-5")
            let leader = try await world.actor("chenjun")
            #expect(await refusalCode { _ = try await s.personnel.refuseTrip(leader, tripID: id, reason: " \n ") } == "validation.invalid R-PE-5")
            #expect(try await s.personnel.tripsAwaitingApproval(leader).contains { $0.id == id }, "a refusal without a reason changes nothing")
            let refused = try await s.personnel.refuseTrip(leader, tripID: id, reason: "项目攻关期间，不宜出境")
            #expect(refused.status == .refused && refused.refusedOn == today && refused.refusalReason == "项目攻关期间，不宜出境")
            #expect(refused.refusedBy == (try await world.actor("chenjun").person?.name) && refused.approvedBy == nil)
            #expect(!(try await s.personnel.tripsAwaitingApproval(leader).contains { $0.id == id }), "a refused application leaves the queue")
            // Decided once: neither approved nor refused again, and no step follows.
            #expect(
                await refusalCode {
                    _ = try await s.personnel.approveTrip(leader, tripID: id, personnelOpinion: "同意", secrecyOpinion: "同意", secrecyOrgConsent: "")
                } == "personnel.trip_state R-PE-5")
            #expect(await refusalCode { _ = try await s.personnel.refuseTrip(leader, tripID: id, reason: "再次") } == "personnel.trip_state R-PE-5")
            #expect(await refusalCode { _ = try await s.personnel.tripStep(clerk, tripID: id, .educate, day: nil) } != nil)
            let stored = try #require(try await s.personnel.trips(clerk).items.first { $0.id == id })
            #expect(stored == refused, "the refusal is stored as decided")
            try await testApplication(world).test(.router) { client in
                // The keepers' register and the traveller's file show it; the 审批表 prints the decision and the reason.
                var keeper = WebClient(client)
                _ = try await keeper.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let trips = try await keeper.get("/personnel/trips")
                #expect(trips.body.contains("不予批准的理由：项目攻关期间，不宜出境") && trips.body.contains("未批准"))
                let file = try await keeper.get("/personnel/file/\(zhoumin)")
                #expect(file.body.contains("/personnel/file/\(zhoumin)/print/trip/\(id)") && file.body.contains("未批准"))
                let form = try await keeper.get("/personnel/file/\(zhoumin)/print/trip/\(id)")
                #expect(form.status == .ok && form.body.contains("不予批准（") && form.body.contains("项目攻关期间，不宜出境"))
                // The approver's page refuses with a reason, and asks for one.
                let second = try await apply()
                var approver = WebClient(client)
                _ = try await approver.login("chenjun", TestPasswords.demo, otp: try await world.otp("chenjun"))
                let page = try await approver.get("/personnel/approvals")
                #expect(page.body.contains("/personnel/approvals/\(second)/refuse") && page.body.contains("不予批准"))
                let blank = try await approver.post("/personnel/approvals/\(second)/refuse", [("refusal_reason", "")], csrfFrom: page)
                #expect(blank.status.code == 422 && blank.body.contains("请填写不予批准的理由"))
                let done = try await approver.post("/personnel/approvals/\(second)/refuse", [("refusal_reason", "与工作安排冲突")], csrfFrom: page)
                #expect(done.status == .ok && done.body.contains("已不予批准") && !done.body.contains("/personnel/approvals/\(second)/refuse"))
                // The API: the approver refuses with the reason; a keeper may not; the answer is the documented Trip.
                let third = try await apply()
                let api = try await APIChecker(client)
                let keeperToken = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                _ = try await api.check(.post, "/api/v1/trips/\(third)/refuse", keeperToken, #"{"refusal_reason":"不宜"}"#, expect: 403)
                let leaderToken = try await APITestClient.token(client, "chenjun", TestPasswords.demo, otp: try await world.otp("chenjun"))
                let answer = try await api.check(.post, "/api/v1/trips/\(third)/refuse", leaderToken, #"{"refusal_reason":"不宜"}"#, expect: 200)
                #expect(answer.text.contains(#""status":"refused""#) && answer.text.contains(#""refusal_reason":"不宜""#))
            }
        }
    }

    @Test("R-PE-5 the exit documents are kept on the trip and printed on its 审批表; a traveller still abroad after the return date is on the keepers' 待办")
    func exitDocumentsAndOverdueReturn() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let zhangwei = try #require(try await world.actor("zhangwei").person).id
            let today = s.clock.today
            func input(_ documents: String) -> PersonnelService.TripInput {
                .init(
                    personID: zhangwei, purpose: .official, destination: "新加坡", reason: "学术交流", departOn: today, returnOn: today.adding(days: 3),
                    exitDocuments: documents)
            }
            do {
                _ = try await s.personnel.applyTrip(clerk, input(String(repeating: "证", count: 101)))
                Issue.record("an over-long exit document is refused")
            } catch let refusal as Refusal {
                #expect(refusal.field == "exit_documents" && refusal.message.contains("出境证件"))
            }
            let trip = try await s.personnel.applyTrip(clerk, input(" 因公护照 P1234567 "))
            #expect(trip.exitDocuments == "因公护照 P1234567")
            _ = try await s.personnel.tripOpinion(try await world.actor("liuyang"), tripID: trip.id, opinion: "同意")
            _ = try await s.personnel.approveTrip(
                try await world.actor("chenjun"), tripID: trip.id, personnelOpinion: "同意", secrecyOpinion: "", secrecyOrgConsent: "")
            _ = try await s.personnel.tripStep(clerk, tripID: trip.id, .educate, day: nil)
            _ = try await s.personnel.tripStep(clerk, tripID: trip.id, .depart, day: nil)
            func overdue(_ username: String = "wangfang") async throws -> [TodoItem] {
                try await s.todos.items(for: try await world.actor(username)).filter { $0.title == "出国（境）逾期未归" }
            }
            #expect(try await overdue().isEmpty, "abroad within the dates: nothing to chase")
            world.clock.advance(by: 3 * 86_400)
            #expect(try await overdue().isEmpty, "the return date itself is not yet overdue")
            world.clock.advance(by: 86_400)
            let items = try await overdue()
            #expect(items.count == 1 && items.first?.urgent == true && items.first?.detail.hasPrefix("1人次") == true)
            // R-PE-15: only the keepers of files are told; the traveller's own 待办 is not.
            #expect(try await overdue("zhangwei").isEmpty)
            _ = try await s.personnel.tripStep(clerk, tripID: trip.id, .returned, day: nil)
            #expect(try await overdue().isEmpty, "back: the warning goes")
            try await testApplication(world).test(.router) { client in
                var keeper = WebClient(client)
                _ = try await keeper.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let form = try await keeper.get("/personnel/file/\(zhangwei)/print/trip/\(trip.id)")
                #expect(form.status == .ok && form.body.contains("出境证件") && form.body.contains("因公护照 P1234567"))
            }
        }
    }

    @Test("R-PE-11 R-CA-9 a trip takes only carriers the traveller carried out under an exit permit; the permit goes when the carrier comes back")
    func carriersAbroad() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let zhangwei = try #require(try await world.actor("zhangwei").person).id
            let carrier = try await world.receiveCarrier(clerk, title: "出境谈判口径", scope: [zhangwei])
            let today = s.clock.today
            let trip = try await s.personnel.applyTrip(
                clerk,
                .init(
                    personID: zhangwei, purpose: .official, destination: "新加坡", reason: "项目谈判", departOn: today, returnOn: today.adding(days: 5),
                    carrierIDs: [carrier.id]))
            _ = try await s.personnel.tripOpinion(try await world.actor("liuyang"), tripID: trip.id, opinion: "同意")
            _ = try await s.personnel.approveTrip(
                try await world.actor("chenjun"), tripID: trip.id, personnelOpinion: "同意", secrecyOpinion: "", secrecyOrgConsent: "")
            _ = try await s.personnel.tripStep(clerk, tripID: trip.id, .educate, day: nil)
            #expect(await refusalCode { _ = try await s.personnel.tripStep(clerk, tripID: trip.id, .depart, day: nil) } == "personnel.trip_carriers R-PE-11")
            _ = try await s.carriers.carryOut(
                clerk, carrierID: carrier.id, holderPersonID: zhangwei, approvedBy: try await world.actor("chenjun").person!.id, companions: [], abroad: true,
                exitPermit: "出境许可〔2026〕7号")
            let abroad = try await s.personnel.tripStep(clerk, tripID: trip.id, .depart, day: nil)
            #expect(abroad.status == .abroad)
            _ = try await s.carriers.takeBack(clerk, carrierID: carrier.id)
            let permit = try await s.database.read { db in
                try await db.raw("SELECT exit_permit FROM carriers WHERE id = \(bind: carrier.id)").first()?.decode(column: "exit_permit", as: String?.self)
            }
            #expect(permit == nil, "a carrier back in the register holds no exit permit")
        }
    }

    func refusalCode(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let e as any DomainError {
            return "\(e.code) \(e.ruleID ?? "")"
        } catch {
            return "\(error)"
        }
    }
}
