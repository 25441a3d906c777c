import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit

/// The areas the application was built from, and what they hand over, gathered once: every migration in the one global
/// order, the 待办 providers, the sweep's and the demo's steps in their order, the filing kinds, and the ports' answers.
public struct AreaRegistry: Sendable {
    /// The areas, in the order the application lists them.
    public let areas: [AreaRegistration]
    /// The shared schema and every area's migrations, by number.
    public let migrations: [any Migration]
    /// Every area's 待办 providers, in the areas' order.
    public let todos: [any TodoProvider]
    /// The areas' parts of the daily sweep, by their order.
    public let sweeps: [SweepStep]
    /// The areas' demo data, in seeding order.
    public let demos: [DemoStep]
    /// Every registered filing kind with its name.
    public let filingKinds: [FilingKindName]
    /// Every area's answer to "what does this person still hold?".
    public let holdings: [any HoldingsPort]
    /// The filing mechanism, if an area keeps the filings.
    public let filing: (any FilingPort)?
    /// The training register, if an area keeps one.
    public let training: (any TrainingPort)?
    /// The devices register, if an area keeps one.
    public let devices: (any DevicePort)?
    /// The incident register: the incidents area's, or an interim one while it is not registered.
    public let incidents: (any IncidentPort)?
    /// Every area's indicators for a self-assessment, in the areas' order.
    public let indicators: [any IndicatorPort]

    /// Gathers `areas`. Two areas of one name, two migrations of one number, a filing kind registered twice, two
    /// filing mechanisms, two training, devices or incident registers (interim ones apart) are programming errors and
    /// stop the process.
    public init(_ areas: [AreaRegistration]) {
        self.areas = areas
        precondition(Set(areas.map(\.name)).count == areas.count, "two areas of one name")
        let migrations = (Migrations.core + areas.flatMap(\.migrations)).sorted { $0.id < $1.id }
        precondition(Set(migrations.map(\.id)).count == migrations.count, "two migrations of one number")
        self.migrations = migrations
        todos = areas.flatMap(\.todos)
        sweeps = areas.compactMap(\.sweep).sorted { $0.order < $1.order }
        demos = areas.flatMap(\.demos).sorted { $0.order < $1.order }
        filingKinds = areas.flatMap(\.filingKinds)
        precondition(Set(filingKinds.map(\.kind)).count == filingKinds.count, "a filing kind registered twice")
        holdings = areas.compactMap(\.holdings)
        let mechanisms = areas.compactMap(\.filing)
        precondition(mechanisms.count <= 1, "two filing mechanisms")
        filing = mechanisms.first
        let registers = areas.compactMap(\.training)
        precondition(registers.count <= 1, "two training registers")
        training = registers.first
        let devices = areas.compactMap(\.devices)
        precondition(devices.count <= 1, "two devices registers")
        self.devices = devices.first
        let incidents = areas.compactMap(\.incidents)
        let full = incidents.filter { !$0.interim }, interim = incidents.filter(\.interim)
        precondition(full.count <= 1 && interim.count <= 1, "two incident registers")
        self.incidents = full.first ?? interim.first
        indicators = areas.compactMap(\.indicators)
    }

    /// Who in the filing unit reads the copy filed of `kind`: nil for those who manage the unit (`FilingKindName.readers`).
    public func readers(of kind: FilingKind) -> Set<Role>? {
        filingKinds.first { $0.kind == kind }?.readers
    }

    /// The Chinese name of a filing kind, as the queues show it; the code itself for a kind no area registers.
    public func chinese(_ kind: FilingKind) -> String {
        filingKinds.first { $0.kind == kind }?.chinese ?? kind.rawValue
    }
}

extension Services {
    /// R-PE-16: what the person still holds, per registered holder, counted across the whole system whatever anyone
    /// may know, read on `db` (the departure's own transaction when it completes).
    public func holdings(ofPerson personID: String, on db: any SQLDatabase) async throws -> [Holding] {
        var held: [Holding] = []
        for port in areas.holdings {
            held.append(Holding(field: port.field, what: port.what, count: try await port.count(ofPerson: personID, on: db)))
        }
        return held
    }

    /// R-TR-3: the latest day the person passed `course`, as the registered training register has it; nil without one.
    public func lastPassed(_ course: TrainingCourse, personID: String, on db: any SQLDatabase) async throws -> Day? {
        try await areas.training?.lastPassed(course, personID: personID, on: db)
    }

    /// R-DV-1: what the registered devices register says of the unit's device numbered `number` (nil when it has none),
    /// the number checked as a field (`field`, 设备编号). Without a register no device can be checked: refused naming the
    /// field, so that nothing is taken on the caller's word.
    public func device(unitID: String, number: String, field: String, on db: any SQLDatabase) async throws -> DeviceFacts? {
        let number = try Validate.text(number, field: field, label: "设备编号", max: 64)
        guard let register = areas.devices else {
            throw Refusal(code: "device.unavailable", field: field, message: "本系统未启用设备台账，无法核对所填设备", kind: .conflict)
        }
        return try await register.device(unitID: unitID, number: number, on: db)
    }

    /// R-IC-1: opens an incident with the registered incident register, inside the caller's transaction; its ID and
    /// when its 24-hour report is due. Without a register the incident cannot be recorded: refused, never lost silently.
    public func openIncident(_ incident: IncidentOpening, on db: any SQLDatabase) async throws -> (id: String, reportDueAt: Int64) {
        guard let register = areas.incidents else {
            throw Refusal(code: "incident.unavailable", message: "本系统未启用泄密事件登记，无法登记", kind: .conflict)
        }
        return try await register.open(incident, on: db)
    }

    /// R-IN-4: every registered area's indicators for `unitID` as of today, by IR 58's 13 areas; an area nobody answers
    /// is absent (未接入). Counts only: nothing of what they count is named.
    public func indicators(unitID: String) async throws -> [InspectionArea: [Indicator]] {
        let today = clock.today, now = nowMillis
        let all = try await database.read { db in
            var all: [Indicator] = []
            for port in areas.indicators { all += try await port.indicators(unitID: unitID, today: today, now: now, on: db) }
            return all
        }
        return Dictionary(grouping: all, by: \.area)
    }

    /// Records a filing of `kind` with the unit's same-level administration through the registered filing mechanism,
    /// inside the caller's transaction. Without one nothing can be filed: refused, so that nothing is taken as filed.
    public func fileWithAdministration(
        _ actor: Actor, kind: FilingKind, unitID: String, rule: String, summary: String, content: String, on db: any SQLDatabase
    ) async throws {
        guard let mechanism = areas.filing, areas.filingKinds.contains(where: { $0.kind == kind }) else {
            throw Refusal(code: "filing.unavailable", message: "本系统未启用备案（\(kind.rawValue)），无法报备", kind: .conflict)
        }
        try await mechanism.file(self, actor: actor, kind: kind, unitID: unitID, rule: rule, summary: summary, content: content, on: db)
    }
}
