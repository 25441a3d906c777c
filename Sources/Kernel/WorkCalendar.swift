import Foundation

/// A named run of public holidays (放假), inclusive.
public struct HolidaySpan: Codable, Sendable, Hashable {
    /// The holiday's name, e.g. 春节.
    public var name: String
    /// The first day off.
    public var from: Day
    /// The last day off (inclusive).
    public var to: Day

    /// Creates a span of holidays from `from` to `to`, inclusive.
    public init(name: String, from: Day, to: Day) {
        self.name = name
        self.from = from
        self.to = to
    }
}

/// One year of the State Council's holiday notice: holidays and make-up working days (调休) (R-SY-5).
public struct CalendarYear: Codable, Sendable, Hashable {
    /// The calendar year the notice covers.
    public var year: Int
    /// 放假 — the holiday spans of the year, in order.
    public var holidays: [HolidaySpan]
    /// 调休 — the weekend days that are working days this year.
    public var makeupWorkdays: [Day]

    /// Creates a year of the calendar from its holidays and make-up working days.
    public init(year: Int, holidays: [HolidaySpan], makeupWorkdays: [Day]) {
        self.year = year
        self.holidays = holidays
        self.makeupWorkdays = makeupWorkdays
    }

    /// Decodes and checks a data file: every date inside the year, spans in order, no make-up day inside a holiday.
    public static func decode(json: Data) throws(CalendarError) -> CalendarYear {
        let year: CalendarYear
        do {
            year = try JSONDecoder().decode(CalendarYear.self, from: json)
        } catch {
            throw .invalidData("不是有效的日历数据文件（应含 year、holidays、makeupWorkdays）")
        }
        guard (2000...2100).contains(year.year) else { throw .invalidData("年份 \(year.year) 超出范围") }
        for span in year.holidays {
            if span.name.isBlank { throw .invalidData("假期缺少名称") }
            if span.from > span.to { throw .invalidData("\(span.name)：开始日期晚于结束日期") }
            if span.from.year != year.year || span.to.year != year.year { throw .invalidData("\(span.name)的日期不在 \(year.year) 年内") }
        }
        for day in year.makeupWorkdays {
            if day.year != year.year { throw .invalidData("调休上班日 \(day.iso) 不在 \(year.year) 年内") }
            if year.holidays.contains(where: { $0.from <= day && day <= $0.to }) { throw .invalidData("调休上班日 \(day.iso) 落在假期内") }
        }
        return year
    }

    /// The years shipped with Baomi (`Sources/Kernel/CalendarData/*.json`), from the State Council's notices.
    public static let bundled: [CalendarYear] = {
        guard let folder = Bundle.module.url(forResource: "CalendarData", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        else { return [] }
        return files.filter { $0.pathExtension == "json" }.compactMap { url in
            (try? Data(contentsOf: url)).flatMap { try? CalendarYear.decode(json: $0) }
        }.sorted { $0.year < $1.year }
    }()
}

/// What kind of day a date is.
public enum DayKind: Sendable, Hashable {
    case workday
    case weekend
    case holiday(String)
    case makeupWorkday
}

/// The working-day calendar: weekends, holidays and 调休 per loaded year (R-SY-5).
public struct WorkCalendar: Sendable {
    private let holidays: [Day: String]
    private let makeup: Set<Day>
    private let years: Set<Int>

    /// A calendar of the given years; a day in any other year is refused, never guessed.
    public init(years: [CalendarYear]) {
        var holidays: [Day: String] = [:]
        var makeup: Set<Day> = []
        for year in years {
            for span in year.holidays {
                var d = span.from
                while d <= span.to {
                    holidays[d] = span.name
                    d = d.adding(days: 1)
                }
            }
            makeup.formUnion(year.makeupWorkdays)
        }
        self.holidays = holidays
        self.makeup = makeup
        self.years = Set(years.map(\.year))
    }

    /// The years loaded, ascending.
    public var loadedYears: [Int] { years.sorted() }

    /// R-SY-5: what kind of day `d` is; a year that is not loaded is refused, never guessed.
    public func kind(of d: Day) throws(CalendarError) -> DayKind {
        guard years.contains(d.year) else { throw .yearNotLoaded(d.year) }
        if let name = holidays[d] { return .holiday(name) }
        if makeup.contains(d) { return .makeupWorkday }
        return d.weekday >= 6 ? .weekend : .workday
    }

    /// R-SY-5: whether `d` is a working day (weekdays and 调休 make-up days, never holidays).
    public func isWorkingDay(_ d: Day) throws(CalendarError) -> Bool {
        switch try kind(of: d) {
        case .workday, .makeupWorkday: true
        case .weekend, .holiday: false
        }
    }

    /// R-SY-5: the n-th working day after `start` (start itself not counted); `n == 0` returns `start`.
    public func addWorkingDays(_ n: Int, to start: Day) throws(CalendarError) -> Day {
        precondition(n >= 0, "addWorkingDays needs n ≥ 0")
        var d = start
        var counted = 0
        while counted < n {
            d = d.adding(days: 1)
            if try isWorkingDay(d) { counted += 1 }
        }
        return d
    }

    /// R-SY-5: the number of working days d with a < d ≤ b (negative when b is before a).
    public func workingDaysBetween(_ a: Day, _ b: Day) throws(CalendarError) -> Int {
        if b < a { return -(try workingDaysBetween(b, a)) }
        var count = 0
        var d = a
        while d < b {
            d = d.adding(days: 1)
            if try isWorkingDay(d) { count += 1 }
        }
        return count
    }
}

/// Refusals of the calendar.
public enum CalendarError: DomainError, Equatable {
    /// R-SY-5: the year is not loaded; deadlines into it cannot be computed.
    case yearNotLoaded(Int)
    /// R-SY-5: an imported data file is wrong.
    case invalidData(String)

    /// Stable machine code for the API (`calendar.…`).
    public var code: String {
        switch self {
        case .yearNotLoaded: "calendar.year_not_loaded"
        case .invalidData: "calendar.invalid_data"
        }
    }

    /// Always R-SY-5, the working-day calendar rule.
    public var ruleID: String? { "R-SY-5" }

    /// `year` when a year is missing, `file` when a data file is wrong.
    public var field: String? {
        switch self {
        case .yearNotLoaded: "year"
        case .invalidData: "file"
        }
    }

    /// The message shown to the user, in Simplified Chinese.
    public var message: String {
        switch self {
        case .yearNotLoaded(let year): "\(year)年的工作日历尚未导入，无法计算期限"
        case .invalidData(let reason): "日历数据有误：\(reason)"
        }
    }

    /// A missing year is a conflict (import it first); a bad data file is a validation failure.
    public var kind: FailureKind {
        switch self {
        case .yearNotLoaded: .conflict
        case .invalidData: .validation
        }
    }
}
