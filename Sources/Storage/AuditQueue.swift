import Audit

/// Group commit of the audit entries that stand alone — a read's record, a refused attempt's (R-SY-3). Each appender
/// waits until its entry is committed, as before; appenders that arrive while one group is being written go together
/// in the next: one transaction and five statements for the group instead of five for each (issue 12: every personnel
/// file read appends one, and under load they queued one by one behind the one writer). Entries keep their order of
/// arrival; a failed group fails every appender in it, and nothing of it is written.
package actor AuditQueue {
    private var waiting: [(record: AuditRecord, done: CheckedContinuation<Void, any Error>)] = []
    private var writing = false

    /// The most entries written in one group.
    package static let groupLimit = 64

    package init() {}

    /// Appends `record` through `database`, returning once it is committed.
    package func append(_ record: AuditRecord, through database: Database) async throws {
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            waiting.append((record, done))
            if !writing {
                writing = true
                Task { await self.drain(database) }
            }
        }
    }

    /// Writes groups until no one waits.
    private func drain(_ database: Database) async {
        while !waiting.isEmpty {
            let group = Array(waiting.prefix(Self.groupLimit))
            waiting.removeFirst(group.count)
            let records = group.map(\.record)
            do {
                try await database.transaction { db in _ = try await AuditStore.append(records, on: db) }
                for member in group { member.done.resume() }
            } catch {
                for member in group { member.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}
