import Foundation
import Synchronization

extension AccessFilter {
    /// The side each person's visibility predicate was last written from, kept for a minute (issue 11: a page asked for
    /// the person's scope size once per query, a 待办 nine times). The side only chooses which index drives a query —
    /// both sides select the same rows (`LeakTests.bothSidesAgree`) — so a stale entry costs speed, never correctness.
    final class SideCache: Sendable {
        struct Key: Hashable, Sendable {
            let personID: String
            let recordKind: String
            let probeAbove: Int
        }

        static let shared = SideCache()
        /// How long a side is trusted.
        static let lifetime: Duration = .seconds(60)
        /// Entries kept at most; the cache starts afresh beyond it.
        static let capacity = 20_000

        private let entries = Mutex<[Key: (side: Side, at: ContinuousClock.Instant)]>([:])

        func side(for key: Key) -> Side? {
            entries.withLock { entries in
                guard let entry = entries[key], entry.at.duration(to: .now) < Self.lifetime else { return nil }
                return entry.side
            }
        }

        func remember(_ side: Side, for key: Key) {
            entries.withLock { entries in
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
                entries[key] = (side, .now)
            }
        }
    }
}
