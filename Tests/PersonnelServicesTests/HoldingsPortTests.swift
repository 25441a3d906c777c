import BaomiApp
import Kernel
import Organisation
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// A second holder, registered as an area of its own: 涉密区域钥匙 kept in a table its own migration creates.
struct StubKeys: HoldingsPort {
    let field = "keys"
    let what = "把涉密区域钥匙未交回"

    func count(ofPerson personID: String, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM stub_keys WHERE person_id = \(bind: personID)").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func visible(_ actor: Actor, ofPerson personID: String, services: Services) async throws -> (count: Int, items: [HeldItem]) {
        let rows = try await services.database.read { db in
            try await db.raw("SELECT id, label FROM stub_keys WHERE person_id = \(bind: personID)").all()
        }
        let items = try rows.map {
            HeldItem(id: try $0.decode(column: "id", as: String.self), number: "K", title: try $0.decode(column: "label", as: String.self), status: "借出")
        }
        return (items.count, items)
    }

    struct Migration9001: Migration {
        let id = 9001
        let name = "stub_keys"
        func prepare(on db: any SQLDatabase) async throws {
            try await run(["CREATE TABLE stub_keys (id TEXT PRIMARY KEY, person_id TEXT NOT NULL, label TEXT NOT NULL)"], on: db)
        }
    }

    static let area = Area(registration: AreaRegistration(name: "stub_keys", migrations: [Migration9001()], holdings: StubKeys()))
}

@Suite("离岗离职的清退核对 — the holdings port")
struct HoldingsPortTests {
    @Test("R-PE-16 a second registered holder counts at the gate: the departure is refused until its key is returned")
    func secondHolder() async throws {
        try await TestWorld.with(areas: Area.standard + [StubKeys.area]) { world in
            let s = world.services
            let office = try await world.actor("liuyang")
            let leaver = try await personID(world, named: "孙涛")
            try await s.database.transaction { db in
                try await db.raw("INSERT INTO stub_keys (id, person_id, label) VALUES ('k1', \(bind: leaver), '机要室钥匙')").run()
            }
            let departure = try #require(try await s.personnel.departures(office).items.first { $0.personID == leaver && $0.completedOn == nil })
            for item in PersonnelRules.requiredItems(post: nil) where item.recordedByHand {
                _ = try await s.personnel.recordDepartureItem(office, departureID: departure.id, item: item, note: "已办")
            }
            let gate = try await s.personnel.departureGate(office, departureID: departure.id)
            #expect(gate.held.map(\.holding.field) == ["carriers", "keys"])
            #expect(gate.outstanding == 1 && gate.visible.map(\.title) == ["机要室钥匙"])
            #expect(await refusal { _ = try await s.personnel.completeDeparture(office, departureID: departure.id) } == "personnel.keys_outstanding R-PE-16")
            try await s.database.transaction { db in try await db.raw("DELETE FROM stub_keys WHERE id = 'k1'").run() }
            #expect(try await s.personnel.departureGate(office, departureID: departure.id).outstanding == 0)
            let done = try await s.personnel.completeDeparture(office, departureID: departure.id)
            #expect(done.completedOn != nil)
        }
    }
}
