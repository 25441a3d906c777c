import BaomiApp
import CarrierServices
import Carriers
import Kernel
import Organisation
import SQLKit
import Storage
import TestSupport
import Testing

/// A devices register, registered as an area of its own: computers in a table its own migration creates.
struct StubDevices: DevicePort {
    func device(unitID: String, number: String, on db: any SQLDatabase) async throws -> DeviceFacts? {
        try await db.raw("SELECT * FROM stub_devices WHERE unit_id = \(bind: unitID) AND number = \(bind: number)").first().map {
            DeviceFacts(
                id: try $0.decode(column: "id", as: String.self), number: number, unitID: unitID,
                deviceClass: DeviceClass(rawValue: try $0.decode(column: "class", as: String.self))!,
                level: try $0.decode(column: "level", as: Int?.self).flatMap(Level.init(rawValue:)), filed: try $0.decode(column: "filed", as: Int.self) == 1)
        }
    }

    struct Migration9003: Migration {
        let id = 9003
        let name = "stub_devices"
        func prepare(on db: any SQLDatabase) async throws {
            try await run(
                [
                    "CREATE TABLE stub_devices (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, number TEXT NOT NULL, class TEXT NOT NULL, level INTEGER, filed INTEGER NOT NULL)"
                ],
                on: db)
        }
    }

    static let area = Area(registration: AreaRegistration(name: "stub_devices", migrations: [Migration9003()], devices: StubDevices()))

    /// Registers the unit's computers: a filed 机密 one, an unfiled 机密 one, a filed 秘密 one and an internet one.
    static func seed(_ world: TestWorld, unitID: String) async throws {
        try await world.services.database.transaction { db in
            for (id, number, kind, level, filed) in [
                ("d1", "JM-01", "classified", 2, 1), ("d2", "JM-02", "classified", 2, 0), ("d3", "MM-01", "classified", 1, 1),
                ("d4", "HL-01", "internet", nil, 1),
            ] as [(String, String, String, Int?, Int)] {
                try await db.raw(
                    "INSERT INTO stub_devices VALUES (\(bind: id), \(bind: unitID), \(bind: number), \(bind: kind), \(bind: level), \(bind: filed))"
                ).run()
            }
        }
    }
}

/// An incidents register, registered as an area of its own: it replaces the carriers' interim one.
struct StubIncidents: IncidentPort {
    let interim = false

    func open(_ incident: IncidentOpening, on db: any SQLDatabase) async throws -> (id: String, reportDueAt: Int64) {
        let due = incident.discoveredAt + 86_400_000
        try await db.raw(
            """
            INSERT INTO stub_incidents VALUES (\(bind: "I-" + incident.sourceID), \(bind: incident.unitID), \(bind: incident.sourceKind),
                \(bind: incident.sourceID), \(bind: incident.kind), \(bind: due))
            """
        ).run()
        return ("I-" + incident.sourceID, due)
    }

    struct Migration9004: Migration {
        let id = 9004
        let name = "stub_incidents"
        func prepare(on db: any SQLDatabase) async throws {
            try await run(
                [
                    "CREATE TABLE stub_incidents (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, source_kind TEXT NOT NULL, source_id TEXT NOT NULL, kind TEXT NOT NULL, due BIGINT NOT NULL)"
                ], on: db)
        }
    }

    static let area = Area(registration: AreaRegistration(name: "stub_incidents", migrations: [Migration9004()], incidents: StubIncidents()))
}

@Suite("设备台账、泄密事件、自查自评 — the device, incident and indicator ports")
struct AreaPortsTests {
    func produce(_ world: TestWorld, level: String, device: String?, equipment: ProductionEquipment? = .classifiedEquipment) async throws -> Carrier {
        let chenjun = try #require(try await world.actor("chenjun").person).id
        return try await world.services.carriers.produce(
            try await world.actor("wangfang"),
            CarrierInput(kind: .paper, title: "设备核对", documentNumber: "", originatingUnit: "江海市工业和信息化局", marking: "\(level)★1年", copies: 1),
            approvedBy: chenjun, equipment: equipment, deviceNumber: device, approvedCopies: 1, markingApplied: true, waste: .destroyed)
    }

