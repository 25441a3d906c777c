import ArgumentParser
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Storage

/// `baomi self-assessment --unit 名称` — 自查自评 (R-IN-4): a unit's live-data indicators under the 13 areas of IR 58, as
/// every registered area answers them; an area no registered area answers is 未接入. Counts only, never what is counted.
struct SelfAssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "self-assessment",
        abstract: "自查自评：按《保守国家秘密法实施条例》第五十八条的十三个方面列出本单位的数据指标。A unit's self-assessment indicators.")

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "单位名称。Unit name.") var unit: String

    func run() async throws {
        try await guarded {
            try await data.withServices(printBootstrap: false) { services in
                guard let found = try await services.database.read({ db in try await OrganisationReads.unit(named: unit, on: db) }) else {
                    throw Refusal.invalid("unit", "没有名称为“\(unit)”的单位")
                }
                let indicators = try await services.indicators(unitID: found.id)
                say("\(found.name) 自查自评（\(services.clock.today.iso)）")
                for line in SelfAssessmentReport.lines(indicators) { say(line) }
            }
        }
    }
}

/// The self-assessment as lines of text: each of the 13 areas, its indicators passed or failed with their counts, and
/// the share passed; 未接入 for an area nobody answers.
enum SelfAssessmentReport {
    static func lines(_ indicators: [InspectionArea: [Indicator]]) -> [String] {
        InspectionArea.allCases.flatMap { area -> [String] in
            guard let answered = indicators[area], !answered.isEmpty else { return ["\(area.numeral)\(area.chinese)：未接入"] }
            let passed = answered.filter(\.passes).count
            return ["\(area.numeral)\(area.chinese)：\(passed)/\(answered.count) 项符合"]
                + answered.map { i in
                    "    \(i.passes ? "符合" : "不符合")  \(i.chinese)" + (i.passes ? "" : "：\(i.failing)\(i.capped ? " 以上" : "") 件") + "（\(i.rule)）"
                }
        }
    }
}
