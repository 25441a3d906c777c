import Foundation
import HTTPTypes
import Hummingbird

/// A parsed `application/x-www-form-urlencoded` body or query string, keeping repeated keys (check boxes).
package struct FormData: Sendable {
    private var values: [String: [String]] = [:]

    /// Parses an encoded form or query string.
    package init(encoded: String) {
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
    package subscript(_ key: String) -> String? { values[key]?.first }

    /// Every value of a field.
    package func all(_ key: String) -> [String] { values[key] ?? [] }

    /// The query string again with `key` set to `value` (nil: removed), the other fields kept — for the pager's links.
    func replacing(_ key: String, with value: String?) -> String {
        var copy = values
        copy[key] = value.map { [$0] }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return copy.keys.sorted().flatMap { k in (copy[k] ?? []).filter { !$0.isEmpty }.map { "\(encode(k))=\(encode($0))" } }.joined(separator: "&")
    }

    /// The body limit of a web form (a form's text fields; uploads go through `MultipartForm`).
    package static let bodyLimit = 256 * 1024

    /// Reads a request body (at most `limit` bytes; more is a 413 naming the limit).
    package static func from(_ request: Request, limit: Int = bodyLimit) async throws -> FormData {
        FormData(encoded: String(buffer: try await collectBody(request, limit: limit)))
    }

    /// Reads a query string.
    package static func query(_ request: Request) -> FormData {
        FormData(encoded: request.uri.query ?? "")
    }
}

/// Reads a body of at most `limit` bytes; a larger one is refused with 413 naming the limit in Chinese.
func collectBody(_ request: Request, limit: Int) async throws -> ByteBuffer {
    do {
        return try await request.body.collect(upTo: limit)
    } catch  where ErrorMapping.httpStatus(error) == .contentTooLarge {
        throw TransportRefusal.tooLarge(limit: limit)
    }
}
