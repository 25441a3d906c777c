import Accounts
import Foundation
import Kernel

/// 涉密岗位 changed (R-PE-10): a post is edited or abolished, a tier changed — and each change of what a person's post
/// or tier is opens a 变动复审.
extension PersonnelRules {
    /// R-PE-10: the 变动复审 a tier set by the 安全保密管理员 opens for a serving person (its reason), nil when the person
    /// does not serve or the tier stays.
    public static func tierChangeReview(_ current: ClearedPerson?, tier: ClearanceTier, today: Day) -> String? {
        guard let current, current.status == .serving, needsChangeReview(from: current, postID: current.postID, tier: tier) else { return nil }
        return "涉密等级由\(current.tier.chinese)调整为\(tier.chinese)（\(today.iso)）"
    }

    /// R-PE-10: a post edited — named, its highest level set — whose tier stays at or above the tier of everyone who
    /// serves in it (`holders`, how many by tier); when what the post handles changes (its highest level, key part or duties) its
    /// serving holders are due a 变动复审, whose reason is returned with the post.
    public static func edited(_ post: SecretPost, to next: SecretPost, holders: [ClearanceTier: Int], today: Day) throws -> (
        post: SecretPost, changeReview: String?
    ) {
        guard post.validTo == nil else { throw refusal("post_abolished", "R-PE-10", field: "post_id", "该涉密岗位已撤销，不能调整", kind: .conflict) }
        var p = try validPost(next)
        p.id = post.id
        p.unitID = post.unitID
        p.validFrom = post.validFrom
        p.validTo = nil
        let above = holders.filter { $0.key.rank > p.tier.rank }.values.reduce(0, +)
        if above > 0 {
            throw refusal(
                "post_below_holders", "R-PE-10", field: "highest_level",
                "岗位中有\(above)人的涉密等级高于调整后的岗位等级（\(p.tier.chinese)），请先调整其涉密等级或岗位", kind: .conflict)
        }
        var changes: [String] = []
        if p.highestLevel != post.highestLevel { changes.append("涉及最高密级由\(post.highestLevel.chinese)调整为\(p.highestLevel.chinese)") }
        if p.keyPart != post.keyPart { changes.append(p.keyPart ? "列为要害部门部位岗位" : "不再列为要害部门部位岗位") }
        if Set(p.roles) != Set(post.roles) {
            changes.append("岗位职责调整为\(p.roles.isEmpty ? "无" : p.roles.map(\.chinese).joined(separator: "、"))")
        }
        let reason = changes.isEmpty || holders.values.reduce(0, +) == 0 ? nil : "所在涉密岗位“\(p.name)”\(changes.joined(separator: "，"))（\(today.iso)）"
        return (p, reason)
    }

    /// R-PE-10: a post is abolished from `today` only when nobody serves in it; its records keep it.
    public static func abolished(_ post: SecretPost, holders: Int, today: Day) throws -> SecretPost {
        guard post.validTo == nil else { throw refusal("post_abolished", "R-PE-10", field: "post_id", "该涉密岗位已撤销", kind: .conflict) }
        guard holders == 0 else {
            throw refusal(
                "post_has_holders", "R-PE-10", field: "post_id", "岗位中尚有\(holders)名在岗人员，须先调整其岗位或办理离岗，才能撤销该岗位", kind: .conflict)
        }
        var p = post
        p.validTo = today
        return p
    }
}
