import Areas
import ArgumentParser
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Storage

/// `baomi calendar import|show` — the working-day calendar (R-SY-5).
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "工作日历。Working-day calendar.", subcommands: [Import.self, Show.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "导入一年的日历数据（JSON）。Import a year's calendar (JSON).")
        @OptionGroup var data: DataOptions
        @Argument(help: "数据文件路径。Data file.") var file: String

        func run() async throws {
            try await guarded {
                guard let bytes = FileManager.default.contents(atPath: file) else { throw Refusal.invalid("file", "无法读取文件 \(file)") }
                try await data.withServices(printBootstrap: false) { services in
                    let year = try await services.calendar.importYear(.system, json: bytes, source: "命令行导入：\(file)")
                    say("已导入 \(year.year) 年：\(year.holidays.count) 个假期，\(year.makeupWorkdays.count) 个调休上班日")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "显示一年的假期与调休。Show a year's holidays and make-up days.")
        @OptionGroup var data: DataOptions
        @Argument(help: "年份。Year.") var year: Int

        func run() async throws {
            try await guarded {
                try await data.withServices(printBootstrap: false) { services in
                    guard let entry = try await services.calendar.years().first(where: { $0.year.year == year }) else {
                        throw CalendarError.yearNotLoaded(year)
                    }
                    say("\(year) 年工作日历（来源：\(entry.source)）")
                    for h in entry.year.holidays { say("  放假  \(h.name)  \(h.from.iso) — \(h.to.iso)") }
                    for d in entry.year.makeupWorkdays { say("  调休上班  \(d.iso)") }
                    let calendar = try await services.calendar.current()
                    let first = Day(year: year, month: 1, day: 1)!, last = Day(year: year, month: 12, day: 31)!
                    let count = try calendar.workingDaysBetween(first.adding(days: -1), last)
                    say("  全年工作日 \(count) 天")
                }
            }
        }
    }
}
