import Foundation
import Kernel

extension PersonnelRules {
    /// R-PE-7: the 脱密期 floor in months by tier — 核心 2 years, 重要 1 year, 一般 6 months (JM 要害 17). The floors are
    /// law; the unit may only set a longer period.
    public static func declearingFloorMonths(_ tier: ClearanceTier) -> Int {
        switch tier {
        case .core: 24
        case .important: 12
        case .general: 6
        case .none: 0
        }
    }

    /// R-PE-8: a 保密员 serves at least two years unless the 保密组织 consents.
    public static let clerkTenureYears = 2

    /// R-PE-7: a departure is opened for a 涉密人员 (`person`, nil when the person is none) who has no departure in
    /// progress (`inProgress`); returns the person's record.
    public static func checkOpenable(person: ClearedPerson?, inProgress: Departure?) throws -> ClearedPerson {
        guard let person else { throw Refusal.invalid("person_id", "该人员不是涉密人员", rule: "R-PE-7") }
        guard inProgress == nil else { throw refusal("departure_open", "R-PE-7", "该人员已有办理中的离岗离职手续", kind: .conflict) }
        return person
    }

    /// 离岗离职 — opening a departure. R-PE-7: a 脱密期 no shorter than the tier's floor (and at most 5 years);
    /// R-PE-8: a 保密员 leaving before two years in post needs the 保密组织's recorded consent.
    public static func opened(
        _ departure: Departure, person: ClearedPerson, post: SecretPost?, today: Day
    ) throws -> Departure {
        guard person.status == .serving else {
            throw refusal("not_serving", "R-PE-7", field: "person_id", "该人员不在涉密岗位（\(person.status.chinese)），无需办理离岗离职", kind: .conflict)
        }
        let floor = declearingFloorMonths(person.tier)
        guard departure.declearingMonths >= floor else {
            throw refusal(
                "declearing_too_short", "R-PE-7", field: "declearing_months",
                "\(person.tier.chinese)涉密人员的脱密期不得少于\(floor)个月（设定为\(departure.declearingMonths)个月）")
        }
        guard departure.declearingMonths <= 60 else { throw Refusal.invalid("declearing_months", "脱密期不超过60个月") }
        if post?.isClerk == true, departure.leavingOn < person.appointedOn.adding(years: clerkTenureYears),
            departure.earlyConsent.trimmingSpaces.isEmpty
        {
            throw refusal(
                "clerk_tenure", "R-PE-8", field: "early_consent",
                "保密员任职不满\(clerkTenureYears)年（\(person.appointedOn.iso)上岗），离岗须经保密组织同意：请填写同意的文件或意见")
        }
        var d = departure
        d.unitID = person.unitID
        d.done = [:]
        d.completedOn = nil
        return d
    }

    /// R-PE-7: the items the checklist holds for this leaver — every departure's, plus the key-part report, and the
    /// 保密员's hand-over and certificate (R-PE-8, R-PE-13, R-CA-15).
    public static func requiredItems(post: SecretPost?) -> [DepartureItem] {
        DepartureItem.allCases.filter { item in
            switch item {
            case .keyPartReported: post?.keyPart == true
            case .clerkHandover, .certificateReturned: post?.isClerk == true
            default: true
            }
        }
    }

    /// R-PE-7: an item the operator records by hand (approval, talk, devices, accesses …) carries a note of what was
    /// done; the count, the commitment, the account and the officer appointment are the system's.
    public static func recorded(_ departure: Departure, item: DepartureItem, note: String, post: SecretPost?) throws -> Departure {
        guard departure.completedOn == nil else { throw refusal("departure_closed", "R-PE-7", "离岗离职手续已办结", kind: .conflict) }
        guard requiredItems(post: post).contains(item) else { throw Refusal.invalid("item", "该人员的离岗离职清单中没有“\(item.chinese)”") }
        guard item.recordedByHand else {
            throw Refusal.invalid("item", "“\(item.chinese)”由系统核对，不能手工勾选")
        }
        let text = note.trimmingSpacesAndNewlines
        guard !text.isEmpty, text.count <= 200 else { throw Refusal.invalid("note", "请填写办理情况（不超过200字）") }
        var d = departure
        d.done[item] = text
        return d
    }

