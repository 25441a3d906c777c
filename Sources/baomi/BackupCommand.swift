import ArgumentParser
import Audit
import BaomiApp
import Foundation
import Organisation
import OrganisationServices
import Storage

/// `baomi backup <file>` — a consistent copy of the whole database while the server runs (SQLite `VACUUM INTO`,
/// PostgreSQL `pg_dump`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "备份整个数据库（运行中亦可）。Back up the whole database (while serving, too).")
    @OptionGroup var data: DataOptions
    @Argument(help: "备份文件（不得已存在）。The backup file (must not exist).") var file: String

    func run() async throws {
        try await guarded {
            try await data.withServices(printBootstrap: false) { services in try await Backup.write(services.database, to: file) }
            say("已备份到 \(file)。Backed up to \(file).")
        }
    }
}

/// `baomi restore <file>` — puts a backup back (SQLite: stop the server first) and verifies the audit chain (R-SY-3).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "从备份恢复（SQLite 须先停止服务），恢复后校验审计日志。Restore a backup, then verify the audit chain.")
    @OptionGroup var data: DataOptions
    @Argument(help: "baomi backup 写出的备份文件。A file written by baomi backup.") var file: String

    func run() async throws {
        try await guarded {
            try Backup.restore(from: file, into: try data.configuration().database)
            let result = try await data.withServices(printBootstrap: false) { services in try await services.audit.restored(from: file) }
            say("已恢复 \(file)。Restored \(file).")
            try report(result)
        }
    }
}
