import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import SQLKit

/// What every operation needs: the database, the registered areas, the clock and the deployment's policies.
public struct Services: Sendable {
    /// The database.
    public let database: Database
    /// Where "now" comes from (STYLE 7).
    public let clock: BaomiClock
    /// R-SY-4 password and lockout rules at the deployment's level.
    public let passwordPolicy: PasswordPolicy
    /// R-SY-4: idle sessions end after this many seconds (default 300).
    public let idleTimeout: TimeInterval
    /// bcrypt cost (12 in production; tests lower it to stay fast).
    public let bcryptCost: UInt8
    /// R-DC-1 (config): expiry reminder lead times in days.
    public let reminderLeadDays: [Int]
    /// The areas the application was built from: their migrations, 待办, sweep, demo and the answers to the ports.
    public let areas: AreaRegistry
    /// R-SY-3: this instance's audit checkpoint file (`audit.anchor` in its data directory), outside the database;
    /// nil keeps none (an in-memory database). Instances sharing one PostgreSQL each keep their own.
    public let checkpointFile: URL?

    /// Creates the services.
    public init(
        database: Database, areas: AreaRegistry, clock: BaomiClock, passwordPolicy: PasswordPolicy, idleTimeout: TimeInterval = 300,
        bcryptCost: UInt8 = 12, reminderLeadDays: [Int] = [90, 30], checkpointFile: URL? = nil
    ) {
        self.areas = areas
        self.checkpointFile = checkpointFile
        self.database = database
        self.clock = clock
        self.passwordPolicy = passwordPolicy
        self.idleTimeout = idleTimeout
        self.bcryptCost = bcryptCost
        self.reminderLeadDays = reminderLeadDays
    }

    /// R-DV-7: the highest level this deployment handles (`BAOMI_SYSTEM_LEVEL`); nothing above it is stored.
    public var systemLevel: Level { passwordPolicy.systemLevel }

    /// The current instant in milliseconds.
    package var nowMillis: Int64 { AuditRecord.millis(clock.now) }

    /// Builds an audit record stamped with the clock and the actor.
    ///
    /// R-SY-1 / R-SY-3: the audit log says who did what to which record, when, at which level — never what the record
    /// says. The 安全审计员 reads every entry, so no title, body, summary or free-text reason typed by a user goes into
    /// `before`, `after` or `detail`; those stay in the record's own history, shown only to those who may know it
    /// (`AuditContentTests` scans the whole log for every title and every typed text).
    package func record(
        _ actor: Actor, _ action: String, target: String, id: String? = nil, level: String? = nil,
        outcome: AuditOutcome = .ok, before: (any Encodable)? = nil, after: (any Encodable)? = nil, detail: String? = nil
    ) -> AuditRecord {
        AuditRecord(
            atMillis: nowMillis, actorID: actor.isSystem ? nil : actor.userID, actorName: actor.username, action: action,
            targetKind: target, targetID: id, level: level, outcome: outcome, before: before.flatMap(Self.json),
            after: after.flatMap(Self.json), detail: detail, remoteAddress: actor.remoteAddress)
    }

    /// Canonical JSON for before/after states.
    package static func json(_ value: any Encodable) -> String? {
        guard let data = try? JSONEncoder.canonical.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
