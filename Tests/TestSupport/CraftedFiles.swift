import Foundation
import ZIPFoundation

/// Files an attacker would upload to an import: each small, each asking for far more work or memory than its size
/// if read without bounds. The CI's API fuzz sends the same shapes (`scripts/crafted-imports.py`).
package enum CraftedFiles {
    /// A workbook of `parts` (path, text), deflated as Excel saves it.
    package static func workbook(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let sheetStart =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    static let sheetEnd = "</sheetData></worksheet>"

    /// A sheet of `rows` rows, each with one cell in the last column (XFD): unbounded, every row asks for 16,384 cells.
    package static func farColumn(rows: Int = 3_000) throws -> Data {
        var sheet = sheetStart
        for r in 1...rows { sheet += #"<row r="\#(r)"><c r="XFD\#(r)" t="inlineStr"><is><t>x</t></is></c></row>"# }
        return try workbook([("xl/worksheets/sheet1.xml", sheet + sheetEnd)])
    }

    /// One row of `megabytes` MB of empty cells `<c></c>`: a few dozen KB zipped.
    package static func wideRow(megabytes: Int = 60) throws -> Data {
        let cell = "<c></c>"
        let cells = String(repeating: cell, count: megabytes * 1_048_576 / cell.utf8.count)
        return try workbook([("xl/worksheets/sheet1.xml", sheetStart + #"<row r="1">"# + cells + "</row>" + sheetEnd)])
    }

    /// Shared strings of `count` one-letter strings, and a sheet using the first.
    package static func manySharedStrings(count: Int) throws -> Data {
        let sst = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + String(repeating: "<si><t>x</t></si>", count: count) + "</sst>"
        let sheet = sheetStart + #"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"# + sheetEnd
        return try workbook([("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet)])
    }

    /// A sheet of `megabytes` MB of blank space between rows: nothing but decompressed bytes.
    package static func blankSheet(megabytes: Int) throws -> Data {
        let blank = String(repeating: " ", count: megabytes * 1_048_576)
        return try workbook([("xl/worksheets/sheet1.xml", sheetStart + blank + sheetEnd)])
    }

    /// The classic entity expansion ("billion laughs") in a worksheet.
    package static func entityExpansion() throws -> Data {
        var doctype = #"<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a0 "ha">"#
        for i in 1...9 { doctype += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        doctype += "]>"
        let sheet = doctype + #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a9;</t></is></c></row></sheetData></worksheet>"#
        return try workbook([("xl/worksheets/sheet1.xml", sheet)])
    }

    /// A one-line CSV of `columns` empty columns (1 MB for 500,000).
    package static func wideCSV(columns: Int = 500_000) -> Data {
        Data(("姓名" + String(repeating: ",", count: columns - 1) + "\r\n").utf8)
    }
}
