import Carriers
import Kernel
import SQLKit
import Storage

/// R-CA-14 / R-IC-1: the carriers' own incident register — a lost, stolen or leaked carrier with its 24-hour report
/// clock — standing in until an incidents area is registered, which then keeps every incident, carriers' included.
struct CarrierIncidents: IncidentPort {
    let interim = true

    func open(_ incident: IncidentOpening, on db: any SQLDatabase) async throws -> (id: String, reportDueAt: Int64) {
        guard incident.sourceKind == CarrierStore.recordKind else {
            throw Refusal(code: "incident.unavailable", message: "本系统未启用泄密事件登记，只能登记载体丢失、被盗、泄密", kind: .conflict)
        }
        let id = IDs.make()
        let due = CarrierRules.incidentReportDue(discoveredAtMillis: incident.discoveredAt)
        try await CarrierStore.insertIncident(
            id: id, carrierID: incident.sourceID, unitID: incident.unitID, kind: incident.kind, summary: incident.summary,
            discoveredAt: incident.discoveredAt, reportDueAt: due, on: db)
        return (id, due)
    }
}

/// R-IN-4: what the carriers can say of a unit for its self-assessment — open cross-check findings (IR 58 （六）) and
/// incident reports past their 24 hours (（十三）), counted over the whole unit.
struct CarrierIndicators: IndicatorPort {
    func indicators(unitID: String, today: Day, now: Int64, on db: any SQLDatabase) async throws -> [Indicator] {
        [
            Indicator(
                .carriers, code: "carriers.open_findings", chinese: "载体核查发现的问题未整改", rule: "R-IN-2",
                failing: try await CarrierStore.openFindingsCount(unitID: unitID, on: db)),
            Indicator(
                .other, code: "carriers.incident_reports_overdue", chinese: "泄密事件未在24小时内报告", rule: "R-IC-1",
                failing: try await CarrierStore.incidentReportsOverdue(unitID: unitID, now: now, on: db)),
        ]
    }
}
