import Kernel
import Testing

@Suite("国家秘密标志 — render and parse")
struct MarkingRoundTripTests {
    static let canonical: [(String, Marking)] = [
        ("机密★10年", Marking(level: .confidential, period: .years(10))),
        ("秘密★6个月", Marking(level: .secret, period: .months(6))),
        ("秘密★15日", Marking(level: .secret, period: .days(15))),
        ("秘密★2030年12月31日", Marking(level: .secret, period: .until(Day(year: 2030, month: 12, day: 31)!))),
        ("秘密★2030年1月5日", Marking(level: .secret, period: .until(Day(year: 2030, month: 1, day: 5)!))),
        ("绝密★长期", Marking(level: .topSecret, period: .longTerm)),
        ("机密★项目竣工验收后解密", Marking(level: .confidential, period: .condition("项目竣工验收后解密"))),
        ("绝密★30年", Marking(level: .topSecret, period: .years(30))),
        ("机密", Marking(level: .confidential, period: nil)),
    ]

    @Test("R-LV-2 every canonical marking parses to its value and renders back to the same text", arguments: canonical)
    func roundTrip(text: String, marking: Marking) throws {
        #expect(try Marking.parse(text) == marking)
        #expect(marking.render() == text)
        #expect(try Marking.parse(marking.render()) == marking)
    }

    @Test("R-LV-2 parse accepts surrounding whitespace, 天 for 日 and zero-padded dates, rendering the canonical form")
    func lenientInputCanonicalOutput() throws {
        #expect(try Marking.parse("  机密★10年\n").render() == "机密★10年")
        #expect(try Marking.parse("秘密★30天").render() == "秘密★30日")
        #expect(try Marking.parse("秘密★2030年01月05日").render() == "秘密★2030年1月5日")
    }

    @Test("R-LV-2 only the full-width ★ is accepted", arguments: ["*", "＊", "☆", "✩", "✱", "⭐"])
    func wrongStars(star: String) {
        #expect(throws: MarkingError.badStar(found: star)) { try Marking.parse("机密\(star)10年") }
        #expect(MarkingError.badStar(found: star).message.contains("★"))
        #expect(MarkingError.badStar(found: star).ruleID == "R-LV-2")
    }

    @Test("R-LV-2 malformed markings are refused with the reason", arguments: ["机密 ★10年", "机密★ 10年", "机密★", "机密-10年", "秘密★6月"])
    func malformed(text: String) {
        #expect(throws: MarkingError.self) { try Marking.parse(text) }
        do {
            _ = try Marking.parse(text)
        } catch {
            #expect(error.ruleID == "R-LV-2")
        }
    }

    @Test("R-LV-2 an unknown level is refused")
    func unknownLevel() {
        #expect(throws: MarkingError.self) { try Marking.parse("高密★10年") }
        #expect(throws: MarkingError.self) { try Marking.parse("") }
    }

    @Test("R-LV-2 a date that does not exist is refused")
    func invalidDate() {
        #expect(throws: MarkingError.invalidDate("2030年13月1日")) { try Marking.parse("秘密★2030年13月1日") }
        #expect(throws: MarkingError.invalidDate("2031年2月29日")) { try Marking.parse("秘密★2031年2月29日") }
    }

    @Test("R-DU-2 zero and negative periods are refused", arguments: ["秘密★0年", "秘密★0个月", "秘密★-1年", "秘密★0日"])
    func nonPositive(text: String) {
        #expect(throws: MarkingError.nonPositive) { try Marking.parse(text) }
    }
}

@Suite("密级与非密标识 — levels and labels")
struct LevelTests {
    @Test("R-LV-1 the three levels are ordered 绝密 > 机密 > 秘密")
    func ordering() {
        #expect(Level.topSecret > .confidential)
        #expect(Level.confidential > .secret)
        #expect(Level.allCases.sorted().map(\.chinese) == ["秘密", "机密", "绝密"])
    }

    @Test(
        "R-LV-1 work secrets, commercial secrets, 内部 and 公开 are never state secrets and never get ★",
        arguments: [Sensitivity.workSecret, .commercialSecret, .internal, .public])
    func nonStateLabels(label: Sensitivity) {
        #expect(label.level == nil)
        #expect(!label.isStateSecret)
        #expect(throws: MarkingError.notAStateSecret(label.chinese)) { try label.marking(period: .years(1)) }
        #expect(throws: MarkingError.self) { try Marking.parse("\(label.chinese)★1年") }
    }

    @Test("R-LV-1 工作秘密 is not mistaken for 秘密")
    func workSecretIsNotSecret() {
        #expect(throws: MarkingError.notAStateSecret("工作秘密")) { try Marking.parse("工作秘密★1年") }
        #expect(Sensitivity(chinese: "工作秘密") == .workSecret)
        #expect(Sensitivity(chinese: "秘密") == .stateSecret(.secret))
    }

    @Test("R-LV-1 codes and Chinese names round-trip for every label")
    func codes() {
        for s in Sensitivity.all {
            #expect(Sensitivity(code: s.code) == s)
            #expect(Sensitivity(chinese: s.chinese) == s)
        }
        for l in Level.allCases {
            #expect(Level(code: l.code) == l)
            #expect(Level(chinese: l.chinese) == l)
        }
    }

    @Test("R-LV-1 clearance tiers cover levels up to their ceiling and every non-secret label")
    func clearanceCoverage() {
        #expect(ClearanceTier.core.covers(.stateSecret(.topSecret)))
        #expect(!ClearanceTier.important.covers(.stateSecret(.topSecret)))
        #expect(ClearanceTier.important.covers(.stateSecret(.confidential)))
        #expect(!ClearanceTier.general.covers(.stateSecret(.confidential)))
        #expect(ClearanceTier.general.covers(.stateSecret(.secret)))
        #expect(!ClearanceTier.none.covers(.stateSecret(.secret)))
        #expect(ClearanceTier.none.covers(.workSecret))
    }
}
