import Foundation
import Kernel

/// A refusal by a carrier rule: the machine code, the rule, the field and the message in Chinese.
func refuse(_ code: String, _ rule: String, _ field: String?, _ message: String, kind: FailureKind = .validation) -> Refusal {
    Refusal(code: "carrier.\(code)", ruleID: rule, field: field, message: message, kind: kind)
}

/// 制作 — where and how a carrier is produced (R-CA-1, R-CA-13).
public enum ProductionEquipment: String, Sendable, Hashable, Codable, CaseIterable {
    /// 本单位涉密计算机、涉密打印机
    case classifiedEquipment
    /// 持有《秘密载体复制许可证》的定点单位
    case licensedPrinter
    /// 非涉密计算机或设备 — forbidden (R-CA-13).
    case unclassifiedEquipment
    /// 无资质的印刷、复印单位 — forbidden (R-CA-13).
    case unlicensedPrinter

    public var chinese: String {
        switch self {
        case .classifiedEquipment: "本单位涉密设备"
        case .licensedPrinter: "定点复制单位（持许可证）"
        case .unclassifiedEquipment: "非涉密设备"
        case .unlicensedPrinter: "无资质单位"
        }
    }
}

/// What became of drafts, proofs and waste (R-CA-1).
public enum WasteHandling: String, Sendable, Hashable, Codable, CaseIterable {
    case destroyed, registered, none

    public var chinese: String {
        switch self {
        case .destroyed: "已销毁"
        case .registered: "已登记管控"
        case .none: "未处理"
        }
    }
}

/// 传递渠道 (R-CA-3).
public enum TransferChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 机要交通
    case confidentialCourier
    /// 邮政机要通信
    case confidentialPost
    /// 本单位保密员或专人专车（同城）
    case dedicatedPerson
    /// 经批准的其他安全渠道
    case approvedSecure
    /// 普通邮政 — forbidden.
    case ordinaryPost
    /// 快递 — forbidden.
    case courierCompany
    /// 明传传真 — forbidden.
    case plainFax
    /// 明码电报 — forbidden.
    case plainTelegram

    public var chinese: String {
        switch self {
        case .confidentialCourier: "机要交通"
        case .confidentialPost: "邮政机要通信"
        case .dedicatedPerson: "专人专车直接传递"
        case .approvedSecure: "经批准的安全渠道"
        case .ordinaryPost: "普通邮政"
        case .courierCompany: "快递"
        case .plainFax: "明传传真"
        case .plainTelegram: "明码电报"
        }
    }

    /// R-CA-3 / R-CA-13: the channels that may never carry a secret.
    public var isForbidden: Bool { [.ordinaryPost, .courierCompany, .plainFax, .plainTelegram].contains(self) }
    /// The 机要 channels (the only ones for 绝密 out of town).
    public var isJiyao: Bool { self == .confidentialCourier || self == .confidentialPost }
}

/// 销毁方式 (R-CA-11).
public enum DestructionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 保密行政管理部门监制的粉碎机（纸屑不大于 2 平方毫米）
    case shredder
    /// 保密行政管理部门指定的造纸厂
    case designatedMill
    /// 保密行政管理部门销毁中心
    case destructionCentre

    public var chinese: String {
        switch self {
        case .shredder: "保密粉碎机（≤2平方毫米）"
        case .designatedMill: "指定造纸厂监销"
        case .destructionCentre: "保密行政管理部门销毁中心"
        }
    }

    /// Whether the destruction takes place in the unit itself.
    public var isInHouse: Bool { self == .shredder }
}

/// 维修方式 (R-CA-12).
public enum RepairMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 本单位技术人员
    case inHouse
    /// 外单位人员在现场，本单位人员全程监督
    case supervisedOutsider
    /// 具有保密资质的单位（含数据恢复）
    case qualifiedVendor

    public var chinese: String {
        switch self {
        case .inHouse: "本单位技术人员维修"
        case .supervisedOutsider: "外单位人员现场维修（全程监督）"
        case .qualifiedVendor: "具有保密资质的单位"
        }
    }
}

/// R-CA-13: what is forbidden outright, whatever the approval.
public enum ForbiddenAction: String, Sendable, Hashable, Codable, CaseIterable {
    case give, sell, transfer, discard, unapprovedStorage, unapprovedCarryOut

