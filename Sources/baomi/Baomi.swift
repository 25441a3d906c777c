import Accounts
import Areas
import ArgumentParser
import BaomiApp
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Logging
import OrganisationServices
import Storage

/// `baomi` — the command line of the secrecy-management system (保密管理系统命令行).
@main
struct Baomi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baomi",
        abstract: "保密管理系统 Baomi — secrecy-management system.",
        discussion: """
            首次运行 `baomi serve --demo` 即可启动带演示数据的系统（SQLite，数据在 ./baomi-data/）。
            Run `baomi serve --demo` to start with demo data on the embedded SQLite database.
            设置 DATABASE_URL=postgres://… 改用 PostgreSQL。Set DATABASE_URL=postgres://… for PostgreSQL.
            """,
        subcommands: [
            Serve.self, Migrate.self, Demo.self, UserCommand.self, AuditCommand.self, CalendarCommand.self, MarkingCommand.self, SweepCommand.self,
            SelfAssessmentCommand.self,
            BackupCommand.self, RestoreCommand.self, BenchCommand.self,
        ])
}

/// Shared options: where the data lives.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "数据库地址，覆盖 DATABASE_URL。Database URL (overrides DATABASE_URL).")
    var databaseURL: String?

    @Option(name: .long, help: "SQLite 数据目录，默认 ./baomi-data。SQLite data directory.")
    var dataDir: String?

    /// The configuration from the environment with these options applied.
    func configuration() throws -> AppConfiguration {
        var env = ProcessInfo.processInfo.environment
        if let databaseURL { env["DATABASE_URL"] = databaseURL }
        if let dataDir { env["BAOMI_DATA_DIR"] = dataDir }
        return try AppConfiguration.fromEnvironment(env)
    }

    /// Opens the database, migrates, creates the administrators on first run; runs `body`; closes.
    func withServices<T>(printBootstrap: Bool = true, _ body: (Services) async throws -> T) async throws -> T {
        let config = try configuration()
        var logger = Logger(label: "baomi")
        logger.logLevel = logLevel(default: .warning)
        let services = try await makeServices(config, logger: logger)
        do {
            let report = try await Bootstrap.run(services, environment: ProcessInfo.processInfo.environment)
            if printBootstrap { BootstrapPrinter.show(report) }
            let result = try await body(services)
            await services.database.close()
            return result
        } catch {
            await services.database.close()
            throw error
        }
    }
}

/// Prints the one-time administrator passwords.
enum BootstrapPrinter {
    static func show(_ report: BootstrapReport) {
        if !report.migrations.isEmpty {
            say("已执行数据库迁移 / migrations applied: \(report.migrations.joined(separator: ", "))")
        }
        guard !report.accounts.isEmpty else { return }
        say(
            """
            ================================================================
            首次运行：已创建三员账号（口令仅显示这一次，请妥善交付并在首次登录后修改）
            First run: the three administrator accounts (passwords shown once):
            """)
        for account in report.accounts {
            let password = account.password ?? "（取自环境变量 / from environment）"
            say("  \(account.role.chinese)  用户名 \(account.username)  口令 \(password)")
            if let url = account.otpURL { say("    动态口令 / TOTP: \(url)") }
        }
        say("================================================================")
    }
}

/// Maps refusals to a Chinese message and exit code 1 instead of a stack trace.
extension AsyncParsableCommand {
    func guarded(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as any DomainError {
            FileHandle.standardError.write(Data("错误：\(error.messageWithRule)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// Writes a line to standard output unbuffered, so one-time passwords reach a log file at once.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// The log level from `BAOMI_LOG_LEVEL` (`trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`), else
/// `fallback`. At `debug` every SQL statement is logged with its binds (SQLKit's query log) — how a slow sweep or page is
/// traced to its statement on a real data set.
func logLevel(default fallback: Logger.Level) -> Logger.Level {
    ProcessInfo.processInfo.environment["BAOMI_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? fallback
}
