import Foundation

/// Where "now" comes from. The domain never calls `Date()`; tests pin the clock (STYLE 7).
public struct BaomiClock: Sendable {
    private let source: @Sendable () -> Date

    /// A clock reading from `source` on every call.
    public init(_ source: @escaping @Sendable () -> Date) {
        self.source = source
    }

    /// The current instant.
    public var now: Date { source() }

    /// Today in China Standard Time (Asia/Shanghai), the time zone of every deadline.
    public var today: Day { Day(date: now) }

    /// The real wall clock.
    public static let system = BaomiClock { Date() }

    /// A clock that always reads `date`.
    public static func fixed(_ date: Date) -> BaomiClock {
        BaomiClock { date }
    }
}

/// A clock that tests can move forward (e.g. to expire a session).
public final class MovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    /// Starts the clock at `start`.
    public init(_ start: Date) {
        current = start
    }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }

    /// Sets the clock to `date`.
    public func set(_ date: Date) {
        lock.lock()
        current = date
        lock.unlock()
    }

    /// A `BaomiClock` reading this movable clock.
    public var clock: BaomiClock {
        BaomiClock { [self] in
            lock.lock()
            defer { lock.unlock() }
            return current
        }
    }
}
