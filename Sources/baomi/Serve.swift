import Accounts
import Areas
import ArgumentParser
import Audit
import BaomiApp
import CarrierServices
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import Logging
import OrganisationServices
import Storage

/// `baomi serve` — runs the web UI and API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "启动服务（网页界面与 API）。Run the server (web UI and JSON API).")

    @OptionGroup var data: DataOptions

    @Option(name: .long, help: "监听地址，默认 127.0.0.1 或 BAOMI_HOST。Listen address.")
    var host: String?

    @Option(name: .long, help: "端口，默认 8080 或 BAOMI_PORT。Port.")
    var port: Int?

    @Flag(name: .long, help: "首次运行时写入演示数据。Seed the demo organisation on first run.")
    var demo = false

    func run() async throws {
        try await guarded {
            var config = try data.configuration()
            if let host { config.host = host }
            if let port { config.port = port }
            var logger = Logger(label: "baomi")
            logger.logLevel = logLevel(default: .info)
            let started = Date()
            let services = try await makeServices(config, logger: logger)
            let report = try await Bootstrap.run(services, environment: ProcessInfo.processInfo.environment)
            BootstrapPrinter.show(report)
            if demo {
                if let seeded = try await DemoSeeder.seed(services, password: ProcessInfo.processInfo.environment["BAOMI_DEMO_PASSWORD"], full: true) {
                    DemoPrinter.show(seeded)
                } else {
                    say("演示数据已存在 / demo data already present")
                }
            }
            let app = try await buildApplication(services: services, configuration: config, logger: logger)
            say(String(format: "Baomi 已就绪（%.1f 秒）：http://%@:%d  数据库：%@", Date().timeIntervalSince(started), config.host, config.port, config.database.redacted))
            // R-SY-3: a checkpoint outside the database at start and every half minute while entries are appended
            // (the file beside the key, and this log).
            let checkpointer = Task { await AuditCheckpointer(services: services, logger: logger).run() }
            // R-DC-2: the daily sweep runs in-process; with several instances on one PostgreSQL only one does it each day.
            let sweeper = Task { await SweepScheduler(services: services, logger: logger).run() }
            try await app.runService()
            sweeper.cancel()
            checkpointer.cancel()
            await services.database.close()
        }
    }
}

/// `baomi demo` — seeds the demo organisation without serving.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "写入演示数据。Seed the demo organisation.")

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await guarded {
            try await data.withServices { services in
                if let seeded = try await DemoSeeder.seed(services, password: ProcessInfo.processInfo.environment["BAOMI_DEMO_PASSWORD"], full: true) {
                    DemoPrinter.show(seeded)
                } else {
                    say("演示数据已存在 / demo data already present")
                }
            }
        }
    }
}

/// Prints the demo logins.
enum DemoPrinter {
    static func show(_ report: DemoSeeder.Report) {
        say("演示账号（口令均为 / demo password for all: \(report.password)）：")
        for login in report.logins {
            say(
                "  \(login.username.padding(toLength: 10, withPad: " ", startingAt: 0)) \(login.name)  \(login.unit)  \(login.roles.map(\.chinese).joined(separator: "、"))  涉密等级：\(login.tier.chinese)"
            )
            if let url = login.otpURL { say("             动态口令（添加到验证器 / add to an authenticator）：\(url)") }
        }
    }
}

/// `baomi migrate` — applies pending migrations.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "执行数据库迁移。Apply pending database migrations.")

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await guarded {
            try await data.withServices { services in
                say("数据库已是最新结构 / schema is up to date")
                if let problem = try await services.database.read({ db in try await TextSearch.ctypeProblem(on: db) }) { say("注意：\(problem)") }
            }
        }
    }
}
