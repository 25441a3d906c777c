import Audit
import Foundation
import Kernel
import Logging
import Metrics
import OrganisationServices
import Storage

/// R-SY-3: keeps this instance's audit checkpoint (`seq:hash`) up with the head while entries are appended — in the
/// checkpoint file beside the key and in the server's log, both outside the database — so that a cut of the log's end
/// or a head rolled back to an older sealed state is caught once it is older than one interval (half a minute).
/// Every instance on one PostgreSQL runs its own and keeps its own file. An idle log writes nothing: the checkpoint
/// already matches the head.
///
/// `/metrics` shows `baomi_audit_checkpoint_age_seconds`, the time since the checkpoint last matched the head, which
/// stays under the interval while checkpointing works, and `baomi_audit_checkpoint_seq`.
public actor AuditCheckpointer {
    /// How often the head is compared with the checkpoint: at least twice a minute.
    public static let interval: Duration = .seconds(30)

    let services: Services
    let logger: Logger
    /// The checkpoint last written, and when it last matched the head (the services' clock).
    public private(set) var last: (anchor: AuditAnchor, confirmed: Date)?

    /// A checkpointer over `services`, logging each checkpoint to `logger`.
    public init(services: Services, logger: Logger) {
        self.services = services
        self.logger = logger
    }

    /// Compares the head with the checkpoint and writes a new one if entries were appended since; returns the
    /// checkpoint written, nil if none was needed.
    @discardableResult
    public func tick() async throws -> AuditAnchor? {
        let now = services.clock.now
        defer { record(at: now) }
        guard let head = try await services.audit.head(), head.seq > 0 else { return nil }
        if let last, last.anchor == head {
            self.last = (head, now)
            return nil
        }
        try services.audit.keep(head)
        last = (head, now)
        logger.notice("audit checkpoint \(head.text)")
        return head
    }

    /// Ticks now and then every `interval` of `clock` until cancelled; a failed tick is logged and tried again.
    public func run<C: Clock>(clock: C, every interval: C.Duration) async {
        while !Task.isCancelled {
            do {
                try await tick()
            } catch {
                logger.error("audit checkpoint failed: \(String(reflecting: error))")
            }
            do { try await clock.sleep(for: interval) } catch { return }
        }
    }

    /// Ticks every `interval` of the system's continuous clock (`baomi serve`).
    public func run() async {
        await run(clock: ContinuousClock(), every: Self.interval)
    }

    private func record(at now: Date) {
        guard let last else { return }
        Gauge(label: "baomi_audit_checkpoint_age_seconds").record(now.timeIntervalSince(last.confirmed))
        Gauge(label: "baomi_audit_checkpoint_seq").record(last.anchor.seq)
    }
}
