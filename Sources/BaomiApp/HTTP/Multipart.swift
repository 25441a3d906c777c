import Foundation
import Hummingbird
import Kernel

/// A `multipart/form-data` body (a file upload form): its text fields and its files' bytes, by field name.
public struct MultipartForm: Sendable {
    var fields: [String: String] = [:]
    var files: [String: (filename: String, data: [UInt8])] = [:]

    /// Reads and parses a request body of at most `limit` bytes; a body that is not multipart is a 400.
    static func from(_ request: Request, limit: Int = 20 * 1024 * 1024) async throws -> MultipartForm {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let range = type.range(of: "boundary=")
        else {
            throw Refusal.invalid("file", "请以文件上传方式提交（multipart/form-data）")
        }
        var boundary = String(type[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        // RFC 2046: a boundary is 1 to 70 characters.
        guard (1...70).contains(boundary.utf8.count) else { throw Refusal.invalid("file", "上传内容的分隔符（boundary）无效") }
        let buffer = try await collectBody(request, limit: limit)
        return parse(Array(buffer.readableBytesView), boundary: boundary)
    }

    static func parse(_ body: [UInt8], boundary: String) -> MultipartForm {
        var form = MultipartForm()
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [ArraySlice<UInt8>] = []
        var positions: [Int] = []
        var i = 0
        while let found = find(delimiter, in: body, from: i) {
            positions.append(found)
            i = found + delimiter.count
        }
        for (n, start) in positions.enumerated() where n + 1 < positions.count {
            var from = start + delimiter.count
            if from + 1 < body.count && body[from] == 13 && body[from + 1] == 10 { from += 2 }
            var to = positions[n + 1]
            if to >= 2 && body[to - 2] == 13 && body[to - 1] == 10 { to -= 2 }
            if from <= to { parts.append(body[from..<to]) }
        }
        for part in parts {
            let separator: [UInt8] = [13, 10, 13, 10]
            let bytes = Array(part)
            guard let headerEnd = find(separator, in: bytes, from: 0) else { continue }
            let headers = String(decoding: bytes[0..<headerEnd], as: UTF8.self)
            let content = Array(bytes[(headerEnd + 4)...])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition") }) else { continue }
            func parameter(_ key: String) -> String? {
                guard let r = disposition.range(of: "\(key)=\"") else { return nil }
                let rest = disposition[r.upperBound...]
                return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
            }
            guard let name = parameter("name") else { continue }
            if let filename = parameter("filename") {
                form.files[name] = (filename, content)
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    /// The first place of `needle` in `haystack` at or after `start`, by Knuth–Morris–Pratt: linear in the haystack
    /// whatever the bytes (a body of dashes against a long boundary costs what any body of its size costs, issue 9 #2).
    public static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, start >= 0, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        var matched = 0
        for i in start..<haystack.count {
            while matched > 0 && haystack[i] != needle[matched] { matched = failure[matched - 1] }
            if haystack[i] == needle[matched] { matched += 1 }
            if matched == needle.count { return i - needle.count + 1 }
        }
        return nil
    }
}
