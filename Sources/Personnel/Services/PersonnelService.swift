import Accounts
import Audit
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// One line of the 涉密人员 register.
public struct RosterLine: Sendable, Hashable {
    /// The person.
    public var personID: String
    /// 姓名
    public var name: String
    /// 涉密岗位
    public var postName: String
    /// 岗位涉及最高密级
    public var highestLevel: Level
    /// The standing.
    public var record: ClearedPerson
}

/// 涉密人员管理 — posts, reviews, commitments, appointment; every write one transaction, audited without content
/// (R-SY-1); the registers read only by the 组织人事部门 and the 保密工作机构 of the unit, a file also by the person
/// (R-PE-15).
public struct PersonnelService: Sendable {
    let services: Services

    var today: Day { services.clock.today }

    static let recordKind = "personnel"

    /// The viewer of the personnel registers (R-PE-15).
    public static func fileViewer(_ actor: Actor) -> FileViewer {
        FileViewer(personID: actor.viewer.personID, unitID: actor.viewer.personID == nil ? nil : actor.person?.unitID, roles: actor.roles)
    }

    /// R-PE-15: the registers are kept by the 组织人事部门 and the 保密工作机构; returns the keeper's person. A refusal is
    /// on the record (R-SY-3), like every refusal that names a rule.
    func keeper(_ actor: Actor) async throws -> Person {
        do {
            try PersonnelRules.checkKeeper(Self.fileViewer(actor))
        } catch let refusal as Refusal {
            try await services.auditRefusal(actor, "personnel.keepers", target: Self.recordKind, id: nil, refusal)
            throw refusal
        }
        guard let me = actor.person else { throw Refusal.notFound }
        return me
    }

    /// A person of the keeper's own unit, or the answer for a missing record.
    func member(_ personID: String, of me: Person, on db: any SQLDatabase) async throws -> Person {
        guard let p = try await OrganisationReads.person(id: personID, on: db), p.unitID == me.unitID else { throw Refusal.notFound }
        return p
    }

    func gated<T: Sendable>(_ actor: Actor, _ operation: String, _ id: String?, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await services.attempt(actor, "personnel.\(operation)", target: Self.recordKind, id: id, body)
    }

    func audit(_ actor: Actor, _ operation: String, id: String, detail: String? = nil, on db: any SQLDatabase) async throws {
        try await AuditStore.append(services.record(actor, "personnel.\(operation)", target: Self.recordKind, id: id, detail: detail), on: db)
    }

    // MARK: reviews and commitments