    func medium(_ world: TestWorld) async throws -> Carrier {
        let wangfang = try await world.actor("wangfang")
        let serials = try CarrierRules.serials(copies: 1)
        return try await world.services.carriers.receive(
            wangfang,
            CarrierInput(
                kind: .medium, title: "涉密U盘", documentNumber: "", originatingUnit: "江海市工业和信息化局", marking: "机密", copies: 1,
                medium: MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: try #require(wangfang.person).id)),
            check: CarrierRules.ReceiptCheck(
                packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: serials, foundSerials: serials, markedLevel: .confidential,
                listedLevel: .confidential, addresseeMatches: true)
        ).carrier
    }

    @Test("R-DV-10 R-DV-8 R-CA-13 a carrier produced on a named computer: the devices register decides, not the equipment chosen")
    func productionAsksRegister() async throws {
        try await TestWorld.with(areas: Area.standard + [StubDevices.area]) { world in
            let unit = try #require(try await world.actor("wangfang").person).unitID
            try await StubDevices.seed(world, unitID: unit)
            // The caller says 涉密设备; the register says 互联网计算机.
            #expect(await refusal { _ = try await produce(world, level: "秘密", device: "HL-01") } == "carrier.forbidden_equipment R-CA-13")
            #expect(await refusal { _ = try await produce(world, level: "秘密", device: "JM-02") } == "carrier.device_unfiled R-DV-8")
            #expect(await refusal { _ = try await produce(world, level: "机密", device: "MM-01") } == "carrier.device_level R-DV-10")
            #expect(await refusal { _ = try await produce(world, level: "秘密", device: "XX-99") } == "carrier.device_unknown R-DV-1")
            // Named, the computer decides even with no equipment chosen; without either, the equipment is asked for.
            let made = try await produce(world, level: "机密", device: "JM-01", equipment: nil)
            let events = try await world.services.carriers.detail(try await world.actor("wangfang"), id: made.id).events
            #expect(events.contains { $0.summary.contains("本单位涉密设备，设备JM-01") })
            let unnamed = await refusal { _ = try await produce(world, level: "秘密", device: nil, equipment: nil) }
            #expect(unnamed.hasSuffix("R-CA-1"))
            // Nothing of the refused attempts was registered.
            #expect(try await world.services.carriers.everything(try await world.actor("wangfang"), filter: CarrierFilter()).map(\.id) == [made.id])
        }
    }

    @Test("R-MD-2 R-DV-10 a medium is written only from a classified computer the unit's register has, filed and graded high enough")
    func mediumWriteAsksRegister() async throws {
        try await TestWorld.with(areas: Area.standard + [StubDevices.area]) { world in
            let wangfang = try await world.actor("wangfang")
            try await StubDevices.seed(world, unitID: try #require(wangfang.person).unitID)
            let c = world.services.carriers
            let u = try await medium(world)
            #expect(
                await refusal { _ = try await c.storeOnMedium(wangfang, carrierID: u.id, contentLevel: .secret, computerNumber: "HL-01") }
                    == "carrier.medium_computer R-MD-2")
            #expect(
                await refusal { _ = try await c.storeOnMedium(wangfang, carrierID: u.id, contentLevel: .confidential, computerNumber: "MM-01") }
                    == "carrier.device_level R-DV-10")
            #expect(
                await refusal { _ = try await c.storeOnMedium(wangfang, carrierID: u.id, contentLevel: .secret, computerNumber: "JM-02") }
                    == "carrier.device_unfiled R-DV-8")
            #expect(try await c.detail(wangfang, id: u.id).carrier.medium?.contentLevel == nil)
            let written = try await c.storeOnMedium(wangfang, carrierID: u.id, contentLevel: .confidential, computerNumber: "JM-01")
            #expect(written.medium?.contentLevel == .confidential)
            #expect(try await c.detail(wangfang, id: u.id).events.contains { $0.summary == "写入机密信息，经涉密计算机JM-01" })
        }
    }

    @Test("R-DV-10 without a devices register a named computer cannot be checked: refused, and without one the step is as before")
    func noRegister() async throws {
        try await TestWorld.with { world in
            let wangfang = try await world.actor("wangfang")
            #expect(await refusal { _ = try await produce(world, level: "秘密", device: "JM-01") } == "device.unavailable")
            let u = try await medium(world)
            #expect(
                await refusal { _ = try await world.services.carriers.storeOnMedium(wangfang, carrierID: u.id, contentLevel: .secret, computerNumber: "JM-01") }
                    == "device.unavailable")
            _ = try await produce(world, level: "秘密", device: nil)
            #expect(try await world.services.carriers.storeOnMedium(wangfang, carrierID: u.id, contentLevel: .secret).medium?.contentLevel == .secret)
        }
    }

    @Test("R-IC-1 a carrier's loss opens the incident with the registered incidents register, which replaces the carriers' interim one")
    func lossThroughIncidentPort() async throws {
        try await TestWorld.with(areas: Area.standard + [StubIncidents.area]) { world in
            let wangfang = try await world.actor("wangfang")
            let u = try await medium(world)
            let opened = try await world.services.carriers.reportLoss(wangfang, carrierID: u.id, kind: "丢失", summary: "遗失于会场")
            #expect(opened.incidentID == "I-" + u.id)
            #expect(opened.reportDueAt == world.services.nowMillis + 86_400_000)
            let rows = try await world.services.database.read { db in
                (
                    try await db.raw("SELECT kind, source_kind FROM stub_incidents").all().map { try $0.decode(column: "kind", as: String.self) },
                    try await db.raw("SELECT COUNT(*) AS n FROM carrier_incidents").first()!.decode(column: "n", as: Int.self)
                )
            }
            #expect(rows.0 == ["丢失"] && rows.1 == 0)
            #expect(try await world.services.carriers.detail(wangfang, id: u.id).carrier.status == .lost)
        }
    }

    @Test("R-IN-4 R-IC-1 the self-assessment's indicators: each area answers its counts for the unit, the rest are 未接入")
    func indicators() async throws {
        try await TestWorld.with { world in
            let wangfang = try await world.actor("wangfang")
            let unit = try #require(wangfang.person).unitID
            let before = try await world.services.indicators(unitID: unit)
            #expect(Set(before.keys) == [.personnel, .classification, .carriers, .other])
            func overdueReports(_ answered: [InspectionArea: [Indicator]]) -> Int? {
                answered[.other]?.first { $0.code == "carriers.incident_reports_overdue" }?.failing
            }
            #expect(overdueReports(before) == 0)
            let u = try await medium(world)
            _ = try await world.services.carriers.reportLoss(wangfang, carrierID: u.id, kind: "丢失", summary: "遗失")
            world.clock.advance(by: 23 * 3_600)
            #expect(overdueReports(try await world.services.indicators(unitID: unit)) == 0)
            world.clock.advance(by: 2 * 3_600)
            let after = try await world.services.indicators(unitID: unit)
            #expect(overdueReports(after) == 1)
            #expect(after[.other]?.first?.passes == false)
            // Another unit's assessment does not count this unit's incident.
            let other = try await world.services.database.read { db in
                try #require(try await db.raw("SELECT id FROM units WHERE id <> \(bind: unit)").first()).decode(column: "id", as: String.self)
            }
            #expect(overdueReports(try await world.services.indicators(unitID: other)) == 0)
        }
    }
}
