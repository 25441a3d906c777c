import Foundation

extension Marking {
    /// R-LV-2, R-DU-1, R-DU-3: text after ★ that is shaped like a period, a date or 长期 but not written in the
    /// canonical form is refused, never taken as a 解密条件 — otherwise `机密★10 年`, `秘密★2030-12-31` or
    /// `绝密★长期保密` would pass as conditions and escape the limit (R-DU-1) and basis (R-DU-3) checks.
    static func refuseMisshapenPeriod(_ body: String) throws(MarkingError) {
        let compact = String(body.filter { !$0.isWhitespace })
        if ["长期保密", "长期有效", "永久", "永久保密", "无限期", "无期限"].contains(compact) || (compact == "长期" && compact != body) {
            throw .malformed("「\(body)」应写作「长期」，且只有保密事项范围明确规定时才可使用（R-DU-3）")
        }
        if isNumberWithUnits(compact) {
            throw .malformed("保密期限「\(body)」应写作阿拉伯数字加一个单位，如「10年」「6个月」「15日」")
        }
        if let (y, m, d) = isoLikeDate(compact) {
            guard let day = Day(year: y, month: m, day: d) else { throw .invalidDate(body) }
            throw .malformed("解密时间「\(body)」应写作「\(day.chinese)」")
        }
    }

    /// `10 年`, `１０年`, `十年`, `1.5年`, `1年6个月`: number runs each followed by a period unit.
    private static func isNumberWithUnits(_ text: String) -> Bool {
        let numeral: Set<Character> = Set("0123456789０１２３４５６７８９.．一二三四五六七八九十百零〇两半+-−")
        let units = ["个月", "個月", "年", "月", "日", "天", "周", "星期"]
        var rest = Substring(text)
        var pairs = 0
        while !rest.isEmpty {
            let number = rest.prefix(while: { numeral.contains($0) })
            guard !number.isEmpty else { return false }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(unit.count)
            pairs += 1
        }
        return pairs > 0
    }

    /// `2030-12-31`, `2030/12/31`, `2030.12.31` → year, month, day as written.
    private static func isoLikeDate(_ text: String) -> (Int, Int, Int)? {
        for separator in ["-", "/", ".", "．"] {
            let parts = text.components(separatedBy: separator)
            guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
            else { continue }
            return (y, m, d)
        }
        return nil
    }
}
