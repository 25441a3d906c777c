import Accounts
import Foundation
import Kernel

/// The rules of 涉密人员管理: posts, tiers, reviews, appointment, the file. Each function takes the record and the
/// facts it needs and returns the next record, or throws a refusal naming its rule. Departures, trips, events and
/// training are in the `+Concern` files.
public enum PersonnelRules {
    /// 定期复审 — the default interval in months (IR 50 ¶3 says only "定期"; config, default yearly).
    public static let defaultReviewMonths = 12

    static func refusal(
        _ code: String, _ rule: String, field: String? = nil, _ message: String, kind: FailureKind = .validation
    ) -> Refusal {
        Refusal(code: "personnel.\(code)", ruleID: rule, field: field, message: message, kind: kind)
    }

    /// R-PE-10 / R-PE-1: a post is named, its highest level set (the tier follows from it), and it exists today.
    public static func validPost(_ post: SecretPost) throws -> SecretPost {
        var p = post
        p.name = p.name.trimmingSpacesAndNewlines
        guard !p.name.isEmpty, p.name.count <= 60 else { throw Refusal.invalid("name", "岗位名称不能为空，且不超过60字") }
        if let to = p.validTo, to < p.validFrom { throw Refusal.invalid("valid_to", "撤销日期不能早于设立日期") }
        return p
    }

    /// R-PE-10: an abolished post is reviewed for no one and takes no appointment.
    public static func checkNotAbolished(_ post: SecretPost, today: Day) throws {
        if post.isAbolished(on: today) { throw Refusal.invalid("post_id", "该涉密岗位已撤销") }
    }

    /// R-PE-10 / R-PE-1: the tier the access checks use. 非涉密 is always allowed; any other tier needs a current
    /// 涉密岗位 and never exceeds the post's tier.
    public static func checkTier(_ requested: ClearanceTier, post: SecretPost?, status: PersonnelStatus?, field: String = "tier") throws {
        guard requested != .none else { return }
        guard let post, status == .serving else {
            throw refusal("no_post", "R-PE-10", field: field, "该人员不能设定此涉密等级：未在涉密岗位上岗的人员只能为非涉密（由组织人事部门、保密工作机构任用）")
        }
        guard requested.rank <= post.tier.rank else {
            throw refusal("tier_above_post", "R-PE-10", field: field, "涉密等级（\(requested.chinese)）不得高于所在涉密岗位的等级")
        }
    }

    /// R-PE-2: a review is decided with both opinions and the leader's name; it cannot pass while a BJ 21 condition
    /// is not met.
    public static func decided(_ review: Review) throws -> Review {
        var r = review
        r.personnelOpinion = r.personnelOpinion.trimmingSpacesAndNewlines
        r.secrecyOpinion = r.secrecyOpinion.trimmingSpacesAndNewlines
        r.decidedBy = r.decidedBy.trimmingSpacesAndNewlines
        guard !r.personnelOpinion.isEmpty else { throw Refusal.invalid("personnel_opinion", "请填写组织人事部门意见") }
        guard !r.secrecyOpinion.isEmpty else { throw Refusal.invalid("secrecy_opinion", "请填写保密工作机构意见") }
        guard !r.decidedBy.isEmpty else { throw Refusal.invalid("decided_by", "请填写审批的单位领导") }
        guard let eligibility = r.eligibility else { throw Refusal.invalid("eligibility", "请逐项填写审查条件") }
        if r.passed, let failed = eligibility.failed.first {
            throw refusal("ineligible", "R-PE-2", field: "eligibility", "不符合涉密人员条件（\(failed)），审查不得通过")
        }
        return r
    }

    /// What an appointment needs to know besides the post.
    public struct AppointmentFacts: Sendable {
        /// The latest decided review for this post, if any.
        public var review: Review?
        /// The appointment commitments signed (保密承诺书/责任书).
        public var commitments: [CommitmentKind]
        /// Pre-post training hours completed (R-KP-4).
        public var prePostHours: Int
        /// The 上岗资格证书, if any (R-PE-13).
        public var certificate: Certificate?
        /// A reported 配偶加入外国国籍 (R-PE-12).
        public var spouseForeign: Bool

        /// Creates the facts.
        public init(review: Review?, commitments: [CommitmentKind], prePostHours: Int = 0, certificate: Certificate? = nil, spouseForeign: Bool = false) {
            self.review = review
            self.commitments = commitments
            self.prePostHours = prePostHours
            self.certificate = certificate
            self.spouseForeign = spouseForeign
        }
    }

    /// R-PE-13: how many days before a 保密员's 上岗资格证书 runs out the keepers' 待办 says so.
    public static let certificateNoticeDays = 60

