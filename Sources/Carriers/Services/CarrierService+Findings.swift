import Accounts
import Audit
import Carriers
import ClassificationServices
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// The cross-check findings, kept (issue 11, item 4): `carrier_findings` holds every open finding, brought up to date
/// in the same transaction as each step on a carrier (`record`), and by the nightly sweep for what time alone makes due
/// and for what was written without a step (an import). The 待办 and the findings page read it — a few indexed reads, whatever the register's size.
extension CarrierService {
    /// Recomputes the findings of `carrierIDs` and keeps `carrier_findings` in step: a new finding is opened once (with a
    /// history entry and an audit record), one no longer found is resolved. Returns (opened, resolved).
    @discardableResult
    func refreshFindings(of carrierIDs: [String], on db: any SQLDatabase) async throws -> (opened: Int, resolved: Int) {
        let day = today
        var opened = 0
        var resolved = 0
        for chunk in Array(Set(carrierIDs)).sorted().chunks() {
            let carriers = try await CarrierStore.carriers(ids: chunk, on: db)
            let ctx = try await checkContext(for: carriers, on: db)
            var current: [String: (CarrierFinding, Carrier)] = [:]
            for carrier in carriers {
                for finding in CarrierRules.findings(of: carrier, in: ctx) { current["\(finding.carrierID)|\(finding.rule)"] = (finding, carrier) }
            }
            var open: [String: String] = [:]
            for found in try await CarrierStore.openFindings(ofCarriers: chunk, on: db) { open["\(found.carrierID)|\(found.rule)"] = found.id }
            // The chunk's new findings, their history entries and audit records, and the findings gone: a statement each.
            let new = current.sorted(by: { $0.key < $1.key }).filter { open[$0.key] == nil }.map(\.value)
            try await CarrierStore.openFindings(new.map { ($0.0, $0.1) }, firstSeen: day, on: db)
            let now = services.nowMillis
            try await CarrierStore.appendEvents(
                new.map { ($0.1.id, "finding", "核查发现（\($0.0.rule)）：\($0.0.message)", nil) }, at: now, actor: Actor.system.displayName, on: db)
            try await AuditStore.append(
                new.map {
                    services.record(
                        .system, "carrier.finding", target: CarrierStore.recordKind, id: $0.1.id, level: $0.1.level.code, before: $0.1.status.rawValue,
                        after: $0.1.status.rawValue)
                }, on: db)
            opened += new.count
            let gone = open.sorted(by: { $0.key < $1.key }).filter { current[$0.key] == nil }.map(\.value)
            try await CarrierStore.resolveFindings(ids: gone, on: day, on: db)
            resolved += gone.count
        }
        return (opened, resolved)
    }

    /// The nightly sweep, incremental: it checks only the carriers that changed since its last run
    /// (`carriers_updated`), the loans that fell due since (`carriers_due`), the years whose return deadline
    /// passed since (`carriers_newest`, R-CA-10), and the carriers of secrets changed since (R-DU-7). Steps keep the
    /// rest current as they happen. Returns (opened, resolved).
    @discardableResult
    public func sweep() async throws -> (opened: Int, resolved: Int) {
        let day = today
        let started = services.nowMillis
        return try await services.database.transaction { db in
            let since = try await SweepMark.since(SweepMark.carriers, on: db)
            let sinceDay = Day(date: Date(timeIntervalSince1970: Double(since) / 1000))
            var ids: Set<String> = []
            ids.formUnion(try await CarrierStore.carrierIDs(updatedSince: since, on: db))
            // R-CA-5: loans whose day to come back passed since the last run.
            ids.formUnion(try await CarrierStore.carrierIDs(dueFrom: sinceDay.adding(days: -1), before: day, on: db))
            // R-CA-10: a year whose return deadline passed since the last run.
            for year in (sinceDay.year - 1)...(day.year - 1) where year >= 1990 {
                let deadline = CarrierRules.returnDeadline(forYear: year)
                guard deadline >= sinceDay.adding(days: -1) && deadline < day else { continue }
                ids.formUnion(try await CarrierStore.carrierIDs(registeredIn: year, on: db))
            }
            // R-DU-7: carriers of the secrets changed since (a raised level makes a lower carrier a finding).
            let changed = try await ClassificationReads.changedSecretIDs(since: since, on: db)
            for chunk in changed.chunks() {
                ids.formUnion(try await CarrierStore.carrierIDs(ofSecrets: chunk, on: db))
            }
            let result = try await refreshFindings(of: Array(ids), on: db)
            try await SweepMark.set(SweepMark.carriers, to: started, on: db)
            return result
        }
    }

