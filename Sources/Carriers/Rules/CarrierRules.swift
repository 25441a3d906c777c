import Foundation
import Kernel

/// A refusal by a carrier rule: the machine code, the rule, the field and the message in Chinese.
func refuse(_ code: String, _ rule: String, _ field: String?, _ message: String, kind: FailureKind = .validation) -> Refusal {
    Refusal(code: "carrier.\(code)", ruleID: rule, field: field, message: message, kind: kind)
}

/// The gates of each step of a carrier's life (R-CA-1..14, R-MD-1..2). Pure: the service loads, calls, stores.
public enum CarrierRules {
    // MARK: R-CA-1 制作

    /// R-CA-1 / R-CA-13: production is approved by a unit leader, made on classified equipment or by a licensed
    /// printer, marked at once, in exactly the approved number of copies, with drafts and waste destroyed or registered.
    public static func checkProduction(
        approvedBy: String?, equipment: ProductionEquipment, approvedCopies: Int, copiesMade: Int, markingApplied: Bool, waste: WasteHandling
    ) throws {
        if approvedBy.isBlank { throw refuse("approval_required", "R-CA-1", "approved_by", "制作密件须经单位主管领导批准") }
        switch equipment {
        case .unclassifiedEquipment: throw refuse("forbidden_equipment", "R-CA-13", "equipment", "严禁使用非涉密计算机或设备制作、复制密件")
        case .unlicensedPrinter: throw refuse("forbidden_printer", "R-CA-13", "equipment", "严禁委托无《秘密载体复制许可证》的单位印制密件")
        case .classifiedEquipment, .licensedPrinter: break
        }
        guard approvedCopies >= 1 else { throw refuse("copies_invalid", "R-CA-1", "copies", "批准份数至少为1") }
        guard copiesMade == approvedCopies else {
            throw refuse("copies_mismatch", "R-CA-1", "copies", "须严格按批准数量制作：批准\(approvedCopies)份，实际\(copiesMade)份")
        }
        guard markingApplied else { throw refuse("marking_missing", "R-CA-1", "marking", "密件制作时须同时作出国家秘密标志") }
        guard waste != .none else { throw refuse("waste_unhandled", "R-CA-1", "waste", "制作中形成的中间材料、残次品须销毁或登记管控") }
    }

    /// R-DU-7 / R-CA-8: the marking of a carrier holding several secrets (or a compilation): highest level, longest period.
    public static func marking(holding markings: [Marking], issued: Day) -> Marking? {
        Marking.combined(markings, issueDate: issued)
    }

    /// R-DU-7: a carrier never shows a level lower than a secret it carries.
    public static func checkLevel(carrier: Level, secrets: [Level]) throws {
        if let highest = secrets.max(), carrier < highest {
            throw refuse("level_below_secret", "R-DU-7", "marking", "载体密级（\(carrier.chinese)）低于所载国家秘密事项的密级（\(highest.chinese)）")
        }
    }

    /// 份数 — how many copies one register line may hold (the 份号 are three digits).
    public static let copiesRange = 1...999

    /// Refuses a count of copies outside `copiesRange` (checked before any list of serials is built).
    public static func checkCopies(_ copies: Int, field: String = "copies") throws {
        guard copiesRange.contains(copies) else {
            throw Refusal(code: "carrier.copies_range", field: field, message: "份数须为1至999的整数", kind: .validation)
        }
    }

    /// 份号 for `copies` copies: `001`, `002`, …; a count outside 1–999 is refused before anything is built.
    public static func serials(copies: Int) throws -> [String] {
        try checkCopies(copies)
        return (1...copies).map { String(repeating: "0", count: max(0, 3 - String($0).count)) + String($0) }
    }

    // MARK: R-CA-2 收文、发文

    /// What the receiver checks before signing (R-CA-2).
    public struct ReceiptCheck: Sendable, Hashable {
        /// Whether the package arrived intact.
        public var packageIntact: Bool
        /// 份数 stated on the dispatch list.
        public var expectedCopies: Int
        /// 份数 actually counted on receipt.
        public var countedCopies: Int
        /// 份号 stated on the dispatch list.
        public var expectedSerials: [String]
        /// 份号 found in the package.
        public var foundSerials: [String]
        /// The level marked on the carrier itself.
        public var markedLevel: Level
        /// The level stated on the dispatch list.
        public var listedLevel: Level
        /// Whether the package is addressed to this unit (not 错发).
        public var addresseeMatches: Bool

        /// Creates the findings of one receiving check.
        public init(
            packageIntact: Bool, expectedCopies: Int, countedCopies: Int, expectedSerials: [String], foundSerials: [String], markedLevel: Level,
            listedLevel: Level, addresseeMatches: Bool
        ) {
            self.packageIntact = packageIntact
            self.expectedCopies = expectedCopies
            self.countedCopies = countedCopies
            self.expectedSerials = expectedSerials
            self.foundSerials = foundSerials
            self.markedLevel = markedLevel
            self.listedLevel = listedLevel
            self.addresseeMatches = addresseeMatches
        }
    }