    /// R-PE-2: records a decided review. A periodic or change review of a serving person moves the next 定期复审 on
    /// and closes a pending 变动复审; a failed one removes the person from the post (clearance none). The review's id,
    /// day and trigger are the register's: whatever `input` carries there is replaced.
    public func recordReview(_ actor: Actor, _ input: Review) async throws -> Review {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "review", input.personID) { db in
            _ = try await member(input.personID, of: me, on: db)
            guard let post = try await PersonnelStore.post(id: input.postID, on: db), post.unitID == me.unitID else {
                throw Refusal.invalid("post_id", "请选择本单位的涉密岗位")
            }
            try PersonnelRules.checkNotAbolished(post, today: day)
            let current = try await PersonnelStore.cleared(personID: input.personID, on: db)
            let trigger = input.kind == .change ? (try await PersonnelStore.changeReview(personID: input.personID, on: db) ?? "") : ""
            let review = try PersonnelRules.decided(
                Review(
                    id: IDs.make(), personID: input.personID, postID: post.id, kind: input.kind, eligibility: input.eligibility,
                    relativesAbroad: try Validate.optionalText(input.relativesAbroad, field: "relatives_abroad", label: "国（境）外亲属情况", max: 500),
                    personnelOpinion: try Validate.optionalText(input.personnelOpinion, field: "personnel_opinion", label: "组织人事部门意见", max: 500),
                    secrecyOpinion: try Validate.optionalText(input.secrecyOpinion, field: "secrecy_opinion", label: "保密工作机构意见", max: 500),
                    decidedBy: try Validate.optionalText(input.decidedBy, field: "decided_by", label: "审查人", max: 30), passed: input.passed,
                    reviewedOn: day, trigger: trigger))
            try await PersonnelStore.insert(review, unitID: me.unitID, at: s.nowMillis, on: db)
            if let current, current.status == .serving, input.kind != .preAppointment || current.postID == post.id {
                let after = PersonnelRules.afterReview(current, review)
                try await PersonnelStore.save(after, changeReview: nil, at: s.nowMillis, on: db)
                if after.status != current.status {
                    try await openRemovalChecklist(current, reason: "审查未通过", unitID: me.unitID, on: db)
                    try await OrganisationWrites.setTier(personID: input.personID, tier: .none, at: s.nowMillis, on: db)
                    try await PersonnelStore.rosterChanged(unitID: me.unitID, at: s.nowMillis, on: db)
                }
            }
            try await audit(actor, "review.record", id: review.id, detail: "\(review.kind.rawValue) \(review.passed ? "passed" : "failed")", on: db)
            return review
        }
    }

    /// R-PE-4: records a signed commitment.
    public func recordCommitment(_ actor: Actor, personID: String, kind: CommitmentKind, signedOn: Day?, note: String) async throws -> Commitment {
        let me = try await keeper(actor)
        let day = today
        let signed = signedOn ?? day
        guard !(day < signed) else { throw Refusal.invalid("signed_on", "签订日期不能晚于今天") }
        let commitment = Commitment(
            id: IDs.make(), personID: personID, kind: kind, signedOn: signed, note: try Validate.optionalText(note, field: "note", label: "备注", max: 200))
        return try await gated(actor, "commitment", personID) { db in
            _ = try await member(personID, of: me, on: db)
            try await PersonnelStore.insert(commitment, unitID: me.unitID, at: services.nowMillis, on: db)
            try await audit(actor, "commitment.record", id: commitment.id, detail: kind.rawValue, on: db)
            return commitment
        }
    }

    // MARK: appointment

    /// R-PE-2 / R-PE-10 / R-PE-4 / R-KP-4 / R-PE-13 / R-PE-12: appoints a person to a post with a tier; the tier the
    /// access checks use becomes the appointment's. A serving person moved to another post or tier needs a passed
    /// 变动复审 for it. The roster changes (R-PE-3).
    public func appoint(_ actor: Actor, personID: String, postID: String, tier: ClearanceTier, certificate: Certificate? = nil) async throws -> ClearedPerson {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "appoint", personID) { db in
            _ = try await member(personID, of: me, on: db)
            guard let post = try await PersonnelStore.post(id: postID, on: db), post.unitID == me.unitID else {
                throw Refusal.invalid("post_id", "请选择本单位的涉密岗位")
            }
            let current = try await PersonnelStore.cleared(personID: personID, on: db)
            // A review older than the person's last appointment does not count again (after a removal or a departure
            // the person is reviewed anew, R-PE-2).
            let since = current?.appointedOn
            let reviews = try await PersonnelStore.reviews(personID: personID, on: db).filter { review in
                review.postID == postID && (since.map { !(review.reviewedOn < $0) } ?? true)
            }
            // A serving person's move needs a 变动复审 (R-PE-10); a newcomer's, a 岗前审查 (or a 变动复审).
            let moving = current?.status == .serving
            if moving, let current, !PersonnelRules.needsChangeReview(from: current, postID: postID, tier: tier) {
                throw Refusal.invalid("post_id", "该人员已在此涉密岗位上岗，涉密等级未变")
            }
            let review = reviews.first { !moving || $0.kind == .change }
            let commitments = try await PersonnelStore.commitments(personID: personID, on: db).filter { !$0.kind.isLeaving }.map(\.kind)
            let spouseForeign = try await PersonnelStore.spouseForeign(personID: personID, on: db)
            let qualified = try await Self.qualification(personID: personID, on: db)
            var appointed = try PersonnelRules.appointed(
                personID: personID, to: post, tier: tier,
                facts: .init(
                    review: review, commitments: commitments, prePostHours: try await PersonnelStore.prePostHours(personID: personID, on: db),
                    certificate: certificate ?? current?.certificate ?? qualified,
                    spouseForeign: spouseForeign), today: day)
            if moving, let current { appointed.appointedOn = current.postID == postID ? current.appointedOn : day }
            try await PersonnelStore.save(appointed, changeReview: nil, at: s.nowMillis, on: db)
            try await OrganisationWrites.setTier(personID: personID, tier: tier, at: s.nowMillis, on: db)
            try await PersonnelStore.rosterChanged(unitID: me.unitID, at: s.nowMillis, on: db)
            try await audit(actor, "appoint", id: personID, detail: "岗位\(postID)，等级\(tier.rawValue)", on: db)
            return appointed
        }
    }

    /// R-PE-9: removes a person from the post on one of the BJ 39 grounds; their clearance ends.
    public func removeFromPost(_ actor: Actor, personID: String, ground: PersonnelRules.RemovalGround) async throws -> ClearedPerson {
        let me = try await keeper(actor)
        return try await gated(actor, "remove", personID) { db in
            _ = try await member(personID, of: me, on: db)
            guard let current = try await PersonnelStore.cleared(personID: personID, on: db) else { throw Refusal.notFound }
            let removed = try await remove(current, ground: ground, unitID: me.unitID, on: db)
            try await audit(actor, "remove", id: personID, detail: ground.rawValue, on: db)
            return removed
        }
    }

    /// R-PE-9 / R-PE-12: the removal itself, inside the caller's transaction — the status 已调离 and no clearance (on
    /// the register and for the access checks), the checklist of leaving the post opened with its 脱密期, the roster
    /// changed (R-PE-3).
    func remove(_ current: ClearedPerson, ground: PersonnelRules.RemovalGround, unitID: String, on db: any SQLDatabase) async throws -> ClearedPerson {
        let millis = services.nowMillis
        let removed = try PersonnelRules.removed(current, ground: ground)
        try await openRemovalChecklist(current, reason: ground.chinese, unitID: unitID, on: db)
        try await PersonnelStore.save(removed, changeReview: nil, at: millis, on: db)
        try await OrganisationWrites.setTier(personID: current.personID, tier: .none, at: millis, on: db)
        try await PersonnelStore.rosterChanged(unitID: unitID, at: millis, on: db)
        return removed
    }
}

