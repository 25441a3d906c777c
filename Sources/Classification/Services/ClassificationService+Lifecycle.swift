import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// What a 承办人 submits to draft a secret.
public struct DraftRequest: Sendable {
    /// 事项名称 — the matter's title.
    public var title: String
    /// 定密依据 — a catalogue item, a source secret (派生) or an unclear matter.
    public var basis: ClassificationBasis
    /// The proposed marking, e.g. `机密★10年`; `秘密` when empty.
    public var marking: String
    /// 知悉范围 — the ids of the persons who may know it (R-KS-1).
    public var scope: [String]
    /// 密点 — what exactly is secret in it (R-LV-5).
    public var secretPoints: String
    /// The 承办人's answers to the four questions (R-CL-4).
    public var questions: FourQuestions
    /// R-CL-5: co-units of a joint secret (the drafting unit leads).
    public var coUnitIDs: [String] = []

    /// Creates a request for a single-unit secret (no co-units).
    public init(title: String, basis: ClassificationBasis, marking: String, scope: [String], secretPoints: String, questions: FourQuestions) {
        self.title = title
        self.basis = basis
        self.marking = marking
        self.scope = scope
        self.secretPoints = secretPoints
        self.questions = questions
    }
}

extension ClassificationService {
    /// R-CL-1 (first step): the 承办人 drafts; R-CL-4 questions, R-CL-6 derivation, R-KS-1 scope; protected from now.
    public func draft(_ actor: Actor, _ request: DraftRequest) async throws -> SecretMatter {
        let me = try person(actor)
        try requireRole(actor, [.handler], "拟定密级")
        let marking = try Marking.parse(request.marking.isEmpty ? "秘密" : request.marking)
        let s = services
        try marking.level.checkWithin(system: s.systemLevel, field: "marking")
        let day = today
        return try await s.attempt(actor, "secret.draft", target: ClassificationStore.recordKind, id: nil) { db in
            var item: CatalogueItem?
            var source: SecretMatter?
            switch request.basis {
            case .catalogue(let id):
                item = try ClassificationChecks.catalogueItem(try await AuthorityStore.item(id: id, on: db), of: me.unitID)
            case .derived(let id, _):
                // R-KS-4: a source the drafter may not see does not exist for them.
                source = try await visibleSecret(actor, id, on: db)
                guard source != nil else { throw ClassificationError.derivationWithoutSource }
            case .unclear:
                break
            }
            for pid in request.scope where try await OrganisationReads.person(id: pid, on: db) == nil {
                throw Refusal.invalid("scope", "知悉范围中的人员不存在")
            }
            let input = DraftInput(
                title: request.title, basis: request.basis, level: marking.level, period: marking.period, scope: Set(request.scope),
                secretPoints: request.secretPoints, questions: request.questions)
            var secret = try Drafting.draft(
                input, id: IDs.make(), unitID: me.unitID, handlerPersonID: me.id, handlerTier: me.tier, on: day, catalogueItem: item, source: source)
            try ClassificationChecks.coUnits(request.coUnitIDs, existing: Set(try await OrganisationReads.units(on: db).map(\.id)))
            secret = Responsibility.joint(secret, coUnitIDs: Array(Set(request.coUnitIDs)).sorted())
            try await persist(actor, secret, before: nil, kind: "draft", summary: "承办人拟定：\(request.basis.chinese)", reason: "拟定时确定", on: db)
            return secret
        }
    }

