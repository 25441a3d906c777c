import Accounts
import Foundation
import Kernel
import Personnel
import SQLKit
import Storage

/// SQL of the personnel registers; no rules. Internal to the area.
enum PersonnelStore {
    static func day(_ row: any SQLRow, _ column: String) throws -> Day? { try row.decode(column: column, as: String?.self).flatMap(Day.init(iso:)) }
    static func text(_ row: any SQLRow, _ column: String) throws -> String { try row.decode(column: column, as: String.self) }
    static func json<T: Encodable>(_ value: T) -> String { String(decoding: (try? JSONEncoder.canonical.encode(value)) ?? Data(), as: UTF8.self) }
    static func unjson<T: Decodable>(_ type: T.Type, _ text: String) -> T? { try? JSONDecoder().decode(type, from: Data(text.utf8)) }
    static func split(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

    // MARK: posts

    static func post(from row: any SQLRow) throws -> SecretPost { try post(from: row, prefix: "") }

    /// A post from a join where its columns carry `prefix` (`s_name` …).
    static func post(from row: any SQLRow, prefix p: String) throws -> SecretPost {
        SecretPost(
            id: try text(row, p + "id"), unitID: try text(row, p + "unit_id"), departmentID: try row.decode(column: p + "department_id", as: String?.self),
            name: try text(row, p + "name"), highestLevel: Level.stored(try text(row, p + "highest_level")),
            keyPart: try row.decode(column: p + "key_part", as: Int.self) != 0,
            roles: split(try text(row, p + "roles")).compactMap(Role.init(rawValue:)),
            validFrom: try day(row, p + "valid_from") ?? Day(year: 2000, month: 1, day: 1)!, validTo: try day(row, p + "valid_to"))
    }

    static func insert(_ p: SecretPost, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO secret_posts (id, unit_id, department_id, name, highest_level, tier, key_part, roles, valid_from, valid_to, created_at)
            VALUES (\(bind: p.id), \(bind: p.unitID), \(bind: p.departmentID), \(bind: p.name), \(bind: p.highestLevel.code), \(bind: p.tier.rawValue),
                \(bind: p.keyPart ? 1 : 0), \(bind: p.roles.map(\.rawValue).joined(separator: ",")), \(bind: p.validFrom.iso), \(bind: p.validTo?.iso),
                \(bind: millis))
            """
        ).run()
    }

    static func post(id: String, on db: any SQLDatabase) async throws -> SecretPost? {
        try await db.raw("SELECT * FROM secret_posts WHERE id = \(bind: id)").first().map(post(from:))
    }

    static func posts(unitID: String, on db: any SQLDatabase) async throws -> [SecretPost] {
        try await db.raw("SELECT * FROM secret_posts WHERE unit_id = \(bind: unitID) ORDER BY name, id LIMIT 2000").all().map(post(from:))
    }

    /// R-PE-10: whether the unit already has a 涉密岗位 of this name other than `except` (`secret_posts_unit`) — a name
    /// is registered once, an abolished post's too (its records keep the name).
    static func postExists(unitID: String, name: String, except: String? = nil, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            "SELECT 1 AS one FROM secret_posts WHERE unit_id = \(bind: unitID) AND name = \(bind: name) AND id <> \(bind: except ?? "")"
        ).first() != nil
    }

    /// R-PE-10: a post's name, level, tier, key part, duties and 撤销日期 as edited.
    static func update(_ p: SecretPost, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE secret_posts SET department_id = \(bind: p.departmentID), name = \(bind: p.name), highest_level = \(bind: p.highestLevel.code),
                tier = \(bind: p.tier.rawValue), key_part = \(bind: p.keyPart ? 1 : 0), roles = \(bind: p.roles.map(\.rawValue).joined(separator: ",")),
                valid_to = \(bind: p.validTo?.iso)
            WHERE id = \(bind: p.id)
            """
        ).run()
    }

    /// R-PE-10: how many serve in a post, by tier (`cleared_persons_post`).
    static func holders(postID: String, on db: any SQLDatabase) async throws -> [ClearanceTier: Int] {
        var out: [ClearanceTier: Int] = [:]
        for row in try await db.raw(
            """
            SELECT tier, COUNT(*) AS n FROM cleared_persons WHERE post_id = \(bind: postID) AND status = \(bind: PersonnelStatus.serving.rawValue)
            GROUP BY tier
            """
        ).all() {
            // An unreadable stored tier counts as the highest (fail closed).
            out[ClearanceTier(rawValue: try row.decode(column: "tier", as: String.self)) ?? .core, default: 0] += try row.decode(column: "n", as: Int.self)
        }
        return out
    }

