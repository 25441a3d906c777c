import Foundation

/// Tables that users bring from their paper-era registers: CSV text and XLSX workbooks (Excel and WPS save both). One
/// reader for every area's import, so each area checks rows, never file formats.
public enum Tabular {
    /// A record of the file with the line (CSV) or row number (XLSX) it starts on.
    public struct Record: Sendable, Hashable {
        /// The line the record starts on (a quoted CSV cell may run over several lines; an XLSX row keeps its number).
        public var line: Int
        /// The cells in column order, quotes removed.
        public var cells: [String]

        /// A record of `cells` starting on `line`.
        public init(line: Int, cells: [String]) {
            self.line = line
            self.cells = cells
        }
    }

    /// One bad row of an import (or its header, line 1): the line in the file, the column, the reason in Chinese — the
    /// line-numbered report every import gives (carriers, the roster, training records), and its API's `problems`.
    public struct Problem: Sendable, Hashable, Codable {
        /// The line (CSV) or row (XLSX) in the file: 1 for the header; a row's first line when a quoted cell spans lines.
        public var line: Int
        /// The column's machine name, or `header`, `row` or `file` for a problem of the whole.
        public var field: String
        /// What is wrong, in Chinese; a cell's problem starts with its column's header.
        public var message: String

        /// Creates a problem of one line.
        public init(line: Int, field: String, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }
    }

    /// A file that cannot be read as a table at all.
    public struct Unreadable: Error, Sendable, Hashable {
        /// The line it concerns (1 when the whole file).
        public var line: Int
        /// What is wrong, in Chinese.
        public var message: String
    }

    /// RFC 4180 CSV (quotes, doubled quotes, CR LF or LF, a UTF-8 BOM); each record with the line it starts on.
    /// Blank lines are skipped. A quote left open is `Unreadable` on the line it starts on.
    public static func csv(_ text: String) -> (records: [Record], problem: Unreadable?) {
        var records: [Record] = []
        var cells: [String] = []
        var cell = ""
        var inQuotes = false
        var line = 1
        var start = 1
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        func endRecord() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].isEmpty) { records.append(Record(line: start, cells: cells)) }
            cells = []
            cell = ""
        }
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" {
                        cell.unicodeScalars.append("\"")
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                inQuotes = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 1 }
                endRecord()
                line += 1
                start = line
            } else {
                cell.unicodeScalars.append(c)
            }
            i += 1
        }
        if inQuotes { return (records, Unreadable(line: start, message: "第\(start)行起的引号未闭合")) }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        return (records, nil)
    }

    /// Whether bytes are a ZIP container (an XLSX workbook starts with `PK\u{3}\u{4}`).
    public static func isZIP(_ data: Data) -> Bool { data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) }
}
