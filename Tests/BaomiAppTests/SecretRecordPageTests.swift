import Accounts
import Audit
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Storage
import TestSupport
import Testing

/// The secret's page is read in one read (`ClassificationService.recordPage`): what it shows is what the detail shows,
/// its knowers are the secret's scope, it offers exactly the actions their forms accept, and a refused read is audited
/// exactly as `detail` audits it.
@Suite("定密审核表 — the secret's page in one read")
struct SecretRecordPageTests {
    @Test(
        "R-KS-4 R-KS-2 R-SY-3 the page shows what detail shows, the scope as its knowers, and offers exactly what checkAction accepts, for every user and secret they may see"
    )
    func sameAsSeparateReads() async throws {
        try await TestWorld.with { world in
            let secrets = world.services.classification
            var compared = 0
            var offered = 0
            for username in ["chenjun", "lihua", "zhaoqiang", "zhangwei", "wangfang", "zhoumin"] {
                let actor = try await world.actor(username)
                for secret in try await secrets.everything(actor, filter: SecretFilter()).prefix(8) {
                    let page = try await secrets.recordPage(actor, id: secret.id)
                    let (detail, events) = try await secrets.detail(actor, id: secret.id)
                    #expect(page.secret == detail, "\(username) \(secret.id)")
                    #expect(page.events.map(\.summary) == events.map(\.summary))
                    #expect(Set(page.knowers.map(\.personID)) == Set(detail.scope), "\(username) \(secret.id)")
                    // The buttons shown are the actions whose form would go through (the form's own check).
                    for action in SecretAction.onSecret {
                        let accepted = (try? await secrets.checkAction(actor, action, secretID: secret.id)) != nil
                        #expect(page.offer.onSecret.contains(action) == accepted, "\(username) \(secret.id) \(action)")
                    }
                    for objection in page.objections {
                        for action in SecretAction.allCases where action.isOnObjection {
                            let accepted = (try? await secrets.checkAction(actor, action, secretID: secret.id, objectionID: objection.id)) != nil
                            #expect((page.offer.onObjections[objection.id] ?? []).contains(action) == accepted, "\(username) \(objection.id) \(action)")
                        }
                    }
                    offered += page.offer.onSecret.count
                    compared += 1
                }
            }
            #expect(compared > 20, "the demo users see secrets, so the comparison compares something")
            #expect(offered > 0, "some action is offered, so the offer is compared with accepted forms")
        }
    }

    @Test("R-SY-2 a hidden secret and a missing one are refused alike on the page, each with one audited denial; R-SY-3 a 机密 read is audited")
    func refusedAndAudited() async throws {
        try await TestWorld.with { world in
            let zhoumin = try await world.actor("zhoumin")
            let wangfang = try await world.actor("wangfang")
            let hidden = try #require(
                try await world.services.classification.everything(wangfang, filter: SecretFilter(level: .confidential, status: .inForce)).first)
            func entries(_ actor: String, _ outcome: AuditOutcome) async throws -> Int {
                try await world.services.audit.browse(.system, AuditFilter(actor: actor, action: "secret.read", outcome: outcome)).total
            }
            let before = try await entries("zhoumin", .denied)
            await #expect(throws: Refusal.notFound) { _ = try await world.services.classification.recordPage(zhoumin, id: hidden.id) }
            #expect(try await entries("zhoumin", .denied) == before + 1)
            await #expect(throws: Refusal.notFound) { _ = try await world.services.classification.recordPage(zhoumin, id: IDs.make()) }
            #expect(try await entries("zhoumin", .denied) == before + 2)
            let reads = try await entries("wangfang", .ok)
            _ = try await world.services.classification.recordPage(wangfang, id: hidden.id)
            #expect(try await entries("wangfang", .ok) == reads + 1)
        }
    }
}
