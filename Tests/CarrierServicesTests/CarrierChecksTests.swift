import Accounts
import Areas
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import Tabular
import TestSupport
import Testing

/// Import of paper-era registers, the nightly cross-checks, the scheduled 清点/清退, and the 待办 they feed.
@Suite("国家秘密载体 — import, cross-checks and scheduled checks")
struct CarrierChecksTests {
    static func csv(rows: Int, bad: Set<Int>) -> String {
        var text = "原登记编号,类别,标题,文号,制发单位,密级标志,份数,份号,登记日期,保密柜,状态,持有人,归还日期,知悉范围\r\n"
        for n in 1...rows {
            let line = n + 1
            if bad.contains(line) {
                // Three different faults: a marking nobody can read, copies against serials, a loan without its due day.
                switch line % 3 {
                case 0: text += "L\(n),纸质密件,旧件\(n),文〔2024〕\(n)号,某单位,绝密★一百年,1,001,2024-05-06,,在库,,,\r\n"
                case 1: text += "L\(n),纸质密件,旧件\(n),文〔2024〕\(n)号,某单位,秘密★5年,2,001,2024-05-06,,在库,,,\r\n"
                default: text += "L\(n),纸质密件,旧件\(n),文〔2024〕\(n)号,某单位,秘密★5年,1,001,2024-05-06,,借出,李华,,\r\n"
                }
            } else {
                text += "L\(n),\(n % 7 == 0 ? "电子文件" : "纸质密件"),\"旧件\(n)，含逗号, 引号\"\"\",文〔2024〕\(n)号,某单位,\(n % 2 == 0 ? "机密★10年" : "秘密★5年"),1,001,"
                text += "2024-05-06,,\(n % 50 == 0 ? "借出,李华,2026-12-31" : "在库,,"),李华、赵强\r\n"
            }
        }
        return text
    }

    @Test("R-CA-10 import: 10,000 rows with 3 bad ones reports exactly those lines and writes nothing; a good file imports completely")
    func tenThousand() async throws {
        try await TestWorld.with { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let badLines: Set<Int> = [17, 5_003, 9_999]
            let faulty = Self.csv(rows: 10_000, bad: badLines)
            for mode in [CarrierImportMode.dryRun, .all] {
                let report = try await c.importCSV(wangfang, faulty, mode: mode)
                #expect(report.rows == 10_000)
                #expect(Set(report.problems.map(\.line)) == badLines)
                #expect(report.problems.count == 3)
                #expect(report.imported == 0 && report.accepted == 9_997)
                #expect(try await c.count(wangfang) == 0)
            }
            let good = try await c.importCSV(wangfang, Self.csv(rows: 10_000, bad: []), mode: .all)
            #expect(good.problems.isEmpty && good.imported == 10_000)
            #expect(try await c.count(wangfang) == 10_000)
            #expect(good.numbers.first == "ZT-2026-0001" && good.numbers.last == "ZT-2026-10000")
            let lent = try await c.everything(wangfang, filter: CarrierFilter(status: .lent))
            #expect(lent.count == 200 && lent.allSatisfy { $0.holderPersonID != nil && $0.dueOn != nil })
            let first = try #require(try await c.everything(wangfang, filter: CarrierFilter(search: "旧件1，")).first)
            #expect(first.title == "旧件1，含逗号, 引号\"")
            let history = try await c.detail(wangfang, id: first.id).events
            #expect(history.first?.summary.contains("原登记编号L1") == true)
            // Partial mode writes the good rows only, and says which were not.
            let partial = try await c.importCSV(wangfang, Self.csv(rows: 10, bad: [4]), mode: .partial)
            #expect(partial.imported == 9 && partial.problems.map(\.line) == [4])
        }
    }