    public var chinese: String {
        switch self {
        case .give: "赠送"
        case .sell: "出售（含卖给废品收购）"
        case .transfer: "转送他人"
        case .discard: "丢弃"
        case .unapprovedStorage: "未经批准的存放"
        case .unapprovedCarryOut: "未经批准携带外出"
        }
    }
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
        public var packageIntact: Bool
        public var expectedCopies: Int
        public var countedCopies: Int
        public var expectedSerials: [String]
        public var foundSerials: [String]
        public var markedLevel: Level
        public var listedLevel: Level
        public var addresseeMatches: Bool

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
        let named = Set(escorts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        if named.count < 2 { throw refuse("two_escorts", "R-CA-3", "escorts", "传递绝密级密件须二人护送，请填写两名不同的护送人") }
    }

    // MARK: R-CA-4 传阅

    /// R-CA-4: circulation goes only to readers inside the scope a leader set, and only one reader at a time (direct
    /// circulation: back to the 保密员 between readers). For 绝密, the reading place must be a designated room.
    public static func checkCirculation(reader: String, leaderScope: Set<String>, currentHolder: String?, level: Level, readingRoom: String?) throws {
        guard leaderScope.contains(reader) else {
            throw refuse("reader_outside_scope", "R-CA-4", "reader", "阅读人不在单位领导确定的知悉范围内，不得传阅", kind: .forbidden)
        }
        if currentHolder != nil { throw refuse("not_returned", "R-CA-4", "reader", "须直传：上一位阅读人退回保密员后才能传给下一位", kind: .conflict) }
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

    // MARK: R-CA-7 / R-CA-8 复制、摘录、汇编

    /// R-CA-7: copying needs a leader's approval and a fixed number of copies; 绝密 also the originator's (or its
    /// superior's) consent; 机密/秘密 the originator's permission, unless the unit copies its own document.
    public static func checkCopy(level: Level, approvedBy: String?, originatorConsent: String?, ownDocument: Bool, copies: Int) throws {
        if approvedBy.isBlank { throw refuse("copy_approval", "R-CA-7", "approved_by", "复制密件须经本单位主管领导批准") }
        if level == .topSecret && originatorConsent.isBlank {
            throw refuse("copy_top_secret_consent", "R-CA-7", "originator_consent", "复制绝密级密件须经原定密机关、单位或其上级机关批准，请填写批准文号")
        }
        if level != .topSecret && !ownDocument && originatorConsent.isBlank {
            throw refuse("copy_originator_permission", "R-CA-7", "originator_consent", "复制外单位密件须经制发机关、单位允许，请填写其同意文号")
        }
        guard (1...50).contains(copies) else { throw refuse("copy_count", "R-CA-7", "copies", "复制份数须为1至50份的确定数量") }
    }

    /// R-CA-7: each copy is a new carrier with the original's marking, secrets and scope, and the copying unit's stamp.
    public static func copy(
        of original: Carrier, id: String, number: String, copies: Int, on day: Day, custodianPersonID: String
    ) throws -> Carrier {
        var copy = original
        copy.id = id
        copy.number = number
        copy.originalID = original.id
        copy.copies = copies
        copy.serials = try serials(copies: copies)
        copy.registeredOn = day
        copy.status = .inStock
        copy.holderPersonID = nil
        copy.dueOn = nil
        copy.safeID = nil
        copy.custodianPersonID = custodianPersonID
        copy.retained = false
        return copy
    }

    /// R-CA-7: the copying unit's stamp on each copy: unit, count, date, number.
    public static func copyStamp(unitName: String, copies: Int, on day: Day, number: String) -> String {
        "\(unitName)复印　共\(copies)份　\(day.chinese)　编号\(number)"
    }

    /// R-CA-8: compiling needs the originators' approval; the result is marked by R-DU-7.
    public static func checkCompilation(originatorApproval: String?, sources: [Marking], on day: Day) throws -> Marking {
        if originatorApproval.isBlank {
            throw refuse("compile_approval", "R-CA-8", "originator_approval", "汇编密件须经原制发机关、单位批准，请填写批准文号")
        }
        guard sources.count >= 2, let marking = marking(holding: sources, issued: day) else {
            throw refuse("compile_sources", "R-CA-8", "sources", "汇编须选择至少两件密件")
        }
        return marking
    }

    // MARK: R-CA-9 携带外出、出境

    /// R-CA-9: carrying out needs approval (and the register); 绝密 two persons; abroad, 绝密 never, others only with an
    /// exit permit (出境许可).
    public static func checkCarryOut(level: Level, approvedBy: String?, companions: [String], abroad: Bool, exitPermit: String?) throws {
        if approvedBy.isBlank { throw refuse("carry_approval", "R-CA-9", "approved_by", "携带密件外出须经单位领导批准并登记") }
        if abroad && level == .topSecret { throw refuse("top_secret_abroad", "R-CA-9", "abroad", "绝密级载体一律不得携带出境", kind: .forbidden) }
        if abroad && exitPermit.isBlank { throw refuse("exit_permit", "R-CA-9", "exit_permit", "携带密件出境须持《国家秘密载体出境许可证》，请填写许可证编号") }
        let named = Set(companions.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        if level == .topSecret && named.count < 2 { throw refuse("two_persons", "R-CA-9", "companions", "携带绝密级密件外出须二人以上同行") }
    }

    // MARK: R-CA-10 清退

    /// R-CA-10: the day by which a year's carriers are all returned: the end of the first quarter of the next year.
    public static func returnDeadline(forYear year: Int) -> Day { Day(year: year + 1, month: 3, day: 31)! }

    /// R-CA-10: a carrier still held after its year's deadline, not archived or extended with the issuer's agreement.
    public static func isReturnOverdue(_ c: Carrier, today: Day) -> Bool {
        c.status.isHeld && !c.retained && today > returnDeadline(forYear: c.registeredOn.year)
    }

    /// R-CA-10: the scheduled checks of the 保密员: a count every month, a check and return every quarter.
    public enum Check: String, Sendable, Hashable, Codable, CaseIterable {
        case monthlyCount, quarterlyReturn, yearEndReturn

        public var chinese: String {
            switch self {
            case .monthlyCount: "每月清点"
            case .quarterlyReturn: "每季度核查、清退"
            case .yearEndReturn: "上年度密件于第一季度末前全部清退"
            }
        }
    }

    /// R-CA-10: which checks are due in the period containing `day`, with their last day.
    public static func checksDue(on day: Day) -> [(check: Check, due: Day)] {
        let monthEnd = Day(year: day.year, month: day.month, day: Day.daysIn(month: day.month, year: day.year))!
        let quarterEndMonth = ((day.month - 1) / 3 + 1) * 3
        let quarterEnd = Day(year: day.year, month: quarterEndMonth, day: Day.daysIn(month: quarterEndMonth, year: day.year))!
        var checks: [(Check, Day)] = [(.monthlyCount, monthEnd), (.quarterlyReturn, quarterEnd)]
        if day.month <= 3 { checks.append((.yearEndReturn, returnDeadline(forYear: day.year - 1))) }
        return checks
    }

    /// R-CA-10: the result of a count: carriers expected in stock but not found, and found but not expected.
    public static func countDiscrepancies(expected: Set<String>, found: Set<String>) -> (missing: [String], unexpected: [String]) {
        (expected.subtracting(found).sorted(), found.subtracting(expected).sorted())
    }

    // MARK: R-CA-11 销毁

    /// R-CA-11: destruction is approved by a unit leader, done by two persons or more, by an approved method; 绝密
    /// and cipher telegrams only in-house; removable media only by the administration's destruction centre.
    public static func checkDestruction(
        level: Level, kind: CarrierKind, isCipherTelegram: Bool, approvedBy: String?, persons: [String], method: DestructionMethod
    ) throws {
        if approvedBy.isBlank { throw refuse("destroy_approval", "R-CA-11", "approved_by", "销毁密件须经本单位主管领导审核批准") }
        let named = Set(persons.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        if named.count < 2 { throw refuse("destroy_two_persons", "R-CA-11", "persons", "销毁时须由保密员等二人以上共同负责") }
        if (level == .topSecret || isCipherTelegram) && !method.isInHouse {
            throw refuse("destroy_in_house", "R-CA-11", "method", "绝密件和密码电报必须在本单位销毁")
        }
        if kind == .medium && method != .destructionCentre {
            throw refuse("destroy_medium", "R-CA-11", "method", "涉密移动存储介质统一送保密行政管理部门销毁")
        }
    }

    // MARK: R-CA-12 维修

    /// R-CA-12: repair by the unit's own technicians; outsiders only under named on-site supervision; off-site and data
    /// recovery only by a qualified vendor.
    public static func checkRepair(mode: RepairMode, supervisor: String?, vendor: String?, offSite: Bool, dataRecovery: Bool) throws {
        if (offSite || dataRecovery) && mode != .qualifiedVendor {
            throw refuse("repair_vendor", "R-CA-12", "mode", "送外维修或数据恢复只能由保密行政管理部门指定的具有保密资质的单位进行")
        }
        switch mode {
        case .inHouse: break
        case .supervisedOutsider:
            if supervisor.isBlank { throw refuse("repair_supervisor", "R-CA-12", "supervisor", "外单位人员维修须由本单位人员现场全程监督，请填写监督人") }
        case .qualifiedVendor:
            if vendor.isBlank { throw refuse("repair_vendor_name", "R-CA-12", "vendor", "请填写具有保密资质的维修单位") }
        }
    }

    // MARK: R-CA-13 禁止行为

    /// R-CA-13: refused whatever the approval; the attempt is audited by the caller.
    public static func refuseForbidden(_ action: ForbiddenAction) -> Refusal {
        refuse("forbidden_action", "R-CA-13", "action", "严禁\(action.chinese)国家秘密载体", kind: .forbidden)
    }

    // MARK: R-CA-14 丢失、被盗、泄密

    /// R-CA-14 / R-IC-1: the incident report is due 24 hours after discovery.
    public static func incidentReportDue(discoveredAtMillis: Int64) -> Int64 { discoveredAtMillis + 24 * 3_600_000 }

    // MARK: R-MD-1 / R-MD-2 移动存储介质

    /// R-MD-1: a classified medium is bought centrally, registered, and labelled with level, user and number.
    public static func checkMediumRegistration(_ medium: MediumInfo, number: String) throws {
        guard medium.purchasedCentrally else { throw refuse("medium_purchase", "R-MD-1", "purchased_centrally", "涉密移动存储介质须由单位保密组织统一购置") }
        if medium.mediaType.isBlank { throw refuse("medium_type", "R-MD-1", "media_type", "请填写介质类型（U盘、移动硬盘、光盘等）") }
        if medium.userPersonID.isBlank { throw refuse("medium_user", "R-MD-1", "user", "介质标识须含使用人") }
        if number.isBlank { throw refuse("medium_number", "R-MD-1", "number", "介质标识须含编号") }
    }

    /// R-MD-1: the label text: level, user, number.
    public static func mediumLabel(level: Level, userName: String, number: String) -> String { "\(level.chinese)　使用人：\(userName)　编号：\(number)" }

    /// R-MD-2: a medium stores information of its own level or lower, never higher; an unclassified medium (nil) stores
    /// nothing classified.
    public static func checkStore(contentLevel: Level, onMediumOf mediumLevel: Level?) throws {
        guard let mediumLevel else {
            throw refuse("unclassified_medium", "R-MD-2", "medium", "严禁使用非涉密移动存储介质存储、处理涉密信息", kind: .forbidden)
        }
        if contentLevel > mediumLevel {
            throw refuse("medium_level", "R-MD-2", "content_level", "\(mediumLevel.chinese)介质不得存储\(contentLevel.chinese)信息", kind: .forbidden)
        }
    }

    /// R-MD-2: a classified medium is used only with the unit's classified computers it is registered for.
    public static func checkUse(medium: MediumInfo, computerID: String, computerIsClassified: Bool) throws {
        guard computerIsClassified, medium.computerIDs.contains(computerID) else {
            throw refuse("medium_computer", "R-MD-2", "computer_id", "涉密移动存储介质只能在本单位登记的涉密计算机上使用", kind: .forbidden)
        }
    }

    /// R-MD-2: a classified medium is never lent to another unit.
    public static func checkLendMedium(toUnitID: String, ownUnitID: String) throws {
        if toUnitID != ownUnitID { throw refuse("medium_lend_outside", "R-MD-2", "unit", "涉密移动存储介质严禁借给外单位使用", kind: .forbidden) }
    }
}
