import Foundation
import Kernel

/// The rules of a carrier's later life: copies and compilations, carrying out, return, destruction, repair, forbidden
/// acts, loss and removable media (R-CA-7..14, R-MD-1..2).
extension CarrierRules {
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
        let named = Set(companions.map { $0.trimmingSpaces }.filter { !$0.isEmpty })
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

        /// The Chinese name of the check, as shown on the 保密员's 待办.
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
        let named = Set(persons.map { $0.trimmingSpaces }.filter { !$0.isEmpty })
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

    /// R-MD-2: a classified medium is never lent to another unit.
    public static func checkLendMedium(toUnitID: String, ownUnitID: String) throws {
        if toUnitID != ownUnitID { throw refuse("medium_lend_outside", "R-MD-2", "unit", "涉密移动存储介质严禁借给外单位使用", kind: .forbidden) }
    }
}
