import Foundation
import XMLCoder
import ZIPFoundation

extension Tabular {
    /// The first worksheet of an XLSX workbook (Office Open XML, as Excel and WPS save it): shared and inline strings,
    /// numbers as written, each row with its own row number so a problem names the row the user sees. Cells missing in
    /// a row are empty; blank rows are skipped.
    public static func xlsx(_ data: Data) throws(Unreadable) -> [Record] {
        let unreadable = Unreadable(line: 1, message: "文件不是有效的 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中另存为“Excel 工作簿”后再导入")
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw unreadable }
        // A workbook is read within a budget of decompressed bytes, so a small upload cannot expand without end.
        let budget = Self.decompressedLimit
        func read(_ path: String) throws(Unreadable) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= Int64(budget) else { throw Unreadable(line: 1, message: "工作簿过大：解压后超过\(budget / 1_048_576) MB") }
            var out = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    out.append(chunk)
                    if out.count > budget { throw Unreadable(line: 1, message: "工作簿过大：解压后超过\(budget / 1_048_576) MB") }
                }
            } catch let error as Unreadable { throw error } catch { throw unreadable }
            return out
        }
        let sheetPath =
            archive[Self.firstSheet] != nil
            ? Self.firstSheet : archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted().first
        guard let sheetPath, let sheetData = try read(sheetPath) else { throw unreadable }
        let decoder = XMLDecoder()
        decoder.shouldProcessNamespaces = true
        var shared: [String] = []
        if let sst = try read("xl/sharedStrings.xml") {
            do { shared = try decoder.decode(SharedStrings.self, from: sst).si?.map(\.text) ?? [] } catch { throw unreadable }
        }
        let sheet: Worksheet
        do { sheet = try decoder.decode(Worksheet.self, from: sheetData) } catch { throw unreadable }
        var records: [Record] = []
        for (index, row) in (sheet.sheetData.row ?? []).enumerated() {
            var cells: [String] = []
            for (position, cell) in (row.c ?? []).enumerated() {
                var column = position
                if let reference = cell.r {
                    // Excel's last column is XFD (16,384); a reference beyond it is not a worksheet's.
                    guard let c = Self.column(of: reference), c < Self.maxColumns else { throw unreadable }
                    column = c
                }
                while cells.count < column { cells.append("") }
                let text: String
                switch cell.t {
                case "s": text = Int(cell.v?.value ?? "").flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
                case "inlineStr": text = cell.is?.text ?? ""
                default: text = cell.v?.value ?? ""
                }
                if cells.count == column { cells.append(text) } else { cells[column] = text }
            }
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            records.append(Record(line: row.r ?? index + 1, cells: cells))
        }
        return records
    }

    static let firstSheet = "xl/worksheets/sheet1.xml"
    /// Decompressed bytes read from one workbook part at most.
    static let decompressedLimit = 256 * 1_048_576
    /// Columns of a worksheet (A … XFD).
    static let maxColumns = 16_384

    /// The zero-based column of a cell reference (`A1` → 0, `AB7` → 27).
    static func column(of reference: String) -> Int? {
        var n = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            guard letters < 3 else { return nil }
            n = n * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : n - 1
    }

    /// An element's text, whatever its attributes (`<t xml:space="preserve">`).
    struct Text: Decodable {
        let value: String
        enum CodingKeys: String, CodingKey { case value = "" }
        init(from decoder: any Decoder) throws {
            value = (try? decoder.container(keyedBy: CodingKeys.self).decode(String.self, forKey: .value)) ?? ""
        }
    }
    struct Run: Decodable { let t: Text? }
    struct StringItem: Decodable {
        let t: Text?
        let r: [Run]?
        var text: String { t?.value ?? (r ?? []).compactMap(\.t?.value).joined() }
    }
    struct SharedStrings: Decodable { let si: [StringItem]? }
    struct Cell: Decodable {
        let r: String?
        let t: String?
        let v: Text?
        let `is`: StringItem?
    }
    struct Row: Decodable {
        let r: Int?
        let c: [Cell]?
    }
    struct SheetData: Decodable { let row: [Row]? }
    struct Worksheet: Decodable { let sheetData: SheetData }
}
