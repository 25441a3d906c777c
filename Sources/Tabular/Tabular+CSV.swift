import Foundation

extension Tabular {
    /// RFC 4180 CSV (quotes, doubled quotes, CR LF or LF, a UTF-8 BOM) read from its bytes, one record at a time: each
    /// record goes to `body` with the line it starts on, and nothing of the file is kept. Blank lines are skipped.
    /// A quote left open, or a cell that is not UTF-8, is `Failure.unreadable` on its line; a file beyond `limits` is
    /// `Failure.limit` as soon as the limit is reached.
    public static func csv(
        _ bytes: UnsafeRawBufferPointer, limits: Limits, counters: inout Counters, _ body: (Record) -> Void
    ) throws(Failure) {
        var reader = CSVReader(limits: limits, counters: counters)
        defer { counters = reader.counters }
        try reader.read(bytes, body)
    }

    /// `csv(_:limits:counters:_:)` over `data`.
    public static func csv(_ data: Data, limits: Limits, counters: inout Counters, _ body: (Record) -> Void) throws(Failure) {
        let result: Result<Void, Failure> = data.withUnsafeBytes { raw in
            do throws(Failure) {
                return .success(try csv(raw, limits: limits, counters: &counters, body))
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// `csv(_:limits:counters:_:)` over the UTF-8 of `text` (a CSV given in a JSON body).
    public static func csv(_ text: String, limits: Limits, counters: inout Counters, _ body: (Record) -> Void) throws(Failure) {
        var text = text
        let result: Result<Void, Failure> = text.withUTF8 { utf8 in
            do throws(Failure) {
                return .success(try csv(UnsafeRawBufferPointer(utf8), limits: limits, counters: &counters, body))
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}

/// The CSV state machine over bytes: a cell's bytes are gathered in one reused buffer and become a `String` only
/// once whole (and valid UTF-8), so reading costs one pass and the record being read.
struct CSVReader {
    let limits: Tabular.Limits
    var counters: Tabular.Counters
    private var cells: [String] = []
    private var cell: [UInt8] = []
    private var line = 1
    private var start = 1
    /// Records given to the body: the header and the data rows.
    private var records = 0

    init(limits: Tabular.Limits, counters: Tabular.Counters) {
        self.limits = limits
        self.counters = counters
    }

    mutating func read(_ bytes: UnsafeRawBufferPointer, _ body: (Tabular.Record) -> Void) throws(Tabular.Failure) {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var i = 0
        let n = bytes.count
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        var inQuotes = false
        while i < n {
            let c = bytes[i]
            if inQuotes {
                if c == quote {
                    if i + 1 < n && bytes[i + 1] == quote {
                        try append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == lf { line += 1 }
                    try append(c)
                }
            } else if c == quote && cell.isEmpty {
                inQuotes = true
            } else if c == comma {
                try endCell()
            } else if c == cr || c == lf {
                if c == cr && i + 1 < n && bytes[i + 1] == lf { i += 1 }
                try endRecord(body)
                line += 1
                start = line
            } else {
                try append(c)
            }
            i += 1
        }
        if inQuotes { throw .unreadable(.init(line: start, message: "第\(start)行起的引号未闭合")) }
        if !cell.isEmpty || !cells.isEmpty { try endRecord(body) }
    }

    private mutating func append(_ byte: UInt8) throws(Tabular.Failure) {
        guard cell.count < limits.cellBytes else { throw limit(.cellBytes, limits.cellBytes) }
        cell.append(byte)
    }

    private mutating func endCell() throws(Tabular.Failure) {
        guard let text = String(validating: cell, as: UTF8.self) else {
            throw .unreadable(.init(line: start, message: "第\(start)行不是 UTF-8 编码：请在 Excel 中“另存为 CSV UTF-8（逗号分隔）”后再导入"))
        }
        cell.removeAll(keepingCapacity: true)
        cells.append(text)
        counters.cells += 1
        guard cells.count <= limits.columns else { throw limit(.columns, limits.columns) }
        guard counters.cells <= limits.cells else { throw limit(.cells, limits.cells) }
    }

    private mutating func endRecord(_ body: (Tabular.Record) -> Void) throws(Tabular.Failure) {
        try endCell()
        counters.rows += 1
        if !(cells.count == 1 && cells[0].isEmpty) {
            // The header and `rows` data rows.
            records += 1
            guard records <= limits.rows + 1 else { throw limit(.rows, limits.rows) }
            body(Tabular.Record(line: start, cells: cells))
        }
        cells.removeAll(keepingCapacity: true)
    }

    private func limit(_ which: Tabular.Limit, _ bound: Int) -> Tabular.Failure {
        .limit(.init(limit: which, bound: bound, line: start, counters: counters))
    }
}