    /// What completing a departure needs to know beyond the checklist.
    public struct GateFacts: Sendable {
        /// R-PE-16: what the leaver still holds, keeps or uses, per holder (carriers and media; devices, system
        /// accounts and area access as those areas come) — counted across the whole system, unfiltered.
        public var held: [Holding]
        /// The leaving commitments signed (R-PE-4).
        public var leavingCommitments: [CommitmentKind]
        /// R-CA-15 / R-PE-8: the 移交清单 the leaver gave in this tenure, signed by both, as the checklist names it
        /// (date, how many, the successor) — the 保密员's 工作交接 is done by it.
        public var handover: String?

        /// Creates the facts.
        public init(held: [Holding], leavingCommitments: [CommitmentKind], handover: String? = nil) {
            self.held = held
            self.leavingCommitments = leavingCommitments
            self.handover = handover
        }
    }

    /// R-PE-7 / R-PE-16: the departure completes only when every item is done — and the gate counts what the leaver
    /// still holds across the whole system, whatever the operator may know, naming only the number. The person enters
    /// the 脱密期; their clearance ends.
    public static func completed(
        _ departure: Departure, person: ClearedPerson, post: SecretPost?, facts: GateFacts, today: Day
    ) throws -> (departure: Departure, person: ClearedPerson) {
        guard departure.completedOn == nil else { throw refusal("departure_closed", "R-PE-7", "离岗离职手续已办结", kind: .conflict) }
        for holding in facts.held where holding.count > 0 {
            throw refusal(
                "\(holding.field)_outstanding", "R-PE-16", field: holding.field, "尚有\(holding.count)\(holding.what)，不能办结离岗离职手续",
                kind: .conflict)
        }
        let commitment: CommitmentKind = post?.isClerk == true ? .clerkLeaving : .leaving
        guard facts.leavingCommitments.contains(commitment) else {
            throw refusal("leaving_commitment", "R-PE-4", field: "commitment", "须签订\(commitment.chinese)", kind: .conflict)
        }
        var d = departure
        // R-PE-8 / R-CA-15: the hand-over list signed by both is the 保密员's 工作交接, in place of any note; a note by
        // hand only where the leaver kept nothing to list.
        if let handover = facts.handover, requiredItems(post: post).contains(.clerkHandover) {
            d.done[.clerkHandover] = handover
        }
        let missing = requiredItems(post: post).filter { $0.recordedByHand && d.done[$0] == nil }
        if missing.contains(.clerkHandover) {
            throw refusal("clerk_handover", "R-PE-8", field: "item", "保密员离岗前须完成工作交接（载体移交清单双方签字）", kind: .conflict)
        }
        if missing.contains(.certificateReturned) {
            throw refusal("certificate_unreturned", "R-PE-13", field: "item", "保密员离岗须将上岗资格证书交回发证机关", kind: .conflict)
        }
        if let first = missing.first {
            throw refusal(
                "checklist_incomplete", "R-PE-7", field: "item", "离岗离职清单尚未完成：\(missing.map(\.chinese).joined(separator: "、"))（首项：\(first.chinese)）",
                kind: .conflict)
        }
        d.completedOn = today
        for item in [DepartureItem.carriersCleared, .accountLocked, .officerEnded, .leavingCommitment] { d.done[item] = "系统核对" }
        // The 脱密期 runs from the day clearance ends: the leaving day, or today if the checklist closes later.
        var p = person
        p.status = .declearing
        p.tier = .none
        p.nextReviewOn = nil
        p.declearingFrom = d.leavingOn < today ? today : d.leavingOn
        p.declearingUntil = d.declearingUntil
        return (d, p)
    }

    /// R-PE-7: the 脱密期 ends on its last day; afterwards the person is 已脱密.
    public static func declearingEnded(_ person: ClearedPerson, today: Day) -> ClearedPerson? {
        guard person.status == .declearing, let until = person.declearingUntil, until < today else { return nil }
        var p = person
        p.status = .cleared
        return p
    }
}