    @Test("R-CA-6 R-DU-7 R-MD-1 import checks each row against the register: safes, persons, clearance, linked secrets, media")
    func importRows() async throws {
        try await TestWorld.with { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            _ = try await c.registerSafe(wangfang, name: "2号柜", location: "规划科", level: .secret, topSecretOnly: false)
            let secret = try #require(
                try await world.services.classification.everything(wangfang, filter: SecretFilter(level: .confidential, status: .inForce)).first)
            let text = """
                类别,标题,密级标志,份数,登记日期,保密柜,知悉范围,事项编号,介质类型,使用人,统一购置
                纸质密件,放错柜,机密★10年,1,2024-01-01,2号柜,,,,,
                纸质密件,无此柜,秘密★5年,1,2024-01-01,9号柜,,,,,
                纸质密件,无此人,秘密★5年,1,2024-01-01,,查无此人,,,,
                纸质密件,等级不够,机密★10年,1,2024-01-01,,吴昊,,,,
                纸质密件,低于事项,秘密★5年,1,2024-01-01,,,\(secret.id),,,
                移动存储介质,自购U盘,秘密,1,2024-01-01,,,,U盘,李华,否
                纸质密件,明天的,秘密★5年,1,2099-01-01,,,,,,
                纸质密件,已销毁的,秘密★5年,1,2024-01-01,,,,,,
                """
            let withStatus = text.replacingOccurrences(of: "统一购置\n", with: "统一购置,状态\n").replacingOccurrences(
                of: "已销毁的,秘密★5年,1,2024-01-01,,,,,,", with: "已销毁的,秘密★5年,1,2024-01-01,,,,,,,已销毁")
            let report = try await c.importCSV(wangfang, withStatus, mode: .dryRun)
            let byLine = Dictionary(grouping: report.problems, by: \.line)
            #expect(byLine[2]?.first?.message.contains("R-CA-6") == true)
            #expect(byLine[3]?.first?.field == "safe")
            #expect(byLine[4]?.first?.field == "scope")
            #expect(byLine[5]?.first?.message.contains("R-KS-4") == true)
            #expect(byLine[6]?.first?.message.contains("R-DU-7") == true)
            #expect(byLine[7]?.first?.message.contains("R-MD-1") == true)
            #expect(byLine[8]?.first?.field == "registered_on")
            #expect(byLine[9]?.first?.field == "status")
            #expect(report.accepted == 0)
            let header = try await c.importCSV(wangfang, "类别,标题,密级\n纸质密件,x,秘密\n", mode: .dryRun)
            #expect(header.problems.allSatisfy { $0.line == 1 } && header.problems.count >= 2)
        }
    }

    @Test("R-CA-3 R-CA-9 R-CA-11 the nightly sweep records each finding once, resolves it when mended, and finds 绝密 steps missing a second person")
    func sweep() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let (chenjun, lihua) = (try await world.actor("chenjun").person!.id, try await world.actor("lihua").person!.id)
            let serials = try CarrierRules.serials(copies: 1)
            func receive(_ marking: String, _ level: Level) async throws -> Carrier {
                try await c.receive(
                    wangfang,
                    CarrierInput(
                        kind: .paper, title: "来文\(marking)", documentNumber: "X", originatingUnit: "某单位", marking: marking, copies: 1, scope: [chenjun, lihua]),
                    check: CarrierRules.ReceiptCheck(
                        packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: serials, foundSerials: serials, markedLevel: level,
                        listedLevel: level, addresseeMatches: true)
                ).carrier
            }
            let loan = try await receive("秘密★5年", .secret)
            _ = try await c.lend(wangfang, carrierID: loan.id, borrowerPersonID: lihua, approvedBy: chenjun, due: world.services.clock.today.adding(days: 2))
            #expect(try await c.sweep().opened == 0)
            world.clock.advance(by: 3 * 86_400)
            // Kept findings (issue 11): time alone makes a loan overdue, so the day's sweep records it — once.
            #expect(try await c.findings(wangfang).isEmpty)
            #expect(try await c.sweep() == (1, 0))
            #expect(try await c.findings(wangfang).map(\.rule) == ["R-CA-5"])
            #expect(try await c.sweep() == (0, 0))
            let kept = try await c.findings(wangfang, page: PageRequest()).items
            #expect(kept.contains { $0.finding.carrierID == loan.id && $0.finding.rule == "R-CA-5" && $0.since != nil })
            // The borrower is reminded, urgently; the 保密员's 待办 carries the finding.
            let reminders = try await world.services.todos.items(for: world.actor("lihua"))
            #expect(reminders.contains { $0.title.contains(loan.number) && $0.urgent })
            #expect(try await world.services.todos.items(for: wangfang).contains { $0.title.contains("R-CA-5") })
            // Taking it back resolves the finding in the same step; the sweep has nothing left to do.
            _ = try await c.takeBack(wangfang, carrierID: loan.id)
            #expect(try await c.findings(wangfang).isEmpty)
            #expect(try await c.sweep() == (0, 0))
            // A 绝密 destruction recorded with one person (a legacy record): the cross-check finds it.
            let top = try await receive("绝密★20年", .topSecret)
            try await world.services.database.transaction { db in
                try await db.raw("UPDATE carriers SET status = 'destroyed', updated_at = \(bind: world.services.nowMillis) WHERE id = \(bind: top.id)").run()
                try await db.raw(
                    """
                    INSERT INTO carrier_events (id, carrier_id, seq, at, actor_name, kind, summary, persons)
                    VALUES ('legacy-1', \(bind: top.id), 99, 0, '王芳', 'destroy', '销毁（旧记录）', '王芳')
                    """
                ).run()
            }
            #expect(try await c.sweep().opened == 1)
            let findings = try await c.findings(wangfang)
            #expect(findings.contains { $0.carrierID == top.id && $0.rule == "R-CA-11" })
            // A properly witnessed 绝密 destruction is not a finding.
            let proper = try await receive("绝密★20年", .topSecret)
            _ = try await c.destroy(wangfang, carrierIDs: [proper.id], approvedBy: chenjun, persons: ["王芳", "刘洋"], method: .shredder)
            #expect(try await !c.findings(wangfang).contains { $0.carrierID == proper.id })
            // R-CA-9: carrying 绝密 out alone is refused; the carrier and one companion are two persons.
            let trip = try await receive("绝密★20年", .topSecret)
            await #expect(throws: Refusal.self) {
                _ = try await c.carryOut(
                    wangfang, carrierID: trip.id, holderPersonID: lihua, approvedBy: chenjun, companions: [], abroad: false, exitPermit: nil)
            }
            _ = try await c.carryOut(
                wangfang, carrierID: trip.id, holderPersonID: lihua, approvedBy: chenjun, companions: ["陈军"], abroad: false, exitPermit: nil)
            #expect(try await !c.findings(wangfang).contains { $0.carrierID == trip.id })
        }
    }

    @Test("R-CA-10 the monthly count: due on the 待办 until done, missing carriers reported as an urgent discrepancy and in their history")
    func count() async throws {
        try await TestWorld.with { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let serials = try CarrierRules.serials(copies: 1)
            var ids: [String] = []
            for n in 1...3 {
                ids.append(
                    try await c.receive(
                        wangfang, CarrierInput(kind: .paper, title: "件\(n)", documentNumber: "X", originatingUnit: "某单位", marking: "秘密★5年", copies: 1),
                        check: CarrierRules.ReceiptCheck(
                            packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: serials, foundSerials: serials, markedLevel: .secret,
                            listedLevel: .secret, addresseeMatches: true)
                    ).carrier.id)
            }
            let before = try await world.services.todos.items(for: wangfang)
            #expect(before.contains { $0.title.hasPrefix("每月清点（2026-11）") })
            let count = try await c.recordCount(wangfang, check: .monthlyCount, foundIDs: Array(ids.prefix(2)), unexpected: ["无编号的旧笔记本"], note: "")
            #expect(count.expected == 3 && count.missing == ["ZT-2026-0003"] && count.unexpected == ["无编号的旧笔记本"])
            let after = try await world.services.todos.items(for: wangfang)
            #expect(!after.contains { $0.title.hasPrefix("每月清点（2026-11）") })
            #expect(after.contains { $0.title.contains("差异") && $0.urgent && $0.detail.contains("ZT-2026-0003") })
            #expect(try await c.detail(wangfang, id: ids[2]).events.last?.kind == "count_missing")
            // Someone outside the scope of the counted carriers sees no numbers in the count.
            let liuyang = try await world.actor("liuyang")
            #expect(try await c.counts(liuyang).first?.missing.isEmpty == true)
        }
    }

    @Test("the demo register has a few hundred carriers in every kind and every state")
    func demo() async throws {
        try await TestWorld.with(demo: false) { world in
            _ = try await DemoSeeder.seed(world.services, password: TestPasswords.demo, full: true)
            let all = try await world.services.database.read { db in
                try await db.raw("SELECT kind, status FROM carriers").all().map {
                    (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "status", as: String.self))
                }
            }
            #expect(all.count >= 300)
            #expect(Set(all.map(\.0)) == Set(CarrierKind.allCases.map(\.rawValue)))
            #expect(Set(all.map(\.1)) == Set(CarrierStatus.allCases.map(\.rawValue)))
        }
    }
}
