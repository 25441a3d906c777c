import Foundation
import Kernel
import Organisation

extension CarrierRules {
    /// R-CA-15: 移交 — when a custodian or 保密员 leaves or changes post, every carrier they keep (and every medium they
    /// use) passes to a named successor of the same unit, whose clearance covers the highest level handed over, on a list
    /// signed by both. Carriers the leaver has borrowed are taken back instead, not handed on. Only the unit's 保密员 or
    /// 保密办 registers the hand-over.
    public static func handedOver(
        _ carriers: [Carrier], from leaverID: String, to successor: Person?, leaverSigned: String, successorSigned: String,
        by viewer: CarrierViewer
    ) throws -> [Carrier] {
        if let refusal = refusal(.store, by: viewer) { throw refusal }
        guard let successor, successor.unitID == viewer.unitID else {
            throw Refusal.invalid("successor_id", "请选择本单位的接收人", rule: "R-CA-15")
        }
        guard successor.id != leaverID else { throw Refusal.invalid("successor_id", "接收人不能是移交人本人", rule: "R-CA-15") }
        guard !leaverSigned.trimmingSpaces.isEmpty, !successorSigned.trimmingSpaces.isEmpty else {
            throw Refusal.invalid("signatures", "移交清单须由移交人和接收人双方签字", rule: "R-CA-15")
        }
        guard leaverSigned.trimmingSpaces.count <= 30, successorSigned.trimmingSpaces.count <= 30 else {
            throw Refusal.invalid("signatures", "签字不超过30字", rule: "R-CA-15")
        }
        guard !carriers.isEmpty else {
            throw Refusal(code: "carrier.nothing_to_hand_over", ruleID: "R-CA-15", message: "移交人没有保管中的涉密载体", kind: .conflict)
        }
        // The message names no level: the 保密员 may not know every carrier the leaver keeps.
        if let top = carriers.map(\.level).max(), !successor.tier.covers(.stateSecret(top)) {
            throw Refusal(
                code: "carrier.successor_clearance", ruleID: "R-CA-15", field: "successor_id",
                message: "接收人的涉密等级（\(successor.tier.chinese)）不足以保管移交的全部载体", kind: .validation)
        }
        return carriers.map { c in
            var next = c
            if next.custodianPersonID == leaverID { next.custodianPersonID = successor.id }
            if next.medium?.userPersonID == leaverID { next.medium?.userPersonID = successor.id }
            return next
        }
    }
}
