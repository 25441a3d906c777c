import Kernel
import Testing

@testable import ClassificationServices

/// The stored period of a record is read as the marking parser reads it, whether parsed now or kept from before.
@Suite("保密期限的存储形式 — a stored period reads as the parser reads it")
struct ClassificationCodecTests {
    @Test("R-DU-2 every stored form — years, months, days, a date, 长期, a condition — reads the same the first time and after")
    func keptPeriods() {
        let stored: [SecrecyPeriod] = [
            .years(10), .years(30), .months(6), .days(15), .until(Day(year: 2030, month: 12, day: 31)!), .longTerm, .condition("项目验收后"),
        ]
        for level in Level.allCases {
            for period in stored {
                let text = period.rendered
                let parsed = ClassificationCodec.parsePeriod(text, level: level)
                #expect(ClassificationCodec.period(text, level: level) == parsed, "\(text) at \(level)")
                #expect(ClassificationCodec.period(text, level: level) == parsed, "\(text) at \(level), kept")
            }
        }
        #expect(ClassificationCodec.period("10年", level: .secret) == .years(10))
        #expect(ClassificationCodec.period("项目验收后", level: .secret) == .condition("项目验收后"))
        #expect(ClassificationCodec.period(nil, level: .secret) == nil)
        #expect(ClassificationCodec.period("", level: .secret) == nil)
    }
}
