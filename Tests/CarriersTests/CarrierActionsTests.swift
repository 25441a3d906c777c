import Accounts
import Carriers
import Kernel
import Organisation
import Testing

/// The one decision "may this viewer take this action on this carrier now" and the steps built on it.
@Suite("国家秘密载体 — who may take which action, and when")
struct CarrierActionsTests {
    let clerk = CarrierViewer(personID: "p1", unitID: "u1", roles: [.secrecyClerk])
    let office = CarrierViewer(personID: "p2", unitID: "u1", roles: [.secrecyOffice])
    let handler = CarrierViewer(personID: "p3", unitID: "u1", roles: [.handler])
    let otherClerk = CarrierViewer(personID: "p9", unitID: "u2", roles: [.secrecyClerk])
    let admin = CarrierViewer(personID: nil, unitID: nil, roles: [.systemAdmin])

    func carrier(_ status: CarrierStatus = .inStock, kind: CarrierKind = .paper, holder: String? = nil, retained: Bool = false) -> Carrier {
        var c = sample(status: status)
        c.kind = kind
        c.holderPersonID = holder ?? ([.circulating, .lent, .carriedOut].contains(status) ? "p5" : nil)
        c.retained = retained
        if kind == .medium { c.medium = MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: "p5") }
        return c
    }

    func code(_ action: CarrierAction, _ c: Carrier, _ viewer: CarrierViewer) -> String {
        guard let refusal = CarrierRules.refusal(action, on: c, by: viewer, today: today) else { return "allowed" }
        return [refusal.code, refusal.ruleID].compactMap { $0 }.joined(separator: " ")
    }

    @Test(
        "R-CA-6 R-CA-4 R-CA-5 R-CA-7 R-CA-9 R-CA-2 R-CA-10 R-CA-11 R-CA-12 R-CA-14 a paper carrier in stock offers every step but taking back and media writes")
    func inStock() {
        #expect(
            CarrierRules.allowed(on: carrier(), by: clerk, today: today) == [
                .store, .circulate, .lend, .copy, .carryOut, .dispatch, .returnToIssuer, .retain, .destroy, .repair, .loss,
            ])
        #expect(CarrierRules.allowed(on: carrier(), by: office, today: today) == CarrierRules.allowed(on: carrier(), by: clerk, today: today))
        #expect(code(.takeBack, carrier(), clerk) == "carrier.not_out")
    }

    @Test("R-CA-11 a destroyed, returned or lost carrier is history: every action is refused as final, nothing is offered")
    func finalHistory() {
        for status in [CarrierStatus.destroyed, .returned, .lost] {
            #expect(CarrierRules.allowed(on: carrier(status), by: clerk, today: today).isEmpty, "\(status)")
            for action in CarrierAction.allCases {
                let refusal = CarrierRules.refusal(action, on: carrier(status), by: clerk, today: today)
                #expect(refusal?.code == "carrier.final" && refusal?.ruleID == "R-CA-11" && refusal?.kind == .conflict, "\(status) \(action)")
            }
        }
    }

    @Test("R-KS-4 another unit's carrier answers like a missing one, whoever asks")
    func otherUnit() {
        for action in CarrierAction.allCases {
            #expect(CarrierRules.refusal(action, on: carrier(), by: otherClerk, today: today) == Refusal.notFound)
        }
        #expect(CarrierRules.allowed(on: carrier(), by: otherClerk, today: today).isEmpty)
    }

    @Test("R-CA-4 R-CA-14 R-SY-1 only the 保密员 or 保密办 move a carrier; anyone of the unit may report its loss; an administrator nothing")
    func whoActs() {
        #expect(CarrierRules.allowed(on: carrier(), by: handler, today: today) == [.loss])
        #expect(code(.store, carrier(), handler) == "carrier.clerk_required")
        #expect(CarrierRules.refusal(.store, by: handler)?.kind == .forbidden)
        #expect(CarrierRules.refusal(.loss, by: handler) == nil)
        for action in CarrierAction.allCases {
            #expect(CarrierRules.refusal(action, by: admin)?.code == "carrier.no_person")
        }
    }

    @Test("R-CA-4 direct circulation: a carrier with a reader goes back to the 保密员 before the next reader")
    func directCirculation() {
        #expect(code(.circulate, carrier(.circulating), clerk) == "carrier.not_returned R-CA-4")
        #expect(code(.circulate, carrier(.lent), clerk) == "carrier.not_in_stock R-CA-4")
        #expect(CarrierRules.allowed(on: carrier(.circulating), by: clerk, today: today) == [.takeBack, .loss])
    }

    @Test("R-CA-5 R-CA-9 R-CA-12 what is out is taken back first; a dispatched carrier can only be reported lost")
    func outOfStock() {
        for status in [CarrierStatus.lent, .carriedOut, .underRepair] {
            #expect(CarrierRules.allowed(on: carrier(status), by: clerk, today: today) == [.takeBack, .loss], "\(status)")
            #expect(code(.destroy, carrier(status), clerk) == "carrier.not_in_stock", "\(status)")
        }
        #expect(CarrierRules.allowed(on: carrier(.dispatched), by: clerk, today: today) == [.loss])
        #expect(CarrierRules.refusal(.destroy, on: carrier(.lent), by: clerk, today: today)?.message.hasPrefix("ZT-2026-0001") == true)
    }

    @Test("R-CA-10 a carrier registered as retained is not retained again")
    func retainedOnce() {
        #expect(code(.retain, carrier(retained: true), clerk) == "carrier.already_retained R-CA-10")
        #expect(!CarrierRules.allowed(on: carrier(retained: true), by: clerk, today: today).contains(.retain))
    }

    @Test("R-MD-2 only a removable medium takes written information")
    func mediaOnly() {
        #expect(code(.mediumWrite, carrier(), clerk) == "validation.invalid R-MD-2")
        #expect(CarrierRules.allowed(on: carrier(kind: .medium), by: clerk, today: today).contains(.mediumWrite))
        let written = try? CarrierRules.written(carrier(kind: .medium), contentLevel: .secret, by: clerk, today: today)
        #expect(written?.medium?.contentLevel == .secret)
        #expect(outcome { _ = try CarrierRules.written(carrier(kind: .medium), contentLevel: .topSecret, by: clerk, today: today) } == "R-MD-2")
    }

    @Test("R-CA-6 R-CA-11 every step refuses what the page does not offer, before its own input is looked at")
    func stepsAskFirst() {
        let safe = Safe(id: "s1", unitID: "u1", name: "1号柜", location: "保密室", level: .confidential)
        #expect(outcome { _ = try CarrierRules.stored(carrier(.destroyed), in: safe, by: clerk, today: today) } == "R-CA-11")
        #expect(outcome { _ = try CarrierRules.stored(carrier(), in: nil, by: clerk, today: today) } == "R-CA-6")
        let otherSafe = Safe(id: "s2", unitID: "u2", name: "外单位柜", location: "x", level: .topSecret)
        #expect(outcome { _ = try CarrierRules.stored(carrier(), in: otherSafe, by: clerk, today: today) } == "R-CA-6")
        #expect((try? CarrierRules.stored(carrier(), in: safe, by: clerk, today: today))?.safeID == "s1")
        #expect(outcome { _ = try CarrierRules.lost(carrier(.returned), summary: "x", by: handler, today: today) } == "R-CA-11")
        #expect(outcome { _ = try CarrierRules.lost(carrier(), summary: " ", by: handler, today: today) } == "R-CA-14")
        #expect((try? CarrierRules.lost(carrier(), summary: "遗失", by: handler, today: today))?.status == .lost)
    }

    @Test("R-CA-5 R-KS-4 a loan goes to a cleared person of the scope, with a leader's approval, a medium never outside the unit")
    func loan() {
        let lihua = Person(id: "p5", unitID: "u1", departmentID: nil, name: "李华", tier: .core)
        let outsider = Person(id: "p8", unitID: "u2", departmentID: nil, name: "外单位", tier: .core)
        let due = today.adding(days: 7)
        func lend(_ c: Carrier, _ who: Person, scope: Set<String>, approver: String? = "陈军") -> String {
            outcome { _ = try CarrierRules.lent(c, to: who, scope: scope, approver: approver, due: due, by: clerk, today: today) }
        }
        #expect(lend(carrier(), lihua, scope: ["p5"]) == "accepted")
        #expect(lend(carrier(), lihua, scope: ["p5"], approver: nil) == "R-CA-5")
        #expect(lend(carrier(), lihua, scope: []) == "R-KS-4")
        #expect(lend(carrier(kind: .medium), outsider, scope: ["p8"]) == "R-MD-2")
        let lent = try? CarrierRules.lent(carrier(), to: lihua, scope: ["p5"], approver: "陈军", due: due, by: clerk, today: today)
        #expect(lent?.status == .lent && lent?.holderPersonID == "p5" && lent?.dueOn == due)
        #expect((try? CarrierRules.takenBack(lent!, by: clerk, today: today))?.status == .inStock)
    }

    @Test("R-CA-1 R-CA-5 R-CA-7 R-CA-9 R-CA-11 an approval comes from a leader of the carrier's unit, refused with the step's rule")
    func approvals() {
        let chenjun = Person(id: "p6", unitID: "u1", departmentID: nil, name: "陈军", tier: .core)
        #expect((try? CarrierRules.approver(chenjun, isLeader: true, unitID: "u1", for: .loan)) == "陈军")
        for step in CarrierRules.Approval.allCases {
            #expect(outcome { _ = try CarrierRules.approver(chenjun, isLeader: false, unitID: "u1", for: step) } == step.rawValue)
            #expect(outcome { _ = try CarrierRules.approver(chenjun, isLeader: true, unitID: "u2", for: step) } == step.rawValue)
            #expect(outcome { _ = try CarrierRules.approver(nil, isLeader: true, unitID: "u1", for: step) } == step.rawValue)
        }
    }

    @Test("R-CA-1 R-CA-3 R-CA-10 R-CA-11 R-CA-12 R-CA-13 R-MD-2 a form's choices are read once, for the pages and the API alike")
    func vocabularies() {
        #expect((try? CarrierRules.channel("confidentialCourier")) == .confidentialCourier)
        #expect(outcome { _ = try CarrierRules.channel("pigeon") } == "R-CA-3")
        #expect(outcome { _ = try CarrierRules.channel(nil) } == "R-CA-3")
        #expect((try? CarrierRules.equipment("")) == .some(nil))
        #expect(outcome { _ = try CarrierRules.equipment("laser") } == "R-CA-1")
        #expect(outcome { _ = try CarrierRules.waste("lost") } == "R-CA-1")
        #expect(outcome { _ = try CarrierRules.destructionMethod("fire") } == "R-CA-11")
        #expect(outcome { _ = try CarrierRules.repairMode("any") } == "R-CA-12")
        #expect(outcome { _ = try CarrierRules.forbiddenAction("lend") } == "R-CA-13")
        #expect(outcome { _ = try CarrierRules.scheduledCheck("weekly") } == "R-CA-10")
        #expect((try? CarrierRules.contentLevel("secret")) == .secret)
        #expect(outcome { _ = try CarrierRules.contentLevel("internal") } == "R-MD-2")
    }

    @Test("R-CA-2 R-CA-4 R-LV-2 R-MD-1 entering the register: marking, scope inside its secrets', serials, media details, the receiving check")
    func entry() {
        #expect(outcome { _ = try CarrierRules.entryMarking("", secrets: [], on: today) } == "R-LV-2")
        #expect((try? CarrierRules.entryMarking("机密★10年", secrets: [], on: today))?.level == .confidential)
        #expect(outcome { try CarrierRules.checkEntryScope(["a", "b"], within: ["a"]) } == "R-CA-4")
        #expect(outcome { try CarrierRules.checkEntryScope(["a", "b"], within: nil) } == "accepted")
        #expect((try? CarrierRules.entrySerials([], copies: 2)) == ["001", "002"])
        #expect(outcome { _ = try CarrierRules.entrySerials(["001", "001"], copies: 2) } == "R-CA-2")
        #expect(outcome { try CarrierRules.checkEntryMedium(kind: .medium, medium: nil, number: "JZ-1") } == "R-MD-1")
        let clean = CarrierRules.ReceiptCheck(
            packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: ["001"], foundSerials: ["001"], markedLevel: .secret,
            listedLevel: .secret, addresseeMatches: true)
        #expect(outcome { try CarrierRules.checkReceipt(clean) } == "accepted")
        var torn = clean
        torn.packageIntact = false
        #expect(outcome { try CarrierRules.checkReceipt(torn) } == "R-CA-2")
        #expect(outcome { _ = try CarrierRules.requireReceiptCheck(nil as Int?) } == "R-CA-2")
        #expect(outcome { _ = try CarrierRules.safe(id: "s", unitID: "u1", name: " ", location: "", level: .secret, topSecretOnly: false) } == "R-CA-6")
    }

    @Test("R-CA-2 R-CA-4 R-CA-5 R-CA-7 R-CA-11 every action has a 保密员's label and a regulation phrase without rule IDs")
    func pageTexts() {
        #expect(
            CarrierAction.allCases.map(\.rawValue) == [
                "store", "circulate", "take-back", "lend", "copy", "carry-out", "dispatch", "return", "retain", "destroy", "repair", "loss", "medium-write",
            ])
        for action in CarrierAction.allCases {
            #expect(!action.chinese.isEmpty && !action.regulation.isEmpty)
            #expect(!action.chinese.contains("R-") && !action.regulation.contains("R-"), "\(action)")
        }
        #expect(Set(CarrierAction.allCases.map(\.chinese)).count == CarrierAction.allCases.count)
    }

    @Test("R-CA-6 R-CA-5 R-CA-7 R-CA-11 R-MD-2 R-DU-7 the cross-checks of one carrier find what its record shows against its context")
    func crossChecks() {
        var ctx = CarrierRules.CheckContext(today: today)
        ctx.safes["low"] = Safe(id: "low", unitID: "u1", name: "2号柜", location: "科室", level: .secret)
        ctx.secretLevels["s1"] = .topSecret
        var c = carrier(.lent)
        c.safeID = "low"
        c.dueOn = today.adding(days: -1)
        c.originalID = "c0"
        c.secretIDs = ["s1"]
        #expect(Set(CarrierRules.findings(of: c, in: ctx).map(\.rule)) == ["R-DU-7", "R-CA-6", "R-CA-5", "R-CA-7"])
        ctx.approvedCopies = ["c1"]
        ctx.shortHanded["c1"] = "销毁"
        c.status = .destroyed
        // History is not checked again, except a 绝密 step done by fewer than two persons.
        #expect(CarrierRules.findings(of: c, in: ctx).map(\.rule) == ["R-CA-3"])
        var medium = carrier(kind: .medium)
        medium.medium?.contentLevel = .topSecret
        #expect(CarrierRules.findings(of: medium, in: CarrierRules.CheckContext(today: today)).map(\.rule) == ["R-MD-2"])
    }
}
