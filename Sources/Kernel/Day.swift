import Foundation

/// A calendar date (year, month, day) in China Standard Time — the unit of every deadline.
///
/// Arithmetic is pure integer arithmetic on the proleptic Gregorian calendar (days since 1970-01-01),
/// so it never depends on the machine's locale or time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2030.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// A valid date, or nil (e.g. 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`: ten ASCII characters, digits but for the two dashes. Read byte by byte: splitting the text
    /// was a twentieth of the API register's time (issue 12, a register decodes four dates a row).
    public init?(iso: String) {
        var text = iso
        let parsed: (Int, Int, Int)? = text.withUTF8 { b in
            guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
            var values = (0, 0, 0)
            for (i, byte) in b.enumerated() where i != 4 && i != 7 {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte &- UInt8(ascii: "0"))
                if i < 4 { values.0 = values.0 * 10 + digit } else if i < 7 { values.1 = values.1 * 10 + digit } else { values.2 = values.2 * 10 + digit }
            }
            return values
        }
        guard let (y, m, d) = parsed else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The day an instant falls on in `timeZone` (default Asia/Shanghai).
    public init(date: Date, timeZone: TimeZone = .shanghai) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        self = Day(daysSinceEpoch: Int((Double(seconds) / 86_400).rounded(.down)))
    }

    /// The day `n` days after 1970-01-01.
    public init(daysSinceEpoch n: Int) {
        // Howard Hinnant's civil_from_days.
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `YYYY-MM-DD`.
    /// Written digit by digit: `String(format:)` was 6% of a register page's time (issue 12).
    public var iso: String {
        guard (0...9999).contains(year) else { return String(format: "%04d-%02d-%02d", year, month, day) }
        var out = Digits.padded(year, width: 4)
        out.append(UInt8(ascii: "-"))
        out += Digits.padded(month, width: 2)
        out.append(UInt8(ascii: "-"))
        out += Digits.padded(day, width: 2)
        return String(decoding: out, as: UTF8.self)
    }

    /// `2030年12月31日`.
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// `YYYY-MM-DD`, as `iso`.
    public var description: String { iso }

    /// Midnight at the start of this day in Asia/Shanghai.
    public var startOfDay: Date {
        let seconds = daysSinceEpoch * 86_400
        let guess = Date(timeIntervalSince1970: TimeInterval(seconds))
        return Date(timeIntervalSince1970: TimeInterval(seconds - TimeZone.shanghai.secondsFromGMT(for: guess)))
    }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let r = (daysSinceEpoch + 3) % 7
        return (r < 0 ? r + 7 : r) + 1
    }

    /// The day `n` days later (earlier if negative).
    public func adding(days n: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + n) }

    /// The same day `n` months later, clamped to the month's end (01-31 + 1 month = 02-28/29).
    public func adding(months n: Int) -> Day {
        let total = year * 12 + (month - 1) + n
        let y = Int((Double(total) / 12).rounded(.down))
        let m = total - y * 12 + 1
        return Day(year: y, month: m, day: min(day, Day.daysIn(month: m, year: y)))!
    }

    /// The same day `n` years later, clamped (02-29 + 1 year = 02-28).
    public func adding(years n: Int) -> Day { adding(months: 12 * n) }

    /// Number of days from `b` to `a`.
    public static func - (a: Day, b: Day) -> Int { a.daysSinceEpoch - b.daysSinceEpoch }

    /// Whether `a` comes before `b`.
    public static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    /// Whether `year` is a leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Day: Codable {
    /// Encoded as `"YYYY-MM-DD"`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "日期应为 YYYY-MM-DD：\(text)"))
        }
        self = day
    }

    /// Encodes as `"YYYY-MM-DD"`, the form `init(from:)` reads.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}

extension TimeZone {
    /// China Standard Time, the zone of every deadline.
    public static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
}
