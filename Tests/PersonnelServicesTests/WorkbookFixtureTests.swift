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

/// Imports from workbooks real spreadsheet software wrote (`Tests/fixtures/workbooks`, README there): dates as Excel,
/// WPS and LibreOffice store them, the 1904 date system, the first sheet in the workbook's order, shared strings.
@Suite("导入 — workbooks written by spreadsheet software")
struct WorkbookFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/workbooks")

    static func fixture(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static func day(_ iso: String) throws -> Day { try #require(Day(iso: iso)) }

    @Test(
        "R-PE-3 a roster workbook imports every row with its dates — the 1904 system, date cells with a time, dates typed as text, the first visible sheet in the workbook's order",
        arguments: ["roster-openpyxl-1904.xlsx", "roster-libreoffice.xlsx", "roster-openpyxl-hidden-lists.xlsx"])
    func rosterWorkbook(_ name: String) async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            try await RosterImportTests.addPersons(world, count: 7, unitID: try #require(clerk.person).unitID)
            let report = try await world.services.personnel.importFile(clerk, try Self.fixture(name), kind: .roster, mode: .all)
            #expect(report.problems.isEmpty, "\(report.problems)")
            // The 1904 workbook's seventh row has its dates as bare serials in General-format cells, read in its system.
            let rows = name.contains("1904") ? 7 : 6
            #expect(report.rows == rows && report.imported == rows)
            for n in [1, 2, 3, 4, 5] + (rows == 7 ? [7] : []) {
                let file = try await world.services.personnel.file(clerk, personID: "imp-\(n)")
                #expect(file.record?.appointedOn == (try Self.day("2025-03-01")), "导入人员\(n)")
                #expect(file.reviews.first?.reviewedOn == (try Self.day("2025-02-20")), "导入人员\(n)")
                #expect(file.commitments.first?.signedOn == (try Self.day("2025-02-21")), "导入人员\(n)")
            }
            // R-PE-2: the review says where it came from, and answers none of the conditions.
            let review = try #require(try await world.services.personnel.file(clerk, personID: "imp-1").reviews.first)
            #expect(review.importedFrom == "按原纸质档案导入：王芳于\(world.services.clock.today.iso)从导入文件第2行导入" && review.eligibility == nil)
            let keyPart = try await world.services.personnel.file(clerk, personID: "imp-6")
            #expect(keyPart.record?.appointedOn == (try Self.day("2024-12-31")) && keyPart.post?.keyPart == true)
        }
    }

    @Test("R-TR-1 R-KP-4 a training workbook with date cells (t=\"d\") and number cells imports its classes and hours")
    func trainingWorkbook() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            try await RosterImportTests.addPersons(world, count: 3, unitID: try #require(clerk.person).unitID)
            let report = try await world.services.personnel.importFile(clerk, try Self.fixture("training-openpyxl-isodates.xlsx"), kind: .training, mode: .all)
            #expect(report.problems.isEmpty, "\(report.problems)")
            #expect(report.imported == 3)
            let hours = try await world.services.personnel.file(clerk, personID: "imp-1").hours
            #expect(hours.map { [$0.year, $0.hours] } == [[2025, 4]])
            let classification = try await world.services.personnel.file(clerk, personID: "imp-3").hours
            #expect(classification.map { [$0.year, $0.hours] } == [[2025, 2]])
        }
    }

    @Test("R-PE-3 a roster typed by hand with 2025/3/1 dates imports from CSV too")
    func slashDatesInCSV() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            try await RosterImportTests.addPersons(world, count: 1, unitID: try #require(clerk.person).unitID)
            let csv = RosterImportTests.header.joined(separator: ",") + "\r\n导入人员1,综合岗,秘密,一般,2025/3/1,2025/2/20,2025年2月21日,否\r\n"
            let report = try await world.services.personnel.importFile(clerk, Data(csv.utf8), kind: .roster, mode: .all)
            #expect(report.problems.isEmpty && report.imported == 1, "\(report.problems)")
            #expect(try await world.services.personnel.file(clerk, personID: "imp-1").record?.appointedOn == (try Self.day("2025-03-01")))
            // Not a date: named, with the forms it takes.
            let bad = RosterImportTests.header.joined(separator: ",") + "\r\n导入人员1,综合岗,秘密,一般,3月1日,2025/2/20,2025/2/21,否\r\n"
            let refused = try await world.services.personnel.importFile(clerk, Data(bad.utf8), kind: .roster, mode: .dryRun)
            #expect(refused.problems.map(\.message) == ["上岗日期：“3月1日”不是日期（应为 2025-03-01、2025/3/1 或 2025年3月1日）"])
        }
    }

    @Test("R-PE-2 reviews imported before their source was kept are marked imported, their conditions unanswered, by the migration")
    func earlierImportsMarked() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let wuhao = try #require(try await world.actor("wuhao").person).id
            let post = try #require(try await s.personnel.posts(clerk).first).id
            try await s.database.transaction { db in
                for statement in ["ALTER TABLE personnel_reviews DROP COLUMN imported_from", "DELETE FROM baomi_migrations WHERE id = 36"] {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                // A review as the import wrote it before: all seven conditions stored as met.
                try await db.raw(
                    """
                    INSERT INTO personnel_reviews (id, person_id, unit_id, post_id, kind, eligibility, relatives_abroad, personnel_opinion, secrecy_opinion,
                        decided_by, passed, reviewed_on, review_trigger, created_at)
                    VALUES ('old-review', \(bind: wuhao), \(bind: clerk.person!.unitID), \(bind: post), 'pre_appointment',
                        '{"nationality":true,"loyalty":true,"competence":true,"noCriminalRecord":true,"noDrugsOrGambling":true,"neverDismissed":true,"neverRemovedForViolation":true}',
                        '', '按原纸质档案导入', '按原纸质档案导入', '原纸质档案', 1, '2025-02-20', '', 0)
                    """
                ).run()
            }
            _ = try await Migrator.migrate(s.database, migrations: s.areas.migrations, clockMillis: 0)
            let review = try #require(try await s.personnel.file(clerk, personID: wuhao).reviews.first { $0.id == "old-review" })
            #expect(review.eligibility == nil && review.importedFrom == "按原纸质档案导入（导入人和文件行号未记录）")
        }
    }
}
