import Foundation
import Testing

@testable import Kernel

/// The formats written digit by digit (issue 12: `String(format:)` and a `DateFormatter` per call were a large part of a
/// page's time) read exactly as the slow ways did.
@Suite("日期与十六进制 — formats written by hand")
struct FormattingTests {
    @Test("A day's ISO text matches String(format:) across the years, padded")
    func dayISO() {
        var n = Day(year: 1, month: 1, day: 1)!.daysSinceEpoch
        let end = Day(year: 9999, month: 12, day: 31)!.daysSinceEpoch
        while n <= end {
            let day = Day(daysSinceEpoch: n)
            #expect(day.iso == String(format: "%04d-%02d-%02d", day.year, day.month, day.day))
            n += 997
        }
        #expect(Day(year: 2026, month: 3, day: 9)!.iso == "2026-03-09")
        #expect(Day(iso: Day(year: 7, month: 12, day: 31)!.iso) == Day(year: 7, month: 12, day: 31))
    }

    @Test("An instant reads as the time-zone database says in Asia/Shanghai, before and after summer time ended in 1991")
    func instants() {
        // Every 7,777,777 seconds from 1985 to 2040, and the edges of the last summer time.
        var millis: Int64 = 473_385_600_000
        var samples: [Int64] = [684_892_799_999, 684_892_800_000, 0, 1_795_395_600_000, 1_795_395_599_999]
        while millis < 2_208_988_800_000 {
            samples.append(millis)
            millis += 7_777_777_123
        }
        for sample in samples {
            #expect(formatMillis(sample) == formatMillisSlowly(sample), "\(sample)")
        }
        #expect(formatMillis(1_795_395_600_000) == "2026-11-23 09:00:00")
        #expect(formatMillis(nil) == "—")
    }

    @Test("Hexadecimal is two lower-case digits a byte")
    func hex() {
        let bytes: [UInt8] = [0, 1, 15, 16, 127, 128, 171, 255]
        #expect(Digits.hex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        #expect(Digits.hex([UInt8]()) == "")
        #expect(Digits.padded(7, width: 3) == Array("007".utf8))
        #expect(Digits.padded(12345, width: 2) == Array("12345".utf8))
        #expect(Digits.padded(-5, width: 2) == Array("-5".utf8))
    }
}

/// The trims read each cell of an import and each form field: they give exactly what Foundation's
/// `trimmingCharacters(in:)` gives, for every scalar as a margin and inside the text.
@Suite("去除首尾空白 — trims as Foundation trims")
struct TrimTests {
    @Test("Every scalar of the BMP and a few beyond, before, after and inside a text, trimmed as Foundation trims")
    func everyScalar() {
        let scalars = (0..<0x1_0000).compactMap(Unicode.Scalar.init) + [0x1_F600, 0xE_0020, 0x10_FFFF].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            let c = String(scalar)
            for text in [c, c + "保密" + c, "保" + c + "密", c + c + " \t" + c, "\u{3000}" + c + "a", c + "\r\n"] {
                #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces), "U+\(String(scalar.value, radix: 16)) spaces")
                #expect(
                    text.trimmingSpacesAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
                    "U+\(String(scalar.value, radix: 16)) and newlines")
            }
        }
        #expect("".trimmingSpaces.isEmpty)
        #expect(" \u{3000}\t".isBlank)
        #expect(!" 密 ".isBlank)
        #expect("  机密★10年 \n".trimmingSpacesAndNewlines == "机密★10年")
    }
}
