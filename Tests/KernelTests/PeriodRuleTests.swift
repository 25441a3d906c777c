import Kernel
import Testing

@Suite("保密期限 — period rules")
struct PeriodRuleTests {
    let issue = Day(year: 2026, month: 3, day: 12)!

    @Test(
        "R-DU-1 the upper limits are 绝密 30, 机密 20, 秘密 10 years — in years, months, days and dates",
        arguments: [(Level.topSecret, 30), (.confidential, 20), (.secret, 10)])
    func limits(level: Level, years: Int) throws {
        let over = MarkingError.periodOverLimit(level: level, limitYears: years)
        try Marking(level: level, period: .years(years)).validate(issueDate: issue)
        #expect(throws: over) { try Marking(level: level, period: .years(years + 1)).validate(issueDate: issue) }
        try Marking(level: level, period: .months(years * 12)).validate(issueDate: issue)
        #expect(throws: over) { try Marking(level: level, period: .months(years * 12 + 1)).validate(issueDate: issue) }
        let lastDay = issue.adding(years: years)
        try Marking(level: level, period: .days(lastDay - issue)).validate(issueDate: issue)
        #expect(throws: over) { try Marking(level: level, period: .days(lastDay - issue + 1)).validate(issueDate: issue) }
        try Marking(level: level, period: .until(lastDay)).validate(issueDate: issue)
        #expect(throws: over) { try Marking(level: level, period: .until(lastDay.adding(days: 1))).validate(issueDate: issue) }
    }

