import Audit
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Logging
import Metrics
import OrganisationServices
import PersonnelServices
import Storage

/// The daily sweep, run in-process: declassification (R-DC-2) and the carrier cross-checks (R-CA-*). When several instances share one PostgreSQL,
/// only one runs each day's sweep: the instance that moves the `sweep.last_day` setting to today — one
/// conditional UPDATE, serialised by the row lock — does the work; the others see no row and skip.
public struct SweepScheduler: Sendable {
    let services: Services
    let logger: Logger

    /// Creates the scheduler over `services`, logging each run to `logger`.
    public init(services: Services, logger: Logger) {
        self.services = services
        self.logger = logger
    }

    /// Claims today's sweep; true for exactly one caller per day.
    public func claim(_ day: Day) async throws -> Bool {
        try await services.claimSweep(day)
    }

    /// Runs today's sweep if no instance has yet; returns how many secrets were declassified, nil if skipped.
    @discardableResult
    public func runIfDue() async throws -> Int? {
        guard try await claim(services.clock.today) else { return nil }
        let started = ContinuousClock.now
        // Issue 11, item 9: how long the sweep took, and what it found, for /metrics.
        defer {
            let elapsed = started.duration(to: .now).components
            Metrics.Timer(label: "baomi_sweep_duration").recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
        }
        let count = try await services.classification.sweep()
        logger.info("declassification sweep: \(count) secret(s) declassified")
        let findings = try await services.carriers.sweep()
        logger.info("carrier cross-checks: \(findings.opened) finding(s) opened, \(findings.resolved) resolved")
        let declearing = try await services.personnel.sweep()
        logger.info("personnel: \(declearing) 脱密期 ended")
        Counter(label: "baomi_sweep_declassified_total").increment(by: count)
        Counter(label: "baomi_sweep_findings_opened_total").increment(by: findings.opened)
        // Issue 11, item 9: the open findings after the sweep, across units (a count only).
        Gauge(label: "baomi_open_findings").record(try await services.carriers.openFindingsCount())
        if let anchor = try await services.audit.checkpoint() {
            // R-SY-3: the checkpoint also goes to the server's log, outside the database.
            logger.notice("audit checkpoint \(anchor.text)")
        }
        return count
    }

    /// Checks every `interval` seconds until cancelled.
    public func run(every interval: Duration = .seconds(600)) async {
        while !Task.isCancelled {
            do {
                try await runIfDue()
            } catch {
                logger.error("declassification sweep failed: \(String(reflecting: error))")
            }
            try? await Task.sleep(for: interval)
        }
    }
}
