import Accounts
import Kernel

/// The actions of a secret's page: one route and one focused form each. The raw value is the URL segment
/// (`/secrets/:id/<action>`).
public enum SecretAction: String, CaseIterable, Sendable, Codable {
    /// 提交审核 — the 承办人 hands the draft to a 定密责任人 (R-CL-1).
    case submit
    /// 审核同意 — the 定密责任人 approves the proposed marking (R-CL-1, R-CL-2).
    case approve
    /// 修改后同意 — the 定密责任人 approves another level or period (R-CL-1).
    case amend
    /// 不同意定密 — the 定密责任人 rejects the proposal (R-CL-1).
    case reject
    /// 报上级确定 — no authority here: protect and send it up (R-AU-1).
    case refer
    /// 报送保密行政管理部门 — an unclear matter goes to the administration (R-CL-3).
    case report
    /// 提出异议 — anyone who knows it may dispute the classification (R-CL-7).
    case object
    /// 年度审查 — the year's review by an officer of the unit (R-DC-1).
    case annualReview = "annual-review"
    /// 扩大知悉范围 — a new person joins the scope, with approval or consent (R-KS-3).
    case widen
    /// 确定不明确事项 — the administration decides a reported matter (R-CL-3).
    case decide
    /// 变更 — level, period or scope changed by an officer of the unit (R-CH-1..3).
    case change
    /// 提前解密 — declassified early by an officer of the unit (R-DC-2, R-DC-3).
    case declassify
    /// 复核 — an officer looks again at a matter flagged after its source changed (R-DU-6).
    case recheck
    /// 纠正 — a superior corrects a subordinate's classification (R-CL-8).
    case correct
    /// 答复异议 — an officer of the originating unit answers an objection (R-CL-7).
    case answer
    /// 申请保密行政管理部门确定 — the objector takes an unresolved objection up (R-CL-7).
    case appeal
    /// 确定异议 — the administration decides an appealed objection (R-CL-7).
    case decideAppeal = "decide-appeal"

    /// The button label, in a 保密员's words.
    public var chinese: String {
        switch self {
        case .submit: "提交审核"
        case .approve: "审核同意"
        case .amend: "修改后同意"
        case .reject: "不同意定密"
        case .refer: "报上级确定"
        case .report: "报送保密行政管理部门"
        case .object: "提出异议"
        case .annualReview: "年度审查"
        case .widen: "扩大知悉范围"
        case .decide: "确定不明确事项"
        case .change: "变更"
        case .declassify: "提前解密"
        case .recheck: "复核"
        case .correct: "纠正"
        case .answer: "答复异议"
        case .appeal: "申请保密行政管理部门确定"
        case .decideAppeal: "确定异议"
        }
    }

    /// The regulation the action follows, in a 保密员's words (never our rule IDs).
    public var regulation: String {
        switch self {
        case .submit: "承办人提出意见，报定密责任人审核批准（《国家秘密定密管理暂行规定》）"
        case .approve, .amend, .reject: "定密责任人在定密权限内审核批准，承办人与审核人不得为同一人"
        case .refer: "无相应定密权的，先行采取保密措施，报有权机关确定"
        case .report: "不明确事项于10个工作日内报保密行政管理部门确定"
        case .object: "对定密有异议的，可以向原定密机关提出；确定前按主张的最高密级保护"
        case .annualReview: "定密机关每年审核所确定的国家秘密"
        case .widen: "扩大知悉范围须经本机关负责人批准，或经原定密机关同意"
        case .decide: "保密行政管理部门自收到之日起10个工作日内作出决定"
        case .change: "密级、保密期限和知悉范围的变更由原定密机关决定，并书面通知知悉范围内的人员"
        case .declassify: "保密期限内不需继续保密的，由原定密机关及时解密"
        case .recheck: "所依据的事项变更或解密后，派生事项应及时复核"
        case .correct: "上级机关发现下级定密不当的，应当及时通知其纠正或直接纠正"
        case .answer: "原定密机关应及时答复异议"
        case .appeal: "对答复不服或逾期未答复的，可以向保密行政管理部门申请确定"
        case .decideAppeal: "保密行政管理部门对异议作出确定"
        }
    }

    /// The actions taken on the secret as a whole (the others act on one of its objections).
    public static let onSecret: [SecretAction] = allCases.filter { !$0.isOnObjection }

    /// Whether the action acts on one objection of the secret.
    public var isOnObjection: Bool { self == .answer || self == .appeal || self == .decideAppeal }
}

/// What the rules of a secret's actions need to know about who asks, loaded by the service in the same transaction.
public struct SecretViewer: Sendable {
    /// The acting person.
    public var personID: String
    /// The acting person's unit.
    public var unitID: String
    /// The acting account's roles.
    public var roles: Set<Role>
    /// The acting person's 定密责任人 appointments in office today, by unit.
    public var officerOf: [String: Officer]
    /// The units below the acting person's unit (not itself).
    public var subordinateUnits: Set<String>
    /// Whether the acting person's unit is a 保密行政管理部门.
    public var atAdministration: Bool
    /// The deciding unit's own 定密权 cap (R-AU-1), for an approval.
    public var decidingUnitCap: Level?
    /// The grants involving the deciding unit (R-AU-4), for an approval.
    public var decidingUnitGrants: [Grant]
    /// The period allowance of the secret's 一览表 item (R-AU-6), for an approval.
    public var allowance: PeriodAllowance

    /// Creates the viewer.
    public init(
        personID: String, unitID: String, roles: Set<Role>, officerOf: [String: Officer], subordinateUnits: Set<String>, atAdministration: Bool,
        decidingUnitCap: Level? = nil, decidingUnitGrants: [Grant] = [], allowance: PeriodAllowance = .standard
    ) {
        self.personID = personID
        self.unitID = unitID
        self.roles = roles
        self.officerOf = officerOf
        self.subordinateUnits = subordinateUnits
        self.atAdministration = atAdministration
        self.decidingUnitCap = decidingUnitCap
        self.decidingUnitGrants = decidingUnitGrants
        self.allowance = allowance
    }

    /// Whether the person works for an administration as its staff (R-CL-3, R-CL-7, R-CL-8).
    public var isAdministrationStaff: Bool { atAdministration && roles.contains(.administrationStaff) }
}

/// The state of one objection, as its actions need it (R-CL-7).
public struct ObjectionState: Sendable, Hashable {
    /// Who raised it.
    public var raisedBy: String
    /// `pending`, `appealed` or `decided`.
    public var status: String
    /// The administration it was appealed to, once appealed.
    public var appealUnitID: String?

    /// Creates the state.
    public init(raisedBy: String, status: String, appealUnitID: String?) {
        self.raisedBy = raisedBy
        self.status = status
        self.appealUnitID = appealUnitID
    }
}
