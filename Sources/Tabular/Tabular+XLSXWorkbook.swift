import Foundation
import Kernel

#if canImport(FoundationXML)
    import FoundationXML
#endif

// What a workbook says about its sheets and dates, read before its first sheet: the sheets' order and visibility
// (`xl/workbook.xml` and its relationships), the date system, and which cell styles show a date (`xl/styles.xml`).

/// A workbook's dates: its date system and the cell styles (`cellXfs` indexes) whose number format is a date.
struct DateSystem {
    /// Serial 0 is 1904-01-01 (a workbook saved with the Mac date system), not 1899-12-30.
    let date1904: Bool
    let styles: Set<Int>

    /// The ISO date of a serial number (its fraction, the time of day, dropped); nil when it is none.
    func isoDate(serial text: String) -> String? { Double(text).flatMap { Day(serial: $0, date1904: date1904) }?.iso }

    /// The ISO date of a date cell's ISO 8601 value (`2025-03-01`, `2025-03-01T00:00:00Z`).
    func isoDate(written text: String) -> String? { Day(iso: String(text.prefix(10)))?.iso }

    /// Number formats Excel builds in that show a date (14–17, 22; the CJK dates 27–31, 36, 50–54, 57, 58 — not the
    /// CJK formats of a time alone, 32–35, 55 and 56).
    static let builtInDates: Set<Int> = Set([14, 15, 16, 17, 22, 36, 57, 58]).union(27...31).union(50...54)

    /// Whether a format code shows a date: a year or day code outside quoted text, `[…]` sections and escapes.
    static func isDate(formatCode code: String) -> Bool {
        var plain = ""
        var quoted = false
        var bracket = false
        var escaped = false
        for ch in code {
            if escaped {
                escaped = false
                continue
            }
            switch ch {
            case "\\" where !quoted: escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket { plain.append(ch) }
            }
        }
        let lower = plain.lowercased().replacingOccurrences(of: "general", with: "")
        return lower.contains("y") || lower.contains("d")
    }
}

/// `xl/workbook.xml`: the first visible sheet in the workbook's order (its relationship id) — a hidden one holds a
/// template's lists, not the table — and the date system.
final class WorkbookReader: PartReader {
    var firstSheet: String?
    var date1904 = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "sheet" where firstSheet == nil && !["hidden", "veryHidden"].contains(attributes["state"] ?? ""):
            firstSheet = attributes.first { $0.key == "r:id" || $0.key.hasSuffix(":id") }?.value
        case "workbookPr":
            date1904 = ["1", "true"].contains(attributes["date1904"] ?? "")
        default: break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: each relationship's target by its id.
final class RelationshipsReader: PartReader {
    var targets: [String: String] = [:]

    override func start(_ name: String, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// `xl/styles.xml`: which cell styles (`cellXfs`, by index) format a number as a date.
final class StylesReader: PartReader {
    var dateStyles: Set<Int> = []
    private var customDates: Set<Int> = []
    private var inCellXfs = false
    private var index = 0

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), DateSystem.isDate(formatCode: attributes["formatCode"] ?? "") {
                customDates.insert(id)
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let format = attributes["numFmtId"].flatMap { Int($0) } ?? 0
            if DateSystem.builtInDates.contains(format) || customDates.contains(format) { dateStyles.insert(index) }
            index += 1
        default: break
        }
    }

    override func end(_ name: String) {
        if name == "cellXfs" { inCellXfs = false }
    }
}
