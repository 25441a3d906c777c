import Foundation
import Logging
import NIOCore
import SQLKit
import Synchronization

/// Records the statements an operation runs, for the query-plan test (issue 11, item 3): with a recorder set for a
/// task (`QueryRecorder.$current.withValue(recorder) { … }`), every statement through `Database.read` and
/// `Database.transaction` is kept, binds and all, so the test can ask the database for each one's plan. Unset (always,
/// outside that test) it costs one task-local read per operation.
public final class QueryRecorder: Sendable {
    /// The recorder of the current task, if any.
    @TaskLocal public static var current: QueryRecorder?

    private let statements = Mutex<[any SQLExpression]>([])

    /// An empty recorder.
    public init() {}

    /// Every statement recorded so far, in order.
    public var recorded: [any SQLExpression] { statements.withLock { $0 } }

    func append(_ statement: any SQLExpression) { statements.withLock { $0.append(statement) } }

    /// `db`, recording through the current task's recorder when one is set.
    static func wrap(_ db: any SQLDatabase) -> any SQLDatabase {
        guard let recorder = current else { return db }
        return RecordingDatabase(base: db, recorder: recorder)
    }
}

/// A database that keeps each statement before running it.
struct RecordingDatabase: SQLDatabase {
    let base: any SQLDatabase
    let recorder: QueryRecorder

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        recorder.append(query)
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        recorder.append(query)
        try await base.execute(sql: query, onRow)
    }
}
