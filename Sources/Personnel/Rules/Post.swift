import Accounts
import Foundation
import Kernel

/// 涉密岗位 — a post that handles state secrets (R-PE-10).
public struct SecretPost: Sendable, Hashable, Codable {
    /// The post's id.
    public var id: String
    /// The unit the post belongs to.
    public var unitID: String
    /// The department, if any.
    public var departmentID: String?
    /// 岗位名称
    public var name: String
    /// 涉及最高密级 — set minimally (从严界定).
    public var highestLevel: Level
    /// 要害部门部位岗位 — key-part post (R-KP-4: 16 hours before taking it up).
    public var keyPart: Bool
    /// Roles the post carries (保密员, 定密责任人, 三员 …), for the checks that depend on them (R-PE-13).
    public var roles: [Role]
    /// 设立日期
    public var validFrom: Day
    /// 撤销日期, nil while the post exists.
    public var validTo: Day?

    /// R-PE-1: the tier is fixed by the highest level the post handles.
    public var tier: ClearanceTier { ClearanceTier(forHighest: highestLevel) }

    /// Whether the post no longer exists on `day`: abolished on or before it (R-PE-10).
    public func isAbolished(on day: Day) -> Bool { validTo.map { !(day < $0) } ?? false }

    /// Whether the post is a 保密员's (R-PE-8, R-PE-13).
    public var isClerk: Bool { roles.contains(.secrecyClerk) || roles.contains(.secrecyOffice) }

