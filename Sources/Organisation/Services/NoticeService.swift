import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import SQLKit
import Storage

/// Input for a new 涉密通知.
public struct NewNotice: Sendable {
    /// 标题 — at most 100 characters.
    public var title: String
    /// 正文 — at most 20,000 characters.
    public var body: String
    /// The marking text, e.g. `机密★10年`.
    public var marking: String
    /// 制发日期 as `YYYY-MM-DD`; the secrecy period counts from it.
    public var issuedOn: String
    /// Persons to put in the knowledge scope besides the author.
    public var scopePersonIDs: [String]

    /// Creates the input; the author joins the knowledge scope whether listed or not.
    public init(title: String, body: String, marking: String, issuedOn: String, scopePersonIDs: [String]) {
        self.title = title
        self.body = body
        self.marking = marking
        self.issuedOn = issuedOn
        self.scopePersonIDs = scopePersonIDs
    }
}

/// 涉密通知 — the sample protected record that proves the access model (R-KS-4, R-SY-2, R-SY-3).
public struct NoticeService: Sendable {
    let services: Services

    /// Creates a notice: the author must be a business user whose clearance covers the level (R-KS-4);
    /// the marking must parse and validate (R-LV-2, R-DU-1..4); every scope member must exist.
    public func create(_ actor: Actor, _ input: NewNotice) async throws -> ClassifiedNotice {
        let s = services
        let viewer = actor.viewer
        guard let author = actor.person, viewer.personID != nil else {
            throw Refusal(code: "notice.no_person", message: "只有关联了人员的业务账号才能起草涉密通知", kind: .forbidden)
        }
        let title = try Validate.text(input.title, field: "title", label: "标题", max: 100)
        let body = try Validate.text(input.body, field: "body", label: "正文", max: 20_000)
        let issuedOn = try Validate.day(input.issuedOn, field: "issued_on", label: "制发日期")
        let marking = try Marking.parse(input.marking)
        try marking.validate(issueDate: issuedOn)
        try marking.level.checkWithin(system: s.systemLevel, field: "marking")
        let sensitivity = Sensitivity.stateSecret(marking.level)
        try NoticeRules.checkDrafter(tier: viewer.tier, level: marking.level)
        let notice = ClassifiedNotice(
            id: IDs.make(), unitID: author.unitID, title: title, body: body, sensitivity: sensitivity,
            marking: marking.render(), issuedOn: issuedOn, authorPersonID: author.id, createdAt: s.nowMillis)
        try await s.database.transaction { db in
            try await NoticeStore.insert(notice, on: db)
            let members = Set(input.scopePersonIDs.filter { !$0.isEmpty }).union([author.id])
            for pid in members.sorted() {
                guard try await OrganisationStore.person(id: pid, on: db) != nil else {
                    throw Refusal.invalid("scope_person_ids", "知悉范围中的人员不存在")
                }
                try await ScopeStore.add(
                    NoticeStore.register, recordID: notice.id, personID: pid, addedBy: actor.userID,
                    reason: pid == author.id ? "起草人" : "起草时确定", at: s.nowMillis, on: db)
            }
            try await AuditStore.append(
                s.record(
                    actor, "notice.create", target: NoticeStore.recordKind, id: notice.id, level: sensitivity.code,
                    after: ["marking": notice.marking, "scope": members.sorted().joined(separator: ",")]),
                on: db)
        }
        return notice
    }

    /// R-KS-4: the notices the actor may see (lists and searches use the same rule as single reads).
    public func list(_ actor: Actor, search: String? = nil) async throws -> [ClassifiedNotice] {
        let found = try await services.database.read { db in try await NoticeStore.visible(to: actor.viewer, search: search, on: db) }
        try await services.auditShown(actor, recordKind: NoticeStore.recordKind, shown: found.map { ($0.id, $0.sensitivity.level) })
        return found
    }

    /// R-KS-4: how many notices the actor may see.
    public func count(_ actor: Actor) async throws -> Int {
        try await services.database.read { db in try await NoticeStore.visibleCount(to: actor.viewer, on: db) }
    }

    private enum Read: Sendable {
        case found(ClassifiedNotice, Set<String>)
        case hidden
    }

    /// R-SY-2 / R-KS-4: one notice. A notice the actor may not see is answered exactly like a missing one
    /// (`Refusal.notFound`), and the denial is audited; reads of 机密/绝密 are audited too (R-SY-3).
    public func get(_ actor: Actor, id: String) async throws -> (notice: ClassifiedNotice, scope: Set<String>) {
        let s = services
        let outcome: Read = try await s.database.transaction { db in
            let found = try await NoticeStore.unchecked(id: id, on: db)
            // R-SY-2: the scope is read whether or not the notice exists, so a missing ID costs the statements a hidden one does.
            let scope = try await ScopeStore.persons(recordKind: NoticeStore.recordKind, recordID: id, on: db)
            guard let notice = found else {
                try await s.auditMissingRead(actor, recordKind: NoticeStore.recordKind, id: id, on: db)
                return .hidden
            }
            guard
                try await s.authorizeRead(
                    actor, recordKind: NoticeStore.recordKind, id: id, sensitivity: notice.sensitivity, scope: scope,
                    auditLevel: notice.sensitivity.code, on: db)
            else { return .hidden }
            if let level = notice.sensitivity.level, level >= .confidential {
                try await AuditStore.append(
                    s.record(actor, "notice.read", target: NoticeStore.recordKind, id: id, level: notice.sensitivity.code), on: db)
            }
            return .found(notice, scope)
        }
        switch outcome {
        case .found(let notice, let scope): return (notice, scope)
        case .hidden: throw Refusal.notFound
        }
    }
}
