import Accounts
import Audit
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// The departure gate as an operator sees it (R-PE-16): the whole count, titles only of what they may know.
public struct DepartureGate: Sendable {
    /// What one registered holder (`HoldingsPort`) says the leaver still has.
    public struct Held: Sendable {
        /// How many, across the whole system, whatever the operator may know.
        public var holding: Holding
        /// Those the operator may know, by number and title (at most 50).
        public var visible: [HeldItem]
        /// How many of them the operator may know (all of them, not only the 50 listed).
        public var visibleCount: Int

        /// How many the operator may not see (named only as a number).
        public var hidden: Int { max(0, holding.count - visibleCount) }
    }

    /// The departure.
    public var departure: Departure
    /// The items this leaver's checklist holds.
    public var required: [DepartureItem]
    /// Per holder (carriers and media today), what is still out.
    public var held: [Held]
    /// Leaving commitments signed.
    public var leavingCommitments: [CommitmentKind]
    /// The leaver's name.
    public var personName: String
    /// R-CA-15 / R-PE-8: the 移交清单 the leaver gave in this tenure, and how the checklist names it.
    public var handover: (list: CarrierHandover, text: String)?

    /// Everything still out — across the whole system, whatever the operator may know.
    public var outstanding: Int { held.reduce(0) { $0 + $1.holding.count } }
    /// What the operator may know of it.
    public var visible: [HeldItem] { held.flatMap(\.visible) }
    /// How many of the outstanding the operator may not see.
    public var hidden: Int { held.reduce(0) { $0 + $1.hidden } }
}

extension PersonnelService {
    /// What opening a departure records.
    public struct DepartureInput: Sendable {
        /// 涉密人员
        public var personID: String
        /// 类别
        public var kind: DepartureKind
        /// 离岗日期
        public var leavingOn: Day
        /// 脱密期（月）
        public var declearingMonths: Int
        /// 去向
        public var destination: String
        /// 保密组织同意提前离岗（保密员任职不满两年）
        public var earlyConsent: String

        /// Creates the input.
        public init(personID: String, kind: DepartureKind, leavingOn: Day, declearingMonths: Int, destination: String = "", earlyConsent: String = "") {
            self.personID = personID
            self.kind = kind
            self.leavingOn = leavingOn
            self.declearingMonths = declearingMonths
            self.destination = destination
            self.earlyConsent = earlyConsent
        }
    }

