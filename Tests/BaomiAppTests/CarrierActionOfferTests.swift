import Accounts
import Areas
import BaomiApp
import Carriers
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import Storage
import TestSupport
import Testing

@testable import CarrierServices

/// Issue 10: the carrier page offers an action exactly when the service accepts it. The page's action bar and the
/// service's steps both come from `CarrierRules.refusal`; this proves they have not drifted apart, for every action,
/// over the demo's users and carriers in every state.
@Suite("国家秘密载体 — the action bar offers what the steps accept")
struct CarrierActionOfferTests {
    /// Valid input for every step on one carrier: a safe of its unit, a cleared person of its scope, a leader of its unit.
    struct Inputs {
        let safe: String, person: String, leader: String
    }

    /// The actions the carrier page's bar links to.
    static func bar(_ html: String) -> Set<CarrierAction> {
        var found: Set<CarrierAction> = []
        var rest = html[...]
        while let range = rest.range(of: "data-action=\"") {
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            if let action = CarrierAction(rawValue: String(rest[..<end])) { found.insert(action) }
        }
        return found
    }

    /// Calls the step's service operation with valid input.
    static func perform(_ action: CarrierAction, _ c: Carrier, _ input: Inputs, by actor: Actor, _ s: Services) async throws {
        let cs = s.carriers
        let due = s.clock.today.adding(days: 7)
        switch action {
        case .store: _ = try await cs.store(actor, carrierID: c.id, safeID: input.safe)
        case .circulate: _ = try await cs.circulate(actor, carrierID: c.id, readerPersonID: input.person, readingRoom: "保密室阅文室")
        case .takeBack: _ = try await cs.takeBack(actor, carrierID: c.id)
        case .lend: _ = try await cs.lend(actor, carrierID: c.id, borrowerPersonID: input.person, approvedBy: input.leader, due: due)
        case .copy: _ = try await cs.copy(actor, carrierID: c.id, approvedBy: input.leader, originatorConsent: "来文机关同意（函）", copies: 1, recipient: "李华")
        case .carryOut:
            _ = try await cs.carryOut(
                actor, carrierID: c.id, holderPersonID: input.person, approvedBy: input.leader, companions: ["同行人"], abroad: false, exitPermit: nil)
        case .dispatch:
            _ = try await cs.dispatch(
                actor, carrierID: c.id, recipient: "江海市海洋科学研究所", approvedDistribution: ["江海市海洋科学研究所"], channel: .confidentialCourier,
                outOfTown: true, escorts: ["王芳", "刘洋"])
        case .returnToIssuer: _ = try await cs.returnToIssuer(actor, carrierID: c.id, note: "")
        case .retain: _ = try await cs.retain(actor, carrierID: c.id, reason: "已立卷归档")
        case .destroy:
            _ = try await cs.destroy(
                actor, carrierIDs: [c.id], approvedBy: input.leader, persons: ["王芳", "刘洋"], method: c.kind == .medium ? .destructionCentre : .shredder)
        case .repair: _ = try await cs.repair(actor, carrierID: c.id, mode: .inHouse, supervisor: nil, vendor: nil, offSite: false, dataRecovery: false)
        case .loss: _ = try await cs.reportLoss(actor, carrierID: c.id, kind: "丢失", summary: "清点时未找到")
        case .mediumWrite: _ = try await cs.storeOnMedium(actor, carrierID: c.id, contentLevel: .secret)
        }
    }

