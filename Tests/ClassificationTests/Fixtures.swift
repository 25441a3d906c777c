import Classification
import Kernel

/// Shared fixtures: a city agency with 机密 authority, an officer, a catalogue item.
enum Fx {
    static let today = Day(year: 2026, month: 11, day: 23)!
    static let unit = "agency"
    static let handler = "handler"
    static let officerPerson = "officer"

    static func officer(cap: Level = .confidential, trained: Day? = Day(year: 2026, month: 1, day: 10)!) -> Officer {
        Officer(
            id: "o1", unitID: unit, personID: officerPerson, kind: .designated, cap: cap, appointedOn: Day(year: 2026, month: 1, day: 5)!, trainedOn: trained)
    }

    static let item = CatalogueItem(
        id: "c1", unitID: unit, code: "GX-03", name: "重点产业布局调整方案", level: .confidential, period: .years(10),
        scope: "局领导、规划科", productionLevel: "市级", sourceDocument: "工业和信息化工作国家秘密范围的规定 第三条")

    static func input(level: Level = .confidential, period: SecrecyPeriod? = .years(10), basis: ClassificationBasis = .catalogue(itemID: "c1")) -> DraftInput {
        DraftInput(title: "2027年产业布局调整方案", basis: basis, level: level, period: period, scope: ["p1", "p2"], secretPoints: "第三部分重点项目选址", questions: .allNo)
    }

    static func draft(level: Level = .confidential) throws -> SecretMatter {
        try Drafting.draft(input(level: level), id: "s1", unitID: unit, handlerPersonID: handler, handlerTier: .core, on: today, catalogueItem: item)
    }

    static func inForce(level: Level = .confidential, period: SecrecyPeriod? = .years(10), issue: Day = Day(year: 2026, month: 3, day: 12)!) -> SecretMatter {
        SecretMatter(
            id: "s9", unitID: unit, title: "在用事项", basis: .catalogue(itemID: "c1"), level: level, period: period, issueDate: issue,
            draftedOn: issue, scope: ["p1", handler], secretPoints: "密点", handler: handler)
    }
}

extension SecretMatter {
    init(
        id: String, unitID: String, title: String, basis: ClassificationBasis, level: Level, period: SecrecyPeriod?, issueDate: Day, draftedOn: Day,
        scope: Set<String>, secretPoints: String, handler: String
    ) {
        self.init(
            id: id, unitID: unitID, title: title, basis: basis, level: level, period: period, issueDate: issueDate, draftedOn: draftedOn, scope: scope,
            secretPoints: secretPoints, handlerPersonID: handler, officerPersonID: Fx.officerPerson, authority: .own(.confidential), status: .inForce,
            markings: [Marking(level: level, period: period).render()])
    }
}
