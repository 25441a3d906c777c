import Foundation

/// What is wrong with a marking found in text.
public enum LintProblem: String, Sendable, Hashable {
    case badStar, spacing, overLimit, longTerm, notStateSecret, nonPositive, invalidDate, malformed, vagueCondition
}

/// One marking in a text that needs attention.
public struct LintFinding: Sendable, Hashable {
    /// 1-based line.
    public let line: Int
    /// 1-based column, in characters.
    public let column: Int
    /// The marking as written.
    public let found: String
    /// What kind of problem it is.
    public let problem: LintProblem
    /// The rule it breaks, e.g. `R-LV-2`.
    public let ruleID: String
    /// Chinese explanation.
    public let message: String
    /// The corrected marking, where one can be proposed.
    public let suggestion: String?
}

/// Finds markings in free text and reports malformed ones with a fix (`baomi marking lint`).
public enum MarkingLint {
    static let delimiters: Set<Character> = ["，", "。", "；", "、", ",", ";", "）", ")", "」", "》", "】", "]", "\"", "”", "：", ":"]
    static let levelWords = ["绝密", "机密", "秘密"]
    static let otherLabels = ["工作秘密", "商业秘密", "内部", "公开", "非密"]

    /// R-LV-2, R-LV-1, R-DU-1, R-DU-3: every questionable marking in `text`.
    public static func scan(_ text: String) -> [LintFinding] {
        var findings: [LintFinding] = []
        for (lineIndex, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            findings += scanLine(Array(line), number: lineIndex + 1)
        }
        return findings
    }

    private static func scanLine(_ chars: [Character], number: Int) -> [LintFinding] {
        var findings: [LintFinding] = []
        var i = 0
        while i < chars.count {
            if let label = otherLabels.first(where: { matches($0, chars, at: i) }) {
                let end = i + label.count
                if let (_, tokenEnd) = starAndToken(chars, from: end) {
                    let found = String(chars[i..<tokenEnd])
                    findings.append(
                        LintFinding(
                            line: number, column: i + 1, found: found, problem: .notStateSecret, ruleID: "R-LV-1",
                            message: "「\(label)」不是国家秘密，不得使用★国家秘密标志", suggestion: label))
                    i = tokenEnd
                } else {
                    i = end
                }
                continue
            }
            guard let word = levelWords.first(where: { matches($0, chars, at: i) }) else {
                i += 1
                continue
            }
            let end = i + word.count
            guard let (starAt, tokenEnd) = starAndToken(chars, from: end) else {
                i = end
                continue
            }
            let found = String(chars[i..<tokenEnd])
            let star = chars[starAt]
            let token = String(chars[(starAt + 1)..<tokenEnd]).trimmingSpaces
            let level = Level(chinese: word)!
            let canonicalStart = "\(word)★\(token)"
            if star != Marking.star {
                findings.append(finding(number, i, found, .badStar, MarkingError.badStar(found: String(star)), suggestion: canonicalStart))
            } else if starAt != end || found.contains(" ") || found.contains("　") {
                findings.append(
                    LintFinding(
                        line: number, column: i + 1, found: found, problem: .spacing, ruleID: "R-LV-2",
                        message: "国家秘密标志中不得有空格", suggestion: canonicalStart))
            } else {
                findings += checkPeriod(level: level, token: token, found: found, line: number, column: i)
            }
            i = tokenEnd
        }
        return findings
    }

    private static func checkPeriod(level: Level, token: String, found: String, line: Int, column: Int) -> [LintFinding] {
        if token.isEmpty {
            return [finding(line, column, found, .malformed, .malformed("★后缺少保密期限"), suggestion: "\(level.chinese)★\(level.maxYears)年")]
        }
        do {
            let marking = try Marking.parse("\(level.chinese)★\(token)")
            if marking.period == .longTerm {
                return [finding(line, column, found, .longTerm, .longTermWithoutBasis, suggestion: "核对保密事项范围是否明确规定该事项可以长期保密")]
            }
            try marking.validate(issueDate: nil)
            return []
        } catch {
            switch error {
            case .periodOverLimit:
                return [finding(line, column, found, .overLimit, error, suggestion: "\(level.chinese)★\(level.maxYears)年")]
            case .nonPositive:
                return [finding(line, column, found, .nonPositive, error, suggestion: nil)]
            case .invalidDate:
                return [finding(line, column, found, .invalidDate, error, suggestion: nil)]
            case .vagueCondition:
                return [finding(line, column, found, .vagueCondition, error, suggestion: nil)]
            case .malformed:
                let fixed =
                    token.hasSuffix("月") && !token.hasSuffix("个月") && Int(token.dropLast()) != nil
                    ? "\(level.chinese)★\(token.dropLast())个月" : nil
                return [finding(line, column, found, .malformed, error, suggestion: fixed)]
            default:
                return [finding(line, column, found, .malformed, error, suggestion: nil)]
            }
        }
    }

    private static func finding(_ line: Int, _ column: Int, _ found: String, _ problem: LintProblem, _ error: MarkingError, suggestion: String?) -> LintFinding
    {
        LintFinding(
            line: line, column: column + 1, found: found, problem: problem, ruleID: error.ruleID ?? "R-LV-2", message: error.message, suggestion: suggestion)
    }

    /// Whether `word` occurs at `i`; 秘密 inside 工作秘密/商业秘密 does not count as the level 秘密.
    private static func matches(_ word: String, _ chars: [Character], at i: Int) -> Bool {
        let w = Array(word)
        guard i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w else { return false }
        if word == "秘密", i >= 2 {
            let before = String(chars[(i - 2)..<i])
            if before == "工作" || before == "商业" { return false }
        }
        return true
    }

    /// After a label: optional spaces, a star-like character, then the token up to a delimiter or space.
    private static func starAndToken(_ chars: [Character], from start: Int) -> (Int, Int)? {
        var j = start
        while j < chars.count, chars[j] == " " || chars[j] == "　" { j += 1 }
        guard j < chars.count, chars[j] == Marking.star || Marking.wrongStars.contains(chars[j]) else { return nil }
        // `**机密**` is Markdown emphasis, not a marking.
        if chars[j] == "*", j + 1 < chars.count, chars[j + 1] == "*" { return nil }
        let starAt = j
        var k = j + 1
        while k < chars.count, chars[k] == " " || chars[k] == "　" { k += 1 }
        while k < chars.count, !chars[k].isWhitespace, !delimiters.contains(chars[k]) { k += 1 }
        return (starAt, k)
    }
}
