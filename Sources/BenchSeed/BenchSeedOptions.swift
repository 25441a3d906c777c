import Foundation
import Kernel

/// The size of the data set `baomi bench seed` builds (issue 11, item 6).
public struct BenchSeedOptions: Sendable, Hashable {
    /// Units: one 保密行政管理部门 above the others; unit 1 is the big one the benchmark users work in.
    public var units = 200
    /// Persons, spread over the units (unit 1 has a tenth of them).
    public var persons = 100_000
    /// 国家秘密事项 in every status, with knowledge scopes of 5–50 persons.
    public var secrets = 1_000_000
    /// 载体 in every status (unit 1 holds a tenth of them).
    public var carriers = 1_000_000
    /// Audit entries, chained and sealed like every other entry.
    public var audit = 1_000_000
    /// Items that fall due on the day of the load, for the sweep's benchmark: half in-force secrets whose period runs
    /// out today, half loans that became overdue today.
    public var dueToday = 0
    /// The password of the benchmark accounts (`bench-clerk`, `bench-handler`, `bench-admin`).
    public var password = "Bench-pass-2026"
    /// The generator's seed: the same seed builds the same data.
    public var seed: UInt64 = 2026

    /// The full size of the issue.
    public init() {}

    /// These sizes times `factor` (at least a handful of each, so a tiny run still has every kind of row); the items due
    /// today are not scaled.
    public func scaled(by factor: Double) -> BenchSeedOptions {
        var o = self
        func s(_ n: Int, min least: Int) -> Int { max(least, Int((Double(n) * factor).rounded())) }
        o.units = s(units, min: 3)
        o.persons = s(persons, min: 12 * o.units + 20)
        o.secrets = s(secrets, min: 50)
        o.carriers = s(carriers, min: 50)
        o.audit = s(audit, min: 50)
        return o
    }
}

/// What a load wrote and how long it took.
public struct BenchSeedReport: Sendable {
    /// Rows written, by table.
    public var rows: [String: Int] = [:]
    /// Seconds, by phase.
    public var seconds: [String: Double] = [:]
    /// Seconds for the whole load.
    public var total: Double = 0
    /// The benchmark accounts' user names.
    public var accounts: [String] = []
}

/// Where each unit's persons, secrets and carriers are in the global numbering (all ids follow from it).
struct SeedLayout: Sendable {
    /// One range per unit into a global numbering.
    struct Ranges: Sendable {
        var start: [Int]
        var count: [Int]

        /// The unit of global index `i` (binary search over the starts).
        func unit(of i: Int) -> Int {
            var lo = 0
            var hi = start.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if start[mid] <= i { lo = mid } else { hi = mid - 1 }
            }
            return lo
        }
    }

    let units: Int
    let persons: Ranges
    let secrets: Ranges
    let carriers: Ranges
    let today: Day
    let levels: [Level]

    init(_ o: BenchSeedOptions, today: Day, systemLevel: Level) {
        units = o.units
        // Unit 0 (the administration) has a few staff and no registers; unit 1 has a tenth of everything.
        persons = Self.split(o.persons, units: o.units, administration: max(10, o.persons / 1000))
        secrets = Self.split(o.secrets, units: o.units, administration: 0)
        carriers = Self.split(o.carriers, units: o.units, administration: 0)
        self.today = today
        levels = Level.allCases.filter { $0 <= systemLevel }
    }

    static func split(_ total: Int, units: Int, administration: Int) -> Ranges {
        let big = max(total / 10, min(total, 8))
        let rest = max(total - administration - big, 0)
        let others = units - 2
        var count = [administration, big]
        for i in 0..<others { count.append(rest / others + (i < rest % others ? 1 : 0)) }
        count[1] = total - administration - count.dropFirst(2).reduce(0, +)
        var start: [Int] = []
        var next = 0
        for c in count {
            start.append(next)
            next += c
        }
        return Ranges(start: start, count: count)
    }

    /// Persons of a unit by local index: 0 is the unit's 保密员, 1 a 承办人, 2 the 定密责任人 (and leader); then
    /// a tenth 核心, four tenths 重要, four tenths 一般 and the rest 非涉密.
    func tier(local: Int, count: Int) -> ClearanceTier {
        if local == 0 || local == 2 { return .core }
        if local == 1 { return .important }
        let f = Double(local) / Double(count)
        return f < 0.1 ? .core : f < 0.5 ? .important : f < 0.9 ? .general : .none
    }

    /// How many of a unit's first persons are cleared for `level` (the tiers above are in that order).
    func cleared(for level: Level, count: Int) -> Int {
        let n =
            switch level {
            case .secret: Int(Double(count) * 0.9)
            case .confidential: Int(Double(count) * 0.5)
            case .topSecret: Int(Double(count) * 0.1)
            }
        return max(min(n, count), min(3, count))
    }

    /// The global person index of `local` in unit `u`.
    func person(_ u: Int, _ local: Int) -> Int { persons.start[u] + local }
}
