import Storage

extension AreaRegistration {
    /// 定密管理: authority, officers, catalogue, secrets, objections and supervision; it keeps the filings with the
    /// administration (`FilingPort`) and declassifies what came due in the sweep (R-DC-2).
    public static let classification = AreaRegistration(
        name: "classification",
        migrations: [M008Classification(), M009ScopeWidenings(), M010Objections(), M011Supervision(), M017UnclearClocks(), M026SecretSearch()],
        todos: [ClassificationTodos()],
        sweep: SweepStep(order: 10) { services in
            let count = try await services.classification.sweep()
            return SweepResult(
                log: "declassification sweep: \(count) secret(s) declassified", chinese: "解密检查完成：\(count) 项自行解密。",
                counters: ["baomi_sweep_declassified_total": count])
        },
        demos: [
            DemoStep(order: 10) { services, demo in
                try await ClassificationDemo.seed(services, units: demo.units, persons: demo.persons, actors: demo.actors)
            }
        ],
        filingKinds: FilingKind.classificationKinds,
        filing: ClassificationFiling(), indicators: ClassificationIndicators())
}
