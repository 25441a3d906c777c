import Foundation

extension Marking {
    /// Words that make a 解密条件 vague (R-DU-4: a condition must be clear and specific).
    public static let vagueWords = ["待定", "视情况", "适时", "另行通知", "必要时", "适当时候"]

    /// Validates the marking against the period rules.
    ///
    /// - R-DU-1: at most 绝密 30, 机密 20, 秘密 10 years (or the scope item's own limit), in years, months, days
    ///   or up to a date counted from `issueDate`.
    /// - R-DU-2: periods are positive and a declassification date lies after the issue date.
    /// - R-DU-3: 长期 only with an explicit scope-item basis.
    /// - R-DU-4: a condition is clear and specific.
    public func validate(issueDate: Day?, allowance: PeriodAllowance = .standard) throws(MarkingError) {
        guard let period else { return }
        let limit = allowance.maxYears ?? level.maxYears
        let over = MarkingError.periodOverLimit(level: level, limitYears: limit)
        switch period {
        case .years(let n):
            guard n > 0 else { throw .nonPositive }
            if n > limit { throw over }
        case .months(let n):
            guard n > 0 else { throw .nonPositive }
            if n > limit * 12 { throw over }
        case .days(let n):
            guard n > 0 else { throw .nonPositive }
            let base = issueDate ?? Day(year: 2001, month: 1, day: 1)!
            if base.adding(days: n) > base.adding(years: limit) { throw over }
        case .until(let day):
            if let issueDate {
                if day <= issueDate { throw .untilNotAfterIssue }
                if day > issueDate.adding(years: limit) { throw over }
            }
        case .condition(let text):
            let trimmed = text.trimmingSpacesAndNewlines
            if trimmed.count < 4 || Marking.vagueWords.contains(where: trimmed.contains) {
                throw .vagueCondition(text)
            }
        case .longTerm:
            if !allowance.allowsLongTerm { throw .longTermWithoutBasis }
        }
    }

    /// R-DU-7: a compilation or envelope takes the highest level and the longest period of its items.
    ///
    /// Periods are compared by their expiry counted from `issueDate` (R-DU-5 deemed periods for unmarked items).
    /// 长期 beats everything; a condition beats any fixed period, since it may outlast it; several different
    /// conditions are joined with "；" so that none is lost.
    public static func combined(_ markings: [Marking], issueDate: Day) -> Marking? {
        guard let level = markings.map(\.level).max() else { return nil }
        let periods = markings.map(\.effectivePeriod)
        if periods.contains(.longTerm) { return Marking(level: level, period: .longTerm) }
        var conditions: [String] = []
        for case .condition(let text) in periods where !conditions.contains(text) { conditions.append(text) }
        if !conditions.isEmpty { return Marking(level: level, period: .condition(conditions.joined(separator: "；"))) }
        let longest = periods.max { ($0.expiry(from: issueDate) ?? issueDate) < ($1.expiry(from: issueDate) ?? issueDate) }
        return Marking(level: level, period: longest)
    }
}
