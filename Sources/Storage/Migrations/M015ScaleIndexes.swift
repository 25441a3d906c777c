import SQLKit

/// Issue 11: every register page, search, 待办, sweep and cross-check query has an index at a million rows.
/// - the registers' keyset orders (newest, by number, by due day / expiry, by title), with and without the unit;
/// - the visibility rule from the person's side (`knowledge_scope` covering person → records);
/// - the 待办's narrow reads (a person's drafts, reviews and loans; a unit's open findings and flagged secrets);
/// - the sweep's due dates and what changed since its last run (`updated_at`).
/// Expression keys are written the same way on SQLite and PostgreSQL: `((COALESCE(…)))`.
struct M015ScaleIndexes: Migration {
    let id = 15
    let name = "scale indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                "CREATE INDEX knowledge_scope_person_record ON knowledge_scope(person_id, record_kind, record_id)",
                "CREATE INDEX carriers_newest ON carriers(registered_on, number, id)",
                "CREATE INDEX carriers_unit_newest ON carriers(unit_id, registered_on, number, id)",
                "CREATE INDEX carriers_number ON carriers(number, id)",
                "CREATE INDEX carriers_due ON carriers((COALESCE(due_on, '9999-12-31')), id)",
                "CREATE INDEX carriers_due_on ON carriers(due_on)",
                "CREATE INDEX carriers_custodian ON carriers(custodian_person_id)",
                "CREATE INDEX carriers_medium_user ON carriers(medium_user_person_id)",
                "CREATE INDEX carriers_updated ON carriers(updated_at)",
                "CREATE INDEX carriers_original ON carriers(original_id)",
                "CREATE INDEX carrier_findings_unit ON carrier_findings(unit_id, resolved_on, rule)",
                "CREATE INDEX carrier_findings_resolved ON carrier_findings(resolved_on)",
                "CREATE INDEX carrier_registers_book ON carrier_registers(unit_id, register, year, seq)",
                "CREATE INDEX carrier_registers_carrier ON carrier_registers(carrier_id, register)",
                "CREATE INDEX secrets_newest ON secrets(created_at, id)",
                "CREATE INDEX secrets_expiry ON secrets((COALESCE(expiry, '9999-12-31')), id)",
                "CREATE INDEX secrets_title ON secrets(title, id)",
                "CREATE INDEX secrets_status_expiry ON secrets(status, expiry)",
                "CREATE INDEX secrets_handler ON secrets(handler_person_id, status)",
                "CREATE INDEX secrets_officer ON secrets(officer_person_id, status)",
                "CREATE INDEX secrets_unit_review ON secrets(unit_id, status, last_reviewed_year)",
                "CREATE INDEX secrets_unit_flag ON secrets(unit_id, needs_review)",
                "CREATE INDEX secrets_updated ON secrets(updated_at)",
                "CREATE INDEX objections_status ON objections(status, appeal_unit_id)",
                "CREATE INDEX audit_log_actor_seq ON audit_log(actor_name, seq)",
                "CREATE INDEX audit_log_outcome_seq ON audit_log(outcome, seq)",
            ], on: db)
    }
}
