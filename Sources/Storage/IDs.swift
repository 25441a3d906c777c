import Foundation
import Kernel

/// Identifiers and tokens.
public enum IDs {
    /// A new record id (lower-case UUID).
    public static func make() -> String {
        UUID().uuidString.lowercased()
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
