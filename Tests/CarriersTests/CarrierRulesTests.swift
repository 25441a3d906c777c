import Carriers
import Kernel
import Testing

/// The rule (and machine code) a throwing call was refused with, or "accepted".
func outcome(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "accepted"
    } catch let error as Refusal {
        return error.ruleID ?? error.code
    } catch {
        return "\(error)"
    }
}

let today = Day(year: 2026, month: 11, day: 23)!

func sample(_ level: Level = .confidential, status: CarrierStatus = .inStock, registered: Day = today) -> Carrier {
    Carrier(
        id: "c1", number: "ZT-2026-0001", kind: .paper, title: "测试密件", documentNumber: "江工信〔2026〕1号", originatingUnit: "江海市工业和信息化局",
        unitID: "u1", marking: Marking(level: level, period: .years(10)), copies: 2, serials: ["001", "002"], custodianPersonID: "p1",
        status: status, registeredOn: registered)
}

@Suite("国家秘密载体 — the gates of every step")
struct CarrierRulesTests {
    @Test("R-CA-1 production needs a leader's approval, exact copies, a marking and handled waste")
    func production() throws {
        func produce(_ by: String?, _ copies: Int = 3, marked: Bool = true, waste: WasteHandling = .destroyed) -> String {
            outcome {
                try CarrierRules.checkProduction(
                    approvedBy: by, equipment: .classifiedEquipment, approvedCopies: 3, copiesMade: copies, markingApplied: marked, waste: waste)
            }
        }
        #expect(produce("陈军") == "accepted")
        #expect(produce(nil) == "R-CA-1")
        #expect(produce("陈军", 4) == "R-CA-1")
        #expect(produce("陈军", marked: false) == "R-CA-1")
        #expect(produce("陈军", waste: .none) == "R-CA-1")
        #expect(try CarrierRules.serials(copies: 3) == ["001", "002", "003"])
    }