    /// R-CL-1: the 承办人 submits the draft to a 定密责任人 of the unit, who joins the scope to review it.
    public func submit(_ actor: Actor, secretID: String, officerPersonID: String) async throws -> SecretMatter {
        let me = try person(actor)
        let day = today
        return try await services.attempt(actor, "secret.submit", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.submit, me, actor, on: secret, on: db)
            try ClassificationChecks.reviewer(try await AuthorityStore.officers(personID: officerPersonID, on: db), unitID: secret.unitID, on: day)
            let officerTier = try await OrganisationReads.person(id: officerPersonID, on: db)?.tier ?? .none
            try OfficerRules.checkCanReceive(officerTier: officerTier, level: secret.level)
            var next = try Review.submit(secret)
            next.scope.insert(officerPersonID)
            next.officerPersonID = officerPersonID
            try await persist(actor, next, before: secret, kind: "submit", summary: "提交定密责任人审核", reason: "定密责任人审核", on: db)
            return next
        }
    }

    /// R-CL-1 / R-CL-2: the 定密责任人 decides. Without authority the refusal says to refer the matter up (R-AU-1).
    public func review(_ actor: Actor, secretID: String, decision: ReviewDecision) async throws -> SecretMatter {
        let me = try person(actor)
        let day = today
        if case .amend(let level, _, _, _) = decision { try level.checkWithin(system: services.systemLevel, field: "marking") }
        return try await services.attempt(actor, "secret.review", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            let action: SecretAction =
                switch decision {
                case .approve: .approve
                case .amend: .amend
                case .reject: .reject
                }
            let viewer = try await viewer(me, actor, for: secret, on: db)
            try SecretActions.check(action, on: secret, by: viewer, today: day)
            let decidingUnit = secret.status == .referredUp ? me.unitID : secret.unitID
            guard let officer = viewer.officerOf[decidingUnit] else { throw Refusal.notFound }
            let next = try Review.decide(
                secret, decision: decision, officer: officer, ownCap: viewer.decidingUnitCap, grants: viewer.decidingUnitGrants, on: day,
                allowance: viewer.allowance, decidingUnitID: decidingUnit)
            let summary: String =
                switch decision {
                case .approve: "定密责任人审核同意：\(next.marking.render())"
                case .amend(_, _, _, let reason): "定密责任人修改后同意：\(next.marking.render())（\(reason)）"
                case .reject(let reason): "定密责任人不同意定密：\(reason)"
                }
            try await persist(actor, next, before: secret, kind: "review", summary: summary, reason: "定密审核", on: db)
            return next
        }
    }

    /// R-AU-1: protective measures taken, the matter goes to the superior unit, whose officers in office join the scope.
    public func referUp(_ actor: Actor, secretID: String) async throws -> SecretMatter {
        let me = try person(actor)
        let day = today
        return try await services.attempt(actor, "secret.referUp", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.refer, me, actor, on: secret, on: db)
            guard let unit = try await OrganisationReads.unit(id: secret.unitID, on: db), let parent = unit.parentID else {
                throw Refusal.invalid("unit", "本单位没有登记上级机关，无法报送")
            }
            var next = try Review.referUp(secret)
            for officer in try await AuthorityStore.officers(unitID: parent, on: db) where officer.isInOffice(on: day) {
                next.scope.insert(officer.personID)
            }
            try await persist(actor, next, before: secret, kind: "refer", summary: "无定密权，已采取保密措施并报上级确定", reason: "报上级确定", on: db)
            return next
        }
    }

    /// R-CH-1..3: a change decided by an officer; everyone in the old and new scope is told.
    public func change(_ actor: Actor, secretID: String, request: ChangeRequest) async throws -> ChangeOutcome {
        let me = try person(actor)
        let day = today
        try request.level?.checkWithin(system: services.systemLevel, field: "marking")
        return try await services.attempt(actor, "secret.change", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            let viewer = try await viewer(me, actor, for: secret, on: db)
            try SecretActions.check(.change, on: secret, by: viewer, today: day)
            guard let officer = viewer.officerOf[secret.unitID] else { throw Refusal.notFound }
            var limit: Int?
            if case .catalogue(let id) = secret.basis { limit = try await AuthorityStore.item(id: id, on: db)?.allowance.maxYears }
            let outcome = try Changes.change(
                secret, request, officer: officer, ownCap: try await AuthorityStore.ownCap(unitID: secret.unitID, on: db),
                grants: try await AuthorityStore.grants(involving: [secret.unitID], on: db), on: day, itemLimitYears: limit)
            let summary =
                (outcome.isExtension ? "延长保密期限" : "变更") + "：\(outcome.secret.marking.render())（\(request.reason)）"
                + (outcome.mustReportExtension ? "；超出保密事项范围规定的期限，须报规定该范围的机关决定" : "")
                + "；书面通知 \(outcome.notify.count) 人"
            // The change is the officer's new look at it: a review flag it carried is cleared.
            var changed = outcome.secret
            changed.needsReview = false
            try await persist(actor, changed, before: secret, kind: outcome.isExtension ? "extend" : "change", summary: summary, reason: "变更", on: db)
            // R-DU-6: everything derived from it is flagged for review.
            for child in Declassification.descendants(of: secretID, edges: try await ClassificationStore.derivationEdges(below: secretID, on: db)) {
                try await ClassificationStore.flagForReview(id: child, on: db)
            }
            return outcome
        }
    }

    /// R-DC-2 / R-DC-3: early declassification (or a condition met) by an officer's decision; derived secrets follow (R-DU-6).
    public func declassify(_ actor: Actor, secretID: String, kind: DeclassificationKind, reason: String, centralApproval: String?) async throws
        -> DeclassificationOutcome
    {
        let me = try person(actor)
        let day = today
        return try await services.attempt(actor, "secret.declassify", target: ClassificationStore.recordKind, id: secretID) { db in
            guard let secret = try await visibleSecret(actor, secretID, on: db) else { throw Refusal.notFound }
            try await authorize(.declassify, me, actor, on: secret, on: db)
            let outcome = try Declassification.declassify(secret, kind: kind, on: day, reason: reason, centralApproval: centralApproval)
            try await persist(actor, outcome.secret, before: secret, kind: "declassify", summary: "\(kind.chinese)：\(reason)", reason: "解密", on: db)
            try await declassifyDescendants(of: [secretID], actor: actor, on: day, db)
            return outcome
        }
    }

    /// R-DU-6: the secrets derived from `ids`, at any depth, declassify with their source, each once.
    func declassifyDescendants(of ids: [String], actor: Actor, on day: Day, _ db: any SQLDatabase) async throws {
        let edges = try await ClassificationStore.derivationEdges(below: ids, on: db)
        var seen: Set<String> = []
        let descendants = ids.flatMap { Declassification.descendants(of: $0, edges: edges) }.filter { seen.insert($0).inserted }
        for part in descendants.chunks() { _ = try await declassifyAll(part, kind: .withSource, actor: actor, on: day, db) }
    }

    /// R-DC-2 / R-DU-6: `actor` (the system, or whoever declassified their source) declassifies those of `ids` still in
    /// force, as `kind` — each as `Declassification.declassify` decides, with its history entry and audit record, as one
    /// declassification by hand is recorded — in a few statements for them all. Answers the ids declassified, in order.
    func declassifyAll(_ ids: [String], kind: DeclassificationKind, actor: Actor, on day: Day, _ db: any SQLDatabase) async throws -> [String] {
        let found = try await ClassificationStore.unchecked(ids: ids, on: db)
        var changed: [(before: SecretMatter, after: SecretMatter)] = []
        for id in ids {
            guard let secret = found[id], secret.status == .inForce else { continue }
            changed.append((secret, try Declassification.declassify(secret, kind: kind, on: day).secret))
        }
        guard !changed.isEmpty else { return [] }
        let now = services.nowMillis
        try await ClassificationStore.saveDeclassified(changed.map(\.after), at: now, on: db)
        try await ClassificationStore.appendEvents(
            changed.map { ($0.after.id, "declassify", kind.chinese, $0.after.marking.render()) }, at: now, actor: actor.displayName, on: db)
        try await AuditStore.append(
            changed.map {
                services.record(
                    actor, "secret.declassify", target: ClassificationStore.recordKind, id: $0.after.id, level: $0.after.level.code,
                    before: Snapshot($0.before), after: Snapshot($0.after))
            }, on: db)
        return changed.map(\.after.id)
    }

    /// R-DC-2: the daily sweep — every in-force secret whose period ran out is declassified, with its descendants.
    @discardableResult
    public func sweep() async throws -> Int {
        let day = today
        let calendar = try? await services.calendar.current()
        return try await services.database.transaction { db in
            var count = 0
            let due = try await ClassificationStore.due(on: day, on: db)
            let edges = try await ClassificationStore.derivationEdges(among: due, on: db)
            // R-DU-6: a derived secret due together with its source is declassified *with* it, after it.
            let dueSet = Set(due)
            let independent = due.filter { edges[$0].map { !dueSet.contains($0) } ?? true }
            let withSource = due.filter { edges[$0].map(dueSet.contains) ?? false }
            // A chunk at a time, each in a few statements (`declassifyAll`): the chunk's due secrets, then what derives
            // from them, then the next chunk. Those due with their source come last, each chunk apart from its sources,
            // and are found declassified with them already.
            for chunk in independent.chunks() + withSource.chunks() {
                let declassified = try await declassifyAll(chunk, kind: .expired, actor: .system, on: day, db)
                count += declassified.count
                try await declassifyDescendants(of: declassified, actor: .system, on: day, db)
            }
            if let calendar {
                // R-SY-5: with this year's calendar not loaded the clocks cannot be counted; they wait for it (the 三员's
                // 待办 asks for the calendar) and the declassifications above still go through.
                do { try await escalateOverdueClocks(calendar: calendar, on: db) } catch is CalendarError {}
            }
            return count
        }
    }

    /// R-CL-3: a reporting or decision clock that ran out is escalated once: an entry in the matter's history, an
    /// audit record and `clock_escalated` set (until the status moves on); the 待办 of the persons in scope who must act
    /// or supervise turns urgent. Reads only the matters not yet escalated whose clock started on or before the last
    /// overdue start day — indexed, whatever the number of open matters (issue 11).
    func escalateOverdueClocks(calendar: WorkCalendar, on db: any SQLDatabase) async throws {
        let day = today
        let reportCutoff = try UnclearMatters.lastOverdueStart(days: UnclearMatters.reportDays, today: day, calendar: calendar)
        let decisionCutoff = try UnclearMatters.lastOverdueStart(days: UnclearMatters.decisionDays, today: day, calendar: calendar)
        for secret in try await ClassificationStore.overdueClocks(reportCutoff: reportCutoff, decisionCutoff: decisionCutoff, on: db) {
            let reporting = secret.status == .unclearPendingReport
            // The day for the message; a start in a year whose calendar is not loaded leaves it out.
            let due =
                reporting
                ? try? UnclearMatters.reportDue(draftedOn: secret.draftedOn, calendar: calendar)
                : try? UnclearMatters.decisionDue(reportedOn: secret.reportedOn ?? secret.draftedOn, calendar: calendar)
            let on = due.map { "（\($0.chinese)）" } ?? ""
            let summary =
                reporting
                ? "报送期限\(on)已过，尚未报送保密行政管理部门；已提示承办人和本单位定密责任人（R-CL-3）"
                : "保密行政管理部门的决定期限\(on)已过，尚未作出决定（R-CL-3）"
            try await ClassificationStore.event(
                secret.id, at: services.nowMillis, actor: Actor.system.displayName, kind: reporting ? "overdue_report" : "overdue_decision", summary: summary,
                marking: secret.marking.render(), on: db)
            try await ClassificationStore.markClockEscalated(id: secret.id, on: db)
            try await AuditStore.append(
                services.record(
                    .system, reporting ? "secret.overdue_report" : "secret.overdue_decision", target: ClassificationStore.recordKind, id: secret.id,
                    level: secret.level.code, detail: summary), on: db)
        }
    }
}

extension Services {
    /// 定密管理.
    public var classification: ClassificationService { ClassificationService(services: self) }
}
