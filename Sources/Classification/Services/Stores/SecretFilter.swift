import Classification
import Kernel

/// 排序 — the orders a user may choose for the register of secrets (keyset-paged, issue 11).
public enum SecretOrder: String, Sendable, CaseIterable {
    /// 最新在前 — newest first (the default).
    case newest
    /// 按保密期限届满日 — by the day the period ends (no end day last).
    case expiry
    /// 按名称 — by title.
    case title

    /// The label on the register's order menu.
    public var chinese: String {
        switch self {
        case .newest: "最新在前"
        case .expiry: "按保密期限届满日"
        case .title: "按名称"
        }
    }
}

/// Filters of the secret register.
public struct SecretFilter: Sendable, Hashable {
    /// Only secrets of this level.
    public var level: Level?
    /// Only secrets in this status.
    public var status: SecretStatus?
    /// Only the secrets of this unit (id); nil or empty for every unit.
    public var unitID: String?
    /// Only secrets decided by this 定密责任人 (person id).
    public var officerPersonID: String?
    /// Only secrets drafted by this 承办人 (person id).
    public var handlerPersonID: String?
    /// Only this 定密依据: `catalogue`, `derived` or `unclear`.
    public var basisKind: String?
    /// Only secrets in force whose period ends within this many days from today.
    public var expiringWithinDays: Int?
    /// Only secrets derived from this source secret (id, R-CL-6).
    public var derivedFrom: String?
    /// Only secrets whose title contains this text.
    public var search: String?
    /// R-DC-1: in force and not yet reviewed in this year.
    public var reviewDueYear: Int?
    /// R-DU-6 / R-CL-8: only secrets flagged for another look.
    public var needsReview: Bool?
    /// Only secrets this person drafted or decided (the 待办's reminders; `secrets_handler`, `secrets_officer`).
    public var involvingPersonID: String?
    /// R-CL-3: only unclear matters whose clock for their current status has run out and been escalated by the sweep
    /// (`clock_escalated`, `secrets_unclear_report`, `secrets_unclear_decision`).
    public var clockEscalated: Bool?
    /// R-AU-1: only the secrets of the units whose superior is this unit (id) — what they referred up to it.
    public var referredToUnitID: String?

    /// Creates a filter; with every field nil it matches the whole register.
    public init(
        level: Level? = nil, status: SecretStatus? = nil, unitID: String? = nil, officerPersonID: String? = nil, handlerPersonID: String? = nil,
        basisKind: String? = nil,
        expiringWithinDays: Int? = nil, derivedFrom: String? = nil, search: String? = nil, reviewDueYear: Int? = nil, needsReview: Bool? = nil
    ) {
        self.needsReview = needsReview
        self.level = level
        self.status = status
        self.unitID = unitID
        self.officerPersonID = officerPersonID
        self.handlerPersonID = handlerPersonID
        self.basisKind = basisKind
        self.expiringWithinDays = expiringWithinDays
        self.derivedFrom = derivedFrom
        self.search = search
        self.reviewDueYear = reviewDueYear
    }
}
