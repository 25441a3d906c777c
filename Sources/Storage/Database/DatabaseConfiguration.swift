import Foundation
import Kernel

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseConfiguration: Sendable, Hashable {
    /// SQLite file at `path` (created and migrated on first run, WAL mode).
    case sqlite(path: String)
    /// SQLite in memory (tests only: one connection, gone when closed).
    case sqliteMemory
    /// PostgreSQL server; `schema` isolates a test run in its own schema.
    case postgres(host: String, port: Int, username: String, password: String?, database: String, schema: String?)

    /// Parses `DATABASE_URL`: `postgres://user:pass@host:port/db` (or `postgresql://`), `sqlite:///abs/path`,
    /// `sqlite://relative/path`, or `sqlite::memory:`.
    public static func parse(url: String) throws -> DatabaseConfiguration {
        if url == "sqlite::memory:" { return .sqliteMemory }
        if url.hasPrefix("sqlite://") {
            let path = String(url.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Refusal.invalid("DATABASE_URL", "SQLite 地址缺少文件路径") }
            return .sqlite(path: path)
        }
        guard let components = URLComponents(string: url),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql",
            let host = components.host, !host.isEmpty
        else {
            throw Refusal.invalid("DATABASE_URL", "无法识别的数据库地址，应为 postgres://用户:口令@主机:端口/库名 或 sqlite://路径")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty else { throw Refusal.invalid("DATABASE_URL", "PostgreSQL 地址缺少数据库名") }
        let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value
        return .postgres(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database, schema: schema)
    }

    /// A short description without the password, for logs and `baomi serve` banners.
    public var redacted: String {
        switch self {
        case .sqlite(let path): "SQLite \(path)"
        case .sqliteMemory: "SQLite (内存)"
        case .postgres(let host, let port, let user, _, let db, let schema):
            "PostgreSQL \(user)@\(host):\(port)/\(db)" + (schema.map { " schema=\($0)" } ?? "")
        }
    }
}
