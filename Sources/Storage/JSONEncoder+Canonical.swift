import Foundation

extension JSONEncoder {
    /// Sorted keys, no escaping of slashes: stable text for storage and hashing.
    public static var canonical: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
