import Foundation

extension String {
    /// Empty once spaces are trimmed: what a required text field must not be.
    public var isBlank: Bool { trimmingSpaces.isEmpty }
}

extension StringProtocol {
    /// The text without leading and trailing spaces (Unicode category Zs, tab and the zero-width space U+200B) — what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives. Foundation on Linux trims through an `NSString` copy of the
    /// text, which was more than half of an import's checking (each cell of every row); this reads the scalars
    /// and returns the text itself when there is nothing to trim.
    public var trimmingSpaces: String { String(self).trimmed(newlines: false) }

    /// The text without leading and trailing spaces and line breaks (those spaces, categories Zl and Zp, U+000A–U+000D and U+0085) —
    /// what Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` gives.
    public var trimmingSpacesAndNewlines: String { String(self).trimmed(newlines: true) }
}

extension String {
    fileprivate func trimmed(newlines: Bool) -> String {
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: newlines
            default: false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, blank(first) || blank(last) else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, blank(scalars[start]) { scalars.formIndex(after: &start) }
        while start < end {
            let before = scalars.index(before: end)
            guard blank(scalars[before]) else { break }
            end = before
        }
        return String(scalars[start..<end])
    }
}

extension Optional where Wrapped == String {
    /// Missing, or empty once spaces are trimmed.
    public var isBlank: Bool { self?.isBlank ?? true }
}

/// Formats an instant for tables (China Standard Time): `YYYY-MM-DD HH:mm:ss`.
///
/// Computed, not formatted: a `DateFormatter` per call was most of a page's time where a table shows instants
/// (issue 12). China has kept UTC+8 without summer time since 1991-09-15; earlier instants go through the formatter.
public func formatMillis(_ millis: Int64?) -> String {
    guard let millis else { return "—" }
    guard millis >= chinaWithoutSummerTime else { return formatMillisSlowly(millis) }
    let seconds = Int(millis.quotient(dividingBy: 1000)) + 8 * 3600
    let day = Day(daysSinceEpoch: seconds / 86_400)
    let inDay = seconds % 86_400
    var out = Array(day.iso.utf8)
    out.append(UInt8(ascii: " "))
    out += Digits.padded(inDay / 3600, width: 2)
    out.append(UInt8(ascii: ":"))
    out += Digits.padded(inDay / 60 % 60, width: 2)
    out.append(UInt8(ascii: ":"))
    out += Digits.padded(inDay % 60, width: 2)
    return String(decoding: out, as: UTF8.self)
}

/// 1991-09-15 00:00 UTC: from then on China Standard Time is UTC+8 all year.
private let chinaWithoutSummerTime: Int64 = 684_892_800_000

/// `formatMillis` through the time-zone database, for instants before 1991-09-15.
func formatMillisSlowly(_ millis: Int64) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "zh_CN")
    f.timeZone = TimeZone(identifier: "Asia/Shanghai")
    f.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return f.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
}

extension Int64 {
    /// Division rounding towards minus infinity (a millisecond count before 1970 still falls in the right second).
    fileprivate func quotient(dividingBy d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

/// Decimal and hexadecimal digits written straight into bytes, for the formats read on every request.
public enum Digits {
    /// `value` in decimal, zero-padded to `width` digits (a negative value unpadded).
    public static func padded(_ value: Int, width: Int) -> [UInt8] {
        guard value >= 0 else { return Array(String(value).utf8) }
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value, index = width - 1
        while rest > 0, index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        return rest > 0 ? Array(String(value).utf8) : digits
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal, two digits a byte (token hashes, seals, random tokens).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// A list typed in one field (份号, 知悉范围, 监销人…): items separated by 、，, ; ； or spaces, blanks dropped.
    public var listItems: [String] { split(whereSeparator: { "、，,;； ".contains($0) }).map(String.init) }
}
