import Foundation

extension String {
    /// Empty once spaces are trimmed: what a required text field must not be.
    public var isBlank: Bool { trimmingCharacters(in: .whitespaces).isEmpty }
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
