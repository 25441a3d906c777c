import Kernel
import Testing

@Suite("国家秘密标志 — misshapen periods are refused, never read as conditions")
struct MarkingShapeTests {
    @Test("R-LV-2 a period in the wrong shape is refused, not taken as a 解密条件", arguments: ["机密★10 年", "机密★十年", "机密★１０年", "秘密★1年6个月", "秘密★1.5年"])
    func misshapenPeriod(text: String) {
        #expect(throws: MarkingError.self) { try Marking.parse(text) }
        do {
            _ = try Marking.parse(text)
        } catch {
            #expect(error.code == "marking.malformed")
            #expect(error.ruleID == "R-LV-2")
        }
    }

    @Test("R-LV-2 a date in ISO or slash form is refused with the canonical form proposed")
    func isoDate() {
        #expect(throws: MarkingError.malformed("解密时间「2030-12-31」应写作「2030年12月31日」")) { try Marking.parse("秘密★2030-12-31") }
        #expect(throws: MarkingError.malformed("解密时间「2030/1/5」应写作「2030年1月5日」")) { try Marking.parse("秘密★2030/1/5") }
        #expect(throws: MarkingError.invalidDate("2030-13-01")) { try Marking.parse("秘密★2030-13-01") }
    }

    @Test("R-DU-3 variants of 长期 are refused instead of slipping past the basis check as conditions", arguments: ["绝密★长期保密", "绝密★永久", "绝密★无限期"])
    func longTermVariants(text: String) {
        #expect(throws: MarkingError.self) { try Marking.parse(text) }
    }

    @Test("R-DU-4 conditions that merely start with a number stay conditions")
    func numericCondition() throws {
        let m = try Marking.parse("机密★2030年全运会闭幕后")
        #expect(m.period == .condition("2030年全运会闭幕后"))
        #expect(m.render() == "机密★2030年全运会闭幕后")
    }

    @Test("R-LV-2 lint counts lines separated by CRLF")
    func crlf() throws {
        let f = try #require(MarkingLint.scan("第一行\r\n机密*10年").first)
        #expect(f.line == 2)
        #expect(f.column == 1)
    }

    @Test("R-LV-2 Markdown emphasis around a level word is not a marking")
    func markdown() {
        #expect(MarkingLint.scan("本文件为**机密**文件").isEmpty)
        #expect(MarkingLint.scan("机密*10年").count == 1)
    }

    @Test("R-LV-1 a ★ on 公开 or 非密 is reported; R-DU-3 长期 says what to check")
    func labelsAndLongTerm() throws {
        #expect(MarkingLint.scan("公开★1年").first?.ruleID == "R-LV-1")
        #expect(MarkingLint.scan("非密★1年").first?.suggestion == "非密")
        #expect(try #require(MarkingLint.scan("绝密★长期").first?.suggestion).contains("保密事项范围"))
    }
}