    @Test("R-CA-13 production on unclassified equipment or by an unlicensed printer is refused outright")
    func forbiddenProduction() {
        for equipment in [ProductionEquipment.unclassifiedEquipment, .unlicensedPrinter] {
            #expect(
                outcome {
                    try CarrierRules.checkProduction(
                        approvedBy: "陈军", equipment: equipment, approvedCopies: 1, copiesMade: 1, markingApplied: true, waste: .destroyed)
                } == "R-CA-13")
        }
        #expect(CarrierRules.refuseForbidden(.sell).ruleID == "R-CA-13")
        #expect(CarrierRules.refuseForbidden(.discard).kind == .forbidden)
    }

    @Test("Issue 9 #1/#11: R-CA-2 a count of copies outside 1–999 is refused before any serial is built")
    func copiesRange() throws {
        for bad in [0, -3, 1000, 4_611_686_018_427_387_904] {
            #expect(throws: Refusal.self) { try CarrierRules.serials(copies: bad) }
        }
        let check = CarrierRules.ReceiptCheck(
            packageIntact: true, expectedCopies: -3, countedCopies: 1, expectedSerials: [], foundSerials: ["001"], markedLevel: .secret,
            listedLevel: .secret, addresseeMatches: true)
        do {
            _ = try CarrierRules.discrepancies(check)
            Issue.record("a negative expected count was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.field == "expected_copies" && refusal.code == "carrier.copies_range")
        }
        #expect(try CarrierRules.serials(copies: 999).count == 999)
    }

    @Test("R-CA-2 the receiving check finds every discrepancy; registers number per year; dispatch stays in the distribution")
    func receiveAndDispatch() throws {
        let clean = CarrierRules.ReceiptCheck(
            packageIntact: true, expectedCopies: 2, countedCopies: 2, expectedSerials: ["001", "002"], foundSerials: ["001", "002"],
            markedLevel: .confidential, listedLevel: .confidential, addresseeMatches: true)
        #expect(try CarrierRules.discrepancies(clean).isEmpty)
        var bad = clean
        bad.packageIntact = false
        bad.countedCopies = 1
        bad.foundSerials = ["001", "003"]
        bad.markedLevel = .secret
        bad.addresseeMatches = false
        let found = try CarrierRules.discrepancies(bad)
        #expect(found.count == 6)
        #expect(found.contains("缺少份号：002") && found.contains("多出份号：003"))
        #expect(CarrierRules.registerNumber(year: 2026, sequence: 7) == "2026-0007")
        #expect(outcome { try CarrierRules.checkDispatch(recipients: ["甲"], approvedDistribution: ["甲", "乙"]) } == "accepted")
        #expect(outcome { try CarrierRules.checkDispatch(recipients: ["甲", "丙"], approvedDistribution: ["甲", "乙"]) } == "R-CA-2")
        #expect(CarrierRules.envelopeLevel([.secret, .topSecret, .confidential]) == .topSecret)
    }

    @Test("R-CA-3 post, courier, fax and telegram are refused; 绝密 out of town only via 机要, always with two named escorts")
    func transfer() {
        for channel in TransferChannel.allCases where channel.isForbidden {
            #expect(outcome { try CarrierRules.checkTransfer(level: .secret, channel: channel, outOfTown: false, escorts: []) } == "R-CA-3")
        }
        #expect(outcome { try CarrierRules.checkTransfer(level: .confidential, channel: .dedicatedPerson, outOfTown: false, escorts: []) } == "accepted")
        #expect(outcome { try CarrierRules.checkTransfer(level: .topSecret, channel: .dedicatedPerson, outOfTown: true, escorts: ["甲", "乙"]) } == "R-CA-3")
        #expect(outcome { try CarrierRules.checkTransfer(level: .topSecret, channel: .confidentialCourier, outOfTown: true, escorts: ["甲"]) } == "R-CA-3")
        #expect(outcome { try CarrierRules.checkTransfer(level: .topSecret, channel: .confidentialCourier, outOfTown: true, escorts: ["甲", "甲"]) } == "R-CA-3")
        #expect(
            outcome { try CarrierRules.checkTransfer(level: .topSecret, channel: .confidentialCourier, outOfTown: true, escorts: ["甲", "乙"]) } == "accepted")
        #expect(outcome { try CarrierRules.checkTransfer(level: .topSecret, channel: .approvedSecure, outOfTown: false, escorts: ["甲", "乙"]) } == "R-CA-3")
    }

    @Test("R-CA-4 circulation only to readers in the leader's scope, one at a time; 绝密 in a designated reading room")
    func circulation() {
        let scope: Set<String> = ["p1", "p2"]
        #expect(
            outcome { try CarrierRules.checkCirculation(reader: "p1", leaderScope: scope, currentHolder: nil, level: .secret, readingRoom: nil) } == "accepted")
        #expect(
            outcome { try CarrierRules.checkCirculation(reader: "p9", leaderScope: scope, currentHolder: nil, level: .secret, readingRoom: nil) } == "R-CA-4")
        #expect(
            outcome { try CarrierRules.checkCirculation(reader: "p2", leaderScope: scope, currentHolder: "p1", level: .secret, readingRoom: nil) } == "R-CA-4")
        #expect(
            outcome { try CarrierRules.checkCirculation(reader: "p1", leaderScope: scope, currentHolder: nil, level: .topSecret, readingRoom: " ") } == "R-CA-4"
        )
        #expect(
            outcome { try CarrierRules.checkCirculation(reader: "p1", leaderScope: scope, currentHolder: nil, level: .topSecret, readingRoom: "保密室") }
                == "accepted")
    }

    @Test("R-CA-5 lending needs approval and a future due day; past it the loan is overdue")
    func loans() {
        #expect(outcome { try CarrierRules.checkLoan(approvedBy: "陈军", due: today.adding(days: 7), today: today) } == "accepted")
        #expect(outcome { try CarrierRules.checkLoan(approvedBy: nil, due: today.adding(days: 7), today: today) } == "R-CA-5")
        #expect(outcome { try CarrierRules.checkLoan(approvedBy: "陈军", due: today, today: today) } == "R-CA-5")
        var lent = sample(status: .lent)
        lent.dueOn = today
        #expect(!CarrierRules.isOverdue(lent, today: today))
        #expect(CarrierRules.isOverdue(lent, today: today.adding(days: 1)))
    }

    @Test("R-CA-6 never into a safe below the carrier's level; 绝密 kept apart, and nothing else in its safe")
    func storage() {
        let secretSafe = Safe(id: "s1", unitID: "u1", name: "1号柜", location: "保密室", level: .secret)
        let confidentialSafe = Safe(id: "s2", unitID: "u1", name: "2号柜", location: "保密室", level: .confidential)
        let topSafe = Safe(id: "s3", unitID: "u1", name: "绝密柜", location: "保密室", level: .topSecret, topSecretOnly: true)
        #expect(outcome { try CarrierRules.checkStorage(level: .confidential, safe: secretSafe) } == "R-CA-6")
        #expect(outcome { try CarrierRules.checkStorage(level: .confidential, safe: confidentialSafe) } == "accepted")
        #expect(
            outcome { try CarrierRules.checkStorage(level: .topSecret, safe: Safe(id: "s4", unitID: "u1", name: "混放柜", location: "", level: .topSecret)) }
                == "R-CA-6")
        #expect(outcome { try CarrierRules.checkStorage(level: .topSecret, safe: topSafe) } == "accepted")
        #expect(outcome { try CarrierRules.checkStorage(level: .secret, safe: topSafe) } == "R-CA-6")
    }

    @Test("R-CA-7 copies need approval, a fixed count and (绝密, or another unit's document) the originator's consent; a copy keeps the terms")
    func copying() throws {
        #expect(outcome { try CarrierRules.checkCopy(level: .secret, approvedBy: "陈军", originatorConsent: nil, ownDocument: true, copies: 2) } == "accepted")
        #expect(outcome { try CarrierRules.checkCopy(level: .secret, approvedBy: nil, originatorConsent: nil, ownDocument: true, copies: 2) } == "R-CA-7")
        #expect(outcome { try CarrierRules.checkCopy(level: .secret, approvedBy: "陈军", originatorConsent: nil, ownDocument: false, copies: 2) } == "R-CA-7")
        #expect(outcome { try CarrierRules.checkCopy(level: .topSecret, approvedBy: "陈军", originatorConsent: nil, ownDocument: true, copies: 1) } == "R-CA-7")
        #expect(
            outcome { try CarrierRules.checkCopy(level: .topSecret, approvedBy: "陈军", originatorConsent: "国保〔2026〕3号", ownDocument: true, copies: 1) }
                == "accepted")
        #expect(outcome { try CarrierRules.checkCopy(level: .secret, approvedBy: "陈军", originatorConsent: nil, ownDocument: true, copies: 0) } == "R-CA-7")
        let original = sample(.confidential)
        let copy = try CarrierRules.copy(
            of: original, id: "c2", number: "ZT-2026-0002", copies: 2, on: today, custodianPersonID: "p2")
        #expect(copy.marking == original.marking && copy.originalID == original.id && copy.serials == ["001", "002"] && copy.id == "c2")
        #expect(CarrierRules.copyStamp(unitName: "江海市工业和信息化局", copies: 2, on: today, number: "ZT-2026-0002").contains("共2份"))
    }

    @Test("R-CA-8 compiling needs the originators' approval and takes the highest level and longest period (R-DU-7)")
    func compiling() throws {
        let sources = [Marking(level: .secret, period: .years(5)), Marking(level: .confidential, period: .years(3))]
        #expect(outcome { _ = try CarrierRules.checkCompilation(originatorApproval: nil, sources: sources, on: today) } == "R-CA-8")
        #expect(outcome { _ = try CarrierRules.checkCompilation(originatorApproval: "同意", sources: [sources[0]], on: today) } == "R-CA-8")
        let marking = try CarrierRules.checkCompilation(originatorApproval: "同意", sources: sources, on: today)
        #expect(marking == Marking(level: .confidential, period: .years(5)))
    }

    @Test("R-CA-9 carrying out needs approval; 绝密 two persons and never abroad; abroad needs an exit permit")
    func carryOut() {
        #expect(outcome { try CarrierRules.checkCarryOut(level: .secret, approvedBy: "陈军", companions: [], abroad: false, exitPermit: nil) } == "accepted")
        #expect(outcome { try CarrierRules.checkCarryOut(level: .secret, approvedBy: nil, companions: [], abroad: false, exitPermit: nil) } == "R-CA-9")
        #expect(outcome { try CarrierRules.checkCarryOut(level: .topSecret, approvedBy: "陈军", companions: ["甲"], abroad: false, exitPermit: nil) } == "R-CA-9")
        #expect(
            outcome { try CarrierRules.checkCarryOut(level: .topSecret, approvedBy: "陈军", companions: ["甲", "乙"], abroad: false, exitPermit: nil) }
                == "accepted")
        #expect(
            outcome { try CarrierRules.checkCarryOut(level: .topSecret, approvedBy: "陈军", companions: ["甲", "乙"], abroad: true, exitPermit: "X1") } == "R-CA-9")
        #expect(outcome { try CarrierRules.checkCarryOut(level: .secret, approvedBy: "陈军", companions: [], abroad: true, exitPermit: nil) } == "R-CA-9")
        #expect(
            outcome { try CarrierRules.checkCarryOut(level: .secret, approvedBy: "陈军", companions: [], abroad: true, exitPermit: "出境许可2026-1") } == "accepted")
    }

    @Test("R-CA-10 monthly counts, quarterly returns, and a year's carriers returned by the end of Q1 unless retained")
    func returns() {
        #expect(CarrierRules.returnDeadline(forYear: 2025) == Day(year: 2026, month: 3, day: 31)!)
        let old = sample(registered: Day(year: 2025, month: 6, day: 1)!)
        #expect(CarrierRules.isReturnOverdue(old, today: Day(year: 2026, month: 4, day: 1)!))
        #expect(!CarrierRules.isReturnOverdue(old, today: Day(year: 2026, month: 3, day: 31)!))
        var archived = old
        archived.retained = true
        #expect(!CarrierRules.isReturnOverdue(archived, today: today))
        #expect(!CarrierRules.isReturnOverdue(sample(status: .destroyed, registered: old.registeredOn), today: today))
        let february = CarrierRules.checksDue(on: Day(year: 2026, month: 2, day: 10)!)
        #expect(february.map(\.check) == [.monthlyCount, .quarterlyReturn, .yearEndReturn])
        #expect(february[0].due == Day(year: 2026, month: 2, day: 28)! && february[1].due == Day(year: 2026, month: 3, day: 31)!)
        #expect(CarrierRules.checksDue(on: today).map(\.check) == [.monthlyCount, .quarterlyReturn])
        let diff = CarrierRules.countDiscrepancies(expected: ["a", "b"], found: ["b", "c"])
        #expect(diff.missing == ["a"] && diff.unexpected == ["c"])
    }

    @Test("R-CA-11 destruction: approval, two persons, an approved method; 绝密 and cipher telegrams in-house; media at the centre")
    func destruction() {
        func destroy(
            _ level: Level, _ method: DestructionMethod, kind: CarrierKind = .paper, cipher: Bool = false, by: String? = "陈军",
            persons: [String] = ["王芳", "刘洋"]
        ) -> String {
            outcome { try CarrierRules.checkDestruction(level: level, kind: kind, isCipherTelegram: cipher, approvedBy: by, persons: persons, method: method) }
        }
        #expect(destroy(.secret, .designatedMill) == "accepted")
        #expect(destroy(.secret, .shredder, by: nil) == "R-CA-11")
        #expect(destroy(.secret, .shredder, persons: ["王芳"]) == "R-CA-11")
        #expect(destroy(.topSecret, .designatedMill) == "R-CA-11")
        #expect(destroy(.topSecret, .shredder) == "accepted")
        #expect(destroy(.secret, .destructionCentre, cipher: true) == "R-CA-11")
        #expect(destroy(.secret, .shredder, kind: .medium) == "R-CA-11")
        #expect(destroy(.secret, .destructionCentre, kind: .medium) == "accepted")
        #expect(CarrierStatus.destroyed.isFinal && !CarrierStatus.lent.isFinal)
    }

    @Test("R-CA-12 repair in-house, outsiders only supervised, off-site and data recovery only by a qualified vendor")
    func repair() {
        #expect(outcome { try CarrierRules.checkRepair(mode: .inHouse, supervisor: nil, vendor: nil, offSite: false, dataRecovery: false) } == "accepted")
        #expect(
            outcome { try CarrierRules.checkRepair(mode: .supervisedOutsider, supervisor: nil, vendor: nil, offSite: false, dataRecovery: false) } == "R-CA-12")
        #expect(
            outcome { try CarrierRules.checkRepair(mode: .supervisedOutsider, supervisor: "王芳", vendor: nil, offSite: true, dataRecovery: false) } == "R-CA-12")
        #expect(outcome { try CarrierRules.checkRepair(mode: .inHouse, supervisor: nil, vendor: nil, offSite: false, dataRecovery: true) } == "R-CA-12")
        #expect(outcome { try CarrierRules.checkRepair(mode: .qualifiedVendor, supervisor: nil, vendor: "", offSite: true, dataRecovery: false) } == "R-CA-12")
        #expect(
            outcome { try CarrierRules.checkRepair(mode: .qualifiedVendor, supervisor: nil, vendor: "某资质单位", offSite: true, dataRecovery: true) } == "accepted")
    }

    @Test("R-CA-14 a loss opens an incident whose report is due 24 hours after discovery")
    func loss() {
        #expect(CarrierRules.incidentReportDue(discoveredAtMillis: 1_000) == 1_000 + 86_400_000)
        #expect(CarrierStatus.lost.isFinal && !CarrierStatus.lost.isHeld)
    }

    @Test("R-MD-1 media are bought centrally and labelled with level, user and number")
    func mediaRegistration() {
        let good = MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: "p1")
        #expect(outcome { try CarrierRules.checkMediumRegistration(good, number: "MD-001") } == "accepted")
        var bought = good
        bought.purchasedCentrally = false
        #expect(outcome { try CarrierRules.checkMediumRegistration(bought, number: "MD-001") } == "R-MD-1")
        #expect(outcome { try CarrierRules.checkMediumRegistration(good, number: "") } == "R-MD-1")
        #expect(CarrierRules.mediumLabel(level: .secret, userName: "王芳", number: "MD-001") == "秘密　使用人：王芳　编号：MD-001")
    }

    @Test("R-MD-2 a medium never holds higher-level content, an unclassified one nothing classified; only the unit's classified computers")
    func mediaSegregation() {
        #expect(outcome { try CarrierRules.checkStore(contentLevel: .secret, onMediumOf: .confidential) } == "accepted")
        #expect(outcome { try CarrierRules.checkStore(contentLevel: .topSecret, onMediumOf: .confidential) } == "R-MD-2")
        #expect(outcome { try CarrierRules.checkStore(contentLevel: .secret, onMediumOf: nil) } == "R-MD-2")
        let medium = MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: "p1", computerIDs: ["pc-1"])
        func pc(_ id: String, _ kind: DeviceClass = .classified, unit: String = "u1") -> DeviceFacts {
            DeviceFacts(id: id, number: id, unitID: unit, deviceClass: kind, level: kind == .classified ? .confidential : nil, filed: true)
        }
        func use(_ computer: DeviceFacts?) -> String {
            outcome { try CarrierRules.checkUse(medium: medium, unitID: "u1", computer: computer, contentLevel: .secret) }
        }
        #expect(use(pc("pc-1")) == "accepted")
        #expect(use(pc("pc-2")) == "R-MD-2")
        #expect(use(pc("pc-1", .internal)) == "R-MD-2")
        #expect(use(pc("pc-1", unit: "u2")) == "R-DV-1")
        #expect(use(nil) == "R-DV-1")
        #expect(outcome { try CarrierRules.checkLendMedium(toUnitID: "u2", ownUnitID: "u1") } == "R-MD-2")
    }

    @Test("R-DU-7 a carrier never shows a level lower than a secret it carries")
    func carrierLevel() {
        #expect(outcome { try CarrierRules.checkLevel(carrier: .secret, secrets: [.secret, .confidential]) } == "R-DU-7")
        #expect(outcome { try CarrierRules.checkLevel(carrier: .confidential, secrets: [.secret, .confidential]) } == "accepted")
    }
}