    /// R-PE-10: a 变动复审 due for everyone serving in a post, with `reason` — one already pending keeps its own.
    static func openChangeReviews(postID: String, reason: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE cleared_persons SET change_review = COALESCE(change_review, \(bind: reason)), updated_at = \(bind: millis)
            WHERE post_id = \(bind: postID) AND status = \(bind: PersonnelStatus.serving.rawValue)
            """
        ).run()
    }

    /// Whether the department is one of the unit's (the shared schema, read only) — a post's department is its unit's.
    static func departmentExists(id: String, unitID: String, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT 1 AS one FROM departments WHERE id = \(bind: id) AND unit_id = \(bind: unitID)").first() != nil
    }

    // MARK: cleared persons

    static func cleared(from row: any SQLRow) throws -> ClearedPerson {
        var certificate: Certificate?
        if let number = try row.decode(column: "cert_number", as: String?.self), let issued = try day(row, "cert_issued_on"),
            let until = try day(row, "cert_valid_until")
        {
            certificate = Certificate(
                number: number, issuer: try row.decode(column: "cert_issuer", as: String?.self) ?? "", issuedOn: issued, validUntil: until)
        }
        return ClearedPerson(
            personID: try text(row, "person_id"), unitID: try text(row, "unit_id"), postID: try text(row, "post_id"),
            tier: ClearanceTier(rawValue: try text(row, "tier")) ?? .none, appointedOn: try day(row, "appointed_on") ?? Day(year: 2000, month: 1, day: 1)!,
            status: PersonnelStatus(rawValue: try text(row, "status")) ?? .serving, nextReviewOn: try day(row, "next_review_on"),
            declearingFrom: try day(row, "declearing_from"), declearingUntil: try day(row, "declearing_until"), certificate: certificate)
    }

    static func cleared(personID: String, on db: any SQLDatabase) async throws -> ClearedPerson? {
        try await db.raw("SELECT * FROM cleared_persons WHERE person_id = \(bind: personID)").first().map(cleared(from:))
    }

    /// R-PE-3: the persons in post in the unit (`cleared_persons_unit`) — a roster import lists none of them again.
    static func servingPersonIDs(unitID: String, on db: any SQLDatabase) async throws -> [String] {
        try await db.raw(
            "SELECT person_id FROM cleared_persons WHERE unit_id = \(bind: unitID) AND status = \(bind: PersonnelStatus.serving.rawValue)"
        ).all().map { try $0.decode(column: "person_id", as: String.self) }
    }

    /// R-PE-3: the 涉密人员名单 as it is filed — every person in post with name, post, the post's highest level, tier and
    /// appointment, by person. A level or tier the register cannot read is nil.
    static func servingRoster(unitID: String, on db: any SQLDatabase) async throws -> [(
        name: String, post: String, highestLevel: Level?, tier: ClearanceTier?, appointedOn: String
    )] {
        try await db.raw(
            """
            SELECT p.name, s.name AS post, s.highest_level, c.tier, c.appointed_on FROM cleared_persons c
            JOIN persons p ON p.id = c.person_id JOIN secret_posts s ON s.id = c.post_id
            WHERE c.unit_id = \(bind: unitID) AND c.status = \(bind: PersonnelStatus.serving.rawValue) ORDER BY c.person_id
            """
        ).all().map { row in
            (
                try text(row, "name"), try text(row, "post"), Level(code: try text(row, "highest_level")),
                ClearanceTier(rawValue: try text(row, "tier")), try text(row, "appointed_on")
            )
        }
    }

    /// R-PE-7: ends every 脱密期 that ran out before `day` (`cleared_persons_declearing`) — the persons become 已脱密.
    /// Returns who; nothing is written when nobody's ended.
    static func endDeclearing(before day: Day, at millis: Int64, on db: any SQLDatabase) async throws -> [String] {
        let declearing = PersonnelStatus.declearing.rawValue
        let ended = try await db.raw(
            "SELECT person_id FROM cleared_persons WHERE status = \(bind: declearing) AND declearing_until < \(bind: day.iso)"
        ).all().map { try $0.decode(column: "person_id", as: String.self) }
        guard !ended.isEmpty else { return [] }
        try await db.raw(
            """
            UPDATE cleared_persons SET status = \(bind: PersonnelStatus.cleared.rawValue), updated_at = \(bind: millis)
            WHERE status = \(bind: declearing) AND declearing_until < \(bind: day.iso)
            """
        ).run()
        return ended
    }

    /// R-PE-10: a person's standing and the post it is in — both nil for a person never cleared.
    static func standing(personID: String, on db: any SQLDatabase) async throws -> (record: ClearedPerson?, post: SecretPost?) {
        let s = try await standingWithReview(personID: personID, on: db)
        return (s.record, s.post)
    }

    /// The standing, the post and the pending 变动复审's reason, in one statement (issue 12: the file and the
    /// departure gate read them on every request).
    static func standingWithReview(personID: String, on db: any SQLDatabase) async throws -> (
        record: ClearedPerson?, post: SecretPost?, changeReview: String?
    ) {
        let row = try await db.raw(
            """
            SELECT c.*, s.id AS s_id, s.unit_id AS s_unit_id, s.department_id AS s_department_id, s.name AS s_name,
                   s.highest_level AS s_highest_level, s.key_part AS s_key_part, s.roles AS s_roles, s.valid_from AS s_valid_from,
                   s.valid_to AS s_valid_to
            FROM cleared_persons c LEFT JOIN secret_posts s ON s.id = c.post_id
            WHERE c.person_id = \(bind: personID)
            """
        ).first()
        guard let row else { return (nil, nil, nil) }
        let post = try row.decode(column: "s_id", as: String?.self) == nil ? nil : try post(from: row, prefix: "s_")
        return (try cleared(from: row), post, try row.decode(column: "change_review", as: String?.self))
    }

    /// R-PE-10: the register keeps the tier the 安全保密管理员 set.
    /// The tier kept on the register; `changeReview`, when given, is the 变动复审 the change opens (one already pending
    /// keeps its own reason).
    static func setTier(personID: String, tier: ClearanceTier, changeReview: String?, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE cleared_persons SET tier = \(bind: tier.rawValue), change_review = COALESCE(change_review, \(bind: changeReview)),
                updated_at = \(bind: millis)
            WHERE person_id = \(bind: personID)
            """
        ).run()
    }

    /// Inserts or updates; `changeReview` is the pending 变动复审's reason (nil: none pending).
    static func save(_ c: ClearedPerson, changeReview: String?, at millis: Int64, on db: any SQLDatabase) async throws {
        let cert = c.certificate
        try await db.raw(
            """
            INSERT INTO cleared_persons (person_id, unit_id, post_id, tier, appointed_on, status, next_review_on, change_review, declearing_from,
                declearing_until, cert_number, cert_issuer, cert_issued_on, cert_valid_until, updated_at)
            VALUES (\(bind: c.personID), \(bind: c.unitID), \(bind: c.postID), \(bind: c.tier.rawValue), \(bind: c.appointedOn.iso), \(bind: c.status.rawValue),
                \(bind: c.nextReviewOn?.iso), \(bind: changeReview), \(bind: c.declearingFrom?.iso), \(bind: c.declearingUntil?.iso), \(bind: cert?.number),
                \(bind: cert?.issuer), \(bind: cert?.issuedOn.iso), \(bind: cert?.validUntil.iso), \(bind: millis))
            ON CONFLICT (person_id) DO UPDATE SET unit_id = excluded.unit_id, post_id = excluded.post_id, tier = excluded.tier,
                appointed_on = excluded.appointed_on, status = excluded.status, next_review_on = excluded.next_review_on,
                change_review = excluded.change_review, declearing_from = excluded.declearing_from, declearing_until = excluded.declearing_until,
                cert_number = excluded.cert_number, cert_issuer = excluded.cert_issuer, cert_issued_on = excluded.cert_issued_on,
                cert_valid_until = excluded.cert_valid_until, updated_at = excluded.updated_at
            """
        ).run()
    }

    static func setChangeReview(personID: String, _ reason: String?, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE cleared_persons SET change_review = \(bind: reason) WHERE person_id = \(bind: personID)").run()
    }

    static func changeReview(personID: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT change_review FROM cleared_persons WHERE person_id = \(bind: personID)").first()?.decode(
            column: "change_review", as: String?.self)
    }

    /// R-PE-3: the roster changed (an appointment, a departure, a removal) — to be filed again.
    static func rosterChanged(unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO personnel_roster (unit_id, changed_at, filed_at) VALUES (\(bind: unitID), \(bind: millis), NULL)
            ON CONFLICT (unit_id) DO UPDATE SET changed_at = excluded.changed_at
            """
        ).run()
    }

    static func rosterFiled(unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO personnel_roster (unit_id, changed_at, filed_at) VALUES (\(bind: unitID), NULL, \(bind: millis))
            ON CONFLICT (unit_id) DO UPDATE SET filed_at = excluded.filed_at
            """
        ).run()
    }

    static func roster(unitID: String, on db: any SQLDatabase) async throws -> (changed: Int64?, filed: Int64?) {
        guard let row = try await db.raw("SELECT changed_at, filed_at FROM personnel_roster WHERE unit_id = \(bind: unitID)").first() else { return (nil, nil) }
        return (try row.decode(column: "changed_at", as: Int64?.self), try row.decode(column: "filed_at", as: Int64?.self))
    }

    // MARK: reviews and commitments

    static func review(from row: any SQLRow) throws -> Review {
        Review(
            id: try text(row, "id"), personID: try text(row, "person_id"), postID: try text(row, "post_id"),
            kind: ReviewKind(rawValue: try text(row, "kind")) ?? .preAppointment,
            // An imported review has no answers here; an unreadable set reads as none, never as all met.
            eligibility: unjson(Eligibility.self, try text(row, "eligibility")), relativesAbroad: try text(row, "relatives_abroad"),
            personnelOpinion: try text(row, "personnel_opinion"), secrecyOpinion: try text(row, "secrecy_opinion"), decidedBy: try text(row, "decided_by"),
            passed: try row.decode(column: "passed", as: Int.self) != 0, reviewedOn: try day(row, "reviewed_on") ?? Day(year: 2000, month: 1, day: 1)!,
            trigger: try text(row, "review_trigger"), importedFrom: try row.decode(column: "imported_from", as: String?.self))
    }

    static func insert(_ r: Review, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO personnel_reviews (id, person_id, unit_id, post_id, kind, eligibility, relatives_abroad, personnel_opinion, secrecy_opinion,
                decided_by, passed, reviewed_on, review_trigger, created_at)
            VALUES (\(bind: r.id), \(bind: r.personID), \(bind: unitID), \(bind: r.postID), \(bind: r.kind.rawValue), \(bind: r.eligibility.map(json) ?? ""),
                \(bind: r.relativesAbroad), \(bind: r.personnelOpinion), \(bind: r.secrecyOpinion), \(bind: r.decidedBy), \(bind: r.passed ? 1 : 0),
                \(bind: r.reviewedOn.iso), \(bind: r.trigger), \(bind: millis))
            """
        ).run()
    }

    static func reviews(personID: String, on db: any SQLDatabase) async throws -> [Review] {
        try await db.raw("SELECT * FROM personnel_reviews WHERE person_id = \(bind: personID) ORDER BY created_at DESC LIMIT 200").all().map(review(from:))
    }

    static func commitment(from row: any SQLRow) throws -> Commitment {
        Commitment(
            id: try text(row, "id"), personID: try text(row, "person_id"), kind: CommitmentKind(rawValue: try text(row, "kind")) ?? .pledge,
            signedOn: try day(row, "signed_on") ?? Day(year: 2000, month: 1, day: 1)!, note: try text(row, "note"))
    }

    static func insert(_ c: Commitment, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO commitments (id, person_id, unit_id, kind, signed_on, note, created_at)
            VALUES (\(bind: c.id), \(bind: c.personID), \(bind: unitID), \(bind: c.kind.rawValue), \(bind: c.signedOn.iso), \(bind: c.note), \(bind: millis))
            """
        ).run()
    }

    static func commitments(personID: String, on db: any SQLDatabase) async throws -> [Commitment] {
        try await db.raw("SELECT * FROM commitments WHERE person_id = \(bind: personID) ORDER BY signed_on DESC, id LIMIT 200").all().map(commitment(from:))
    }
}
