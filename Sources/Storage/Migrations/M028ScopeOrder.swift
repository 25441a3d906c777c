import SQLKit

/// Each knowledge-scope row keeps its record's place in the register's default order (`ScopedRegister`), and one index
/// reads a person's scope in it: a page of the secrets or carriers register in that order reads about a page of the
/// viewer's own rows, however small a share of the register they may see. The index serves the person → records reads
/// too, so the two it replaces go. Written with the register's tables, as the other cross-area index migrations are.
struct M028ScopeOrder: Migration {
    let id = 28
    let name = "scope rows carry their register's order"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                // The indexes it replaces go first: rows rewritten without them cost a write less each.
                "DROP INDEX knowledge_scope_person",
                "DROP INDEX knowledge_scope_person_record",
                "ALTER TABLE knowledge_scope ADD COLUMN order_at BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE knowledge_scope ADD COLUMN order_text TEXT NOT NULL DEFAULT ''",
                """
                UPDATE knowledge_scope SET order_at = r.created_at FROM secrets r
                WHERE knowledge_scope.record_kind = 'secret' AND r.id = knowledge_scope.record_id
                """,
                """
                UPDATE knowledge_scope SET order_at = CAST(REPLACE(r.registered_on, '-', '') AS BIGINT), order_text = r.number FROM carriers r
                WHERE knowledge_scope.record_kind = 'carrier' AND r.id = knowledge_scope.record_id
                """,
                """
                UPDATE knowledge_scope SET order_at = r.created_at FROM classified_notices r
                WHERE knowledge_scope.record_kind = 'notice' AND r.id = knowledge_scope.record_id
                """,
                "CREATE INDEX knowledge_scope_person_order ON knowledge_scope(person_id, record_kind, order_at, order_text, record_id)",
            ], on: db)
    }
}
