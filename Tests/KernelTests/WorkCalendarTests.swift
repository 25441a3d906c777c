import Foundation
import Kernel
import Testing

@Suite("工作日历 — working days (R-SY-5)")
struct WorkCalendarTests {
    let calendar = WorkCalendar(years: CalendarYear.bundled)

    func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day)! }

    @Test("R-SY-5 the shipped 2025 and 2026 data load and match the State Council notices")
    func bundled() throws {
        #expect(calendar.loadedYears == [2025, 2026])
        #expect(try calendar.kind(of: d(2025, 1, 26)) == .makeupWorkday)  // Sunday, make-up
        #expect(try calendar.kind(of: d(2025, 10, 8)) == .holiday("国庆节、中秋节"))
        #expect(try calendar.kind(of: d(2026, 2, 23)) == .holiday("春节"))
        #expect(try calendar.kind(of: d(2026, 2, 28)) == .makeupWorkday)  // Saturday, make-up
        #expect(try calendar.kind(of: d(2026, 11, 21)) == .weekend)
        #expect(try calendar.kind(of: d(2026, 11, 23)) == .workday)
    }

    @Test("R-SY-5 across 国庆/中秋 2026: 10 working days from Thu 2026-09-24")
    func nationalDay() throws {
        // 9-25..27 中秋 off; 9-28, 29, 30 (3); 10-1..7 国庆 off; 10-8, 9 (5); 10-10 Sat make-up (6);
        // 10-11 Sun off; 10-12, 13, 14, 15 (10).
        #expect(try calendar.addWorkingDays(10, to: d(2026, 9, 24)) == d(2026, 10, 15))
        #expect(try calendar.workingDaysBetween(d(2026, 9, 24), d(2026, 10, 15)) == 10)
    }

    @Test("R-SY-5 across the 2026 Spring Festival with its two make-up Saturdays")
    func springFestival() throws {
        // From Fri 2026-02-13: 2-14 Sat make-up (1); 2-15..23 off; 2-24, 25, 26, 27 (5); 2-28 Sat make-up (6);
        // 3-1 Sun off; 3-2, 3, 4, 5 (10).
        #expect(try calendar.addWorkingDays(10, to: d(2026, 2, 13)) == d(2026, 3, 5))
        #expect(try calendar.addWorkingDays(1, to: d(2026, 2, 13)) == d(2026, 2, 14))
    }

    @Test("R-SY-5 across the 2025→2026 year end, with 元旦 off and 2026-01-04 a make-up Sunday")
    func yearEnd() throws {
        // From Tue 2025-12-30: 12-31 (1); 1-1..3 off; 1-4 Sun make-up (2); 1-5 (3), 1-6 (4), 1-7 (5).
        #expect(try calendar.addWorkingDays(5, to: d(2025, 12, 30)) == d(2026, 1, 7))
        #expect(try calendar.workingDaysBetween(d(2025, 12, 30), d(2026, 1, 7)) == 5)
    }

    @Test("R-SY-5 between is the inverse of add, negative when reversed, zero for the same day")
    func between() throws {
        let a = d(2025, 4, 1), b = try calendar.addWorkingDays(37, to: a)
        #expect(try calendar.workingDaysBetween(a, b) == 37)
        #expect(try calendar.workingDaysBetween(b, a) == -37)
        #expect(try calendar.workingDaysBetween(a, a) == 0)
        #expect(try calendar.addWorkingDays(0, to: a) == a)
        // 2026: 365 days, starts on a Thursday → 104 weekend days, 261 weekdays. Holidays on weekdays:
        // 元旦 2, 春节 6 (2-16..20, 2-23), 清明 1, 劳动 3, 端午 1, 中秋 1, 国庆 5 = 19. Make-up days: 6.
        // 261 − 19 + 6 = 248.
        #expect(try calendar.workingDaysBetween(d(2025, 12, 31), d(2026, 12, 31)) == 248)
    }

    @Test("R-SY-5 computing into a year with no calendar is refused, never guessed")
    func missingYear() {
        #expect(throws: CalendarError.yearNotLoaded(2027)) { try calendar.addWorkingDays(10, to: d(2026, 12, 24)) }
        #expect(throws: CalendarError.yearNotLoaded(2024)) { try calendar.isWorkingDay(d(2024, 6, 3)) }
        #expect(CalendarError.yearNotLoaded(2027).message.contains("2027"))
        #expect(CalendarError.yearNotLoaded(2027).ruleID == "R-SY-5")
    }

    @Test(
        "R-SY-5 bad calendar data is refused with the reason",
        arguments: [
            #"{"year":2027}"#,
            #"{"year":2027,"holidays":[{"name":"元旦","from":"2026-12-31","to":"2027-01-01"}],"makeupWorkdays":[]}"#,
            #"{"year":2027,"holidays":[{"name":"春节","from":"2027-02-10","to":"2027-02-05"}],"makeupWorkdays":[]}"#,
            #"{"year":2027,"holidays":[{"name":"春节","from":"2027-02-05","to":"2027-02-10"}],"makeupWorkdays":["2027-02-06"]}"#,
            #"{"year":2027,"holidays":[],"makeupWorkdays":["2027-02-30"]}"#,
        ])
    func badData(json: String) {
        #expect(throws: CalendarError.self) { try CalendarYear.decode(json: Data(json.utf8)) }
    }

    @Test("R-SY-5 weekdays: 1970-01-01 was a Thursday; dates convert both ways")
    func dayArithmetic() {
        #expect(Day(daysSinceEpoch: 0).weekday == 4)
        #expect(d(2026, 11, 23).weekday == 1)
        for n in stride(from: -800_000, through: 800_000, by: 9_973) {
            #expect(Day(daysSinceEpoch: n).daysSinceEpoch == n)
        }
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2028-02-29") == d(2028, 2, 29))
        #expect(Day(iso: "0007-12-31") == d(7, 12, 31))
        for bad in ["2026-1-01", "2026-01-1", "+202-01-01", "2026-01-0a", "2026/01/01", " 2026-01-01", "2026-01-01 ", "２０２６-01-01", "2026-13-01", ""] {
            #expect(Day(iso: bad) == nil, "\(bad)")
        }
        #expect(Day(date: Date(timeIntervalSince1970: 1_795_363_200)) == d(2026, 11, 23))  // 2026-11-22 16:00 UTC = 11-23 00:00 CST
    }
}
