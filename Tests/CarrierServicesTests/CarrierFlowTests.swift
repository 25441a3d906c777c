import Accounts
import Areas
import Audit
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

/// The carrier register through the store: every step gated, recorded, and invisible to those who may not know.
@Suite("国家秘密载体 — the register through the store")
struct CarrierFlowTests {
    func ids(_ world: TestWorld, _ names: String...) async throws -> [String] {
        var out: [String] = []
        for name in names { out.append(try await world.actor(name).person!.id) }
        return out
    }

    func cleanCheck(copies: Int, level: Level) -> CarrierRules.ReceiptCheck {
        let serials = (try? CarrierRules.serials(copies: copies)) ?? []
        return CarrierRules.ReceiptCheck(
            packageIntact: true, expectedCopies: copies, countedCopies: copies, expectedSerials: serials, foundSerials: serials, markedLevel: level,
            listedLevel: level, addresseeMatches: true)
    }

    /// A received 绝密 document whose scope is 陈军 and 李华 (and the 保密员).
    func topSecret(_ world: TestWorld) async throws -> Carrier {
        let scope = try await ids(world, "chenjun", "lihua")
        return try await world.services.carriers.receive(
            world.actor("wangfang"),
            CarrierInput(
                kind: .paper, title: "关于某型装备配套任务的通知", documentNumber: "华发改〔2026〕3号", originatingUnit: "华南省发展和改革委员会", marking: "绝密★20年",
                copies: 1, scope: scope), check: cleanCheck(copies: 1, level: .topSecret)
        ).carrier
    }

    @Test("R-CA-2 a receipt with discrepancies is refused with the list; a clean one gets the year's next receipt number")
    func receipt() async throws {
        try await TestWorld.with { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            var bad = cleanCheck(copies: 2, level: .secret)
            bad.countedCopies = 1
            let input = CarrierInput(kind: .paper, title: "来文", documentNumber: "X〔2026〕1号", originatingUnit: "某单位", marking: "秘密★5年", copies: 2)
            await #expect(throws: Refusal.self) { _ = try await c.receive(wangfang, input, check: bad) }
            #expect(try await c.everything(wangfang, filter: CarrierFilter()).isEmpty)
            let first = try await c.receive(wangfang, input, check: cleanCheck(copies: 2, level: .secret))
            let second = try await c.receive(wangfang, input, check: cleanCheck(copies: 2, level: .secret))
            #expect(first.receiptNumber == "2026-0001" && second.receiptNumber == "2026-0002")
            #expect(first.carrier.serials == ["001", "002"])
            let book = try await c.registerBook(wangfang, .receipt, year: 2026)
            #expect(book.map(\.number) == ["2026-0001", "2026-0002"])
            // Only the 保密员 or 保密办 keeps the register.
            await #expect(throws: Refusal.self) { _ = try await c.receive(world.actor("zhangwei"), input, check: cleanCheck(copies: 2, level: .secret)) }
        }
    }

