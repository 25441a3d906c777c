import Accounts
import Areas
import Audit
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Storage
import TestSupport
import Testing

@Suite("工作日历 — import and use (R-SY-5)")
struct CalendarServiceTests {
    @Test("R-SY-5 first run installs the shipped 2025 and 2026 calendars")
    func bundledInstalled() async throws {
        try await TestWorld.with(demo: false) { world in
            let calendar = try await world.services.calendar.current()
            #expect(calendar.loadedYears.contains(2025) && calendar.loadedYears.contains(2026))
            // 2026-10-10 (Saturday) is a make-up working day; 2026-10-07 (Wednesday) a holiday.
            #expect(try calendar.isWorkingDay(Day(year: 2026, month: 10, day: 10)!))
            #expect(try !calendar.isWorkingDay(Day(year: 2026, month: 10, day: 7)!))
        }
    }

    @Test("R-SY-5 computing into a year with no calendar is refused, and works once the year is imported")
    func importNextYear() async throws {
        try await TestWorld.with(demo: false) { world in
            let start = Day(year: 2026, month: 12, day: 24)!
            let before = try await world.services.calendar.current()
            #expect(throws: CalendarError.self) { try before.addWorkingDays(10, to: start) }
            let json = #"{"year":2027,"holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"}],"makeupWorkdays":[]}"#
            try await world.services.calendar.importYear(world.actor("sysadmin"), json: Data(json.utf8), source: "测试")
            let after = try await world.services.calendar.current()
            // From Thu 2026-12-24: 25, 28, 29, 30, 31 (5), then 2027-01-04 (Mon; 1–3 holiday), 5, 6, 7, 8 → 10th is 2027-01-08.
            #expect(try after.addWorkingDays(10, to: start) == Day(year: 2027, month: 1, day: 8)!)
        }
    }

    @Test("R-SY-5 only the 系统管理员 imports calendars; bad data is refused and nothing is stored")
    func importGuarded() async throws {
        try await TestWorld.with { world in
            let json = Data(#"{"year":2027,"holidays":[],"makeupWorkdays":[]}"#.utf8)
            await #expect(throws: AccountsError.forbidden(.manageConfiguration)) {
                try await world.services.calendar.importYear(world.actor("auditor"), json: json, source: "x")
            }
            await #expect(throws: (any Error).self) {
                try await world.services.calendar.importYear(world.actor("sysadmin"), json: Data("not json".utf8), source: "x")
            }
            await #expect(throws: (any Error).self) {
                try await world.services.calendar.importYear(
                    world.actor("sysadmin"),
                    json: Data(#"{"year":2027,"holidays":[{"name":"错","from":"2028-01-01","to":"2028-01-02"}],"makeupWorkdays":[]}"#.utf8), source: "x")
            }
            let loaded = try await world.services.calendar.current().loadedYears
            #expect(!loaded.contains(2027))
        }
    }
}

@Suite("演示数据 — the demo organisation")
struct DemoTests {
    @Test("The demo seeds units of every kind that R-AU-2 distinguishes, persons, accounts and notices, once")
    func demoSeeds() async throws {
        try await TestWorld.with(demo: false) { world in
            let report = try #require(try await DemoSeeder.seed(world.services, password: TestPasswords.demo))
            #expect(report.logins.count >= 10)
            let units = try await world.services.organisation.visibleUnits(.system)
            let kinds = Set(units.map(\.kind))
            #expect(kinds.contains(.administration(.national)) && kinds.contains(.administration(.provincial)) && kinds.contains(.administration(.city)))
            #expect(kinds.contains(.provincialOrgan) && kinds.contains(.cityOrgan) && kinds.contains(.enterprise) && kinds.contains(.institution))
            #expect(try await DemoSeeder.seed(world.services, password: TestPasswords.demo) == nil)
            #expect(try await world.services.audit.verify(.system).isIntact)
        }
    }

    @Test("An administration sees its subordinate units; a unit sees only itself")
    func unitVisibility() async throws {
        try await TestWorld.with { world in
            let cityAdmin = try await world.services.organisation.visibleUnits(world.actor("sunli")).map(\.name)
            #expect(cityAdmin.contains("江海市国家保密局") && cityAdmin.contains("江海市工业和信息化局") && cityAdmin.contains("江海市新湾区保密局"))
            #expect(!cityAdmin.contains("华南省国家保密局") && !cityAdmin.contains("华南省发展和改革委员会"))
            let agency = try await world.services.organisation.visibleUnits(world.actor("zhangwei")).map(\.name)
            #expect(agency == ["江海市工业和信息化局"])
        }
    }
}
