import Kernel

/// 定密依据 — what a classification rests on (R-CL-1, R-CL-3, R-CL-6).
public enum ClassificationBasis: Sendable, Hashable, Codable {
    /// An item of the unit's 国家秘密事项一览表.
    case catalogue(itemID: String)
    /// 派生定密 from another secret, on one of the four grounds.
    case derived(sourceID: String, ground: DerivationGround)
    /// 不明确事项 — not in any scope; decided by the administration (R-CL-3).
    case unclear

    /// Chinese name for registers and statistics (R-RP-2: original / derived / 不明确).
    public var chinese: String {
        switch self {
        case .catalogue: "原始定密"
        case .derived: "派生定密"
        case .unclear: "不明确事项"
        }
    }
}

/// R-CL-6: the four grounds on which a new matter takes its source's classification.
public enum DerivationGround: String, Sendable, Hashable, Codable, CaseIterable {
    /// 与已定密事项完全一致
    case identical
    /// 涉及已定密事项的密点
    case containsSecretPoints
    /// 是对已定密事项的概括、编辑、整合或具体细化
    case summarises
    /// 原定密机关、单位对使用已定密事项有明确要求
    case originatorRequires

    /// The Chinese wording of the ground, offered in the drafting form.
    public var chinese: String {
        switch self {
        case .identical: "与已定密事项完全一致"
        case .containsSecretPoints: "涉及已定密事项的密点"
        case .summarises: "是对已定密事项的概括、编辑、整合或具体细化"
        case .originatorRequires: "原定密机关、单位有明确要求"
        }
    }
}

/// Where a secret is in its life.
public enum SecretStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 拟定 — drafted by the 承办人; protected from now on (R-CL-1).
    case draft
    /// 待审核 — with a 定密责任人.
    case inReview
    /// 报上级确定 — no authority: measures taken, submitted to the superior with authority (R-AU-1).
    case referredUp
    /// 不明确事项 · 待报送 (R-CL-3).
    case unclearPendingReport
    /// 不明确事项 · 待批复 (R-CL-3).
    case unclearReported
    /// 已定密 — in force.
    case inForce
    /// 不予定密.
    case rejected
    /// 已解密.
    case declassified

    /// The Chinese name shown in lists, pages and refusals.
    public var chinese: String {
        switch self {
        case .draft: "拟定"
        case .inReview: "待审核"
        case .referredUp: "报上级确定"
        case .unclearPendingReport: "不明确事项·待报送"
        case .unclearReported: "不明确事项·待批复"
        case .inForce: "已定密"
        case .rejected: "不予定密"
        case .declassified: "已解密"
        }
    }

    /// R-CL-1: protective measures apply from the draft on, until rejected or declassified.
    public var isProtected: Bool { self != .rejected && self != .declassified }
}

/// 国家秘密事项 — one classified matter with its terms and the record of its classification (R-CL-1).
public struct SecretMatter: Sendable, Hashable, Codable {
    /// The secret's record id.
    public var id: String
    /// The classifying unit (the lead unit for joint secrets, R-CL-5).
    public var unitID: String
    /// 事项名称
    public var title: String
    /// 定密依据 — a catalogue item, a source secret, or 不明确事项.
    public var basis: ClassificationBasis
    /// 密级.
    public var level: Level
    /// 保密期限; nil when none is marked (R-DU-5 then deems one).
    public var period: SecrecyPeriod?
    /// 制发日 — counted from for the period (R-DU-2); set when the classification takes effect.
    public var issueDate: Day?
    /// The day the 承办人 drafted it (the clock of an unclear matter's report starts here, R-CL-3).
    public var draftedOn: Day
    /// 知悉范围 — persons (R-KS-1).
    public var scope: Set<String>
    /// 密点 (R-LV-5).
    public var secretPoints: String
    /// 承办人
    public var handlerPersonID: String
    /// 定密责任人 who decided.
    public var officerPersonID: String?
    /// The authority the decision rested on (R-CL-2).
    public var authority: AuthorityBasis?
    /// Where it is in its life: 拟定, 待审核, 已定密, 已解密 ….
    public var status: SecretStatus
    /// 联合定密的协办单位 (R-CL-5).
    public var coUnitIDs: [String]
    /// Every marking it has carried, oldest first; a change adds the new one beside the old (R-LV-4).
    public var markings: [String]
    /// The day it was declassified; nil while it is not.
    public var declassifiedOn: Day?
    /// R-DU-6 / R-CL-8: a source changed or a superior corrected it — its unit's officers must look at it again.
    public var needsReview = false
    /// R-CL-3: the day an unclear matter was reported to the administration (its decision clock starts).
    public var reportedOn: Day?

    /// Creates a secret; no officer, authority, co-units, markings or declassification unless given.
    public init(
        id: String, unitID: String, title: String, basis: ClassificationBasis, level: Level, period: SecrecyPeriod?, issueDate: Day?, draftedOn: Day,
        scope: Set<String>, secretPoints: String, handlerPersonID: String, officerPersonID: String? = nil, authority: AuthorityBasis? = nil,
        status: SecretStatus, coUnitIDs: [String] = [], markings: [String] = [], declassifiedOn: Day? = nil
    ) {
        self.id = id
        self.unitID = unitID
        self.title = title
        self.basis = basis
        self.level = level
        self.period = period
        self.issueDate = issueDate
        self.draftedOn = draftedOn
        self.scope = scope
        self.secretPoints = secretPoints
        self.handlerPersonID = handlerPersonID
        self.officerPersonID = officerPersonID
        self.authority = authority
        self.status = status
        self.coUnitIDs = coUnitIDs
        self.markings = markings
        self.declassifiedOn = declassifiedOn
    }

    /// The current marking (R-LV-2).
    public var marking: Marking { Marking(level: level, period: period) }

    /// The terms the secret is kept under, once it has an issue date.
    public var terms: SecretTerms? {
        issueDate.map { SecretTerms(marking: marking, issueDate: $0, scope: scope) }
    }

    /// The day the period runs out (R-DU-2, R-DU-5), if it runs out by date.
    public var expiry: Day? { terms?.expiry }
}
