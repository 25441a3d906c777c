import Foundation
import Kernel

/// A small deterministic generator (SplitMix64): the same seed gives the same data set on every machine.
///
/// Each record draws from its own generator seeded with the record's index, so a record does not depend on how the
/// load is cut into batches.
struct SeedRandom {
    private var mix: SplitMix64

    /// A generator for record `index` of stream `stream` under the run's `seed`.
    init(seed: UInt64, stream: UInt64, index: Int) {
        mix = SplitMix64(seed: seed &+ stream &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        _ = next()
    }

    mutating func next() -> UInt64 { mix.next() }

    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One of `items`, chosen by the cumulative `weights` (same length).
    mutating func pick<T>(_ items: [T], weights: [Double]) -> T {
        var x = unit() * weights.reduce(0, +)
        for (item, weight) in zip(items, weights) {
            if x < weight { return item }
            x -= weight
        }
        return items[items.count - 1]
    }

    /// `count` distinct numbers of `0..<upper` (count ≤ upper), in ascending order.
    mutating func distinct(_ count: Int, below upper: Int) -> [Int] {
        var chosen = Set<Int>()
        let wanted = min(count, upper)
        while chosen.count < wanted { chosen.insert(int(0...(upper - 1))) }
        return chosen.sorted()
    }
}

/// Deterministic record ids in the UUID text form the application uses. `kind` tells the tables apart; ids of one
/// kind sort in index order, so primary-key indexes grow at their end during the load.
enum SeedID {
    static let unit: UInt32 = 0xB0_0001
    static let department: UInt32 = 0xB0_0002
    static let person: UInt32 = 0xB0_0003
    static let user: UInt32 = 0xB0_0004
    static let secret: UInt32 = 0xB0_0005
    static let carrier: UInt32 = 0xB0_0006
    static let safe: UInt32 = 0xB0_0007
    static let event: UInt32 = 0xB0_0008
    static let catalogue: UInt32 = 0xB0_0009
    static let officer: UInt32 = 0xB0_000A
    static let finding: UInt32 = 0xB0_000B
    static let carrierEvent: UInt32 = 0xB0_000C
    static let incident: UInt32 = 0xB0_000D
    static let post: UInt32 = 0xB0_0010
    static let review: UInt32 = 0xB0_0011
    static let commitment: UInt32 = 0xB0_0012
    static let trip: UInt32 = 0xB0_0013
    static let reportableEvent: UInt32 = 0xB0_0014
    static let departure: UInt32 = 0xB0_0015
    static let trainingClass: UInt32 = 0xB0_0016

    private static let digits = Array("0123456789abcdef".utf8)

    /// `00b00005-0000-4000-8000-00000000002a` for secret 42.
    static func make(_ kind: UInt32, _ index: Int) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 36)
        func put(_ value: UInt64, at offset: Int, width: Int) {
            var v = value
            for i in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[i] = digits[Int(v & 0xF)]
                v >>= 4
            }
        }
        put(UInt64(kind), at: 0, width: 8)
        for dash in [8, 13, 18, 23] { bytes[dash] = UInt8(ascii: "-") }
        bytes[14] = UInt8(ascii: "4")
        bytes[19] = UInt8(ascii: "8")
        put(UInt64(index), at: 24, width: 12)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// SQL literals for generated values (never user input): the same text on SQLite and PostgreSQL.
enum SQLText {
    /// A quoted text literal.
    static func q(_ s: String) -> String {
        // A byte scan: `String.contains(_:)` goes through Foundation's locale-aware search, far too slow per value.
        guard s.utf8.contains(UInt8(ascii: "'")) else { return "'" + s + "'" }
        return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A day as a quoted `'YYYY-MM-DD'` literal, or NULL.
    static func q(day: Day?) -> String { day.map { "'\($0.iso)'" } ?? "NULL" }

    /// A quoted text literal or NULL.
    static func q(_ s: String?) -> String { s.map { q($0) } ?? "NULL" }

    /// A number or NULL.
    static func n(_ v: Int?) -> String { v.map { String($0) } ?? "NULL" }

    /// A 64-bit number.
    static func n(_ v: Int64) -> String { String(v) }

    /// Lower-case hex of bytes.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
