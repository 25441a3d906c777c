import Foundation
import Kernel

/// A finding of the cross-checks (live and nightly), for the 保密员's 待办.
public struct CarrierFinding: Sendable, Hashable, Codable {
    /// The carrier's record id.
    public var carrierID: String
    /// Its register number (载体编号), for display.
    public var number: String
    /// The rule broken, e.g. `R-CA-6`.
    public var rule: String
    /// What is wrong and what to do, in Chinese.
    public var message: String

    /// Creates a finding about one carrier.
    public init(carrierID: String, number: String, rule: String, message: String) {
        self.carrierID = carrierID
        self.number = number
        self.rule = rule
        self.message = message
    }
}

/// The cross-checks of the register: what a carrier's record shows against its safe, its secrets, its loans, its copy
/// approvals and its 绝密 steps (R-DU-7, R-CA-3, R-CA-5, R-CA-6, R-CA-7, R-CA-9, R-CA-10, R-CA-11, R-MD-2).
extension CarrierRules {
    /// What the cross-checks need besides the carriers themselves (the service loads it).
    public struct CheckContext: Sendable {
        /// The unit's safes, by id.
        public var safes: [String: Safe] = [:]
        /// Copies with an approved line in the 复印登记.
        public var approvedCopies: Set<String> = []
        /// The current level of each linked secret, by id.
        public var secretLevels: [String: Level] = [:]
        /// 绝密 carriers with a step done by fewer than two persons: carrier id → the step (传递, 携带外出, 销毁).
        public var shortHanded: [String: String] = [:]
        /// The day of the check.
        public var today: Day

        /// An empty context for `today`.
        public init(today: Day) { self.today = today }
    }

    /// The cross-checks of one carrier: level below its secret (R-DU-7), safe below its level (R-CA-6), loan overdue
    /// (R-CA-5), copy without an approval line (R-CA-7), 绝密 step without a second person (R-CA-3, R-CA-9, R-CA-11),
    /// medium holding higher content (R-MD-2), a year's carriers not returned by the end of Q1 (R-CA-10).
    public static func findings(of c: Carrier, in ctx: CheckContext) -> [CarrierFinding] {
        var found: [CarrierFinding] = []
        func add(_ rule: String, _ message: String) { found.append(CarrierFinding(carrierID: c.id, number: c.number, rule: rule, message: message)) }
        if let step = ctx.shortHanded[c.id] { add(c.level == .topSecret ? "R-CA-11" : "R-CA-3", "绝密级载体\(step)时不足二人，须查明并补正记录") }
        guard !c.status.isFinal else { return found }
        if let highest = c.secretIDs.compactMap({ ctx.secretLevels[$0] }).max(), c.level < highest {
            add("R-DU-7", "载体密级低于所载事项（\(highest.chinese)），须按新密级重新标志")
        }
        if let safeID = c.safeID, let safe = ctx.safes[safeID], (try? checkStorage(level: c.level, safe: safe)) == nil {
            add("R-CA-6", "存放在\(safe.name)，与其密级不符")
        }
        if isOverdue(c, today: ctx.today) { add("R-CA-5", "借阅逾期未还（应于\(c.dueOn?.chinese ?? "")归还）") }
        if c.originalID != nil && !ctx.approvedCopies.contains(c.id) { add("R-CA-7", "复印件无审批登记") }
        if let m = c.medium, let content = m.contentLevel, content > c.level { add("R-MD-2", "介质存有高于其密级的信息") }
        if isReturnOverdue(c, today: ctx.today) { add("R-CA-10", "\(c.registeredOn.year)年度密件未在次年第一季度末前清退") }
        return found
    }
}
