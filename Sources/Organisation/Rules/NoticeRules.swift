import Accounts
import Kernel

/// The rules of a 涉密通知, the foundation's sample protected record.
public enum NoticeRules {
    /// R-KS-4: nobody drafts a notice above their own clearance — they could not read it afterwards.
    public static func checkDrafter(tier: ClearanceTier, level: Level) throws {
        guard tier.covers(.stateSecret(level)) else {
            throw Refusal(
                code: "notice.above_clearance", ruleID: "R-KS-4", field: "marking", message: "密级超出本人涉密等级（\(tier.chinese)），不能起草", kind: .validation)
        }
    }
}