extension PersonnelService {
    /// R-PE-13 / R-TR-4: the latest 保密员 qualification recorded as a course outside the unit, as a certificate.
    static func qualification(personID: String, on db: any SQLDatabase) async throws -> Certificate? {
        guard let course = try await PersonnelStore.latestQualification(personID: personID, on: db) else { return nil }
        return Certificate(
            number: course.certificateNumber, issuer: course.provider, issuedOn: course.completedOn,
            validUntil: course.certificateValidUntil ?? course.completedOn.adding(years: 3))
    }
}

extension Services {
    /// 涉密人员管理与保密教育培训.
    public var personnel: PersonnelService { PersonnelService(services: self) }
}

extension PersonnelService {
    /// R-PE-9 / R-PE-7: a person removed from the post (调离, or a failed review) still returns what they hold, signs the
    /// leaving commitment and serves the 脱密期: the departure checklist opens in the same transaction — leaving today, the
    /// tier's floor as the 脱密期 — unless one is already open. The clearance ends at once (the caller sets it).
    func openRemovalChecklist(_ person: ClearedPerson, reason: String, unitID: String, on db: any SQLDatabase) async throws {
        guard try await PersonnelStore.openDeparture(personID: person.personID, on: db) == nil else { return }
        let post = try await PersonnelStore.post(id: person.postID, on: db)
        let departure = try PersonnelRules.opened(
            Departure(
                id: IDs.make(), personID: person.personID, unitID: unitID, kind: .leavePost, leavingOn: today,
                declearingMonths: PersonnelRules.declearingFloorMonths(person.tier), destination: String("调离涉密岗位：\(reason)".prefix(100)),
                earlyConsent: "调离涉密岗位（R-PE-9）"), person: person, post: post, today: today)
        try await PersonnelStore.save(departure, at: services.nowMillis, on: db)
    }
}