    /// Recomputes every carrier's findings, a batch of 2,000 per transaction — after a bulk load (`baomi bench seed`)
    /// or to prove the kept findings right (`CarrierFindingsTests` compares them with this recount).
    @discardableResult
    public func rebuildFindings() async throws -> (opened: Int, resolved: Int) {
        var after = ""
        var total = (opened: 0, resolved: 0)
        // The next sweep starts from here: what this pass checks need not be checked again.
        let started = services.nowMillis
        try await services.database.transaction { db in
            try await SweepMark.set(SweepMark.carriers, to: started, on: db)
        }
        while true {
            let from = after
            let ids = try await services.database.read { db in try await CarrierStore.carrierIDs(after: from, on: db) }
            guard let last = ids.last else { return total }
            let done = try await services.database.transaction { db in try await refreshFindings(of: ids, on: db) }
            total = (total.opened + done.opened, total.resolved + done.resolved)
            after = last
        }
    }

    /// How many findings are open across every unit — for the operator's `/metrics` gauge only (a number, no record).
    public func openFindingsCount() async throws -> Int {
        try await services.database.read { db in try await CarrierStore.openFindingsCount(on: db) }
    }

    /// R-CA-10: how many of a year's carriers of the actor's unit they may know of are still held and not kept on
    /// (归档或延长使用) — counted by the index on the unit and registration day, at most `Keyset.countCap`.
    public func unreturned(_ actor: Actor, year: Int) async throws -> Int {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in
            try await CarrierStore.unreturnedCount(unitID: me.unitID, year: year, viewer: viewer, on: db)
        }
    }

    /// The 待办's summary of the kept findings: for each rule, how many open findings of the actor's unit they may see
    /// (counted up to `TodoCount.cap` + 1) and the five found first (`carrier_findings_open_unit`) — bounded reads
    /// whatever the register's size (R-KS-4).
    public func findingSummary(_ actor: Actor) async throws -> [(rule: String, count: Int, first: [CarrierFinding])] {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in
            let rules = try await CarrierStore.openFindingRules(unitID: me.unitID, on: db)
            var out: [(rule: String, count: Int, first: [CarrierFinding])] = []
            for rule in rules {
                let (n, first) = try await CarrierStore.openFindings(unitID: me.unitID, rule: rule, viewer: viewer, cap: TodoCount.cap, on: db)
                guard n > 0 else { continue }
                out.append((rule, n, first))
            }
            return out
        }
    }

    /// One page of the open findings of the carriers of the actor's unit they may know of (R-KS-4), by register
    /// number, each with the day the check first found it.
    public func findings(_ actor: Actor, page: PageRequest) async throws -> Page<(finding: CarrierFinding, since: Day?)> {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in
            try await CarrierStore.openFindingsPage(unitID: me.unitID, viewer: viewer, request: page, on: db)
        }
    }

    /// The open findings of the carriers of the actor's unit they may know of (R-KS-4), as kept.
    public func findings(_ actor: Actor) async throws -> [CarrierFinding] {
        let me = try person(actor)
        let viewer = actor.viewer
        return try await services.database.read { db in try await CarrierStore.openFindings(unitID: me.unitID, viewer: viewer, on: db) }
    }
}
