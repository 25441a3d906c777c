import Kernel
import Testing

@Suite("标志检查 — finding markings in text")
struct MarkingLintTests {
    @Test("R-LV-2 an ASCII star is reported with its position and the corrected marking")
    func asciiStar() throws {
        let findings = MarkingLint.scan("第一行\n本文件为 机密*10年，请妥善保管。")
        let f = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(f.line == 2)
        #expect(f.column == 6)
        #expect(f.found == "机密*10年")
        #expect(f.problem == .badStar)
        #expect(f.ruleID == "R-LV-2")
        #expect(f.suggestion == "机密★10年")
    }

    @Test("R-LV-2 other wrong stars and spaces are reported", arguments: ["秘密☆5年", "秘密＊5年", "秘密 ★5年"])
    func otherStars(text: String) throws {
        let f = try #require(MarkingLint.scan(text).first)
        #expect(f.suggestion == "秘密★5年")
        #expect(f.ruleID == "R-LV-2")
    }

    @Test("R-DU-1 over-limit periods are reported with the level's maximum as the fix")
    func overLimit() throws {
        let f = try #require(MarkingLint.scan("附件：秘密★15年").first)
        #expect(f.problem == .overLimit)
        #expect(f.ruleID == "R-DU-1")
        #expect(f.suggestion == "秘密★10年")
    }

    @Test("R-DU-3 长期 is flagged as needing an explicit basis")
    func longTerm() throws {
        let f = try #require(MarkingLint.scan("绝密★长期").first)
        #expect(f.problem == .longTerm)
        #expect(f.ruleID == "R-DU-3")
    }

    @Test("R-LV-1 a ★ on a work secret is reported and 工作秘密 is not read as 秘密")
    func workSecretStar() throws {
        let findings = MarkingLint.scan("工作秘密★1年")
        #expect(findings.count == 1)
        #expect(findings.first?.ruleID == "R-LV-1")
        #expect(findings.first?.problem == .notStateSecret)
    }

    @Test("R-LV-2 malformed periods and dates are reported", arguments: [("秘密★6月", "秘密★6个月"), ("秘密★2030年13月1日", nil), ("秘密★0年", nil)] as [(String, String?)])
    func malformed(text: String, fix: String?) throws {
        let f = try #require(MarkingLint.scan(text).first)
        #expect(f.suggestion == fix)
    }

    @Test(
        "R-LV-2 correct markings and plain mentions of levels produce nothing",
        arguments: ["机密★10年", "秘密★2030年12月31日", "本文件不涉及秘密。", "工作秘密，不得外传", "绝密文件由专人传递", "机密★项目竣工验收后解密"])
    func clean(text: String) {
        #expect(MarkingLint.scan(text).isEmpty)
    }

    @Test("R-LV-2 several findings in one text keep their own lines and columns")
    func several() {
        let findings = MarkingLint.scan("秘密*1年 与 机密★25年\n绝密☆5年")
        #expect(findings.map(\.line) == [1, 1, 2])
        #expect(findings.map(\.column) == [1, 9, 1])
    }
}
