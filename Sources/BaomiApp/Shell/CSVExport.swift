import Foundation
import HTTPTypes
import Hummingbird
import Storage

/// 导出 — a register as CSV (UTF-8 with a BOM, as Excel and WPS open it), streamed page by page (issue 11): the
/// server holds one page of 500 rows at a time, however long the register; every page is read through the same
/// service call as the screen (R-KS-4 filtering, the listing's audit entry).
enum CSVExport {
    /// Rows per page read while streaming.
    static let pageSize = PageRequest.maxLimit

    /// One CSV field, quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-` or `@` is
    /// prefixed with `'` so a spreadsheet never runs it as a formula.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The CSV line of `fields`, ended by CRLF.
    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    /// A streamed download named `filename`: the header, then the rows of each page `read` returns, until there is no
    /// next page.
    static func response(
        filename: String, header: [String], read: @escaping @Sendable (PageRequest) async throws -> (rows: [[String]], next: PageCursor?)
    ) -> Response {
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export.csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"export.csv\"; filename*=UTF-8''\(encoded)",
                .cacheControl: "no-store",
            ],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "\u{FEFF}" + line(header)))
                var request = PageRequest(limit: pageSize)
                while true {
                    let page = try await read(request)
                    try await writer.write(ByteBuffer(string: page.rows.map(line).joined()))
                    guard let next = page.next else { break }
                    request = PageRequest(limit: pageSize, cursor: next)
                }
                try await writer.finish(nil)
            })
    }
}