    @Test("R-CA-1 R-DU-7 production takes its marking from its secrets, never lower, inside their scope, with a leader's approval")
    func production() async throws {
        try await TestWorld.with { world in
            let wangfang = try await world.actor("wangfang")
            let secret = try #require(
                try await world.services.classification.everything(wangfang, filter: SecretFilter(level: .confidential, status: .inForce)).first)
            let chenjun = try await ids(world, "chenjun")[0]
            func produce(_ marking: String, approvedBy: String?, scope: [String] = []) async throws -> Carrier {
                try await world.services.carriers.produce(
                    wangfang,
                    CarrierInput(
                        kind: .paper, title: "印制件", documentNumber: "江工信〔2026〕9号", originatingUnit: "江海市工业和信息化局", marking: marking,
                        secretIDs: [secret.id], copies: 2, scope: scope), approvedBy: approvedBy, equipment: .classifiedEquipment, approvedCopies: 2,
                    markingApplied: true, waste: .destroyed)
            }
            await #expect(throws: Refusal.self) { _ = try await produce("", approvedBy: nil) }
            // 张伟 is no leader: his "approval" is refused.
            await #expect(throws: Refusal.self) { _ = try await produce("", approvedBy: try await ids(world, "zhangwei")[0]) }
            await #expect(throws: Refusal.self) { _ = try await produce("秘密★10年", approvedBy: chenjun) }
            await #expect(throws: Refusal.self) { _ = try await produce("", approvedBy: chenjun, scope: try await ids(world, "wuhao")) }
            let made = try await produce("", approvedBy: chenjun)
            #expect(made.marking == secret.marking && made.number == "ZT-2026-0001")
        }
    }

    @Test("R-CA-4 R-CA-6 R-CA-7 R-CA-11 a 绝密 document: separate safe, reader log, refused then approved copy, destruction by two persons")
    func topSecretWalk() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let doc = try await topSecret(world)
            let mixed = try await c.registerSafe(wangfang, name: "2号柜", location: "保密室", level: .topSecret, topSecretOnly: false)
            let apart = try await c.registerSafe(wangfang, name: "绝密柜", location: "保密室", level: .topSecret, topSecretOnly: true)
            await #expect(throws: Refusal.self) { _ = try await c.store(wangfang, carrierID: doc.id, safeID: mixed.id) }
            _ = try await c.store(wangfang, carrierID: doc.id, safeID: apart.id)
            let (chenjun, lihua, zhangwei) = try await (ids(world, "chenjun")[0], ids(world, "lihua")[0], ids(world, "zhangwei")[0])
            await #expect(throws: Refusal.self) { _ = try await c.circulate(wangfang, carrierID: doc.id, readerPersonID: lihua, readingRoom: nil) }
            await #expect(throws: Refusal.self) { _ = try await c.circulate(wangfang, carrierID: doc.id, readerPersonID: zhangwei, readingRoom: "保密室") }
            _ = try await c.circulate(wangfang, carrierID: doc.id, readerPersonID: lihua, readingRoom: "保密室")
            await #expect(throws: Refusal.self) { _ = try await c.circulate(wangfang, carrierID: doc.id, readerPersonID: chenjun, readingRoom: "保密室") }
            _ = try await c.takeBack(wangfang, carrierID: doc.id)
            _ = try await c.circulate(wangfang, carrierID: doc.id, readerPersonID: chenjun, readingRoom: "保密室")
            _ = try await c.takeBack(wangfang, carrierID: doc.id)
            let log = try await c.readerLog(wangfang, carrierID: doc.id)
            #expect(log.map(\.reader) == ["李华", "陈军"] && log.allSatisfy { $0.back != nil })
            await #expect(throws: Refusal.self) {
                _ = try await c.copy(wangfang, carrierID: doc.id, approvedBy: chenjun, originatorConsent: nil, copies: 1, recipient: "李华")
            }
            let copy = try await c.copy(wangfang, carrierID: doc.id, approvedBy: chenjun, originatorConsent: "华发改函〔2026〕5号", copies: 1, recipient: "李华")
            #expect(copy.marking == doc.marking && copy.originalID == doc.id && copy.number.hasPrefix("FY-2026-"))
            #expect(try await c.detail(wangfang, id: copy.id).scope == (try await c.detail(wangfang, id: doc.id).scope))
            let copyBook = try await c.registerBook(wangfang, .copy, year: 2026)
            #expect(copyBook.count == 1 && copyBook[0].approver == "陈军")
            await #expect(throws: Refusal.self) {
                _ = try await c.destroy(wangfang, carrierIDs: [doc.id], approvedBy: chenjun, persons: ["王芳"], method: .shredder)
            }
            await #expect(throws: Refusal.self) {
                _ = try await c.destroy(wangfang, carrierIDs: [doc.id], approvedBy: chenjun, persons: ["王芳", "刘洋"], method: .designatedMill)
            }
            let lines = try await c.destroy(wangfang, carrierIDs: [doc.id, copy.id], approvedBy: chenjun, persons: ["王芳", "刘洋"], method: .shredder)
            #expect(lines == ["2026-0001", "2026-0002"])
            // Destroyed carriers are read-only history.
            let after = try await c.detail(wangfang, id: doc.id)
            #expect(after.carrier.status == .destroyed && after.events.map(\.kind).last == "destroy")
            await #expect(throws: Refusal.self) { _ = try await c.circulate(wangfang, carrierID: doc.id, readerPersonID: lihua, readingRoom: "保密室") }
            let audit = try await world.services.audit.browse(.system, AuditFilter(action: "carrier.copy"))
            #expect(audit.items.contains { $0.record.outcome == .denied })
        }
    }

    @Test("R-CA-3 R-CA-13 dispatch by post is refused and audited; by 机要 inside the distribution it is registered")
    func dispatch() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let doc = try await topSecret(world)
            await #expect(throws: Refusal.self) {
                _ = try await c.dispatch(
                    wangfang, carrierID: doc.id, recipient: "国家保密局", approvedDistribution: ["国家保密局"], channel: .ordinaryPost, outOfTown: true,
                    escorts: ["王芳", "刘洋"])
            }
            await #expect(throws: Refusal.self) {
                _ = try await c.dispatch(
                    wangfang, carrierID: doc.id, recipient: "某公司", approvedDistribution: ["国家保密局"], channel: .confidentialCourier, outOfTown: true,
                    escorts: ["王芳", "刘洋"])
            }
            let sent = try await c.dispatch(
                wangfang, carrierID: doc.id, recipient: "国家保密局", approvedDistribution: ["国家保密局"], channel: .confidentialCourier, outOfTown: true,
                escorts: ["王芳", "刘洋"])
            #expect(sent.dispatchNumber == "2026-0001" && sent.envelope.hasPrefix("绝密"))
            await #expect(throws: Refusal.self) { try await c.attemptForbidden(wangfang, carrierID: doc.id, action: .sell) }
            let audit = try await world.services.audit.browse(.system, AuditFilter(action: "carrier.forbidden"))
            #expect(audit.items.count == 1)
        }
    }

    @Test("R-CA-5 R-CA-9 R-CA-10 R-CA-12 R-CA-14 loans, trips, returns, repair and loss, with the per-person ledger and the cross-checks")
    func lifecycle() async throws {
        try await TestWorld.with { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let (chenjun, zhaoqiang) = try await (ids(world, "chenjun")[0], ids(world, "zhaoqiang")[0])
            let input = CarrierInput(
                kind: .paper, title: "借阅件", documentNumber: "X〔2026〕2号", originatingUnit: "某单位", marking: "秘密★5年", copies: 1, scope: [zhaoqiang])
            let doc = try await c.receive(wangfang, input, check: cleanCheck(copies: 1, level: .secret)).carrier
            let day = world.services.clock.today
            await #expect(throws: Refusal.self) {
                _ = try await c.lend(wangfang, carrierID: doc.id, borrowerPersonID: zhaoqiang, approvedBy: nil, due: day.adding(days: 3))
            }
            _ = try await c.lend(wangfang, carrierID: doc.id, borrowerPersonID: zhaoqiang, approvedBy: chenjun, due: day.adding(days: 3))
            #expect(try await c.ledger(wangfang, personID: zhaoqiang).items.map(\.id) == [doc.id])
            world.clock.advance(by: 5 * 86_400)
            _ = try await c.sweep()
            #expect(try await c.findings(wangfang).contains { $0.carrierID == doc.id && $0.rule == "R-CA-5" })
            _ = try await c.takeBack(wangfang, carrierID: doc.id)
            #expect(try await c.ledger(wangfang, personID: zhaoqiang).items.isEmpty)
            await #expect(throws: Refusal.self) {
                _ = try await c.carryOut(
                    wangfang, carrierID: doc.id, holderPersonID: zhaoqiang, approvedBy: chenjun, companions: [], abroad: true, exitPermit: nil)
            }
            _ = try await c.carryOut(
                wangfang, carrierID: doc.id, holderPersonID: zhaoqiang, approvedBy: chenjun, companions: [], abroad: false, exitPermit: nil)
            _ = try await c.takeBack(wangfang, carrierID: doc.id)
            await #expect(throws: Refusal.self) {
                _ = try await c.repair(wangfang, carrierID: doc.id, mode: .inHouse, supervisor: nil, vendor: nil, offSite: true, dataRecovery: false)
            }
            // R-CA-10: at the next April the 2026 carrier is overdue for return.
            world.clock.advance(by: 140 * 86_400)
            _ = try await c.sweep()
            #expect(try await c.findings(wangfang).contains { $0.carrierID == doc.id && $0.rule == "R-CA-10" })
            let returned = try await c.returnToIssuer(wangfang, carrierID: doc.id, note: "")
            #expect(returned.status == .returned)
            #expect(!(try await c.findings(wangfang)).contains { $0.carrierID == doc.id })
            let lost = try await c.receive(wangfang, input, check: cleanCheck(copies: 1, level: .secret)).carrier
            let incident = try await c.reportLoss(wangfang, carrierID: lost.id, kind: "丢失", summary: "出差途中遗失")
            #expect(incident.reportDueAt - Int64(world.services.clock.now.timeIntervalSince1970 * 1000) == 86_400_000)
        }
    }

    @Test("R-MD-1 R-MD-2 media are registered with a label's data and never take higher-level content")
    func media() async throws {
        try await TestWorld.with { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let me = try await ids(world, "wangfang")[0]
            let bought = CarrierInput(
                kind: .medium, title: "涉密U盘", documentNumber: "", originatingUnit: "江海市工业和信息化局", marking: "机密", copies: 1,
                medium: MediumInfo(mediaType: "U盘", purchasedCentrally: false, userPersonID: me))
            await #expect(throws: Refusal.self) {
                _ = try await c.produce(
                    wangfang, bought, approvedBy: try await ids(world, "chenjun")[0], equipment: .classifiedEquipment, approvedCopies: 1, markingApplied: true,
                    waste: .registered)
            }
            var good = bought
            good.medium?.purchasedCentrally = true
            let medium = try await c.receive(wangfang, good, check: cleanCheck(copies: 1, level: .confidential)).carrier
            #expect(medium.number.hasPrefix("JZ-2026-"))
            await #expect(throws: Refusal.self) { _ = try await c.storeOnMedium(wangfang, carrierID: medium.id, contentLevel: .topSecret) }
            let stored = try await c.storeOnMedium(wangfang, carrierID: medium.id, contentLevel: .secret)
            #expect(stored.medium?.contentLevel == .secret)
        }
    }

    @Test("R-KS-4 carriers, registers, ledgers, reader logs and findings never reach a person without clearance and scope")
    func leaks() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let doc = try await topSecret(world)
            _ = try await c.lend(
                wangfang, carrierID: doc.id, borrowerPersonID: try await ids(world, "lihua")[0], approvedBy: try await ids(world, "chenjun")[0],
                due: world.services.clock.today.adding(days: 1))
            world.clock.advance(by: 3 * 86_400)
            _ = try await c.sweep()
            for user in ["zhangwei", "zhoumin", "wuhao", "sunli", "liuyang", "sysadmin", "auditor"] {
                let actor = try await world.actor(user)
                #expect(try await c.everything(actor, filter: CarrierFilter()).allSatisfy { $0.id != doc.id }, "\(user)")
                #expect(try await c.everything(actor, filter: CarrierFilter(search: "装备")).isEmpty, "\(user)")
                #expect(try await c.count(actor) == (try await c.everything(actor, filter: CarrierFilter()).count))
                await #expect(throws: Refusal.notFound) { _ = try await c.detail(actor, id: doc.id) }
                await #expect(throws: Refusal.notFound) { _ = try await c.readerLog(actor, carrierID: doc.id) }
                #expect(try await c.ledger(actor, personID: try await ids(world, "lihua")[0]).items.isEmpty)
                if actor.person != nil {
                    #expect(try await c.registerBook(actor, .receipt, year: 2026).allSatisfy { $0.carrierID != doc.id })
                    #expect(try await c.findings(actor).allSatisfy { $0.carrierID != doc.id })
                }
            }
            // The 保密员 in the scope sees the overdue loan.
            #expect(try await c.findings(wangfang).contains { $0.carrierID == doc.id && $0.rule == "R-CA-5" })
        }
    }
}

@Suite("国家秘密载体 — forbidden attempts are on the record")
struct CarrierForbiddenAuditTests {
    @Test("R-CA-13 producing on unclassified equipment is refused with the rule and the attempt audited")
    func unclassifiedEquipment() async throws {
        try await TestWorld.with { world in
            let wangfang = try await world.actor("wangfang")
            let chenjun = try await world.actor("chenjun").person!.id
            do {
                _ = try await world.services.carriers.produce(
                    wangfang,
                    CarrierInput(kind: .paper, title: "草稿", documentNumber: "", originatingUnit: "江海市工业和信息化局", marking: "秘密★1年", copies: 1),
                    approvedBy: chenjun, equipment: .unclassifiedEquipment, approvedCopies: 1, markingApplied: true, waste: .destroyed)
                Issue.record("accepted")
            } catch let refusal as Refusal {
                #expect(refusal.ruleID == "R-CA-13")
            }
            let audit = try await world.services.audit.browse(.system, AuditFilter(action: "carrier.produce"))
            #expect(audit.items.contains { $0.record.outcome == .denied && ($0.record.detail ?? "").contains("R-CA-13") })
            #expect(try await world.services.carriers.everything(wangfang, filter: CarrierFilter()).isEmpty)
        }
    }
}
