import Personnel
import Storage

extension AreaRegistration {
    /// 涉密人员: posts, roster, reviews, appointment, trips, events, departures, training; it files the 涉密人员名单
    /// (R-PE-3), ends the 脱密期 in the sweep and keeps the training register other areas ask (R-TR-3).
    public static let personnel = AreaRegistration(
        name: "personnel",
        migrations: [
            M020Personnel(), M021PersonnelIndexes(), M032TripRefusal(), M033ClerkCertificates(), M035AfterLeaving(), M036ImportedReviews(),
            M037PersonIdentity(),
        ],
        todos: [PersonnelTodos()],
        sweep: SweepStep(order: 30) { services in
            let ended = try await services.personnel.sweep()
            return SweepResult(log: "personnel: \(ended) 脱密期 ended", chinese: "脱密期届满：\(ended) 人。")
        },
        demos: [
            // The 定密培训 the officers passed comes before they are appointed (R-TR-3: their training date is read from it).
            DemoStep(order: 5) { services, demo in
                try await PersonnelDemo.seedClassificationTraining(services, persons: demo.persons, actors: demo.actors)
            },
            DemoStep(order: 30) { services, demo in
                try await PersonnelDemo.seed(services, persons: demo.persons, actors: demo.actors, carriers: demo.full)
            },
        ],
        filingKinds: [
            FilingKindName(.personnelRoster, "涉密人员名单", readers: FileViewer.keepers),
            FilingKindName(.personnelAbsconded, "涉密人员擅自离职报告", readers: FileViewer.keepers),
            FilingKindName(.declearingViolation, "脱密期严重违规报告", readers: FileViewer.keepers),
        ],
        training: TrainingRegister(), indicators: PersonnelIndicators())
}

extension FilingKind {
    /// R-PE-3: the 涉密人员名单 (BJ 21).
    public static let personnelRoster = FilingKind(rawValue: "personnel_roster")
    /// IR 54: a 涉密人员 left without the procedure (擅自离职).
    public static let personnelAbsconded = FilingKind(rawValue: "personnel_absconded")
    /// IR 54: a serious violation of the secrecy rules in the 脱密期.
    public static let declearingViolation = FilingKind(rawValue: "declearing_violation")
}