    /// Creates a post.
    public init(
        id: String, unitID: String, departmentID: String?, name: String, highestLevel: Level, keyPart: Bool = false, roles: [Role] = [],
        validFrom: Day, validTo: Day? = nil
    ) {
        self.id = id
        self.unitID = unitID
        self.departmentID = departmentID
        self.name = name
        self.highestLevel = highestLevel
        self.keyPart = keyPart
        self.roles = roles
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// 上岗资格证书 — a 保密员's certificate (R-PE-13).
public struct Certificate: Sendable, Hashable, Codable {
    /// 证书编号
    public var number: String
    /// 发证机关
    public var issuer: String
    /// 发证日期
    public var issuedOn: Day
    /// 有效期至
    public var validUntil: Day

    /// Creates a certificate.
    public init(number: String, issuer: String, issuedOn: Day, validUntil: Day) {
        self.number = number
        self.issuer = issuer
        self.issuedOn = issuedOn
        self.validUntil = validUntil
    }

    /// Whether the certificate is valid on a day.
    public func isValid(on day: Day) -> Bool { !(day < issuedOn) && !(validUntil < day) }
}

/// 涉密人员 — a person's standing as cleared staff (R-PE-1, R-PE-3): one row per person.
public struct ClearedPerson: Sendable, Hashable, Codable {
    /// The person.
    public var personID: String
    /// The person's unit.
    public var unitID: String
    /// The current (or last) post.
    public var postID: String
    /// 涉密等级 — never above the post's (R-PE-10).
    public var tier: ClearanceTier
    /// 上岗日期
    public var appointedOn: Day
    /// 在岗 / 脱密期 / 已脱密 / 已调离.
    public var status: PersonnelStatus
    /// 下次定期复审日期 (R-PE-2).
    public var nextReviewOn: Day?
    /// 脱密期起止 (R-PE-7).
    public var declearingFrom: Day?
    /// 脱密期止
    public var declearingUntil: Day?
    /// A 保密员's certificate (R-PE-13).
    public var certificate: Certificate?

    /// Creates a record.
    public init(
        personID: String, unitID: String, postID: String, tier: ClearanceTier, appointedOn: Day, status: PersonnelStatus = .serving,
        nextReviewOn: Day? = nil, declearingFrom: Day? = nil, declearingUntil: Day? = nil, certificate: Certificate? = nil
    ) {
        self.personID = personID
        self.unitID = unitID
        self.postID = postID
        self.tier = tier
        self.appointedOn = appointedOn
        self.status = status
        self.nextReviewOn = nextReviewOn
        self.declearingFrom = declearingFrom
        self.declearingUntil = declearingUntil
        self.certificate = certificate
    }
}

/// 涉密资格审查 — the BJ 21 conditions, one answer each (R-PE-2). `true` means the condition is met.
public struct Eligibility: Sendable, Hashable, Codable {
    /// 具有中华人民共和国国籍，无境外永久居留权或者长期居留许可
    public var nationality: Bool
    /// 拥护宪法、拥护中国共产党领导
    public var loyalty: Bool
    /// 具有胜任涉密岗位所要求的工作能力
    public var competence: Bool
    /// 无刑事犯罪记录
    public var noCriminalRecord: Bool
    /// 无吸毒、赌博等违法行为
    public var noDrugsOrGambling: Bool
    /// 未被开除公职
    public var neverDismissed: Bool
    /// 未因严重违反保密规定被调离涉密岗位
    public var neverRemovedForViolation: Bool

    /// Creates an answer set.
    public init(
        nationality: Bool, loyalty: Bool, competence: Bool, noCriminalRecord: Bool, noDrugsOrGambling: Bool, neverDismissed: Bool,
        neverRemovedForViolation: Bool
    ) {
        self.nationality = nationality
        self.loyalty = loyalty
        self.competence = competence
        self.noCriminalRecord = noCriminalRecord
        self.noDrugsOrGambling = noDrugsOrGambling
        self.neverDismissed = neverDismissed
        self.neverRemovedForViolation = neverRemovedForViolation
    }

    /// Every condition met.
    public static let allMet = Eligibility(
        nationality: true, loyalty: true, competence: true, noCriminalRecord: true, noDrugsOrGambling: true, neverDismissed: true,
        neverRemovedForViolation: true)

    /// The conditions as the form lists them, with their answers.
    public var items: [(label: String, met: Bool)] {
        [
            ("具有中华人民共和国国籍，无境外永久居留权或者长期居留许可", nationality),
            ("拥护宪法，拥护中国共产党领导", loyalty),
            ("具有胜任涉密岗位的工作能力", competence),
            ("无刑事犯罪记录", noCriminalRecord),
            ("无吸毒、赌博等违法行为", noDrugsOrGambling),
            ("未被开除公职", neverDismissed),
            ("未因严重违反保密规定被调离涉密岗位", neverRemovedForViolation),
        ]
    }

    /// The conditions not met.
    public var failed: [String] { items.filter { !$0.met }.map(\.label) }
}

/// 保密审查 — one review with its opinions and decision (R-PE-2).
public struct Review: Sendable, Hashable, Codable {
    /// The review's id.
    public var id: String
    /// The person reviewed.
    public var personID: String
    /// The post reviewed for.
    public var postID: String
    /// 岗前 / 定期 / 变动.
    public var kind: ReviewKind
    /// The BJ 21 answers; nil for a review imported from the paper files, whose answers are on the paper form
    /// (`importedFrom`) — never read as all seven met.
    public var eligibility: Eligibility?
    /// 配偶、直系亲属在国（境）外学习、工作、定居情况 (JM 要害 14).
    public var relativesAbroad: String
    /// 组织人事部门意见
    public var personnelOpinion: String
    /// 保密工作机构意见
    public var secrecyOpinion: String
    /// 单位领导审批 — the leader who decided.
    public var decidedBy: String
    /// Passed or failed.
    public var passed: Bool
    /// 审查日期
    public var reviewedOn: Day
    /// What opened a 变动复审 (a post change, an event).
    public var trigger: String
    /// 纸质档案导入 — who imported the review from the paper files, when, and from which line of which file; nil for a
    /// review recorded in Baomi.
    public var importedFrom: String?

    /// Creates a review.
    public init(
        id: String, personID: String, postID: String, kind: ReviewKind, eligibility: Eligibility?, relativesAbroad: String = "",
        personnelOpinion: String, secrecyOpinion: String, decidedBy: String, passed: Bool, reviewedOn: Day, trigger: String = "",
        importedFrom: String? = nil
    ) {
        self.id = id
        self.personID = personID
        self.postID = postID
        self.kind = kind
        self.eligibility = eligibility
        self.relativesAbroad = relativesAbroad
        self.personnelOpinion = personnelOpinion
        self.secrecyOpinion = secrecyOpinion
        self.decidedBy = decidedBy
        self.passed = passed
        self.reviewedOn = reviewedOn
        self.trigger = trigger
        self.importedFrom = importedFrom
    }

    /// A review as the keeper submits it: the id, the day and what opened it are set when it is recorded
    /// (`PersonnelService.recordReview`).
    public init(
        personID: String, postID: String, kind: ReviewKind, eligibility: Eligibility, relativesAbroad: String = "", personnelOpinion: String,
        secrecyOpinion: String, decidedBy: String, passed: Bool
    ) {
        self.init(
            id: "", personID: personID, postID: postID, kind: kind, eligibility: eligibility, relativesAbroad: relativesAbroad,
            personnelOpinion: personnelOpinion, secrecyOpinion: secrecyOpinion, decidedBy: decidedBy, passed: passed,
            reviewedOn: Day(daysSinceEpoch: 0))
    }
}

/// 承诺书/责任书 — one signed commitment (R-PE-4).
public struct Commitment: Sendable, Hashable, Codable {
    /// The commitment's id.
    public var id: String
    /// The person who signed.
    public var personID: String
    /// Which document.
    public var kind: CommitmentKind
    /// 签订日期
    public var signedOn: Day
    /// 备注 (where the signed paper is filed).
    public var note: String

    /// Creates a commitment.
    public init(id: String, personID: String, kind: CommitmentKind, signedOn: Day, note: String = "") {
        self.id = id
        self.personID = personID
        self.kind = kind
        self.signedOn = signedOn
        self.note = note
    }
}
