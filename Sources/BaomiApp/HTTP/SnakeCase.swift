import Foundation

/// `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`, written byte by byte into the output.
///
/// The words are split where Foundation splits them: before an uppercase letter, and before the last uppercase letter of
/// a run that a lowercase letter follows (`personID` → `person_id`, `aURLThing` → `a_url_thing`); each word is
/// lowercased and the words are joined with `_`. An ASCII key (every key a Swift type declares here) is converted
/// without building a string; any other key (or one that needs escaping) goes through `String`, with the same rule.
enum SnakeCase {
    static func write(_ key: String, into bytes: inout [UInt8]) {
        var key = key
        let ascii = key.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) else { return false }
            writeASCII(utf8, into: &bytes)
            return true
        }
        if !ascii { bytes.append(contentsOf: escapedConverted(key).utf8) }
    }

    /// The converted key as a string (a dictionary's keys, which are sorted after conversion).
    static func converted(_ key: String) -> String {
        var bytes: [UInt8] = []
        write(key, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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

    /// Foundation's own algorithm over characters, for keys with non-ASCII letters; escaped for a JSON string.
    private static func escapedConverted(_ key: String) -> String {
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
        let converted = words.map { key[$0].lowercased() }.joined(separator: "_")
        let out = JSONOutput()
        out.writeEscaped(converted)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
