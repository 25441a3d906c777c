import Foundation

/// Refusals of markings and periods, each naming its rule.
public enum MarkingError: DomainError, Equatable {
    /// R-LV-2: a star other than the full-width ★.
    case badStar(found: String)
    /// R-LV-2: the text does not start with 绝密, 机密 or 秘密.
    case unknownLevel(String)
    /// R-LV-1: a label that is not a state secret cannot carry a ★ marking.
    case notAStateSecret(String)
    /// R-LV-2: the shape is wrong (spaces, missing period, 6月 for 6个月 …).
    case malformed(String)
    /// R-LV-2: a date that does not exist (2030年13月1日).
    case invalidDate(String)
    /// R-DU-2: a period of zero or less.
    case nonPositive
    /// R-DU-2: a declassification date not after the issue date.
    case untilNotAfterIssue
    /// R-DU-1: longer than the level's (or the scope item's) limit.
    case periodOverLimit(level: Level, limitYears: Int)
    /// R-DU-3: 长期 without an explicit scope-item basis.
    case longTermWithoutBasis
    /// R-DU-4: a condition that is not clear and specific.
    case vagueCondition(String)

    /// Stable machine code for the API (`marking.…`).
    public var code: String {
        switch self {
        case .badStar: "marking.bad_star"
        case .unknownLevel: "marking.unknown_level"
        case .notAStateSecret: "marking.not_a_state_secret"
        case .malformed: "marking.malformed"
        case .invalidDate: "marking.invalid_date"
        case .nonPositive: "marking.non_positive_period"
        case .untilNotAfterIssue: "marking.date_not_after_issue"
        case .periodOverLimit: "marking.period_over_limit"
        case .longTermWithoutBasis: "marking.long_term_without_basis"
        case .vagueCondition: "marking.vague_condition"
        }
    }

    /// The rule refused: R-LV-1/R-LV-2 for the label and shape, R-DU-1..4 for the period.
    public var ruleID: String? {
        switch self {
        case .badStar, .unknownLevel, .malformed, .invalidDate: "R-LV-2"
        case .notAStateSecret: "R-LV-1"
        case .nonPositive, .untilNotAfterIssue: "R-DU-2"
        case .periodOverLimit: "R-DU-1"
        case .longTermWithoutBasis: "R-DU-3"
        case .vagueCondition: "R-DU-4"
        }
    }

    /// Always `marking`, the field holding the 国家秘密标志.
    public var field: String? { "marking" }

    /// The message shown to the user, in Simplified Chinese.
    public var message: String {
        switch self {
        case .badStar(let found): "国家秘密标志须使用全角星号「★」，不能使用「\(found)」"
        case .unknownLevel(let text): "无法识别的密级「\(text)」，密级只能是绝密、机密或秘密"
        case .notAStateSecret(let label): "「\(label)」不是国家秘密，不得标注★国家秘密标志"
        case .malformed(let reason): "国家秘密标志格式不正确：\(reason)"
        case .invalidDate(let text): "解密时间「\(text)」不是有效日期"
        case .nonPositive: "保密期限必须大于零"
        case .untilNotAfterIssue: "解密时间必须晚于制发日期"
        case .periodOverLimit(let level, let limit): "\(level.chinese)级事项的保密期限不得超过\(limit)年"
        case .longTermWithoutBasis: "保密期限为「长期」须有保密事项范围的明确规定"
        case .vagueCondition(let text): "解密条件「\(text)」不够明确具体"
        }
    }

    /// Always a validation failure (400).
    public var kind: FailureKind { .validation }
}
