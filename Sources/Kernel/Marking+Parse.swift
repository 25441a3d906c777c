import Foundation

extension Marking {
    /// R-LV-2: parses every form `render()` produces; refuses anything else with the reason.
    ///
    /// Leading and trailing whitespace is trimmed; whitespace next to ★ is refused (a marking is one token).
    /// Dates may be written zero-padded (`2030年01月05日`); they render unpadded.
    /// R-LV-1: labels that are not state secrets (工作秘密, 商业秘密, 内部, 公开) are refused with their own error.
    public static func parse(_ input: String) throws(MarkingError) -> Marking {
        let text = input.trimmingSpacesAndNewlines
        for label in ["工作秘密", "商业秘密", "内部", "公开", "非密"] where text.hasPrefix(label) {
            throw .notAStateSecret(label)
        }
        guard let level = Level.allCases.first(where: { text.hasPrefix($0.chinese) }) else {
            throw .unknownLevel(String(text.prefix(6)))
        }
        let rest = text.dropFirst(level.chinese.count)
        guard let first = rest.first else { return Marking(level: level, period: nil) }
        if first.isWhitespace || (first == star && rest.dropFirst().first?.isWhitespace == true) {
            throw .malformed("标志中不得有空格，应写作「\(level.chinese)★期限」")
        }
        if wrongStars.contains(first) {
            throw .badStar(found: String(first))
        }
        guard first == star else {
            throw .malformed("密级与期限之间应为全角星号「★」")
        }
        let body = String(rest.dropFirst())
        guard !body.isEmpty else { throw .malformed("★后缺少保密期限、解密时间或解密条件") }
        return Marking(level: level, period: try parsePeriod(body))
    }

    static func parsePeriod(_ body: String) throws(MarkingError) -> SecrecyPeriod {
        if body == "长期" { return .longTerm }
        if let (n, unit) = numberWithUnit(body) {
            guard n > 0 else { throw .nonPositive }
            switch unit {
            case "年": return .years(n)
            case "个月": return .months(n)
            case "日", "天": return .days(n)
            case "月": throw .malformed("「\(n)月」应写作「\(n)个月」")
            default: break
            }
        }
        if let date = try parseDate(body) { return .until(date) }
        try refuseMisshapenPeriod(body)
        return .condition(body)
    }

    /// `10年`, `6个月`, `15日`, `-1年` → (number, unit); nil if the text is not number + unit.
    static func numberWithUnit(_ body: String) -> (Int, String)? {
        var digits = ""
        var index = body.startIndex
        if body.first == "-" || body.first == "−" {
            digits = "-"
            index = body.index(after: index)
        }
        while index < body.endIndex, body[index].isASCII, body[index].isNumber {
            digits.append(body[index])
            index = body.index(after: index)
        }
        let unit = String(body[index...])
        guard digits.count > (digits.hasPrefix("-") ? 1 : 0), ["年", "个月", "月", "日", "天"].contains(unit), let n = Int(digits) else { return nil }
        return (n, unit)
    }

    /// `2030年12月31日` → the day; nil if the text is not shaped like a date; an error if the shape is right but the
    /// date does not exist.
    static func parseDate(_ body: String) throws(MarkingError) -> Day? {
        let scalars = Array(body)
        guard let yEnd = scalars.firstIndex(of: "年"), let mEnd = scalars.firstIndex(of: "月"), scalars.last == "日", yEnd < mEnd else { return nil }
        let y = String(scalars[..<yEnd]), m = String(scalars[(yEnd + 1)..<mEnd]), d = String(scalars[(mEnd + 1)..<(scalars.count - 1)])
        guard y.count == 4, (1...2).contains(m.count), (1...2).contains(d.count),
            let yy = Int(y), let mm = Int(m), let dd = Int(d), [y, m, d].allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        guard let day = Day(year: yy, month: mm, day: dd) else { throw .invalidDate(body) }
        return day
    }
}
