import Accounts
import Carriers
import ClassificationServices
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// Carriers, safes, registers, the reader log and incidents.
enum CarrierStore {
    static let recordKind = "carrier"
    /// The register's default order, newest first: by the day registered, then the register number (`keyset(.newest)`);
    /// the day as the number `YYYYMMDD`.
    static let register = ScopedRegister(
        recordKind: recordKind, table: "carriers", orderAt: { "CAST(REPLACE(\($0).registered_on, '-', '') AS BIGINT)" }, orderText: { "\($0).number" })

    /// The statuses of a carrier no longer held — returned, destroyed, dispatched or lost (`CarrierStatus.isHeld`) —
    /// bound from the enum into the queries that leave them out.
    static let closedStatuses = [CarrierStatus.returned, .destroyed, .dispatched, .lost].map(\.rawValue)

    /// History-entry kinds (`carrier_events.kind`) that queries compare. The steps name their kinds as plain strings
    /// (`persist(kind:)`); no enum holds them, so the kinds a query needs are written once here.
    /// The steps that need two named persons for 绝密 (R-CA-3 / R-CA-9 / R-CA-11): 传递, 携带外出, 销毁.
    static let twoPersonStepKinds = ["dispatch", "carry_out", "destroy"]
    /// The steps that take a carrier out of the register, 清退 and 销毁: the 复印登记's 清退日期 is the last of them.
    static let closingEventKinds = ["return", "destroy"]

    static func join(_ list: [String]) -> String { list.joined(separator: "\u{1F}") }
    static func split(_ text: String?) -> [String] { (text ?? "").split(separator: "\u{1F}").map(String.init) }

