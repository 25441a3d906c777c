import Foundation
import HTTPTypes
import Hummingbird

/// A parsed `application/x-www-form-urlencoded` body or query string, keeping repeated keys (check boxes).
struct FormData: Sendable {
    private var values: [String: [String]] = [:]

    init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.decode(String(parts[0]))
            let value = parts.count > 1 ? Self.decode(String(parts[1])) : ""
            values[key, default: []].append(value)
        }
    }

    private static func decode(_ s: String) -> String {
        s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? s
    }

    /// The first value of a field.
    subscript(_ key: String) -> String? { values[key]?.first }

    /// Every value of a field.
    func all(_ key: String) -> [String] { values[key] ?? [] }

    /// Reads a request body (at most 2 MB).
    static func from(_ request: Request) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: 2 * 1024 * 1024)
        return FormData(encoded: String(buffer: buffer))
    }

    /// Reads a query string.
    static func query(_ request: Request) -> FormData {
        FormData(encoded: request.uri.query ?? "")
    }
}
