import CarrierServices
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import SQLKit
import Storage
import Tabular
import TestSupport
import Testing
import ZIPFoundation

/// Import of a paper-era 涉密人员名单 and training records, from CSV and from XLSX (Excel and WPS save both).
@Suite("涉密人员 — roster and training import")
struct RosterImportTests {
    static let header = ["姓名", "涉密岗位", "岗位涉及最高密级", "涉密等级", "上岗日期", "审查日期", "承诺书签订日期", "要害部门部位"]

    /// `rows` roster rows; the lines in `bad` (line 1 is the header) break a rule each.
    static func table(rows: Int, bad: Set<Int>) -> [[String]] {
        var table = [header]
        for n in 1...rows {
            let line = n + 1
            var row = [
                "导入人员\(n)", n % 2 == 0 ? "科研岗" : "综合岗", n % 2 == 0 ? "机密" : "秘密", n % 2 == 0 ? "重要" : "一般", "2025-03-01", "2025-02-20", "2025-02-21", "否",
            ]
            if bad.contains(line) {
                switch line % 3 {
                case 0: row[3] = n % 2 == 0 ? "核心" : "重要"  // R-PE-10: above the post's tier
                case 1: row[5] = "2025-03-02"  // R-PE-2: reviewed after taking up the post
                default: row[0] = "查无此人\(n)"  // not a person of the unit
                }
            }
            table.append(row)
        }
        return table
    }

    static func csv(_ table: [[String]]) -> Data { Data(table.map { $0.joined(separator: ",") }.joined(separator: "\r\n").utf8) }