    @Test(
        "R-CA-11 R-CA-4 R-CA-5 R-CA-6 R-CA-7 R-CA-9 R-CA-10 R-CA-12 R-CA-14 R-MD-2 R-KS-4 every carrier action is offered exactly when the service accepts it"
    )
    func offeredExactlyWhenAccepted() async throws {
        try await TestWorld.with(carriers: true) { world in
            let s = world.services
            let users = ["wangfang", "liuyang", "zhangwei", "chenjun", "lihua", "zhoumin", "maling"]
            var actors: [String: Actor] = [:]
            for user in users { actors[user] = try await world.actor(user) }
            let wangfang = actors["wangfang"]!
            let maling = actors["maling"]!
            // The enterprise has no leader in the demo: one approves its 保密员's steps here.
            let boss = try await s.organisation.createPerson(
                .system, Person(id: "", unitID: maling.person!.unitID, departmentID: nil, name: "马厂长", tier: .important))
            _ = try await s.accounts.create(
                .system, NewAccount(username: "machang", displayName: "马厂长", personID: boss.id, password: TestPasswords.demo, roles: [.leader]))
            // A carrier the 保密办 knows of, as well as a handler and a leader.
            let liuyang = actors["liuyang"]!.person!.id
            let serials = try CarrierRules.serials(copies: 1)
            let shared = try await s.carriers.receive(
                wangfang,
                CarrierInput(
                    kind: .paper, title: "保密办知悉的来文", documentNumber: "江府办〔2026〕9号", originatingUnit: "江海市人民政府办公室", marking: "秘密★5年",
                    copies: 1, scope: [liuyang, actors["zhangwei"]!.person!.id, actors["chenjun"]!.person!.id]),
                check: CarrierRules.ReceiptCheck(
                    packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: serials, foundSerials: serials, markedLevel: .secret,
                    listedLevel: .secret, addresseeMatches: true)
            ).carrier

            // The carriers: one in every status, every kind in stock, a retained one, a copy, the enterprise's, the shared one.
            let own = try await s.carriers.everything(wangfang, filter: CarrierFilter())
            var picked: [Carrier] = CarrierStatus.allCases.compactMap { status in own.first { $0.status == status } }
            picked += CarrierKind.allCases.compactMap { kind in own.first { $0.kind == kind && $0.status == .inStock } }
            picked += [own.first { $0.retained && $0.status == .inStock }, own.first { $0.originalID != nil }].compactMap { $0 }
            picked += [try #require(try await s.carriers.everything(maling, filter: CarrierFilter()).first), shared]
            var unique: [Carrier] = []
            for c in picked where !unique.contains(where: { $0.id == c.id }) { unique.append(c) }
            let carriers = unique
            #expect(Set(carriers.map(\.status)) == Set(CarrierStatus.allCases))
            #expect(carriers.contains { $0.kind == .medium && $0.status == .inStock })

            // Valid input for each carrier, from its own unit and scope.
            let leaders = [wangfang.person!.unitID: actors["chenjun"]!.person!.id, maling.person!.unitID: boss.id]
            let safes = try await s.carriers.safes(wangfang) + s.carriers.safes(maling)
            var inputs: [String: Inputs] = [:]
            for c in carriers {
                let (_, scope) = try #require(try await s.database.read { db in try await CarrierStore.unchecked(id: c.id, on: db) })
                var cleared: [String] = []
                for pid in scope.sorted() {
                    if let p = try await s.organisation.person(id: pid), p.unitID == c.unitID, p.tier.covers(.stateSecret(c.level)) { cleared.append(pid) }
                }
                let safe = try #require(safes.first { $0.unitID == c.unitID && (try? CarrierRules.checkStorage(level: c.level, safe: $0)) != nil })
                inputs[c.id] = Inputs(safe: safe.id, person: try #require(cleared.first), leader: try #require(leaders[c.unitID]))
            }

            // What each user's carrier page offers.
            let offered: [String: Set<CarrierAction>] = try await testApplication(world).test(.router) { client in
                var offered: [String: Set<CarrierAction>] = [:]
                for user in users {
                    var web = WebClient(client)
                    try await web.login(user, TestPasswords.demo)
                    for c in carriers {
                        let page = try await web.get("/carriers/\(c.id)")
                        #expect(page.status == .ok || page.status == .notFound, "\(user) \(c.number): \(page.status)")
                        offered["\(user)|\(c.id)"] = page.status == .ok ? Self.bar(page.body) : []
                    }
                }
                return offered
            }

            // Every (user, carrier, action): refused when not offered (nothing changes), accepted when offered (then the
            // carrier is put back as it was, so the next case sees the same world).
            var seenOffered: Set<CarrierAction> = []
            var seenRefused: Set<CarrierAction> = []
            for user in users {
                let actor = actors[user]!
                for c in carriers {
                    let shown = offered["\(user)|\(c.id)"] ?? []
                    for action in CarrierAction.allCases {
                        let before = try await s.database.read { db in try await CarrierStore.unchecked(id: c.id, on: db) }
                        var accepted = false
                        do {
                            try await Self.perform(action, c, inputs[c.id]!, by: actor, s)
                            accepted = true
                        } catch let refusal as any DomainError {
                            if shown.contains(action) {
                                Issue.record(
                                    "\(user) \(action.rawValue) \(c.number)（\(c.status.chinese)）offered but refused: \(refusal.code) \(refusal.message)")
                            }
                        }
                        #expect(accepted == shown.contains(action), "\(user) \(action.rawValue) on \(c.number)（\(c.status.chinese)）")
                        if accepted, let (carrier, scope) = before {
                            try await s.database.transaction { db in
                                try await CarrierStore.save(carrier, scope: scope, at: s.nowMillis, addedBy: "", reason: "test restore", on: db)
                            }
                        }
                        if shown.contains(action) { seenOffered.insert(action) } else { seenRefused.insert(action) }
                    }
                }
            }
            // The matrix is not vacuous: every action was offered somewhere and refused somewhere.
            #expect(seenOffered == Set(CarrierAction.allCases))
            #expect(seenRefused == Set(CarrierAction.allCases))
            #expect(offered["liuyang|\(shared.id)"]?.contains(.store) == true)
            #expect(offered["zhangwei|\(shared.id)"] == [.loss])
        }
    }
}

/// One page per action: the carrier's page lists the actions, each action has its own form page.
@Suite("国家秘密载体 — one page per action")
struct CarrierActionPageTests {
    @Test("R-CA-5 R-CA-6 R-KS-4 each action has its own page; a step not allowed now or a refused one answers on that page, a hidden carrier is missing")
    func actionPages() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let wangfang = try await world.actor("wangfang")
            let (chenjun, lihua) = (try await world.actor("chenjun").person!.id, try await world.actor("lihua").person!.id)
            let serials = try CarrierRules.serials(copies: 1)
            let carrier = try await s.carriers.receive(
                wangfang,
                CarrierInput(
                    kind: .paper, title: "单页办理测试件", documentNumber: "江府办〔2026〕5号", originatingUnit: "江海市人民政府办公室", marking: "机密★10年",
                    copies: 1, scope: [chenjun, lihua]),
                check: CarrierRules.ReceiptCheck(
                    packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: serials, foundSerials: serials, markedLevel: .confidential,
                    listedLevel: .confidential, addresseeMatches: true)
            ).carrier
            let base = "/carriers/\(carrier.id)"
            try await testApplication(world).test(.router) { client in
                var clerk = WebClient(client)
                try await clerk.login("wangfang", TestPasswords.demo)
                let detail = try await clerk.get(base)
                // The page lists the actions, each a link with its regulation; no action's form is on it.
                #expect(CarrierActionOfferTests.bar(detail.body) == Set(CarrierRules.allowed(on: carrier, by: CarrierViewer(wangfang), today: s.clock.today)))
                #expect(detail.body.contains("href=\"\(base)/store\"") && detail.body.contains(CarrierAction.store.regulation))
                #expect(!detail.body.contains("name=\"safe_id\"") && !detail.body.contains("name=\"borrower\""))
                for action in CarrierRules.allowed(on: carrier, by: CarrierViewer(wangfang), today: s.clock.today) {
                    let page = try await clerk.get("\(base)/\(action.rawValue)")
                    #expect(page.status == .ok, "\(action)")
                    #expect(page.body.contains("action=\"\(base)/\(action.rawValue)\"") && page.body.contains("data-testid=\"action-form\""), "\(action)")
                    #expect(page.body.contains(carrier.number) && page.body.contains("机密★10年") && page.body.contains("单页办理测试件"), "\(action)")
                    #expect(page.body.contains(action.regulation) && page.body.contains("href=\"\(base)\""), "\(action)")
                }
                let store = try await clerk.get("\(base)/store")
                #expect(store.body.contains("name=\"safe_id\"") && !store.body.contains("name=\"borrower\""))
                // Not allowed now: the page answers as the step would refuse, without a form.
                let takeBack = try await clerk.get("\(base)/take-back")
                #expect(takeBack.status == .conflict && takeBack.body.contains("无需收回") && !takeBack.body.contains("action-form"))
                // A refused step shows its own form again, with the rule and what was typed.
                let lend = try await clerk.get("\(base)/lend")
                let refused = try await clerk.post("\(base)/lend", [("borrower", lihua), ("approved_by", ""), ("due_on", "2026-12-20")], csrfFrom: lend)
                #expect(refused.status == .unprocessableContent && refused.body.contains("R-CA-5") && refused.body.contains("name=\"borrower\""))
                #expect(refused.body.contains("value=\"2026-12-20\"") && !refused.body.contains("name=\"safe_id\""))
                // Done: back to the carrier's page, which says what was done.
                let done = try await clerk.post("\(base)/lend", [("borrower", lihua), ("approved_by", chenjun), ("due_on", "2026-12-20")], csrfFrom: lend)
                #expect(done.status == .seeOther || done.status == .found)
                #expect(done.location == "\(base)?done=lend")
                let after = try await clerk.get(done.location ?? base)
                #expect(after.body.contains("已办理：借出") && CarrierActionOfferTests.bar(after.body) == [.takeBack, .loss])
                // The registers' printouts keep their addresses beside the actions' pages.
                #expect(try await clerk.get("/carriers/books/copy").status == .ok)
                #expect(try await clerk.get("/carriers/books/dispatch").status == .ok)
                // A handler who knows the carrier may not keep the register; one who does not know it finds nothing.
                var handler = WebClient(client)
                try await handler.login("chenjun", TestPasswords.demo)
                let forbidden = try await handler.get("\(base)/store")
                #expect(forbidden.status == .forbidden && !forbidden.body.contains("action-form"))
                #expect(try await handler.get("\(base)/loss").status == .ok)
                var outsider = WebClient(client)
                try await outsider.login("zhoumin", TestPasswords.demo)
                let missing = try await outsider.get("/carriers/no-such-id/store")
                for action in CarrierAction.allCases {
                    let hidden = try await outsider.get("\(base)/\(action.rawValue)")
                    #expect(hidden.status == .notFound && hidden.body == missing.body && !hidden.body.contains("单页办理测试件"), "\(action)")
                }
            }
        }
    }
}
