import Accounts
import CarrierServices
import Carriers
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

func personID(_ world: TestWorld, named name: String) async throws -> String {
    try await world.services.database.read { db in
        try #require(try await db.raw("SELECT id FROM persons WHERE name = \(bind: name)").first()).decode(column: "id", as: String.self)
    }
}

func refusal(_ body: () async throws -> Void) async -> String {
    do {
        try await body()
        return "allowed"
    } catch let e as any DomainError {
        return [e.code, e.ruleID].compactMap { $0 }.joined(separator: " ")
    } catch { return "\(error)" }
}

/// 涉密人员 — the flows through the service, on SQLite and PostgreSQL.
@Suite("涉密人员 — appointment, departure, hand-over, training, files")
struct PersonnelFlowTests {
    @Test("R-PE-10 R-PE-2 the tier needs a post and stays within it; appointment needs the passed review")
    func appointment() async throws {
        try await TestWorld.with { world in
            let p = world.services.personnel
            let clerk = try await world.actor("wangfang")
            let secadmin = try await world.actor("secadmin")
            let wuhao = try #require(try await world.actor("wuhao").person).id
            // 吴昊 holds no post: a tier for him is refused; 非涉密 is not.
            #expect(await refusal { try await world.services.personnel.setTier(secadmin, personID: wuhao, tier: .general) } == "personnel.no_post R-PE-10")
            try await world.services.personnel.setTier(secadmin, personID: wuhao, tier: .none)
            let post = try await p.createPost(clerk, name: "文印", departmentID: nil, highestLevel: .secret, keyPart: false, roles: [])
            #expect(post.tier == .general)
            #expect(await refusal { _ = try await p.appoint(clerk, personID: wuhao, postID: post.id, tier: .general) } == "personnel.review_missing R-PE-2")
            _ = try await p.recordReview(
                clerk,
                .init(
                    personID: wuhao, postID: post.id, kind: .preAppointment, eligibility: .allMet, personnelOpinion: "符合", secrecyOpinion: "同意",
                    decidedBy: "陈军", passed: true))
            #expect(await refusal { _ = try await p.appoint(clerk, personID: wuhao, postID: post.id, tier: .general) } == "personnel.commitment_missing R-PE-4")
            _ = try await p.recordCommitment(clerk, personID: wuhao, kind: .pledge, signedOn: nil, note: "")
            #expect(await refusal { _ = try await p.appoint(clerk, personID: wuhao, postID: post.id, tier: .important) } == "personnel.tier_above_post R-PE-10")
            let appointed = try await p.appoint(clerk, personID: wuhao, postID: post.id, tier: .general)
            #expect(appointed.status == .serving)
            #expect(try await world.actor("wuhao").person?.tier == .general)
            #expect(
                await refusal { try await world.services.personnel.setTier(secadmin, personID: wuhao, tier: .important) } == "personnel.tier_above_post R-PE-10"
            )
            // R-PE-15: a 承办人 keeps no register.
            #expect(await refusal { _ = try await p.register(try await world.actor("zhangwei")) } == "personnel.keepers_only R-PE-15")
            let page = try await p.register(clerk)
            #expect(page.items.contains { $0.personID == wuhao && $0.postName == "文印" })
        }
    }

    @Test("R-PE-16 R-CA-15 an operator who may not know the leaver's carrier cannot complete, learns no title; the hand-over clears it")
    func departureGate() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let office = try await world.actor("liuyang")
            let leaver = try await personID(world, named: "孙涛")
            let successor = try #require(try await world.actor("zhoumin").person).id
            let title = "孙涛使用的涉密U盘甲"
            let medium = try await world.receiveCarrier(clerk, title: title, scope: [leaver], mediumUser: leaver)
            let departure = try #require(try await s.personnel.departures(office).items.first { $0.personID == leaver && $0.completedOn == nil })
            for item in PersonnelRules.requiredItems(post: nil) where item.recordedByHand {
                _ = try await s.personnel.recordDepartureItem(office, departureID: departure.id, item: item, note: "已办")
            }
            // 刘洋 (保密办) is outside the medium's scope: the count, never the title.
            let gate = try await s.personnel.departureGate(office, departureID: departure.id)
            #expect(gate.outstanding == 1 && gate.visible.isEmpty && gate.hidden == 1)
            do {
                _ = try await s.personnel.completeDeparture(office, departureID: departure.id)
                Issue.record("completed with a medium out")
            } catch let e as any DomainError {
                #expect(e.ruleID == "R-PE-16" && e.message.contains("尚有1件") && !e.message.contains(title))
            }
            // R-CA-15: the 保密员 hands the medium to a named successor, signed by both; the gate opens.
            let handover = try await s.carriers.handOver(clerk, fromPersonID: leaver, toPersonID: successor, leaverSigned: "孙涛", successorSigned: "周敏")
            #expect(handover.carrierCount == 1)
            let moved = try await s.carriers.detail(clerk, id: medium.id)
            #expect(moved.carrier.medium?.userPersonID == successor)
            #expect(try await s.personnel.departureGate(office, departureID: departure.id).outstanding == 0)
            let done = try await s.personnel.completeDeparture(office, departureID: departure.id)
            #expect(done.completedOn != nil)
            let file = try await s.personnel.file(office, personID: leaver)
            #expect(file.record?.status == .declearing && file.record?.declearingUntil == done.declearingUntil)
            #expect(file.person.tier == .none)
        }
    }

    @Test("R-PE-7 completing locks the leaver's accounts, removes roles and ends the 定密责任人 appointment; the sweep ends the 脱密期")
    func departureEffects() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let office = try await world.actor("liuyang")
            let lihua = try #require(try await world.actor("lihua").person).id
            #expect(
                await refusal {
                    _ = try await s.personnel.openDeparture(office, .init(personID: lihua, kind: .leaveJob, leavingOn: s.clock.today, declearingMonths: 6))
                }
                    == "personnel.declearing_too_short R-PE-7")
            let d = try await s.personnel.openDeparture(office, .init(personID: lihua, kind: .leaveJob, leavingOn: s.clock.today, declearingMonths: 12))
            func opened() async throws -> Int64? {
                try await s.database.read { db in
                    try await db.raw("SELECT created_at FROM departures WHERE id = \(bind: d.id)").first()?.decode(column: "created_at", as: Int64.self)
                }
            }
            let openedAt = try await opened()
            world.clock.advance(by: 60)
            #expect(await refusal { _ = try await s.personnel.completeDeparture(office, departureID: d.id) } == "personnel.leaving_commitment R-PE-4")
            // A leaving commitment signed before this appointment (an earlier post's) does not cover this departure.
            let appointed = try #require(try await s.personnel.file(office, personID: lihua).record).appointedOn
            _ = try await s.personnel.recordCommitment(office, personID: lihua, kind: .leaving, signedOn: appointed.adding(days: -1), note: "原岗位")
            #expect(await refusal { _ = try await s.personnel.completeDeparture(office, departureID: d.id) } == "personnel.leaving_commitment R-PE-4")
            #expect(try await s.personnel.departureGate(office, departureID: d.id).leavingCommitments.isEmpty)
            _ = try await s.personnel.recordCommitment(office, personID: lihua, kind: .leaving, signedOn: nil, note: "")
            #expect(await refusal { _ = try await s.personnel.completeDeparture(office, departureID: d.id) } == "personnel.checklist_incomplete R-PE-7")
            for item in PersonnelRules.requiredItems(post: nil) where item.recordedByHand {
                _ = try await s.personnel.recordDepartureItem(office, departureID: d.id, item: item, note: "已办")
            }
            _ = try await s.personnel.completeDeparture(office, departureID: d.id)
            // The register pages departures by when they were opened: a step does not move one.
            #expect(try await opened() == openedAt)
            let (locked, roles, officers) = try await s.database.read { db in
                let u = try #require(try await db.raw("SELECT id, locked FROM users WHERE person_id = \(bind: lihua)").first())
                let id = try u.decode(column: "id", as: String.self)
                let roles = try await db.raw("SELECT COUNT(*) AS n FROM user_roles WHERE user_id = \(bind: id)").first()?.decode(column: "n", as: Int.self)
                let officers = try await db.raw("SELECT removal_reason FROM officers WHERE person_id = \(bind: lihua)").all().map {
                    try $0.decode(column: "removal_reason", as: String?.self)
                }
                return (try u.decode(column: "locked", as: Int.self), roles, officers)
            }
            #expect(locked == 1 && roles == 0 && !officers.isEmpty && officers.allSatisfy { $0 == "leaving" })
            world.clock.advance(by: 366 * 86_400)
            #expect(try await s.personnel.sweep() >= 1)
            #expect(try await s.personnel.file(office, personID: lihua).record?.status == .cleared)
        }
    }

    @Test("R-PE-3 the 涉密人员名单 is filed with the same-level administration as a filing of its own kind; a change makes it due again")
    func rosterFiling() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            #expect(try await s.personnel.rosterFilingDue(clerk))
            try await s.personnel.fileRoster(clerk)
            #expect(try await !s.personnel.rosterFilingDue(clerk))
            let filings = try await s.classification.supervision(try await world.actor("sunli")).filings.filter { $0.kind == .personnelRoster }
            let filing = try #require(filings.first)
            #expect(filing.summary.contains("涉密人员名单") && filing.content.contains("王芳｜保密员"))
            world.clock.advance(by: 60)
            _ = try await s.personnel.removeFromPost(clerk, personID: try #require(try await world.actor("zhoumin").person).id, ground: .failedToReport)
            #expect(try await s.personnel.rosterFilingDue(clerk))
        }
    }

    @Test("R-PE-9 R-PE-7 a removal ends the clearance at once and opens the departure checklist with the tier's 脱密期 floor; it completes like any departure")
    func removalOpensChecklist() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let zhoumin = try #require(try await world.actor("zhoumin").person).id
            let removed = try await s.personnel.removeFromPost(clerk, personID: zhoumin, ground: .unapprovedTravel)
            #expect(removed.status == .removed && removed.tier == .none)
            let d = try #require(try await s.personnel.departures(clerk).items.first { $0.personID == zhoumin && $0.completedOn == nil })
            #expect(d.destination.contains("未经批准擅自出国（境）") && d.declearingMonths == PersonnelRules.declearingFloorMonths(.general))
            #expect(await refusal { _ = try await s.personnel.completeDeparture(clerk, departureID: d.id) } == "personnel.leaving_commitment R-PE-4")
            _ = try await s.personnel.recordCommitment(clerk, personID: zhoumin, kind: .leaving, signedOn: nil, note: "")
            for item in PersonnelRules.requiredItems(post: nil) where item.recordedByHand {
                _ = try await s.personnel.recordDepartureItem(clerk, departureID: d.id, item: item, note: "已办")
            }
            _ = try await s.personnel.completeDeparture(clerk, departureID: d.id)
            #expect(try await s.personnel.file(clerk, personID: zhoumin).record?.status == .declearing)
        }
    }
}
