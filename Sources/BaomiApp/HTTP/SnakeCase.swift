import Foundation

/// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`.
///
/// The words are split where Foundation splits them: before an uppercase letter, and before the last uppercase letter of
/// a run that a lowercase letter follows (`personID` → `person_id`, `aURLThing` → `a_url_thing`); each word is
/// lowercased and the words are joined with `_`. A plain ASCII key (every key a Swift type declares here) is converted
/// straight into the output; any other goes through `String`, with the same rule. Escaping is the writer's.
enum SnakeCase {
    /// Writes `key` converted when it is plain ASCII that needs no escaping in JSON; writes nothing and answers false
    /// otherwise.
    static func writePlain(_ key: String, into bytes: inout [UInt8]) -> Bool {
        var key = key
        return key.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            writeASCII(utf8, into: &bytes)
            return true
        }
    }

    /// The converted key, unescaped.
    static func converted(_ key: String) -> String {
        var bytes: [UInt8] = []
        return writePlain(key, into: &bytes) ? String(decoding: bytes, as: UTF8.self) : foundationConverted(key)
    }

    private static func isUpper(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    private static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }

    private static func writeASCII(_ key: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8]) {
        let n = key.count
        guard n > 0 else { return }
        var first = true
        func word(_ range: Range<Int>) {
            if !first { bytes.append(UInt8(ascii: "_")) }
            first = false
            for i in range { bytes.append(isUpper(key[i]) ? key[i] + 32 : key[i]) }
        }
        var wordStart = 0
        var search = 1
        while let upper = (search..<n).first(where: { isUpper(key[$0]) }) {
            word(wordStart..<upper)
            guard let lower = (upper..<n).first(where: { isLower(key[$0]) }) else {
                wordStart = upper
                break
            }
            if lower == upper + 1 {
                wordStart = upper
            } else {
                word(upper..<(lower - 1))
                wordStart = lower - 1
            }
            search = lower + 1
        }
        word(wordStart..<n)
    }

    /// Foundation's own algorithm over characters, for keys with non-ASCII letters or characters JSON escapes.
    private static func foundationConverted(_ key: String) -> String {
        var words: [Range<String.Index>] = []
        var wordStart = key.startIndex
        var searchRange = key.index(after: wordStart)..<key.endIndex
        while let upper = key.rangeOfCharacter(from: .uppercaseLetters, options: [], range: searchRange) {
            words.append(wordStart..<upper.lowerBound)
            searchRange = upper.lowerBound..<searchRange.upperBound
            guard let lower = key.rangeOfCharacter(from: .lowercaseLetters, options: [], range: searchRange) else {
                wordStart = searchRange.lowerBound
                break
            }
            if lower.lowerBound == key.index(after: upper.lowerBound) {
                wordStart = upper.lowerBound
            } else {
                let beforeLower = key.index(before: lower.lowerBound)
                words.append(upper.lowerBound..<beforeLower)
                wordStart = beforeLower
            }
            searchRange = lower.upperBound..<searchRange.upperBound
        }
        words.append(wordStart..<searchRange.upperBound)
        return words.map { key[$0].lowercased() }.joined(separator: "_")
    }
}
