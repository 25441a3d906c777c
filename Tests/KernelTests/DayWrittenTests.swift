import Kernel
import Testing

/// Dates as spreadsheets and people write them in imported files (`Day(written:)`).
@Suite("日期的写法 — dates as written")
struct DayWrittenTests {
    @Test(
        "Each way Excel, WPS and people write 1 March 2025 reads as that day",
        arguments: [
            "2025-03-01", "2025-3-1", "2025/3/1", "2025/03/01", "2025.3.1", "2025年3月1日", "2025年03月01日", "２０２５年３月１日", "2025/3/1 14:30",
            "2025-03-01T00:00:00", "2025-03-01T00:00:00Z", " 2025/3/1 ", "45717", "45717.6041666667", "45716.99999999999",
        ])
    func sameDay(_ text: String) {
        #expect(Day(written: text) == Day(year: 2025, month: 3, day: 1), "\(text)")
    }

    @Test(
        "Anything else is no date: a plain count, a month without a year, mixed separators, an impossible day, trailing words",
        arguments: [
            "", "3", "4.5", "3月1日", "2025/3-1", "2025年3-1", "2025-02-30", "2025/13/1", "2025/3/1 上午", "25/3/1", "20250301", "12345", "1e19", "-1e300",
            "9223372036854775808", "1E+20", "nan", "inf",
        ])
    func notADay(_ text: String) {
        #expect(Day(written: text) == nil, "\(text)")
    }

    @Test("A serial of a 1904 workbook counts from 1 January 1904: 44255 is 1 March 2025 there, 28 February 2021 in the 1900 system")
    func serial1904() {
        #expect(Day(written: "44255", date1904: true) == Day(year: 2025, month: 3, day: 1))
        #expect(Day(written: "44255") == Day(year: 2021, month: 2, day: 28))
        #expect(Day(written: "2025/3/1", date1904: true) == Day(year: 2025, month: 3, day: 1), "written dates are no serials")
    }
}