    @Test("R-DU-1 a scope item's own limit replaces the default")
    func scopeItemLimit() throws {
        try Marking(level: .secret, period: .years(15)).validate(issueDate: issue, allowance: .init(maxYears: 15))
        #expect(throws: MarkingError.periodOverLimit(level: .secret, limitYears: 5)) {
            try Marking(level: .secret, period: .years(6)).validate(issueDate: issue, allowance: .init(maxYears: 5))
        }
    }

    @Test("R-DU-2 a period counts from the issue date, in years, months or days")
    func expiryFromIssue() {
        #expect(SecrecyPeriod.years(10).expiry(from: issue) == Day(year: 2036, month: 3, day: 12))
        #expect(SecrecyPeriod.months(6).expiry(from: issue) == Day(year: 2026, month: 9, day: 12))
        #expect(SecrecyPeriod.days(30).expiry(from: issue) == Day(year: 2026, month: 4, day: 11))
        #expect(SecrecyPeriod.until(Day(year: 2030, month: 12, day: 31)!).expiry(from: issue) == Day(year: 2030, month: 12, day: 31))
        #expect(SecrecyPeriod.condition("项目验收后").expiry(from: issue) == nil)
        #expect(SecrecyPeriod.longTerm.expiry(from: issue) == nil)
    }

    @Test("R-DU-2 month arithmetic clamps to the month's end and handles leap days")
    func monthEnds() {
        #expect(SecrecyPeriod.months(1).expiry(from: Day(year: 2026, month: 1, day: 31)!) == Day(year: 2026, month: 2, day: 28))
        #expect(SecrecyPeriod.months(1).expiry(from: Day(year: 2028, month: 1, day: 31)!) == Day(year: 2028, month: 2, day: 29))
        #expect(SecrecyPeriod.years(1).expiry(from: Day(year: 2028, month: 2, day: 29)!) == Day(year: 2029, month: 2, day: 28))
        #expect(SecrecyPeriod.years(4).expiry(from: Day(year: 2028, month: 2, day: 29)!) == Day(year: 2032, month: 2, day: 29))
        #expect(SecrecyPeriod.months(13).expiry(from: Day(year: 2026, month: 12, day: 15)!) == Day(year: 2028, month: 1, day: 15))
    }

    @Test("R-DU-2 a declassification date must be after the issue date")
    func untilAfterIssue() {
        #expect(throws: MarkingError.untilNotAfterIssue) { try Marking(level: .secret, period: .until(issue)).validate(issueDate: issue) }
        #expect(throws: MarkingError.untilNotAfterIssue) { try Marking(level: .secret, period: .until(issue.adding(days: -1))).validate(issueDate: issue) }
    }

    @Test("R-DU-3 长期 is refused unless the scope item explicitly allows it")
    func longTerm() throws {
        let marking = try Marking.parse("绝密★长期")
        #expect(throws: MarkingError.longTermWithoutBasis) { try marking.validate(issueDate: issue) }
        try marking.validate(issueDate: issue, allowance: .init(allowsLongTerm: true))
        #expect(MarkingError.longTermWithoutBasis.ruleID == "R-DU-3")
    }

    @Test("R-DU-4 a condition must be clear and specific", arguments: ["待定", "视情况解密", "适时解密", "另行通知", "必要时解密", "适当时候解密", "解密"])
    func vagueConditions(text: String) {
        #expect(throws: MarkingError.vagueCondition(text)) { try Marking(level: .secret, period: .condition(text)).validate(issueDate: issue) }
    }

    @Test("R-DU-4 a specific condition is accepted")
    func specificCondition() throws {
        try Marking(level: .confidential, period: .condition("海洋监测网络竣工验收后解密")).validate(issueDate: issue)
    }

    @Test("R-DU-5 an unmarked secret is deemed 绝密 30, 机密 20, 秘密 10 years", arguments: [(Level.topSecret, 30), (.confidential, 20), (.secret, 10)])
    func deemed(level: Level, years: Int) throws {
        let marking = try Marking.parse(level.chinese)
        #expect(marking.period == nil)
        #expect(marking.effectivePeriod == .years(years))
        #expect(SecretTerms(marking: marking, issueDate: issue, scope: []).expiry == issue.adding(years: years))
    }

    @Test("R-DU-7 a compilation takes the highest level and the longest period")
    func combined() throws {
        let a = try Marking.parse("秘密★10年"), b = try Marking.parse("机密★5年"), c = try Marking.parse("秘密★2040年1月1日")
        #expect(Marking.combined([a, b], issueDate: issue) == Marking(level: .confidential, period: .years(10)))
        #expect(Marking.combined([a, b, c], issueDate: issue) == Marking(level: .confidential, period: .until(Day(year: 2040, month: 1, day: 1)!)))
        #expect(Marking.combined([b, try Marking.parse("绝密")], issueDate: issue) == Marking(level: .topSecret, period: .years(30)))
        #expect(Marking.combined([a, try Marking.parse("秘密★长期")], issueDate: issue)?.period == .longTerm)
        #expect(Marking.combined([], issueDate: issue) == nil)
    }

    @Test("R-DU-7 conditions outrank fixed periods and are all kept")
    func combinedConditions() throws {
        let x = try Marking.parse("秘密★甲项目验收后"), y = try Marking.parse("机密★乙项目投产后"), z = try Marking.parse("机密★20年")
        #expect(Marking.combined([x, z], issueDate: issue) == Marking(level: .confidential, period: .condition("甲项目验收后")))
        #expect(Marking.combined([x, y, z], issueDate: issue)?.period == .condition("甲项目验收后；乙项目投产后"))
    }

    @Test("R-DU-6 a derived secret carries the source's level, period and scope and expires when the source does")
    func derived() throws {
        let source = SecretTerms(marking: try Marking.parse("机密★10年"), issueDate: issue, scope: ["p1", "p2"])
        let derived = Derivation.terms(derivedFrom: source)
        #expect(derived.marking.level == .confidential)
        #expect(derived.scope == source.scope)
        #expect(derived.expiry == source.expiry)
        #expect(Derivation.isConsistent(derived, with: source))
        for offset in [-1, 0, 1] {
            let day = source.expiry!.adding(days: offset)
            #expect(derived.hasExpired(on: day) == source.hasExpired(on: day))
        }
        // A derived record re-counted from its own later issue date would outlive its source: flagged.
        let recounted = SecretTerms(marking: source.marking, issueDate: issue.adding(days: 100), scope: source.scope)
        #expect(!Derivation.isConsistent(recounted, with: source))
        var widened = derived
        widened.scope.insert("p9")
        #expect(!Derivation.isConsistent(widened, with: source))
    }
}
