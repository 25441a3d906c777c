import Kernel
import Personnel
import SQLKit
import Storage

/// What a roster or training import reads and writes in bulk: the unit's names, and the paper-era history of many
/// persons at once.
extension PersonnelStore {
    /// R-PE-3 / R-TR-1: every person of the unit with their name (the shared schema, read only) — an import matches
    /// the names of its rows against them.
    static func personNames(unitID: String, on db: any SQLDatabase) async throws -> [(id: String, name: String)] {
        try await db.raw("SELECT id, name FROM persons WHERE unit_id = \(bind: unitID)").all().map {
            (try $0.decode(column: "id", as: String.self), try $0.decode(column: "name", as: String.self))
        }
    }

    /// One imported roster row's history before the appointment: the post reviewed for, the day of the review, and the
    /// commitment signed with its day.
    struct ImportedHistory: Sendable {
        var personID, postID: String
        var reviewedOn: Day
        var commitment: CommitmentKind
        var committedOn: Day
        /// Who imported the row, when, from which line.
        var source: String
    }

    /// R-PE-2 / R-PE-4: the paper-era history of the imported rows — a passed 岗前审查 and the signed commitment each —
    /// in two statements for all of `rows` (the caller passes at most 200). The review is marked as imported (its
    /// source), its conditions left unanswered: they are on the paper form.
    static func insertHistory(_ rows: [ImportedHistory], unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        var reviews: SQLQueryString =
            """
            INSERT INTO personnel_reviews (id, person_id, unit_id, post_id, kind, eligibility, relatives_abroad, personnel_opinion, secrecy_opinion,
                decided_by, passed, reviewed_on, review_trigger, imported_from, created_at) VALUES
            """
        reviews =
            reviews
            + rows.map { row -> SQLQueryString in
                """
                (\(bind: IDs.make()), \(bind: row.personID), \(bind: unitID), \(bind: row.postID), \(bind: ReviewKind.preAppointment.rawValue), '', '',
                '按原纸质档案导入', '按原纸质档案导入', '原纸质档案', 1, \(bind: row.reviewedOn.iso), '', \(bind: row.source), \(bind: millis))
                """
            }.joined(separator: ", ")
        try await db.raw(reviews).run()
        var commitments: SQLQueryString = "INSERT INTO commitments (id, person_id, unit_id, kind, signed_on, note, created_at) VALUES "
        commitments =
            commitments
            + rows.map { row -> SQLQueryString in
                "(\(bind: IDs.make()), \(bind: row.personID), \(bind: unitID), \(bind: row.commitment.rawValue), \(bind: row.committedOn.iso), '按原纸质档案导入', \(bind: millis))"
            }.joined(separator: ", ")
        try await db.raw(commitments).run()
    }
}
