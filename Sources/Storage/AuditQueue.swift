import Audit
import Synchronization

/// Group commit of the audit entries that stand alone — a read's record, a refused attempt's (R-SY-3). Each appender
/// waits until its entry is committed, as before; appenders that arrive while one group is being written go together
/// in the next: one transaction and five statements for the group instead of five for each (issue 12: every personnel
/// file read appends one, and under load they queued one by one behind the one writer). Entries keep their order of
/// arrival. A group that cannot be written is written again entry by entry, so one bad entry fails only its own
/// appender; nothing of a failed transaction is kept.
package actor AuditQueue {
    private var waiting: [(record: AuditRecord, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false
    /// Entries of the group being written.
    private var inFlight = 0
    /// Groups written so far (for the tests: entries arriving together do share a transaction).
    package private(set) var groupsWritten = 0

    /// The most entries written in one group.
    package static let groupLimit = 64

    package init() {}

    /// How many appenders have not been answered yet: waiting, or in the group being written.
    package var pendingCount: Int { waiting.count + inFlight }

    /// Appends `record` through `database`, returning once it is committed.
    package func append(_ record: AuditRecord, through database: Database) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((record, done))
            if !writing {
                writing = true
                // Detached: the writer carries none of the first appender's task-locals (its query recorder, its snapshot).
                Task.detached { await self.drain(database) }
            }
        }
    }

    /// Writes groups until no one waits.
    private func drain(_ database: Database) async {
        while !waiting.isEmpty {
            let group = Array(waiting.prefix(Self.groupLimit))
            waiting.removeFirst(group.count)
            groupsWritten += 1
            inFlight = group.count
            defer { inFlight = 0 }
            do {
                try await Self.write(group.map(\.record), through: database)
                for member in group { member.done.resume() }
            } catch {
                guard group.count > 1 else {
                    group[0].done.resume(throwing: error)
                    continue
                }
                for member in group {
                    do {
                        try await Self.write([member.record], through: database)
                        member.done.resume()
                    } catch {
                        member.done.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    /// Writes `records`, in order, in one transaction of their own.
    static func write(_ records: [AuditRecord], through database: Database) async throws {
        try await database.transaction { db in _ = try await AuditStore.append(records, on: db) }
    }
}

/// The audit entries appended inside one `Database.snapshot`, kept until it closes.
final class AuditBacklog: Sendable {
    private let records = Mutex<[AuditRecord]>([])

    func add(_ record: AuditRecord) { records.withLock { $0.append(record) } }

    /// The entries, in order of arrival; the backlog is empty afterwards.
    func take() -> [AuditRecord] {
        records.withLock { taken in
            defer { taken = [] }; return taken
        }
    }
}
