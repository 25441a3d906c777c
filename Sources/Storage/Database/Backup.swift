import Foundation
import Kernel
import SQLKit

/// `baomi backup` / `baomi restore` (issue 11, item 9): a consistent copy of the whole database, and putting one back.
/// SQLite: `VACUUM INTO` writes a consistent copy while the server runs; a restore replaces the file (server stopped).
/// PostgreSQL: `pg_dump` in its custom format, and `pg_restore --clean`. The caller verifies the audit chain afterwards.
public enum Backup {
    /// Writes a consistent copy of `database` to `path` (which must not exist).
    public static func write(_ database: Database, to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else { throw Refusal.invalid("file", "备份文件 \(path) 已存在，不覆盖") }
        switch database.configuration {
        case .sqlite, .sqliteMemory:
            try await database.transactionless { db in try await db.raw("VACUUM INTO \(bind: path)").run() }
        case .postgres(let host, let port, let user, let password, let name, let schema):
            var arguments = ["-h", host, "-p", String(port), "-U", user, "-d", name, "--format=custom", "--no-owner", "-f", path]
            if let schema { arguments += ["-n", schema] }
            try run("pg_dump", arguments, password: password)
        }
        // A backup holds everything the database does: the service's account alone reads it.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }

    /// Puts the copy at `path` back as the database `configuration` names. SQLite: the file is replaced (the server must
    /// be stopped). PostgreSQL: the objects are dropped and restored from the dump.
    public static func restore(from path: String, into configuration: DatabaseConfiguration) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw Refusal.invalid("file", "备份文件 \(path) 不存在") }
        switch configuration {
        case .sqlite(let target):
            let manager = FileManager.default
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target + suffix) }
            if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
            try manager.copyItem(atPath: path, toPath: target)
        case .sqliteMemory:
            throw Refusal.invalid("DATABASE_URL", "内存数据库无法恢复")
        case .postgres(let host, let port, let user, let password, let name, _):
            try run(
                "pg_restore", ["-h", host, "-p", String(port), "-U", user, "-d", name, "--clean", "--if-exists", "--no-owner", "--single-transaction", path],
                password: password)
        }
    }

    /// Runs a PostgreSQL client tool; its error output becomes the refusal's message.
    static func run(_ tool: String, _ arguments: [String], password: String?) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Refusal(code: "backup.tool_failed", message: "\(tool) 失败：\(message.prefix(500))", kind: .conflict)
        }
    }
}

extension Database {
    /// Runs `body` on the writer connection outside any transaction (`VACUUM` may not run inside one).
    func transactionless<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await backend.withConnection(body)
    }
}
