import SQLKit
import Storage

/// 涉密人员管理与保密教育培训 (R-PE-1..16, R-TR-1..4, R-KP-4) and the custody hand-over (R-CA-15). Personnel records are
/// read by the person and the unit's keepers (R-PE-15), so every register is keyed by unit (pages) and by person (the
/// file). The clocks the sweep and the 待办 read are kept columns with partial indexes: the 定期复审 day, the 脱密期 end,
/// a pending 变动复审, a trip's return-report day, an approach not yet reported onward.
struct M020Personnel: Migration {
    let id = 20
    let name = "personnel"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE secret_posts (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    department_id TEXT REFERENCES departments(id),
                    name TEXT NOT NULL,
                    highest_level TEXT NOT NULL,
                    tier TEXT NOT NULL,
                    key_part INTEGER NOT NULL DEFAULT 0,
                    roles TEXT NOT NULL DEFAULT '',
                    valid_from TEXT NOT NULL,
                    valid_to TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX secret_posts_unit ON secret_posts(unit_id, name, id)",
                """
                CREATE TABLE cleared_persons (
                    person_id TEXT PRIMARY KEY REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    post_id TEXT NOT NULL REFERENCES secret_posts(id),
                    tier TEXT NOT NULL,
                    appointed_on TEXT NOT NULL,
                    status TEXT NOT NULL,
                    next_review_on TEXT,
                    change_review TEXT,
                    declearing_from TEXT,
                    declearing_until TEXT,
                    cert_number TEXT,
                    cert_issuer TEXT,
                    cert_issued_on TEXT,
                    cert_valid_until TEXT,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX cleared_persons_unit ON cleared_persons(unit_id, status, person_id)",
                "CREATE INDEX cleared_persons_post ON cleared_persons(post_id)",
                "CREATE INDEX cleared_persons_review ON cleared_persons(unit_id, next_review_on) WHERE next_review_on IS NOT NULL",
                "CREATE INDEX cleared_persons_change ON cleared_persons(unit_id) WHERE change_review IS NOT NULL",
                "CREATE INDEX cleared_persons_declearing ON cleared_persons(declearing_until) WHERE status = 'declearing'",
                """
                CREATE TABLE personnel_reviews (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    post_id TEXT NOT NULL REFERENCES secret_posts(id),
                    kind TEXT NOT NULL,
                    eligibility TEXT NOT NULL,
                    relatives_abroad TEXT NOT NULL,
                    personnel_opinion TEXT NOT NULL,
                    secrecy_opinion TEXT NOT NULL,
                    decided_by TEXT NOT NULL,
                    passed INTEGER NOT NULL,
                    reviewed_on TEXT NOT NULL,
                    review_trigger TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX personnel_reviews_person ON personnel_reviews(person_id, created_at)",
                """
                CREATE TABLE commitments (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    kind TEXT NOT NULL,
                    signed_on TEXT NOT NULL,
                    note TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX commitments_person ON commitments(person_id, kind)",
                """
                CREATE TABLE trips (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    purpose TEXT NOT NULL,
                    destination TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    depart_on TEXT NOT NULL,
                    return_on TEXT NOT NULL,
                    delegation TEXT NOT NULL,
                    delegation_secrecy_person TEXT NOT NULL,
                    personnel_opinion TEXT NOT NULL,
                    secrecy_opinion TEXT NOT NULL,
                    approved_by TEXT,
                    educated_on TEXT,
                    carrier_ids TEXT NOT NULL,
                    returned_on TEXT,
                    report_due_on TEXT,
                    return_report TEXT NOT NULL,
                    reported_on TEXT,
                    declearing_approval TEXT NOT NULL,
                    status TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX trips_unit ON trips(unit_id, depart_on, id)",
                "CREATE INDEX trips_person ON trips(person_id, depart_on)",
                "CREATE INDEX trips_report_due ON trips(unit_id, report_due_on) WHERE status = 'returned'",
                """
                CREATE TABLE reportable_events (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    kind TEXT NOT NULL,
                    occurred_on TEXT NOT NULL,
                    reported_on TEXT NOT NULL,
                    due_on TEXT NOT NULL,
                    details TEXT NOT NULL,
                    handling TEXT NOT NULL,
                    onward_reported_on TEXT,
                    change_review_opened INTEGER NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX reportable_events_unit ON reportable_events(unit_id, reported_on, id)",
                "CREATE INDEX reportable_events_person ON reportable_events(person_id, reported_on)",
                "CREATE INDEX reportable_events_onward ON reportable_events(unit_id) WHERE kind = 'approach' AND onward_reported_on IS NULL",
                """
                CREATE TABLE departures (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    kind TEXT NOT NULL,
                    leaving_on TEXT NOT NULL,
                    declearing_months INTEGER NOT NULL,
                    done TEXT NOT NULL,
                    destination TEXT NOT NULL,
                    early_consent TEXT NOT NULL,
                    completed_on TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX departures_unit ON departures(unit_id, created_at, id)",
                "CREATE INDEX departures_person ON departures(person_id, created_at)",
                "CREATE INDEX departures_open ON departures(unit_id) WHERE completed_on IS NULL",
                """
                CREATE TABLE training_classes (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    kind TEXT NOT NULL,
                    held_on TEXT NOT NULL,
                    hours INTEGER NOT NULL,
                    content TEXT NOT NULL,
                    form TEXT NOT NULL,
                    organiser TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX training_classes_unit ON training_classes(unit_id, held_on, id)",
                """
                CREATE TABLE training_attendance (
                    class_id TEXT NOT NULL REFERENCES training_classes(id),
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    present INTEGER NOT NULL,
                    passed INTEGER NOT NULL,
                    PRIMARY KEY (class_id, person_id)
                )
                """,
                "CREATE INDEX training_attendance_person ON training_attendance(person_id)",
                """
                CREATE TABLE training_hours (
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    year INTEGER NOT NULL,
                    hours INTEGER NOT NULL,
                    pre_post_hours INTEGER NOT NULL,
                    PRIMARY KEY (person_id, year)
                )
                """,
                """
                CREATE TABLE external_courses (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    kind TEXT NOT NULL,
                    provider TEXT NOT NULL,
                    completed_on TEXT NOT NULL,
                    hours INTEGER NOT NULL,
                    certificate_number TEXT NOT NULL,
                    certificate_valid_until TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX external_courses_person ON external_courses(person_id, completed_on)",
                """
                CREATE TABLE training_plans (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    year INTEGER NOT NULL,
                    items TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (unit_id, year)
                )
                """,
                """
                CREATE TABLE rights_records (
                    id TEXT PRIMARY KEY,
                    person_id TEXT NOT NULL REFERENCES persons(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    restriction TEXT NOT NULL,
                    measure TEXT NOT NULL,
                    recorded_on TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX rights_records_person ON rights_records(person_id)",
                """
                CREATE TABLE personnel_roster (
                    unit_id TEXT PRIMARY KEY REFERENCES units(id),
                    changed_at BIGINT,
                    filed_at BIGINT
                )
                """,
                """
                CREATE TABLE carrier_handovers (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    from_person_id TEXT NOT NULL REFERENCES persons(id),
                    to_person_id TEXT NOT NULL REFERENCES persons(id),
                    handed_on TEXT NOT NULL,
                    leaver_signed TEXT NOT NULL,
                    successor_signed TEXT NOT NULL,
                    carrier_count INTEGER NOT NULL,
                    carrier_ids TEXT NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX carrier_handovers_from ON carrier_handovers(from_person_id, created_at)",
            ], on: db)
    }
}