    /// R-PE-7 / R-PE-8: opens the leaver's checklist with a 脱密期 no shorter than the tier's floor. One open departure
    /// per person.
    public func openDeparture(_ actor: Actor, _ input: DepartureInput) async throws -> Departure {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "departure.open", input.personID) { db in
            _ = try await member(input.personID, of: me, on: db)
            let person = try PersonnelRules.checkOpenable(
                person: try await PersonnelStore.cleared(personID: input.personID, on: db),
                inProgress: try await PersonnelStore.openDeparture(personID: input.personID, on: db))
            let post = try await PersonnelStore.post(id: person.postID, on: db)
            let departure = try PersonnelRules.opened(
                Departure(
                    id: IDs.make(), personID: input.personID, unitID: me.unitID, kind: input.kind, leavingOn: input.leavingOn,
                    declearingMonths: input.declearingMonths,
                    destination: try Validate.optionalText(input.destination, field: "destination", label: "去向", max: 100),
                    earlyConsent: try Validate.optionalText(input.earlyConsent, field: "early_consent", label: "提前脱密的同意意见", max: 200)), person: person,
                post: post, today: day)
            try await PersonnelStore.save(departure, at: s.nowMillis, on: db)
            try await audit(actor, "departure.open", id: departure.id, detail: "\(departure.kind.rawValue)，脱密期\(departure.declearingMonths)个月", on: db)
            return departure
        }
    }

    /// R-PE-7: records one checklist item done by hand, with its note.
    public func recordDepartureItem(_ actor: Actor, departureID: String, item: DepartureItem, note: String) async throws -> Departure {
        let me = try await keeper(actor)
        let s = services
        return try await gated(actor, "departure.item", departureID) { db in
            guard let d = try await PersonnelStore.departure(id: departureID, on: db), d.unitID == me.unitID else { throw Refusal.notFound }
            let post = try await PersonnelStore.standing(personID: d.personID, on: db).post
            let next = try PersonnelRules.recorded(d, item: item, note: note, post: post)
            try await PersonnelStore.save(next, at: s.nowMillis, on: db)
            try await audit(actor, "departure.item", id: departureID, detail: item.rawValue, on: db)
            return next
        }
    }

    /// R-PE-7 / R-PE-8: the leaving commitments signed for this tenure — on or after the appointment it ends (one signed
    /// when leaving an earlier post does not cover this departure).
    static func leavingCommitments(personID: String, since appointed: Day?, on db: any SQLDatabase) async throws -> [CommitmentKind] {
        try await PersonnelStore.commitments(personID: personID, on: db).filter { $0.kind.isLeaving && $0.signedOn >= (appointed ?? $0.signedOn) }.map(\.kind)
    }

    /// R-PE-16: the gate as the operator sees it — the whole system's count, titles only where they may know them.
    public func departureGate(_ actor: Actor, departureID: String) async throws -> DepartureGate {
        let me = try await keeper(actor)
        // Two reads, not one snapshot: a snapshot would hold a reader while the shown carriers' audit waits for the one
        // writer, and under load the readers would then wait on the writer too (issue 12, measured).
        let (departure, post, holdings, commitments, name, handover) = try await services.database.read { db in
            guard let d = try await PersonnelStore.departure(id: departureID, on: db), d.unitID == me.unitID else { throw Refusal.notFound }
            let (cleared, post) = try await PersonnelStore.standing(personID: d.personID, on: db)
            let holdings = try await services.holdings(ofPerson: d.personID, on: db)
            let commitments = try await Self.leavingCommitments(personID: d.personID, since: cleared?.appointedOn, on: db)
            let handover = try await Self.tenureHandover(of: d.personID, post: post, since: cleared?.appointedOn, on: db)
            return (d, post, holdings, commitments, try await OrganisationReads.person(id: d.personID, on: db)?.name ?? "", handover)
        }
        // What the operator may know of it (R-KS-4): each holder's own filtered list.
        var held: [DepartureGate.Held] = []
        for (port, holding) in zip(services.areas.holdings, holdings) {
            let known = holding.count == 0 ? (count: 0, items: []) : try await port.visible(actor, ofPerson: departure.personID, services: services)
            held.append(DepartureGate.Held(holding: holding, visible: known.items, visibleCount: min(holding.count, known.count)))
        }
        return DepartureGate(
            departure: departure, required: PersonnelRules.requiredItems(post: post), held: held, leavingCommitments: commitments, personName: name,
            handover: handover)
    }

    /// R-PE-7 / R-PE-16: completes the departure when every item is done and nothing is out, whatever the operator may
    /// know. In the same transaction: the 脱密期 begins, the clearance ends, every account is locked and its roles
    /// removed, the 定密责任人 appointments end (reason `leaving`), and the roster changes (R-PE-3).
    public func completeDeparture(_ actor: Actor, departureID: String) async throws -> Departure {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "departure.complete", departureID) { db in
            guard let d = try await PersonnelStore.departure(id: departureID, on: db), d.unitID == me.unitID else { throw Refusal.notFound }
            guard let person = try await PersonnelStore.cleared(personID: d.personID, on: db) else { throw Refusal.notFound }
            let post = try await PersonnelStore.post(id: person.postID, on: db)
            let facts = PersonnelRules.GateFacts(
                held: try await s.holdings(ofPerson: d.personID, on: db),
                leavingCommitments: try await Self.leavingCommitments(personID: d.personID, since: person.appointedOn, on: db),
                handover: try await Self.tenureHandover(of: d.personID, post: post, since: person.appointedOn, on: db)?.text)
            let (done, after) = try PersonnelRules.completed(d, person: person, post: post, facts: facts, today: day)
            try await PersonnelStore.save(done, at: s.nowMillis, on: db)
            try await PersonnelStore.save(after, changeReview: nil, at: s.nowMillis, on: db)
            try await OrganisationWrites.setTier(personID: d.personID, tier: .none, at: s.nowMillis, on: db)
            let accounts = try await OrganisationWrites.retireAccounts(ofPerson: d.personID, at: s.nowMillis, on: db)
            let officers = try await ClassificationWrites.endOfficers(ofPerson: d.personID, on: day, at: s.nowMillis, on: db)
            try await PersonnelStore.rosterChanged(unitID: me.unitID, at: s.nowMillis, on: db)
            try await audit(
                actor, "departure.complete", id: departureID,
                detail: "脱密期至\(done.declearingUntil.iso)；锁定账号\(accounts.count)个；终止定密责任人任职\(officers.count)项", on: db)
            return done
        }
    }
}
