import SQLKit
import Storage

/// Issue 11: which carriers carry which secret, as rows (`carriers.secret_ids` keeps the list for reading). The
/// sweep finds the carriers of the secrets changed since its last run through `carrier_secrets`' key instead of
/// reading every carrier of the units concerned (R-DU-7); existing carriers are linked here, 5,000 at a time.
struct M018CarrierSecrets: Migration {
    let id = 18
    let name = "carrier secrets"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE TABLE carrier_secrets (
                    secret_id TEXT NOT NULL,
                    carrier_id TEXT NOT NULL REFERENCES carriers(id),
                    PRIMARY KEY (secret_id, carrier_id)
                )
                """,
                "CREATE INDEX carrier_secrets_carrier ON carrier_secrets(carrier_id)",
            ], on: db)
        var after = ""
        while true {
            let rows = try await db.raw(
                "SELECT id, secret_ids FROM carriers WHERE id > \(bind: after) AND secret_ids <> '' ORDER BY id LIMIT 5000"
            ).all()
            guard let last = rows.last else { return }
            var links: [(String, String)] = []
            for row in rows {
                let carrier = try row.decode(column: "id", as: String.self)
                for secret in Set(try row.decode(column: "secret_ids", as: String.self).split(separator: "\u{1F}")) {
                    links.append((String(secret), carrier))
                }
            }
            for chunk in links.chunks(of: 400) {
                var insert = db.insert(into: "carrier_secrets").columns("secret_id", "carrier_id")
                for (secret, carrier) in chunk { insert = insert.values(SQLBind(secret), SQLBind(carrier)) }
                try await insert.run()
            }
            after = try last.decode(column: "id", as: String.self)
        }
    }
}
