import Carriers
import ClassificationServices
import Kernel
import SQLKit
import Storage

extension CarrierStore {
    /// Keeps `carrier_secrets` equal to the carrier's secrets (the sweep's way from a secret to its carriers).
    static func linkSecrets(of c: Carrier, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM carrier_secrets WHERE carrier_id = \(bind: c.id)").run()
        try await insertLinks(of: [c], on: db)
    }

    /// Adds the `carrier_secrets` rows of new `carriers`, 400 rows a statement.
    static func insertLinks(of carriers: some Sequence<Carrier>, on db: any SQLDatabase) async throws {
        let links = carriers.flatMap { c in Set(c.secretIDs).sorted().map { (secret: $0, carrier: c.id) } }
        for chunk in links.chunks(of: 400) {
            var insert = db.insert(into: "carrier_secrets").columns("secret_id", "carrier_id")
            for link in chunk { insert = insert.values(SQLBind(link.secret), SQLBind(link.carrier)) }
            try await insert.run()
        }
    }

    /// Inserts new carriers in batches (an import): the rows, their scopes and one history entry each.
    static func insertMany(
        _ items: [(carrier: Carrier, scope: Set<String>, summary: String)], at millis: Int64, actor: String, addedBy: String, on db: any SQLDatabase
    ) async throws {
        func v(_ value: (any Encodable & Sendable)?) -> any SQLExpression { value.map { SQLBind($0) } ?? SQLLiteral.null }
        for start in stride(from: 0, to: items.count, by: 400) {
            let batch = items[start..<min(start + 400, items.count)]
            var carriers = db.insert(into: "carriers").columns(
                "id", "unit_id", "number", "kind", "title", "document_number", "originating_unit", "level", "level_rank", "period", "secret_ids",
                "copies", "serials", "custodian_person_id", "safe_id", "status", "original_id", "registered_on", "media_type", "purchased_centrally",
                "medium_user_person_id", "content_level", "computer_ids", "holder_person_id", "due_on", "retained", "created_at", "updated_at")
            var scopes: [SQLQueryString] = []
            var events = db.insert(into: "carrier_events").columns("id", "carrier_id", "seq", "at", "actor_name", "kind", "summary")
            for (c, scope, summary) in batch {
                let m = c.medium
                carriers = carriers.values([
                    v(c.id), v(c.unitID), v(c.number), v(c.kind.rawValue), v(c.title), v(c.documentNumber), v(c.originatingUnit), v(c.level.code),
                    v(c.level.rawValue), v(ClassificationCodec.period(c.marking.period)), v(join(c.secretIDs)), v(c.copies), v(join(c.serials)),
                    v(c.custodianPersonID), v(c.safeID), v(c.status.rawValue), v(c.originalID), v(c.registeredOn.iso), v(m?.mediaType),
                    v(m.map { $0.purchasedCentrally ? 1 : 0 }), v(m?.userPersonID), v(m?.contentLevel?.code), v(m.map { join($0.computerIDs) }),
                    v(c.holderPersonID), v(c.dueOn?.iso), v(c.retained ? 1 : 0), v(millis), v(millis),
                ])
                for person in scope.sorted() {
                    scopes.append("(\(bind: c.id), \(bind: person))")
                }
                events = events.values([v(IDs.make()), v(c.id), v(1), v(millis), v(actor), v("import"), v(summary)])
            }
            try await carriers.run()
            // Each scope row takes its carrier's place in the register's order from the row just written.
            if !scopes.isEmpty {
                let rows: SQLQueryString =
                    """
                    INSERT INTO knowledge_scope (record_kind, record_id, person_id, added_by, reason, added_at, order_at, order_text)
                    SELECT \(bind: recordKind), r.id, v.column2, \(bind: addedBy), \(bind: "导入纸质台账"), \(bind: millis),
                        \(unsafeRaw: register.orderAt("r")), \(unsafeRaw: register.orderText("r"))
                    FROM (VALUES
                    """ + scopes.joined(separator: ", ") + ") AS v JOIN carriers r ON r.id = v.column1"
                try await db.raw(rows).run()
            }
            try await events.run()
            try await insertLinks(of: batch.map(\.carrier), on: db)
        }
    }
}
