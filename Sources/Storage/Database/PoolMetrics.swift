import Metrics
import Synchronization

/// Issue 11, item 9: how long a request waited for a database connection (`baomi_db_wait`) and how many connections
/// are lent out (`baomi_db_connections_in_use`), by pool: SQLite's `reader` pool and single `writer`, or `postgres`.
///
/// The metrics are looked up at each use, not kept: a metric made before `/metrics` installs its backend would stay a
/// no-op for good.
enum PoolMetrics {
    /// Records the wait for a connection of `pool` that began at `start` (the moment the caller asked).
    static func waited(_ pool: String, since start: ContinuousClock.Instant) {
        Metrics.Timer(label: "baomi_db_wait", dimensions: [("pool", pool)]).record(duration: start.duration(to: .now))
    }

    /// Records that `count` connections of `pool` are lent out now.
    static func inUse(_ pool: String, _ count: Int) {
        Gauge(label: "baomi_db_connections_in_use", dimensions: [("pool", pool)]).record(count)
    }
}

/// Counts the connections of one pool lent out, for `PoolMetrics.inUse`.
final class InUseCounter: Sendable {
    private let pool: String
    private let count = Mutex(0)

    init(pool: String) {
        self.pool = pool
    }

    /// One more connection lent out.
    func lend() {
        count.withLock {
            $0 += 1
            PoolMetrics.inUse(pool, $0)
        }
    }

    /// One connection back.
    func giveBack() {
        count.withLock {
            $0 -= 1
            PoolMetrics.inUse(pool, $0)
        }
    }
}
