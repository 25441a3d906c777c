import SQLKit
import Storage

/// R-PE-2: a review imported from the paper files says so — who imported it, when, from which line — and keeps no
/// answers to the seven conditions (they are on the paper form). The reviews imported before are marked the same way;
/// their importer and line were not kept.
struct M036ImportedReviews: Migration {
    let id = 36
    let name = "imported reviews"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "ALTER TABLE personnel_reviews ADD COLUMN imported_from TEXT",
                """
                UPDATE personnel_reviews SET imported_from = '按原纸质档案导入（导入人和文件行号未记录）', eligibility = ''
                WHERE decided_by = '原纸质档案' AND personnel_opinion = '按原纸质档案导入'
                """,
            ], on: db)
    }
}