    /// 任用 — appointing a person to a 涉密岗位 with a tier. R-PE-2: a passed review for this post; R-PE-10: the tier
    /// within the post's; R-PE-4: the commitment signed; R-KP-4: key-part staff 16 hours before; R-PE-13: a 保密员 with
    /// a valid certificate; R-PE-12: not a 保密员 whose spouse has become foreign.
    public static func appointed(
        personID: String, to post: SecretPost, tier: ClearanceTier, facts: AppointmentFacts, today: Day, reviewMonths: Int = defaultReviewMonths
    ) throws -> ClearedPerson {
        try checkNotAbolished(post, today: today)
        guard tier != .none else { throw Refusal.invalid("tier", "请选择涉密等级（核心、重要或一般）") }
        try checkTier(tier, post: post, status: .serving)
        guard let review = facts.review, review.postID == post.id, review.passed else {
            throw refusal("review_missing", "R-PE-2", field: "post_id", "未通过保密审查的，不得任用到涉密岗位：请先完成岗前审查（或变动复审）", kind: .conflict)
        }
        let needed: CommitmentKind = post.keyPart ? .responsibility : .pledge
        guard facts.commitments.contains(needed) else {
            throw refusal("commitment_missing", "R-PE-4", field: "commitment", "上岗前须签订\(needed.chinese)", kind: .conflict)
        }
        if post.keyPart && facts.prePostHours < TrainingRules.prePostHours {
            throw refusal(
                "pre_post_training", "R-KP-4", field: "training",
                "要害部门部位工作人员上岗前须接受不少于\(TrainingRules.prePostHours)学时的保密教育培训（已完成\(facts.prePostHours)学时）", kind: .conflict)
        }
        if post.isClerk {
            guard let c = facts.certificate, c.isValid(on: today) else {
                throw refusal("certificate_missing", "R-PE-13", field: "certificate", "保密员须持有效的上岗资格证书上岗", kind: .conflict)
            }
            if facts.spouseForeign {
                throw refusal("clerk_spouse_foreign", "R-PE-12", field: "person_id", "配偶加入外国国籍的，不得担任保密员", kind: .conflict)
            }
        }
        return ClearedPerson(
            personID: personID, unitID: post.unitID, postID: post.id, tier: tier, appointedOn: today, status: .serving,
            nextReviewOn: today.adding(months: reviewMonths), certificate: post.isClerk ? facts.certificate : nil)
    }

    /// R-PE-10: a change of post or tier opens a 变动复审 (and a reportable event does too, R-PE-6).
    public static func needsChangeReview(from current: ClearedPerson, postID: String, tier: ClearanceTier) -> Bool {
        current.postID != postID || current.tier != tier
    }

    /// R-PE-2: the 定期复审 is due on or after `nextReviewOn` while the person serves.
    public static func reviewDue(_ person: ClearedPerson, today: Day) -> Bool {
        guard person.status == .serving, let due = person.nextReviewOn else { return false }
        return !(today < due)
    }

    /// R-PE-2: a periodic review decided moves the next one on; a failed review of any kind removes the person from
    /// the post (not appointed, IR 50).
    public static func afterReview(_ person: ClearedPerson, _ review: Review, reviewMonths: Int = defaultReviewMonths) -> ClearedPerson {
        var p = person
        if review.passed {
            p.nextReviewOn = review.reviewedOn.adding(months: reviewMonths)
        } else if p.status == .serving {
            p.status = .removed
            p.tier = .none
            p.nextReviewOn = nil
        }
        return p
    }

    /// R-PE-9: the grounds on which a cleared person is removed from the post (BJ 39).
    public enum RemovalGround: String, CaseIterable, Codable, Sendable {
        /// 隐瞒刑事犯罪记录等情况
        case concealed
        /// 未按规定报告重大事项
        case failedToReport = "failed_to_report"
        /// 从事禁止的工作
        case forbiddenJob = "forbidden_job"
        /// 擅自出国（境）
        case unapprovedTravel = "unapproved_travel"
        /// 保密员配偶加入外国国籍 (R-PE-12) — the report itself removes the 保密员 from the post.
        case clerkSpouseForeign = "clerk_spouse_foreign"
        /// 擅自离职 (IR 54) — the report itself ends the clearance.
        case absconded

        /// The decision's words.
        public var chinese: String {
            switch self {
            case .concealed: "隐瞒刑事犯罪记录等影响涉密资格的情况"
            case .failedToReport: "未按规定报告重大事项"
            case .forbiddenJob: "从事禁止的工作"
            case .unapprovedTravel: "未经批准擅自出国（境）"
            case .clerkSpouseForeign: "保密员配偶加入外国国籍，调离保密员岗位"
            case .absconded: "擅自离职"
            }
        }
    }

    /// R-PE-9: removal from the post — status 已调离, clearance none. Only a serving person can be removed.
    public static func removed(_ person: ClearedPerson, ground: RemovalGround) throws -> ClearedPerson {
        guard person.status == .serving else {
            throw refusal("not_serving", "R-PE-9", "该人员已不在涉密岗位（\(person.status.chinese)）", kind: .conflict)
        }
        var p = person
        p.status = .removed
        p.tier = .none
        p.nextReviewOn = nil
        return p
    }

    /// R-PE-9: a report made after its deadline is a failure to report — a ground for removal the 保密员 must decide.
    public static func removalGrounds(lateEvents: Int, unapprovedTrips: Int) -> [RemovalGround] {
        (lateEvents > 0 ? [.failedToReport] : []) + (unapprovedTrips > 0 ? [.unapprovedTravel] : [])
    }

    /// R-PE-3: the 涉密人员名单 is filed again whenever it changed after the last filing.
    public static func rosterFilingDue(changedAt: Int64?, filedAt: Int64?) -> Bool {
        guard let changedAt else { return false }
        guard let filedAt else { return true }
        return changedAt > filedAt
    }

    /// R-PE-14: a restriction borne is recorded with the treatment or compensation given.
    public static func rightsRecord(_ r: RightsRecord) throws -> RightsRecord {
        var x = r
        x.restriction = x.restriction.trimmingSpacesAndNewlines
        x.measure = x.measure.trimmingSpacesAndNewlines
        guard !x.restriction.isEmpty else { throw refusal("rights_restriction", "R-PE-14", field: "restriction", "请填写承担的保密限制") }
        guard !x.measure.isEmpty else { throw refusal("rights_measure", "R-PE-14", field: "measure", "请填写给予的待遇或补偿") }
        return x
    }
}
