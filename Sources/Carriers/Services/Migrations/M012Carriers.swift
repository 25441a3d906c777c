import SQLKit
import Storage

/// 国家秘密载体 (R-CA-1..14, R-MD-1..2): safes, the carrier register with its history, the paper registers
/// (收文、发文、复印、销毁) with running numbers per year, the 绝密 reader log, and carrier incidents.
struct M012Carriers: Migration {
    let id = 12
    let name = "carriers"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE safes (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    name TEXT NOT NULL,
                    location TEXT NOT NULL,
                    level TEXT NOT NULL,
                    top_secret_only INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL
                )
                """,
                """
                CREATE TABLE carriers (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    number TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    document_number TEXT NOT NULL,
                    originating_unit TEXT NOT NULL,
                    level TEXT NOT NULL,
                    level_rank INTEGER NOT NULL,
                    period TEXT,
                    secret_ids TEXT NOT NULL DEFAULT '',
                    copies INTEGER NOT NULL,
                    serials TEXT NOT NULL,
                    custodian_person_id TEXT NOT NULL REFERENCES persons(id),
                    safe_id TEXT REFERENCES safes(id),
                    status TEXT NOT NULL,
                    original_id TEXT,
                    registered_on TEXT NOT NULL,
                    media_type TEXT,
                    purchased_centrally INTEGER,
                    medium_user_person_id TEXT,
                    content_level TEXT,
                    computer_ids TEXT,
                    holder_person_id TEXT,
                    due_on TEXT,
                    retained INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (unit_id, number)
                )
                """,
                "CREATE INDEX carriers_unit_status ON carriers(unit_id, status)",
                "CREATE INDEX carriers_holder ON carriers(holder_person_id)",
                """
                CREATE TABLE carrier_events (
                    id TEXT PRIMARY KEY,
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    seq INTEGER NOT NULL,
                    at BIGINT NOT NULL,
                    actor_name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    summary TEXT NOT NULL
                )
                """,
                "CREATE UNIQUE INDEX carrier_events_seq ON carrier_events(carrier_id, seq)",
                """
                CREATE TABLE carrier_registers (
                    id TEXT PRIMARY KEY,
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    register TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    on_day TEXT NOT NULL,
                    counterpart TEXT NOT NULL,
                    copies INTEGER NOT NULL,
                    serials TEXT NOT NULL,
                    approver TEXT NOT NULL,
                    handled_by TEXT NOT NULL,
                    note TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    UNIQUE (unit_id, register, year, seq)
                )
                """,
                """
                CREATE TABLE carrier_reader_log (
                    id TEXT PRIMARY KEY,
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    seq INTEGER NOT NULL,
                    reader_person_id TEXT NOT NULL REFERENCES persons(id),
                    reading_room TEXT,
                    out_at BIGINT NOT NULL,
                    back_at BIGINT
                )
                """,
                "CREATE INDEX carrier_reader_log_carrier ON carrier_reader_log(carrier_id)",
                """
                CREATE TABLE carrier_incidents (
                    id TEXT PRIMARY KEY,
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    unit_id TEXT NOT NULL REFERENCES units(id),
                    kind TEXT NOT NULL,
                    summary TEXT NOT NULL,
                    discovered_at BIGINT NOT NULL,
                    report_due_at BIGINT NOT NULL,
                    reported_at BIGINT,
                    created_at BIGINT NOT NULL
                )
                """,
            ], on: db)
    }
}
