import Foundation
import Kernel

/// Identifiers and tokens.
public enum IDs {
    /// A new record id: a lower-case UUID of version 7 (RFC 9562) — its first 48 bits the time in milliseconds, 74 of
    /// the rest random — so that ids made one after another sort one after another. A new record's id then goes at the
    /// end of every index on ids, where a random one lands on any page of it: at a million records, a page read and
    /// written per index per row of an import.
    public static func make(at date: Date = Date()) -> String {
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var generator = SystemRandomNumberGenerator()
        let random = generator.next() as UInt64
        let more = generator.next() as UInt16
        var b = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { b[i] = UInt8(truncatingIfNeeded: millis >> (8 * (5 - i))) }
        b[6] = 0x70 | UInt8(truncatingIfNeeded: more >> 12)  // version 7, then 4 random bits
        b[7] = UInt8(truncatingIfNeeded: more)
        b[8] = 0x80 | UInt8(truncatingIfNeeded: random >> 58)  // variant 10, then 6 random bits
        for i in 9..<16 { b[i] = UInt8(truncatingIfNeeded: random >> (8 * (15 - i))) }
        let uuid = UUID(uuid: (b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]))
        return uuid.uuidString.lowercased()
    }

    /// A random token of `bytes` bytes, hex-encoded (session cookies, API tokens, CSRF tokens).
    public static func token(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return Digits.hex((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A random password satisfying R-DV-3 at any level (16 characters, four classes).
    public static func password() -> String {
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), lower = Array("abcdefghijkmnpqrstuvwxyz")
        let digits = Array("23456789"), symbols = Array("-_.!@#%+=")
        var chars: [Character] = [upper.randomElement()!, lower.randomElement()!, digits.randomElement()!, symbols.randomElement()!]
        let all = upper + lower + digits
        for _ in 0..<12 { chars.append(all.randomElement()!) }
        return String(chars.shuffled())
    }
}