    static func carrier(from row: any SQLRow) throws -> Carrier {
        let level = Level.stored(try row.decode(column: "level", as: String.self))
        var medium: MediumInfo?
        if let type = try row.decode(column: "media_type", as: String?.self) {
            medium = MediumInfo(
                mediaType: type, purchasedCentrally: (try row.decode(column: "purchased_centrally", as: Int?.self) ?? 0) != 0,
                userPersonID: try row.decode(column: "medium_user_person_id", as: String?.self) ?? "",
                contentLevel: try row.decode(column: "content_level", as: String?.self).flatMap(Level.init(code:)),
                computerIDs: split(try row.decode(column: "computer_ids", as: String?.self)))
        }
        return Carrier(
            id: try row.decode(column: "id", as: String.self), number: try row.decode(column: "number", as: String.self),
            kind: CarrierKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .paper, title: try row.decode(column: "title", as: String.self),
            documentNumber: try row.decode(column: "document_number", as: String.self),
            originatingUnit: try row.decode(column: "originating_unit", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            marking: Marking(level: level, period: ClassificationCodec.period(try row.decode(column: "period", as: String?.self), level: level)),
            secretIDs: split(try row.decode(column: "secret_ids", as: String.self)), copies: try row.decode(column: "copies", as: Int.self),
            serials: split(try row.decode(column: "serials", as: String.self)),
            custodianPersonID: try row.decode(column: "custodian_person_id", as: String.self),
            safeID: try row.decode(column: "safe_id", as: String?.self),
            status: CarrierStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .inStock,
            originalID: try row.decode(column: "original_id", as: String?.self),
            registeredOn: Day(iso: try row.decode(column: "registered_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!, medium: medium,
            holderPersonID: try row.decode(column: "holder_person_id", as: String?.self),
            dueOn: try row.decode(column: "due_on", as: String?.self).flatMap(Day.init(iso:)), retained: try row.decode(column: "retained", as: Int.self) != 0)
    }

    /// Inserts or updates a carrier; scope persons are only ever added.
    static func save(_ c: Carrier, scope: Set<String>, at millis: Int64, addedBy: String, reason: String, on db: any SQLDatabase) async throws {
        let m = c.medium
        try await db.raw(
            """
            INSERT INTO carriers (id, unit_id, number, kind, title, document_number, originating_unit, level, level_rank, period, secret_ids, copies,
                serials, custodian_person_id, safe_id, status, original_id, registered_on, media_type, purchased_centrally, medium_user_person_id,
                content_level, computer_ids, holder_person_id, due_on, retained, created_at, updated_at)
            VALUES (\(bind: c.id), \(bind: c.unitID), \(bind: c.number), \(bind: c.kind.rawValue), \(bind: c.title), \(bind: c.documentNumber),
                \(bind: c.originatingUnit), \(bind: c.level.code), \(bind: c.level.rawValue), \(bind: ClassificationCodec.period(c.marking.period)),
                \(bind: join(c.secretIDs)), \(bind: c.copies), \(bind: join(c.serials)), \(bind: c.custodianPersonID), \(bind: c.safeID),
                \(bind: c.status.rawValue), \(bind: c.originalID), \(bind: c.registeredOn.iso), \(bind: m?.mediaType),
                \(bind: m.map { $0.purchasedCentrally ? 1 : 0 }), \(bind: m?.userPersonID), \(bind: m?.contentLevel?.code),
                \(bind: m.map { join($0.computerIDs) }), \(bind: c.holderPersonID), \(bind: c.dueOn?.iso), \(bind: c.retained ? 1 : 0),
                \(bind: millis), \(bind: millis))
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, level = excluded.level, level_rank = excluded.level_rank, period = excluded.period,
                secret_ids = excluded.secret_ids, copies = excluded.copies, serials = excluded.serials,
                custodian_person_id = excluded.custodian_person_id, safe_id = excluded.safe_id, status = excluded.status,
                content_level = excluded.content_level, computer_ids = excluded.computer_ids, holder_person_id = excluded.holder_person_id,
                due_on = excluded.due_on, retained = excluded.retained, updated_at = excluded.updated_at
            """
        ).run()
        try await linkSecrets(of: c, on: db)
        for person in scope.sorted() {
            try await ScopeStore.add(register, recordID: c.id, personID: person, addedBy: addedBy, reason: reason, at: millis, on: db)
        }
    }

    /// A carrier with its scope, regardless of access (callers check it).
    static func unchecked(id: String, on db: any SQLDatabase) async throws -> (carrier: Carrier, scope: Set<String>)? {
        guard let found = try await forRead(id: id, on: db) else { return nil }
        return (try carrier(from: found.row), found.scope)
    }

    /// A carrier by ID as the read check needs it (R-KS-4, R-SY-2): its level, its scope, and the row to decode once the
    /// check allows it. The scope is read whether or not the carrier exists and nothing is decoded before the check, so
    /// a missing ID costs what a hidden one does: the same statements, and no more work after them.
    static func forRead(id: String, on db: any SQLDatabase) async throws -> (level: Level, scope: Set<String>, row: any SQLRow)? {
        let row = try await db.raw("SELECT * FROM carriers WHERE id = \(bind: id)").first()
        let scope = try await ScopeStore.persons(recordKind: recordKind, recordID: id, on: db)
        guard let row else { return nil }
        return (Level.stored(try row.decode(column: "level", as: String.self)), scope, row)
    }

    /// R-KS-4: every carrier `viewer` may know of matching `filter`, newest first — for printouts and counts that
    /// must see the whole list (the 清点 sheet); pages use `page`.
    static func visible(to viewer: Viewer, filter f: CarrierFilter, on db: any SQLDatabase) async throws -> [Carrier] {
        let visibility = try await AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        var q: SQLQueryString = "SELECT c.* FROM carriers c WHERE \(visibility)"
        q = q + (try await conditions(f, on: db)).sql + " ORDER BY c.registered_on DESC, c.number DESC, c.id DESC"
        return try await db.raw(q).all().map(carrier(from:))
    }

    /// The register's orders (issue 11): each key is indexed (`carriers_newest`, `carriers_number`, `carriers_due`).
    static func keyset(_ order: CarrierOrder) -> KeysetOrder {
        switch order {
        case .newest:
            KeysetOrder(name: order.rawValue, keys: [("c.registered_on", .text), ("c.number", .text), ("c.id", .text)], descending: true)
        case .number: KeysetOrder(name: order.rawValue, keys: [("c.number", .text), ("c.id", .text)], descending: false)
        case .due: KeysetOrder(name: order.rawValue, keys: [(dueOrder("c"), .text), ("c.id", .text)], descending: false)
        }
    }

    /// R-KS-4: one page of the carriers `viewer` may know of, matching `filter`, in `order`.
    static func page(to viewer: Viewer, filter f: CarrierFilter, order: CarrierOrder, request: PageRequest, on db: any SQLDatabase) async throws
        -> Page<Carrier>
    {
        try await register.page(
            alias: "c", viewer: viewer, matching: try await conditions(f, on: db), newest: order == .newest, order: keyset(order), request: request,
            on: db, decode: carrier(from:))
    }

    /// R-KS-4: how many carriers `viewer` may know of, matching `filter`.
    static func visibleCount(to viewer: Viewer, filter f: CarrierFilter, on db: any SQLDatabase) async throws -> Int {
        let visibility = try await AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db)
        var q: SQLQueryString = "SELECT COUNT(*) AS n FROM carriers c WHERE \(visibility)"
        q = q + (try await conditions(f, on: db)).sql
        return try await db.raw(q).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// R-KS-4: of `ids`, those `viewer` may know of, with their register numbers.
    static func visibleNumbers(ids: [String], viewer: Viewer, on db: any SQLDatabase) async throws -> [String: String] {
        var out: [String: String] = [:]
        let side = try await AccessFilter.side(recordKind: recordKind, viewer: viewer, on: db)
        for chunk in ids.chunks() {
            var q: SQLQueryString = "SELECT c.id, c.number FROM carriers c WHERE c.id IN ("
            q = q + chunk.map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ") + ") AND "
            q = q + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, side: side)
            for row in try await db.raw(q).all() { out[try row.decode(column: "id", as: String.self)] = try row.decode(column: "number", as: String.self) }
        }
        return out
    }

    /// The columns the register's search looks in (its search index, M025).
    static let searched = ["title", "number", "document_number"]

    /// The filter's terms over `c`; those with an index of their own narrow it (`Filtering`).
    static func conditions(_ f: CarrierFilter, on db: any SQLDatabase) async throws -> Filtering {
        var q = Filtering()
        if let unit = f.unitID, !unit.isEmpty { q.and("c.unit_id = \(bind: unit)", narrows: true) }
        if let kind = f.kind { q.and("c.kind = \(bind: kind.rawValue)") }
        if let status = f.status { q.and("c.status = \(bind: status.rawValue)") }
        if let level = f.level { q.and("c.level = \(bind: level.code)") }
        if let holder = f.holderPersonID, !holder.isEmpty { q.and("c.holder_person_id = \(bind: holder)", narrows: true) }
        if let year = f.registeredYear { q.and("c.registered_on LIKE \(bind: String(format: "%04d-%%", year))") }
        if let search = f.search, !search.isEmpty {
            let match = try await TextSearch.match(search, table: "carriers", alias: "c", columns: searched, on: db)
            q.and(search: match)
        }
        return q
    }

    /// The next register number of a unit for a year: `ZT-2026-0001`.
    static func nextNumber(unitID: String, prefix: String, year: Int, on db: any SQLDatabase) async throws -> String {
        let n = try await numbersUsed(unitID: unitID, prefix: prefix, year: year, on: db)
        return "\(prefix)-" + CarrierRules.registerNumber(year: year, sequence: n + 1)
    }

    /// How many register numbers `prefix-year-…` the unit has given so far.
    static func numbersUsed(unitID: String, prefix: String, year: Int, on db: any SQLDatabase) async throws -> Int {
        let like = "\(prefix)-\(year)-%"
        return try await db.raw("SELECT COUNT(*) AS n FROM carriers WHERE unit_id = \(bind: unitID) AND number LIKE \(bind: like)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    /// Appends a history entry.
    /// `persons`: who was present at a step needing two persons for 绝密 (escorts, companions, destruction witnesses).
    static func event(
        _ carrierID: String, at millis: Int64, actor: String, kind: String, summary: String, persons: [String]? = nil, on db: any SQLDatabase
    ) async throws {
        try await appendEvents([(carrierID, kind, summary, persons)], at: millis, actor: actor, on: db)
    }

    static func events(_ carrierID: String, on db: any SQLDatabase) async throws -> [CarrierEvent] {
        try await db.raw("SELECT * FROM carrier_events WHERE carrier_id = \(bind: carrierID) ORDER BY seq").all().map {
            CarrierEvent(
                at: try $0.decode(column: "at", as: Int64.self), actorName: try $0.decode(column: "actor_name", as: String.self),
                kind: try $0.decode(column: "kind", as: String.self), summary: try $0.decode(column: "summary", as: String.self))
        }
    }

    /// Writes a line into one of the unit's registers with the year's next running number (R-CA-2).
    static func register(
        _ book: RegisterEntry.Book, unitID: String, carrierID: String, on day: Day, counterpart: String, copies: Int, serials: [String], approver: String,
        handledBy: String, note: String, at millis: Int64, on db: any SQLDatabase
    ) async throws -> String {
        let seq =
            (try await db.raw(
                "SELECT MAX(seq) AS m FROM carrier_registers WHERE unit_id = \(bind: unitID) AND register = \(bind: book.rawValue) AND year = \(bind: day.year)"
            ).first()?.decode(column: "m", as: Int?.self) ?? 0) + 1
        try await db.raw(
            """
            INSERT INTO carrier_registers (id, unit_id, register, year, seq, carrier_id, on_day, counterpart, copies, serials, approver, handled_by, note,
                created_at)
            VALUES (\(bind: IDs.make()), \(bind: unitID), \(bind: book.rawValue), \(bind: day.year), \(bind: seq), \(bind: carrierID), \(bind: day.iso),
                \(bind: counterpart), \(bind: copies), \(bind: join(serials)), \(bind: approver), \(bind: handledBy), \(bind: note), \(bind: millis))
            """
        ).run()
        return CarrierRules.registerNumber(year: day.year, sequence: seq)
    }

    /// R-KS-4: a register's lines for carriers `viewer` may know of.
    static func registerEntries(_ book: RegisterEntry.Book, unitID: String, year: Int, viewer: Viewer, on db: any SQLDatabase) async throws -> [RegisterEntry] {
        var q: SQLQueryString = """
            SELECT r.*, c.number AS carrier_number, c.title, c.document_number, c.level,
                (SELECT MAX(e.at) FROM carrier_events e WHERE e.carrier_id = c.id AND e.kind IN (\(binds: closingEventKinds))) AS closed_at
            FROM carrier_registers r JOIN carriers c ON c.id = r.carrier_id
            WHERE r.unit_id = \(bind: unitID) AND r.register = \(bind: book.rawValue) AND r.year = \(bind: year) AND
            """
        q = try await q + AccessFilter.visible(alias: "c", recordKind: recordKind, viewer: viewer, on: db) + " ORDER BY r.seq"
        return try await db.raw(q).all().map {
            RegisterEntry(
                book: book, number: CarrierRules.registerNumber(year: year, sequence: try $0.decode(column: "seq", as: Int.self)),
                carrierID: try $0.decode(column: "carrier_id", as: String.self),
                onDay: Day(iso: try $0.decode(column: "on_day", as: String.self)) ?? Day(year: year, month: 1, day: 1)!,
                counterpart: try $0.decode(column: "counterpart", as: String.self), copies: try $0.decode(column: "copies", as: Int.self),
                serials: split(try $0.decode(column: "serials", as: String.self)), approver: try $0.decode(column: "approver", as: String.self),
                handledBy: try $0.decode(column: "handled_by", as: String.self), note: try $0.decode(column: "note", as: String.self),
                carrierNumber: try $0.decode(column: "carrier_number", as: String.self), title: try $0.decode(column: "title", as: String.self),
                documentNumber: try $0.decode(column: "document_number", as: String.self),
                level: Level.stored(try $0.decode(column: "level", as: String.self)),
                closedOn: try $0.decode(column: "closed_at", as: Int64?.self).map { Day(date: Date(timeIntervalSince1970: Double($0) / 1000)) })
        }
    }

    // MARK: safes

    static func safe(from row: any SQLRow) throws -> Safe {
        Safe(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            name: try row.decode(column: "name", as: String.self), location: try row.decode(column: "location", as: String.self),
            level: Level.stored(try row.decode(column: "level", as: String.self)),
            topSecretOnly: try row.decode(column: "top_secret_only", as: Int.self) != 0)
    }

    static func insert(_ s: Safe, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO safes (id, unit_id, name, location, level, top_secret_only, created_at)
            VALUES (\(bind: s.id), \(bind: s.unitID), \(bind: s.name), \(bind: s.location), \(bind: s.level.code), \(bind: s.topSecretOnly ? 1 : 0), \(bind: millis))
            """
        ).run()
    }

    static func safe(id: String, on db: any SQLDatabase) async throws -> Safe? {
        try await db.raw("SELECT * FROM safes WHERE id = \(bind: id)").first().map(safe(from:))
    }

    static func safes(unitID: String, on db: any SQLDatabase) async throws -> [Safe] {
        try await db.raw("SELECT * FROM safes WHERE unit_id = \(bind: unitID) ORDER BY name").all().map(safe(from:))
    }
}
