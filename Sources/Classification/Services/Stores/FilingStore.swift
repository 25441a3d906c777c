import Classification
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// 备案 — what a unit files with a secrecy administration, and the administration's answer.
public struct Filing: Sendable, Hashable, Codable {
    /// Where a filing stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// 已报备，待审查
        case filed
        /// 已审查备案
        case acknowledged
        /// 退回，附纠正意见 (R-CL-8)
        case returned

        /// The Chinese name of the status, as the queues show it.
        public var chinese: String {
            switch self {
            case .filed: "待审查"
            case .acknowledged: "已备案"
            case .returned: "已退回纠正"
            }
        }
    }

    /// The filing's record id.
    public var id: String
    /// What is filed.
    public var kind: FilingKind
    /// The filing unit.
    public var unitID: String
    /// The grant (or nothing) the filing is about.
    public var subjectID: String?
    /// The secrecy administration (unit id) it is filed with.
    public var filedWithUnitID: String
    /// The day it was filed.
    public var filedOn: Day
    /// The display name of whoever filed it.
    public var filedBy: String
    /// One line for queues.
    public var summary: String
    /// The filed document itself, as text (what is printed).
    public var content: String
    /// Where it stands: awaiting review, acknowledged or returned.
    public var status: Status
    /// The administration's answer (its 纠正意见 when returned); nil until it replies.
    public var reply: String?
    /// The display name of whoever replied; nil until then.
    public var repliedBy: String?
    /// The day of the reply; nil until then.
    public var repliedOn: Day?
}

/// 定密授权申请 (R-AU-3, DM 9): requested authority, matter scope, term, basis and reasons.
public struct GrantApplication: Sendable, Hashable, Codable {
    /// Where an application stands.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, granted, refused

        /// The Chinese name of the status, as the queues show it.
        public var chinese: String {
            switch self {
            case .pending: "待决定"
            case .granted: "已授权"
            case .refused: "不予授权"
            }
        }
    }

    /// The application's record id.
    public var id: String
    /// The unit asking for authority (the would-be 被授权单位).
    public var applicantUnitID: String
    /// 授权机关 — the unit asked to grant it.
    public var grantorUnitID: String
    /// 定密权限 — the highest level asked for.
    public var cap: Level
    /// 事项范围 — the matters the authority would cover.
    public var matterScope: String
    /// First day of the term asked for.
    public var validFrom: Day
    /// Last day of the term asked for (inclusive); after `validFrom`.
    public var validUntil: Day
    /// 申请依据 — the provision the application rests on.
    public var basis: String
    /// 申请理由 — why the unit needs the authority.
    public var reasons: String
    /// The day of the application.
    public var appliedOn: Day
    /// Pending, granted or refused.
    public var status: Status
    /// The grantor's note on its decision; nil while pending.
    public var decisionNote: String?
    /// The grant made on it; nil unless granted.
    public var grantID: String?
}

/// A catalogue item as it stood at one revision (R-AU-6).
public struct CatalogueRevision: Sendable, Hashable, Codable {
    /// The 一览表 item (id) revised.
    public var itemID: String
    /// The revision number; 1 for the item as first added.
    public var revision: Int
    /// The item as one line of the 一览表, as it read at this revision.
    public var content: String
    /// Why it changed; `新增` for a new item.
    public var reason: String
    /// The display name of whoever changed it.
    public var changedBy: String
    /// The day of the change.
    public var changedOn: Day
}

