import Areas
import CarrierServices
import Carriers
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage
import TestSupport
import Testing

/// Issue 11, item 4 and 5 — the 待办 reads kept findings, and the incremental sweep keeps them: after steps, time
/// passing and nightly sweeps that look only at what changed or came due, a full recount of every carrier finds
/// nothing to open or resolve.
@Suite("核查问题保持更新 — kept findings match a full recount")
struct KeptFindingsTests {
    func openFindings(_ world: TestWorld) async throws -> Set<String> {
        try await world.services.database.read { db in
            Set(
                try await db.raw("SELECT carrier_id, rule FROM carrier_findings WHERE resolved_on IS NULL").all().map {
                    "\(try $0.decode(column: "carrier_id", as: String.self))|\(try $0.decode(column: "rule", as: String.self))"
                })
        }
    }

    @Test("issue 11: steps, days passing and incremental sweeps keep the findings a full recount would find")
    func keptMatchesRecount() async throws {
        try await TestWorld.with(carriers: true) { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let lihua = try await world.actor("lihua").person!.id
            let chenjun = try await world.actor("chenjun").person!.id
            // Loans falling due on different days, one taken back.
            var stock: [Carrier] = []
            for carrier in try await c.everything(wangfang, filter: CarrierFilter(status: .inStock)) where stock.count < 3 {
                if try await c.detail(wangfang, id: carrier.id).scope.contains(lihua) { stock.append(carrier) }
            }
            #expect(stock.count == 3)
            for (n, carrier) in stock.enumerated() {
                _ = try await c.lend(
                    wangfang, carrierID: carrier.id, borrowerPersonID: lihua, approvedBy: chenjun, due: world.services.clock.today.adding(days: n + 1))
            }
            _ = try await c.sweep()
            #expect(try await c.rebuildFindings() == (0, 0), "after the first sweep")
            for day in 1...5 {
                world.clock.advance(by: 86_400)
                if day == 3, let first = stock.first { _ = try await c.takeBack(wangfang, carrierID: first.id) }
                _ = try await c.sweep()
                #expect(try await c.rebuildFindings() == (0, 0), "day \(day): kept findings differ from a recount")
            }
            #expect(try await openFindings(world).contains { $0.hasSuffix("|R-CA-5") }, "overdue loans are kept findings")
            // The year's return deadline passes (R-CA-10): the sweep that day finds the year's unreturned carriers.
            world.clock.advance(by: 160 * 86_400)
            let swept = try await c.sweep()
            #expect(swept.opened > 0)
            #expect(try await c.rebuildFindings() == (0, 0), "after the return deadline")
            // The 待办 shows exactly the kept findings the 保密员 may see.
            let kept = try await c.findings(wangfang)
            let todo = try await world.services.todos.items(for: wangfang).filter { $0.title.hasPrefix("载体核查问题") }
            // Each rule's line states its count exactly up to the 待办's cap, then "以上" (`TodoCount`).
            let byRule = Dictionary(grouping: kept, by: \.rule)
            #expect(!kept.isEmpty && todo.count == byRule.count)
            for (rule, findings) in byRule {
                let line = try #require(todo.first { $0.title == "载体核查问题（\(rule)）" })
                #expect(line.detail.hasPrefix("\(TodoCount.text(findings.count)) 件："), "\(rule): \(line.detail.prefix(20))")
            }
        }
    }

    @Test("R-DU-7 issue 11: a secret raised above its carrier makes the carrier a finding at the next sweep (through carrier_secrets)")
    func raisedSecretFindsItsCarriers() async throws {
        try await TestWorld.with(carriers: true) { world in
            let c = world.services.carriers
            let wangfang = try await world.actor("wangfang")
            let carrier = try #require(
                try await c.everything(wangfang, filter: CarrierFilter(status: .inStock)).first { $0.level == .secret && !$0.secretIDs.isEmpty })
            // A minute after the demo was written, so the next sweep checks only what changes from here on.
            world.clock.advance(by: 60)
            _ = try await c.sweep()
            #expect(!(try await openFindings(world)).contains("\(carrier.id)|R-DU-7"))
            // The secret is raised to 机密 (whatever the path: a correction, a change of basis); the carrier stays 秘密.
            world.clock.advance(by: 3_600)
            let now = world.services.nowMillis
            try await world.services.database.transaction { db in
                try await db.raw(
                    "UPDATE secrets SET level = 'confidential', level_rank = 2, updated_at = \(bind: now) WHERE id = \(bind: carrier.secretIDs[0])"
                ).run()
            }
            world.clock.advance(by: 86_400)
            _ = try await c.sweep()
            #expect(try await openFindings(world).contains("\(carrier.id)|R-DU-7"), "the sweep found the carrier of the changed secret")
            #expect(try await c.rebuildFindings() == (0, 0))
        }
    }

    @Test("issue 11: the recount is a real check — a kept finding lost is found again")
    func recountFindsWhatWasLost() async throws {
        try await TestWorld.with(carriers: true) { world in
            let c = world.services.carriers
            world.clock.advance(by: 200 * 86_400)
            _ = try await c.sweep()
            let before = try await openFindings(world)
            #expect(!before.isEmpty)
            try await world.services.database.transaction { db in
                try await db.raw("DELETE FROM carrier_findings WHERE id = (SELECT MIN(id) FROM carrier_findings WHERE resolved_on IS NULL)").run()
            }
            #expect(try await c.rebuildFindings() == (1, 0))
            #expect(try await openFindings(world) == before)
        }
    }
}
