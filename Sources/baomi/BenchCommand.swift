import ArgumentParser
import BenchSeed
import Foundation
import Storage

/// `baomi bench` — benchmark data (issue 11).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "性能测试数据。Benchmark data.", subcommands: [Seed.self])

    /// `baomi bench seed` — builds a realistic data set of a given size with bulk inserts.
    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "在新库中批量写入基准数据（单位、人员、国家秘密事项、载体、审计日志）。Bulk-load a benchmark data set into a new database.",
            discussion: """
                账号 bench-clerk（第1单位保密员）、bench-handler（承办人）、bench-classifier（定密责任人）、bench-admin（保密行政管理部门）
                的口令取自 BAOMI_BENCH_PASSWORD，默认 Bench-pass-2026。同一 --seed 生成完全相同的数据。
                Accounts bench-clerk, bench-handler, bench-classifier, bench-admin; password from BAOMI_BENCH_PASSWORD.
                """)

        @OptionGroup var data: DataOptions

        @Option(help: "单位数。Units.") var units = 200
        @Option(help: "人员数。Persons.") var persons = 100_000
        @Option(help: "国家秘密事项数。Secrets.") var secrets = 1_000_000
        @Option(help: "载体数。Carriers.") var carriers = 1_000_000
        @Option(help: "审计日志条数。Audit entries.") var audit = 1_000_000
        @Option(help: "按比例缩放以上数量（如 0.01）。Scale every size (e.g. 0.01).") var scale: Double?
        @Option(help: "今天到期的事项数（一半事项期限届满，一半借阅今天逾期），供每日检查测量。Items due today (for the sweep benchmark).")
        var dueToday = 0
        @Option(help: "随机数种子。Generator seed.") var seed: UInt64 = 2026
        @Flag(help: "只为已生成的数据补充涉密人员登记（同样的数量和种子）。Add only the personnel registers to a set seeded earlier.")
        var personnelOnly = false

        func validate() throws {
            if let scale, !(scale > 0 && scale <= 10) { throw ValidationError("--scale 应在 0 与 10 之间") }
            if [units, persons, secrets, carriers, audit, dueToday].contains(where: { $0 < 0 }) || units < 3 {
                throw ValidationError("数量不得为负，单位数至少为 3")
            }
        }

        func run() async throws {
            try await guarded {
                var options = BenchSeedOptions()
                (options.units, options.persons, options.secrets, options.carriers, options.audit) = (units, persons, secrets, carriers, audit)
                options.dueToday = dueToday
                options.seed = seed
                if let password = ProcessInfo.processInfo.environment["BAOMI_BENCH_PASSWORD"], !password.isEmpty { options.password = password }
                if let scale { options = options.scaled(by: scale) }
                say(
                    "基准数据 / bench seed: \(options.units) 单位, \(options.persons) 人员, \(options.secrets) 事项, \(options.carriers) 载体, "
                        + "\(options.audit) 审计日志, 今天到期 \(options.dueToday), seed \(options.seed)")
                let report = try await data.withServices { services in
                    var seeder = BenchSeeder(services: services, options: options, say: { say($0) })
                    return personnelOnly ? try await seeder.addPersonnel() : try await seeder.run()
                }
                say(String(format: "完成 / done in %.1f s. 账号 / accounts: %@", report.total, report.accounts.joined(separator: ", ")))
            }
        }
    }
}
