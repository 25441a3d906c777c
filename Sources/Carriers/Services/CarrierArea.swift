import Storage

extension AreaRegistration {
    /// 国家秘密载体: the register, its steps, books and cross-checks; it answers what a person still holds (R-PE-16),
    /// keeps the incident register until an incidents area does (R-IC-1), and gives its self-assessment indicators (R-IN-4).
    public static let carriers = AreaRegistration(
        name: "carriers",
        migrations: [
            M012Carriers(), M013CarrierChecks(), M018CarrierSecrets(), M022TodoIndexes(), M023CarrierExitPermit(), M024IncidentClock(), M025CarrierSearch(),
            M030CarrierCountIndexes(), M031CarrierDueIndex(), M034HandoverLists(),
        ],
        todos: [CarrierTodos()],
        sweep: SweepStep(order: 20) { services in
            let findings = try await services.carriers.sweep()
            return SweepResult(
                log: "carrier cross-checks: \(findings.opened) finding(s) opened, \(findings.resolved) resolved",
                chinese: "载体核查完成：新发现 \(findings.opened) 项，已消除 \(findings.resolved) 项。",
                counters: ["baomi_sweep_findings_opened_total": findings.opened],
                gauges: ["baomi_open_findings": try await services.carriers.openFindingsCount()])
        },
        demos: [
            DemoStep(order: 20) { services, demo in
                guard demo.full else { return }
                try await CarrierDemo.seed(services, persons: demo.persons, actors: demo.actors)
            }
        ],
        holdings: CarrierHoldings(), incidents: CarrierIncidents(), indicators: CarrierIndicators())
}
