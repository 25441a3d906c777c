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
