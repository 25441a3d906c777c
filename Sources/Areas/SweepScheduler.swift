import Audit
import Foundation
import Kernel
import Logging
import Metrics
import OrganisationServices
import Storage

/// The daily sweep, run in-process: each registered area's step (declassification R-DC-2, the carrier cross-checks
/// R-CA-*, the end of 脱密期 …) and the audit checkpoint (R-SY-3). When several instances share one PostgreSQL,
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

    /// Runs today's sweep if no instance has yet: every registered area's step in order, then the audit checkpoint.
    /// Returns what each step did, nil if skipped.
    @discardableResult
    public func runIfDue() async throws -> [SweepResult]? {
        guard try await claim(services.clock.today) else { return nil }
        return try await sweepNow()
    }

    /// Runs every area's step now, whether or not today's sweep ran (`baomi sweep --force`).
    @discardableResult
    public func sweepNow() async throws -> [SweepResult] {
        let started = ContinuousClock.now
        // How long the sweep took, and what it found, for /metrics.
        defer {
            let elapsed = started.duration(to: .now).components
            Metrics.Timer(label: "baomi_sweep_duration").recordNanoseconds(elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000)
        }
        var results: [SweepResult] = []
        for step in services.areas.sweeps {
            let result = try await step.run(services)
            logger.info("\(result.log)")
            for (label, value) in result.counters { Counter(label: label).increment(by: value) }
            for (label, value) in result.gauges { Gauge(label: label).record(value) }
            results.append(result)
        }
        if let anchor = try await services.audit.checkpoint() {
            // R-SY-3: the checkpoint also goes to the server's log, outside the database.
            logger.notice("audit checkpoint \(anchor.text)")
        }
        return results
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
