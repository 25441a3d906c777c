import Foundation

/// 保密期限 — how long a secret is kept: a period, a date, a condition, or 长期 (R-LV-2, R-DU-2..4).
public enum SecrecyPeriod: Hashable, Codable, Sendable {
    /// N 年
    case years(Int)
    /// N 个月
    case months(Int)
    /// N 日
    case days(Int)
    /// 解密时间 — a declassification date.
    case until(Day)
    /// 解密条件 — a declassification condition.
    case condition(String)
    /// 长期 — only where the scope item says so (R-DU-3).
    case longTerm

    /// R-DU-2: the day the period runs out, counted from the 制发日 (issue date); nil for a condition or 长期.
    public func expiry(from issue: Day) -> Day? {
        switch self {
        case .years(let n): issue.adding(years: n)
        case .months(let n): issue.adding(months: n)
        case .days(let n): issue.adding(days: n)
        case .until(let day): day
        case .condition, .longTerm: nil
        }
    }

    /// The text after ★ (`10年`, `6个月`, `15日`, `2030年12月31日`, `长期`, or the condition).
    public var rendered: String {
        switch self {
        case .years(let n): "\(n)年"
        case .months(let n): "\(n)个月"
        case .days(let n): "\(n)日"
        case .until(let day): day.chinese
        case .condition(let text): text
        case .longTerm: "长期"
        }
    }
}

/// What a scope item (保密事项范围) allows beyond the defaults.
public struct PeriodAllowance: Sendable, Hashable, Codable {
    /// The scope item's own longest period in years, overriding R-DU-1; nil = the R-DU-1 default.
    public var maxYears: Int?
    /// Whether the scope item explicitly allows 长期 (R-DU-3).
    public var allowsLongTerm: Bool

    /// Creates an allowance; by default none beyond R-DU-1 (no own limit, no 长期).
    public init(maxYears: Int? = nil, allowsLongTerm: Bool = false) {
        self.maxYears = maxYears
        self.allowsLongTerm = allowsLongTerm
    }

    /// No scope-item exceptions.
    public static let standard = PeriodAllowance()
}

/// 国家秘密标志 — a level with its period, rendered and parsed as `密级★期限` (R-LV-2).
public struct Marking: Hashable, Codable, Sendable {
    /// The level.
    public let level: Level
    /// The marked period; nil when nothing is marked (R-DU-5 then deems one).
    public let period: SecrecyPeriod?

    /// Creates a marking; a nil `period` means none is marked (R-DU-5 then deems one).
    public init(level: Level, period: SecrecyPeriod?) {
        self.level = level
        self.period = period
    }

    /// The one accepted star: full-width ★ (U+2605).
    public static let star: Character = "★"

    /// Characters people type instead of ★, refused with a message that says so (R-LV-2).
    public static let wrongStars: Set<Character> = ["*", "＊", "☆", "✩", "✱", "⭐", "✭", "✮", "✯", "✰", "✲", "✳", "✴", "✵", "✶", "✷", "✸", "⋆", "﹡", "٭"]

    /// R-DU-5: the period that applies — the marked one, or when none is marked 绝密 30, 机密 20, 秘密 10 years.
    public var effectivePeriod: SecrecyPeriod {
        period ?? .years(level.deemedYears)
    }

    /// R-LV-2: `机密★10年`, `秘密★6个月`, `秘密★2030年12月31日`, `绝密★长期`, `机密★<条件>`, or bare `机密`.
    public func render() -> String {
        guard let period else { return level.chinese }
        return "\(level.chinese)\(Marking.star)\(period.rendered)"
    }
}