/// Filings, grant applications and catalogue revisions.
enum FilingStore {
    static func filing(from row: any SQLRow) throws -> Filing {
        Filing(
            id: try row.decode(column: "id", as: String.self),
            kind: FilingKind(rawValue: try row.decode(column: "kind", as: String.self)),
            unitID: try row.decode(column: "unit_id", as: String.self), subjectID: try row.decode(column: "subject_id", as: String?.self),
            filedWithUnitID: try row.decode(column: "filed_with_unit_id", as: String.self),
            filedOn: Day(iso: try row.decode(column: "filed_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            filedBy: try row.decode(column: "filed_by", as: String.self), summary: try row.decode(column: "summary", as: String.self),
            content: try row.decode(column: "content", as: String.self),
            status: Filing.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .filed,
            reply: try row.decode(column: "reply", as: String?.self), repliedBy: try row.decode(column: "replied_by", as: String?.self),
            repliedOn: try row.decode(column: "replied_on", as: String?.self).flatMap(Day.init(iso:)))
    }

    static func insert(_ f: Filing, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO filings (id, kind, unit_id, subject_id, filed_with_unit_id, filed_on, filed_by, summary, content, status, created_at)
            VALUES (\(bind: f.id), \(bind: f.kind.rawValue), \(bind: f.unitID), \(bind: f.subjectID), \(bind: f.filedWithUnitID), \(bind: f.filedOn.iso),
                \(bind: f.filedBy), \(bind: f.summary), \(bind: f.content), \(bind: f.status.rawValue), \(bind: millis))
            """
        ).run()
    }

    static func reply(id: String, status: Filing.Status, reply: String, by name: String, on day: Day, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE filings SET status = \(bind: status.rawValue), reply = \(bind: reply), replied_by = \(bind: name), replied_on = \(bind: day.iso)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    static func filing(id: String, on db: any SQLDatabase) async throws -> Filing? {
        try await db.raw("SELECT * FROM filings WHERE id = \(bind: id)").first().map(filing(from:))
    }

    /// Filings received by an administration, newest first.
    static func filings(filedWith unitID: String, on db: any SQLDatabase) async throws -> [Filing] {
        try await db.raw("SELECT * FROM filings WHERE filed_with_unit_id = \(bind: unitID) ORDER BY created_at DESC, id").all().map(filing(from:))
    }

    /// Filings made by a unit, newest first.
    static func filings(byUnit unitID: String, on db: any SQLDatabase) async throws -> [Filing] {
        try await db.raw("SELECT * FROM filings WHERE unit_id = \(bind: unitID) ORDER BY created_at DESC, id").all().map(filing(from:))
    }

    static func count(filedWith unitID: String, status: Filing.Status, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM filings WHERE filed_with_unit_id = \(bind: unitID) AND status = \(bind: status.rawValue)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    static func count(byUnit unitID: String, status: Filing.Status, on db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM filings WHERE unit_id = \(bind: unitID) AND status = \(bind: status.rawValue)").first()?
            .decode(column: "n", as: Int.self) ?? 0
    }

    // MARK: applications

    static func application(from row: any SQLRow) throws -> GrantApplication {
        GrantApplication(
            id: try row.decode(column: "id", as: String.self), applicantUnitID: try row.decode(column: "applicant_unit_id", as: String.self),
            grantorUnitID: try row.decode(column: "grantor_unit_id", as: String.self),
            cap: Level.storedCeiling(try row.decode(column: "cap", as: String.self)), matterScope: try row.decode(column: "matter_scope", as: String.self),
            validFrom: Day(iso: try row.decode(column: "valid_from", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            validUntil: Day(iso: try row.decode(column: "valid_until", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            basis: try row.decode(column: "basis", as: String.self), reasons: try row.decode(column: "reasons", as: String.self),
            appliedOn: Day(iso: try row.decode(column: "applied_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!,
            status: GrantApplication.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            decisionNote: try row.decode(column: "decision_note", as: String?.self), grantID: try row.decode(column: "grant_id", as: String?.self))
    }

    static func insert(_ a: GrantApplication, appliedBy: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO grant_applications (id, applicant_unit_id, grantor_unit_id, cap, matter_scope, valid_from, valid_until, basis, reasons,
                applied_on, applied_by, status, created_at)
            VALUES (\(bind: a.id), \(bind: a.applicantUnitID), \(bind: a.grantorUnitID), \(bind: a.cap.code), \(bind: a.matterScope),
                \(bind: a.validFrom.iso), \(bind: a.validUntil.iso), \(bind: a.basis), \(bind: a.reasons), \(bind: a.appliedOn.iso), \(bind: appliedBy),
                \(bind: a.status.rawValue), \(bind: millis))
            """
        ).run()
    }

    static func decide(id: String, status: GrantApplication.Status, note: String, grantID: String?, on day: Day, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE grant_applications SET status = \(bind: status.rawValue), decision_note = \(bind: note), grant_id = \(bind: grantID),
                decided_on = \(bind: day.iso)
            WHERE id = \(bind: id)
            """
        ).run()
    }

    static func application(id: String, on db: any SQLDatabase) async throws -> GrantApplication? {
        try await db.raw("SELECT * FROM grant_applications WHERE id = \(bind: id)").first().map(application(from:))
    }

    /// Applications a unit made or received, newest first.
    static func applications(involving unitID: String, on db: any SQLDatabase) async throws -> [GrantApplication] {
        try await db.raw(
            """
            SELECT * FROM grant_applications WHERE applicant_unit_id = \(bind: unitID) OR grantor_unit_id = \(bind: unitID)
            ORDER BY created_at DESC, id
            """
        ).all().map(application(from:))
    }

    // MARK: catalogue revisions

    static func insert(_ r: CatalogueRevision, unitID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO catalogue_revisions (id, item_id, unit_id, revision, content, reason, changed_by, changed_on, created_at)
            VALUES (\(bind: IDs.make()), \(bind: r.itemID), \(bind: unitID), \(bind: r.revision), \(bind: r.content), \(bind: r.reason),
                \(bind: r.changedBy), \(bind: r.changedOn.iso), \(bind: millis))
            """
        ).run()
    }

    /// A unit's catalogue revisions, newest first.
    static func revisions(unitID: String, on db: any SQLDatabase) async throws -> [CatalogueRevision] {
        try await db.raw("SELECT * FROM catalogue_revisions WHERE unit_id = \(bind: unitID) ORDER BY created_at DESC, revision DESC").all().map {
            CatalogueRevision(
                itemID: try $0.decode(column: "item_id", as: String.self), revision: try $0.decode(column: "revision", as: Int.self),
                content: try $0.decode(column: "content", as: String.self), reason: try $0.decode(column: "reason", as: String.self),
                changedBy: try $0.decode(column: "changed_by", as: String.self),
                changedOn: Day(iso: try $0.decode(column: "changed_on", as: String.self)) ?? Day(year: 2000, month: 1, day: 1)!)
        }
    }
}