    /// R-CA-2: the discrepancies a receiving check finds (empty: sign and register). Each is reported to the sender.
    public static func discrepancies(_ c: ReceiptCheck) throws -> [String] {
        try checkCopies(c.expectedCopies, field: "expected_copies")
        try checkCopies(c.countedCopies, field: "counted_copies")
        guard c.expectedSerials.count <= copiesRange.upperBound, c.foundSerials.count <= copiesRange.upperBound else {
            throw Refusal(code: "carrier.copies_range", field: "serials", message: "份号最多999个", kind: .validation)
        }
        var found: [String] = []
        if !c.packageIntact { found.append("包装不完整") }
        if c.countedCopies != c.expectedCopies { found.append("件数不符：应为\(c.expectedCopies)份，实收\(c.countedCopies)份") }
        let missing = Set(c.expectedSerials).subtracting(c.foundSerials).sorted()
        let extra = Set(c.foundSerials).subtracting(c.expectedSerials).sorted()
        if !missing.isEmpty { found.append("缺少份号：\(missing.joined(separator: "、"))") }
        if !extra.isEmpty { found.append("多出份号：\(extra.joined(separator: "、"))") }
        if c.markedLevel != c.listedLevel { found.append("密级不符：标志为\(c.markedLevel.chinese)，清单为\(c.listedLevel.chinese)") }
        if !c.addresseeMatches { found.append("收件单位不符（错发）") }
        return found
    }

    /// R-CA-2: the running number of the year's register (收文、发文): `2026-0007`.
    public static func registerNumber(year: Int, sequence: Int) -> String {
        let digits = String(sequence)
        return "\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// R-CA-2: dispatch only inside the approved distribution.
    public static func checkDispatch(recipients: [String], approvedDistribution: Set<String>) throws {
        guard !recipients.isEmpty else { throw refuse("no_recipient", "R-CA-2", "recipients", "请填写收件单位") }
        let outside = recipients.filter { !approvedDistribution.contains($0) }
        if !outside.isEmpty {
            throw refuse("outside_distribution", "R-CA-2", "recipients", "不得超出批准的发放范围：\(outside.joined(separator: "、"))")
        }
    }

    /// R-CA-2: the envelope shows the highest level of what it holds.
    public static func envelopeLevel(_ levels: [Level]) -> Level? { levels.max() }

    // MARK: R-CA-3 传递

    /// R-CA-3 / R-CA-13: the channel and, for 绝密, the route and the two named escorts.
    public static func checkTransfer(level: Level, channel: TransferChannel, outOfTown: Bool, escorts: [String]) throws {
        if channel.isForbidden {
            throw refuse("forbidden_channel", "R-CA-3", "channel", "严禁通过\(channel.chinese)传递密件，须经机要交通、机要通信或批准的安全渠道")
        }
        guard level == .topSecret else { return }
        if outOfTown && !channel.isJiyao { throw refuse("top_secret_out_of_town", "R-CA-3", "channel", "绝密级密件送往外地须通过机要交通或邮政机要通信") }
        if !outOfTown && !(channel == .dedicatedPerson || channel.isJiyao) {
            throw refuse("top_secret_in_town", "R-CA-3", "channel", "绝密级密件本地传递须专人专车直接传递")
        }
        let named = Set(escorts.map { $0.trimmingSpaces }.filter { !$0.isEmpty })
        if named.count < 2 { throw refuse("two_escorts", "R-CA-3", "escorts", "传递绝密级密件须二人护送，请填写两名不同的护送人") }
    }

    // MARK: R-CA-4 传阅

    /// R-CA-4: circulation goes only to readers inside the scope a leader set, and only one reader at a time (direct
    /// circulation: back to the 保密员 between readers). For 绝密, the reading place must be a designated room.
    public static func checkCirculation(reader: String, leaderScope: Set<String>, currentHolder: String?, level: Level, readingRoom: String?) throws {
        guard leaderScope.contains(reader) else {
            throw refuse("reader_outside_scope", "R-CA-4", "reader", "阅读人不在单位领导确定的知悉范围内，不得传阅", kind: .forbidden)
        }
        if currentHolder != nil { throw notReturned }
        if level == .topSecret && readingRoom.isBlank {
            throw refuse("reading_room", "R-CA-4", "reading_room", "阅读绝密级密件须在保密室或符合要求的阅文室进行，请填写阅文地点")
        }
    }

    // MARK: R-CA-5 借阅

    /// R-CA-5: lending needs a leader's approval and a due date after today.
    public static func checkLoan(approvedBy: String?, due: Day?, today: Day) throws {
        if approvedBy.isBlank { throw refuse("loan_approval", "R-CA-5", "approved_by", "借阅密件须经单位主管领导批准") }
        guard let due, due > today else { throw refuse("loan_due", "R-CA-5", "due_on", "请填写晚于今天的归还日期") }
    }

    /// R-CA-5: a loan past its due day.
    public static func isOverdue(_ carrier: Carrier, today: Day) -> Bool {
        carrier.status == .lent && (carrier.dueOn.map { today > $0 } ?? false)
    }

    // MARK: R-CA-6 保存

    /// R-CA-6 / R-CA-13: a carrier goes only into an approved safe of at least its level; 绝密 only into a safe kept for
    /// 绝密 alone; nothing else into such a safe.
    public static func checkStorage(level: Level, safe: Safe) throws {
        if safe.level < level {
            throw refuse("safe_below_level", "R-CA-6", "safe_id", "\(safe.name)仅可存放\(safe.level.chinese)及以下密件，不得存放\(level.chinese)级载体")
        }
        if level == .topSecret && !safe.topSecretOnly { throw refuse("top_secret_separate", "R-CA-6", "safe_id", "绝密级载体须单独存放") }
        if level != .topSecret && safe.topSecretOnly { throw refuse("top_secret_safe", "R-CA-6", "safe_id", "\(safe.name)为绝密级专用，不得混放其他密级载体") }
    }

}
