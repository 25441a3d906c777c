import SQLKit
import Storage

extension TestWorld {
    /// `count` persons of the unit named 导入人员1 … 导入人员`count` (ids `imp-1` …), written in one statement per
    /// thousand — the names an import file gives.
    package func addImportPersons(count: Int, unitID: String) async throws {
        try await services.database.transaction { db in
            for start in stride(from: 1, through: count, by: 1_000) {
                var q: SQLQueryString =
                    "INSERT INTO persons (id, unit_id, department_id, name, post, title, phone, email, tier, created_at, updated_at) VALUES "
                q =
                    q
                    + (start..<min(start + 1_000, count + 1)).map {
                        "(\(bind: "imp-\($0)"), \(bind: unitID), NULL, \(bind: "导入人员\($0)"), '', '', '', '', 'none', 0, 0)" as SQLQueryString
                    }.joined(separator: ", ")
                try await db.raw(q).run()
            }
        }
    }
}
