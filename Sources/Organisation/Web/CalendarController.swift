import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

/// The working-day calendar page (R-SY-5): a year's months, a deadline calculator, import for the 系统管理员.
struct CalendarController {
    let services: Services
    let views: Views

    struct Cell: Sendable {
        let label: String, css: String, title: String
    }

    struct Month: Sendable {
        let name: String
        let weeks: [[Cell]]
    }

    struct YearLink: Sendable {
        let year: Int, source: String, current: Bool
    }

    struct Model: Sendable {
        let year: Int
        let loaded: Bool
        let months: [Month]
        let years: [YearLink]
        let holidays: [String]
        let makeup: String
        let canImport: Bool
        let from: String
        let days: String
        let result: String?
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/calendar") { request, context in
            try await page(request, context, flash: nil, error: nil)
        }
        router.post("/calendar/import") { request, context in
            let form = try await csrfForm(request, context)
            return try await refusable {
                let year = try await services.calendar.importYear(try context.actor(), json: Data((form["data"] ?? "").utf8), source: "页面导入")
                return try await page(request, context, flash: "已导入\(year.year)年工作日历", error: nil, year: year.year)
            } again: { message, status in
                try await page(request, context, flash: nil, error: message, status: status)
            }
        }
    }

    static func kind(_ calendar: WorkCalendar, _ d: Day) throws -> DayKind {
        try calendar.kind(of: d)
    }

    static func due(_ calendar: WorkCalendar, _ n: Int, _ from: Day) -> Result<Day, CalendarError> {
        Result { () throws(CalendarError) -> Day in try calendar.addWorkingDays(n, to: from) }
    }

    static func style(_ kind: DayKind) -> (String, String) {
        switch kind {
        case .workday: return ("work", "工作日")
        case .weekend: return ("weekend", "周末")
        case .holiday(let name): return ("holiday", name)
        case .makeupWorkday: return ("makeup", "调休上班")
        }
    }

    private func page(
        _ request: Request, _ context: AppRequestContext, flash: String?, error: String?, year forced: Int? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let today = services.clock.today
        let year = forced ?? q["year"].flatMap(Int.init) ?? today.year
        let calendar = try await services.calendar.current()
        let stored = try await services.calendar.years()
        let loaded = calendar.loadedYears.contains(year)
        var months: [Month] = []
        if loaded {
            for m in 1...12 {
                var weeks: [[Cell]] = []
                var week: [Cell] = []
                let first = Day(year: year, month: m, day: 1)!
                for _ in 1..<first.weekday { week.append(Cell(label: "", css: "blank", title: "")) }
                var d = first
                while d.month == m {
                    let (css, title) = Self.style(try Self.kind(calendar, d))
                    week.append(Cell(label: String(d.day), css: d == today ? css + " today" : css, title: title))
                    if week.count == 7 { weeks.append(week); week = [] }
                    d = d.adding(days: 1)
                }
                if !week.isEmpty { weeks.append(week) }
                months.append(Month(name: "\(m)月", weeks: weeks))
            }
        }
        let data = stored.first { $0.year.year == year }?.year
        var result: String?
        var calcError = error
        if let fromText = q["from"], let daysText = q["days"], !fromText.isEmpty {
            if let from = Day(iso: fromText), let n = Int(daysText), (0...366).contains(n) {
                switch Self.due(calendar, n, from) {
                case .success(let due): result = "\(from.chinese)起第 \(n) 个工作日为 \(due.chinese)"
                case .failure(let e): calcError = e.messageWithRule
                }
            } else {
                calcError = "请输入有效的起算日期（YYYY-MM-DD）和 0–366 之间的工作日数"
            }
        }
        let model = Model(
            year: year, loaded: loaded, months: months,
            years: stored.map { YearLink(year: $0.year.year, source: $0.source, current: $0.year.year == year) },
            holidays: data?.holidays.map { "\($0.name)：\($0.from.chinese)—\($0.to.chinese)" } ?? [],
            makeup: data?.makeupWorkdays.map(\.chinese).joined(separator: "、") ?? "",
            canImport: SeparationOfDuties.allows(.manageConfiguration, roles: actor.roles),
            from: q["from"] ?? today.iso, days: q["days"] ?? "10", result: result)
        return views.page(
            OrganisationViews.calendar, title: "工作日历", session: context.session, path: "/calendar", content: model,
            flash: flash, error: calcError ?? (loaded ? nil : "\(year)年的工作日历尚未导入，无法计算该年的期限（R-SY-5）"), status: status)
    }
}