    /// A minimal workbook as Excel writes it: inline strings in the sheet, the header through the shared strings.
    static func xlsx(_ table: [[String]]) throws -> Data {
        func col(_ i: Int) -> String { i < 26 ? String(UnicodeScalar(65 + i)!) : "A" + String(UnicodeScalar(65 + i - 26)!) }
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;") }
        var sheet =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in table.enumerated() {
            sheet += #"<row r="\#(r + 1)">"#
            for (c, value) in row.enumerated() {
                if r == 0 {
                    sheet += #"<c r="\#(col(c))\#(r + 1)" t="s"><v>\#(c)</v></c>"#
                } else {
                    sheet += #"<c r="\#(col(c))\#(r + 1)" t="inlineStr"><is><t>\#(esc(value))</t></is></c>"#
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        var sst = #"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        sst += table[0].map { "<si><t>\(esc($0))</t></si>" }.joined() + "</sst>"
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in [
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", #"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"#),
            ("xl/sharedStrings.xml", sst), ("xl/worksheets/sheet1.xml", sheet),
        ] {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    /// The unit's persons named in the file (导入人员1 …).
    static func addPersons(_ world: TestWorld, count: Int, unitID: String) async throws {
        try await world.addImportPersons(count: count, unitID: unitID)
    }

    @Test(
        "R-PE-3 R-PE-10 R-PE-2 a 5,000-row roster with 3 bad rows reports exactly those rows and writes nothing — CSV and XLSX; a good file imports completely")
    func fiveThousand() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            let p = world.services.personnel
            try await Self.addPersons(world, count: 5_000, unitID: clerk.person!.unitID)
            let badLines: Set<Int> = [12, 2_501, 4_999]
            let faulty = Self.table(rows: 5_000, bad: badLines)
            for data in [Self.csv(faulty), try Self.xlsx(faulty)] {
                for mode in [CarrierImportMode.dryRun, .all] {
                    let report = try await p.importFile(clerk, data, kind: .roster, mode: mode)
                    #expect(report.rows == 5_000 && report.imported == 0 && report.accepted == 4_997)
                    #expect(Set(report.problems.map(\.line)) == badLines && report.problems.count == 3, "\(report.problems)")
                }
            }
            #expect(try await p.register(clerk).items.allSatisfy { !$0.name.hasPrefix("导入人员") })
            let good = try await p.importFile(clerk, try Self.xlsx(Self.table(rows: 5_000, bad: [])), kind: .roster, mode: .all)
            #expect(good.problems.isEmpty && good.imported == 5_000)
            let count = try await world.services.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM cleared_persons WHERE person_id LIKE 'imp-%' AND status = 'serving'").first()?.decode(
                    column: "n", as: Int.self)
            }
            #expect(count == 5_000)
            // Imported staff carry the tier the access checks use, and their review and commitment as history.
            let file = try await p.file(clerk, personID: "imp-2")
            #expect(file.person.tier == .important && file.reviews.count == 1 && file.commitments.count == 1)
            // The same file again: everyone is already in post.
            let again = try await p.importFile(clerk, Self.csv(Self.table(rows: 3, bad: [])), kind: .roster, mode: .dryRun)
            #expect(again.problems.count == 3 && again.problems.allSatisfy { $0.message.contains("已在涉密人员名单中") })
        }
    }

    @Test("R-TR-1 R-KP-4 training records import into classes and count for each person's year")
    func training() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            let p = world.services.personnel
            let text = """
                姓名,培训日期,课时,培训内容,培训形式,组织者,培训类别
                张伟,2026-04-10,4,保密宣传教育月讲座,讲座,保密办,保密教育
                周敏,2026-04-10,4,保密宣传教育月讲座,讲座,保密办,保密教育
                周敏,2026-05-10,50,超长培训,讲座,保密办,保密教育
                无名氏,2026-05-10,2,讲座,讲座,保密办,
                """
            let dry = try await p.importFile(clerk, Data(text.utf8), kind: .training, mode: .all)
            #expect(dry.imported == 0 && Set(dry.problems.map(\.line)) == [4, 5])
            let partial = try await p.importFile(clerk, Data(text.utf8), kind: .training, mode: .partial)
            #expect(partial.imported == 2)
            let zhoumin = try #require(try await world.actor("zhoumin").person).id
            let hours = try await p.file(clerk, personID: zhoumin).hours.first { $0.year == 2026 }?.hours
            #expect(hours == 4, "the demo marked 周敏 absent; the imported class is her only one")
            // The same file again: the class is recognised, its people already counted — nothing is counted twice, and a
            // new participant of the same class joins it.
            let again = try await p.importFile(clerk, Data(text.utf8), kind: .training, mode: .all)
            #expect(again.imported == 0 && Set(again.problems.map(\.line)) == [2, 3, 4, 5], "\(again.problems)")
            #expect(again.problems.contains { $0.line == 2 && $0.message.contains("已登记") })
            let more = "姓名,培训日期,课时,培训内容,培训形式,组织者,培训类别\n周敏,2026-04-10,4,保密宣传教育月讲座,讲座,保密办,保密教育\n王芳,2026-04-10,4,保密宣传教育月讲座,讲座,保密办,保密教育\n"
            let added = try await p.importFile(clerk, Data(more.utf8), kind: .training, mode: .partial)
            #expect(added.imported == 1 && added.problems.map(\.line) == [2])
            #expect(try await p.file(clerk, personID: zhoumin).hours.first { $0.year == 2026 }?.hours == 4)
            let classes = try await p.classes(clerk).items.filter { $0.content == "保密宣传教育月讲座" }
            #expect(classes.count == 1, "one class, not a copy")
            let sheet = try await p.trainingClass(clerk, id: try #require(classes.first).id)
            #expect(sheet.participantIDs.count == 3)
        }
    }

    @Test("R-PE-10 a new post named on two rows with two levels is refused on the second; a workbook past column XFD is unreadable, not a crash")
    func hostileFiles() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            try await Self.addPersons(world, count: 2, unitID: clerk.person!.unitID)
            var table = Self.table(rows: 2, bad: [])
            table[1][1] = "新设岗位"
            table[2][1] = "新设岗位"
            table[1][2] = "秘密"
            table[1][3] = "一般"
            table[2][2] = "机密"
            let report = try await world.services.personnel.importFile(clerk, Self.csv(table), kind: .roster, mode: .dryRun)
            #expect(report.problems.map(\.line) == [3] && report.problems.first?.field == "highest_level", "\(report.problems)")
            // A cell reference far beyond the last column (it would ask for billions of cells).
            let sheet = #"<worksheet><sheetData><row r="1"><c r="ZZZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>"#
            let archive = try Archive(data: Data(), accessMode: .create)
            let data = Data(sheet.utf8)
            try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(data.count)) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
            let wide = try #require(archive.data)
            let unreadable = try await world.services.personnel.importFile(clerk, wide, kind: .roster, mode: .dryRun)
            #expect(unreadable.problems.count == 1 && unreadable.problems.first?.field == "file")
        }
    }
}
