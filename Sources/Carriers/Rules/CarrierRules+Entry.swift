import Foundation
import Kernel
import Organisation

/// The rules of entering the register (收文、制作), of approvals and of safes (R-CA-1, R-CA-2, R-CA-4, R-CA-6, R-LV-2,
/// R-MD-1).
extension CarrierRules {
    /// A step that needs a unit leader's approval, with the rule that asks for it.
    public enum Approval: String, Sendable, Hashable, CaseIterable {
        /// 制作 (R-CA-1).
        case production = "R-CA-1"
        /// 借阅 (R-CA-5).
        case loan = "R-CA-5"
        /// 复制 (R-CA-7).
        case copy = "R-CA-7"
        /// 携带外出 (R-CA-9).
        case carryOut = "R-CA-9"
        /// 销毁 (R-CA-11).
        case destruction = "R-CA-11"
    }

    /// R-CA-1 / R-CA-5 / R-CA-7 / R-CA-9 / R-CA-11: an approval comes from a leader (单位领导) of the carrier's unit;
    /// returns the approver's name for the registers. `isLeader` says whether the person holds the leader role.
    public static func approver(_ person: Person?, isLeader: Bool, unitID: String, for step: Approval) throws -> String {
        guard let person, person.unitID == unitID, isLeader else { throw Refusal.invalid("approved_by", "批准人须为本单位领导", rule: step.rawValue) }
        return person.name
    }

    /// R-LV-2 / R-DU-7: the marking of a carrier entering the register — as written on it, or, when left empty, the
    /// combined marking of the secrets it carries (highest level, longest period).
    public static func entryMarking(_ written: String, secrets: [Marking], on day: Day) throws -> Marking {
        guard written.isBlank else { return try Marking.parse(written) }
        guard let combined = marking(holding: secrets, issued: day) else {
            throw Refusal.invalid("marking", "请填写载体上的国家秘密标志", rule: "R-LV-2")
        }
        return combined
    }

    /// R-CA-4: a carrier's scope stays inside the scope of every secret it carries (`allowed` nil: it carries none here).
    public static func checkEntryScope(_ scope: Set<String>, within allowed: Set<String>?) throws {
        guard let allowed, !scope.isSubset(of: allowed) else { return }
        throw Refusal.invalid("scope", "载体的知悉范围不得超出所载国家秘密事项的知悉范围", rule: "R-CA-4")
    }

    /// R-CA-2: the copies' serials — as given (one per copy, none twice) or generated `001…` when none are given.
    public static func entrySerials(_ given: [String], copies: Int) throws -> [String] {
        let serials = try given.isEmpty ? serials(copies: copies) : given
        guard serials.count == copies, Set(serials).count == serials.count else {
            throw Refusal.invalid("serials", "份号须与份数一致且不重复", rule: "R-CA-2")
        }
        return serials
    }

    /// R-MD-1: a removable medium is registered with its type, user and number; no other kind carries medium details.
    public static func checkEntryMedium(kind: CarrierKind, medium: MediumInfo?, number: String) throws {
        if let medium {
            guard kind == .medium else { throw Refusal.invalid("kind", "只有移动存储介质登记介质信息") }
            try checkMediumRegistration(medium, number: number)
        } else if kind == .medium {
            throw Refusal.invalid("media_type", "请填写介质类型、使用人", rule: "R-MD-1")
        }
    }

    /// R-CA-2: a receipt is signed only after a clean check; any discrepancy is refused with the list to report to the
    /// sender.
    public static func checkReceipt(_ check: ReceiptCheck) throws {
        let found = try discrepancies(check)
        guard found.isEmpty else {
            throw Refusal(
                code: "carrier.receipt_discrepancy", ruleID: "R-CA-2", field: "check", message: "签收前核对发现问题，请向发出单位查询：" + found.joined(separator: "；"),
                kind: .validation)
        }
    }

    /// R-CA-2: a receipt through the API states what the receiving check found.
    public static func requireReceiptCheck<T>(_ check: T?) throws -> T {
        guard let check else { throw Refusal.invalid("check", "收文须填写签收核对情况", rule: "R-CA-2", code: "validation.required") }
        return check
    }

    /// R-CA-6: an approved safe of a unit, registered with its name and the highest level it may hold.
    public static func safe(id: String, unitID: String, name: String, location: String, level: Level, topSecretOnly: Bool) throws -> Safe {
        if name.isBlank { throw Refusal.invalid("name", "请填写保密柜名称", rule: "R-CA-6") }
        return Safe(id: id, unitID: unitID, name: name, location: location, level: level, topSecretOnly: topSecretOnly)
    }
}
