import Accounts
import Audit
import CarrierServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

extension PersonnelService {
    /// What an application abroad records (R-PE-5).
    public struct TripInput: Sendable {
        /// 涉密人员
        public var personID: String
        /// 因公或因私
        public var purpose: TripPurpose
        /// 去向
        public var destination: String
        /// 事由
        public var reason: String
        /// 出发日期
        public var departOn: Day
        /// 返回日期
        public var returnOn: Day
        /// 团组
        public var delegation: String
        /// 团组保密员
        public var delegationSecrecyPerson: String
        /// 携带的载体（其携带外出登记）
        public var carrierIDs: [String]
        /// 脱密期内出境的批准
        public var declearingApproval: String
        /// 出境证件（名称及号码）
        public var exitDocuments: String

        /// Creates the input.
        public init(
            personID: String, purpose: TripPurpose, destination: String, reason: String, departOn: Day, returnOn: Day, delegation: String = "",
            delegationSecrecyPerson: String = "", carrierIDs: [String] = [], declearingApproval: String = "", exitDocuments: String = ""
        ) {
            self.personID = personID
            self.purpose = purpose
            self.destination = destination
            self.reason = reason
            self.departOn = departOn
            self.returnOn = returnOn
            self.delegation = delegation
            self.delegationSecrecyPerson = delegationSecrecyPerson
            self.carrierIDs = carrierIDs
            self.declearingApproval = declearingApproval
            self.exitDocuments = exitDocuments
        }
    }

    /// R-PE-5 / R-PE-11 / R-PE-7: registers an application; carriers taken are the person's own carried-out ones (their
    /// R-CA-9 step), never 绝密.
    public func applyTrip(_ actor: Actor, _ input: TripInput) async throws -> Trip {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "trip.apply", input.personID) { db in
            _ = try await member(input.personID, of: me, on: db)
            let cleared = try await PersonnelStore.cleared(personID: input.personID, on: db)
            let carrierIDs = Set(input.carrierIDs).sorted()
            let found = try await CarrierReads.levels(ofCarriers: carrierIDs, unitID: me.unitID, on: db)
            var levels: [Level] = []
            for id in carrierIDs {
                guard let level = found[id] else { throw Refusal.invalid("carrier_ids", "所选载体不存在") }
                levels.append(level)
            }
            let trip = try PersonnelRules.applied(
                Trip(
                    id: IDs.make(), personID: input.personID, unitID: me.unitID, purpose: input.purpose, destination: input.destination, reason: input.reason,
                    departOn: input.departOn, returnOn: input.returnOn,
                    delegation: try Validate.optionalText(input.delegation, field: "delegation", label: "所在团组", max: 100),
                    delegationSecrecyPerson: try Validate.optionalText(
                        input.delegationSecrecyPerson, field: "delegation_secrecy_person", label: "团组保密负责人", max: 30),
                    carrierIDs: Array(Set(input.carrierIDs)).sorted(),
                    declearingApproval: try Validate.optionalText(input.declearingApproval, field: "declearing_approval", label: "脱密期内出境的批准意见", max: 200),
                    exitDocuments: try Validate.optionalText(input.exitDocuments, field: "exit_documents", label: "出境证件", max: 100)),
                person: cleared, carrierLevels: levels, topSecretDevice: false,
                today: day)
            try await PersonnelStore.save(trip, at: s.nowMillis, on: db)
            try await audit(actor, "trip.apply", id: trip.id, detail: trip.purpose.rawValue, on: db)
            return trip
        }
    }

    /// R-PE-5: the opinions, then approval by the right authority (the approving leader acts in person).
    public func approveTrip(_ actor: Actor, tripID: String, personnelOpinion: String, secrecyOpinion: String, secrecyOrgConsent: String) async throws -> Trip {
        let s = services
        guard let approver = actor.person else { throw Refusal.notFound }
        return try await gated(actor, "trip.approve", tripID) { db in
            var (trip, standing) = try await decision(tripID, by: approver, on: db)
            // The opinions the departments entered stand; the approver supplies only one still missing (given on paper).
            let personnelOpinion = try Validate.optionalText(personnelOpinion, field: "personnel_opinion", label: "组织人事部门意见", max: 500)
            let secrecyOpinion = try Validate.optionalText(secrecyOpinion, field: "secrecy_opinion", label: "保密工作机构意见", max: 500)
            if trip.personnelOpinion.isEmpty { trip.personnelOpinion = personnelOpinion }
            if trip.secrecyOpinion.isEmpty { trip.secrecyOpinion = secrecyOpinion }
            let approved = try PersonnelRules.approved(
                trip, approverName: approver.name, approverRoles: actor.roles, keyPart: standing.keyPart, clerk: standing.clerk,
                secrecyOrgConsent: secrecyOrgConsent, sameDepartment: standing.sameDepartment)
            try await PersonnelStore.save(approved, at: s.nowMillis, on: db)
            try await audit(actor, "trip.approve", id: tripID, on: db)
            return approved
        }
    }

    /// R-PE-5: 不予批准 — the approver refuses the application, with the reason; the same authority as approving it
    /// (`PersonnelRules.refused`). The application leaves the approvers' queue.
    public func refuseTrip(_ actor: Actor, tripID: String, reason: String) async throws -> Trip {
        let s = services
        let day = today
        guard let approver = actor.person else { throw Refusal.notFound }
        return try await gated(actor, "trip.refuse", tripID) { db in
            let (trip, standing) = try await decision(tripID, by: approver, on: db)
            let refused = try PersonnelRules.refused(
                trip, approverName: approver.name, approverRoles: actor.roles, keyPart: standing.keyPart, reason: reason, on: day,
                sameDepartment: standing.sameDepartment)
            try await PersonnelStore.save(refused, at: s.nowMillis, on: db)
            try await audit(actor, "trip.refuse", id: tripID, detail: refused.refusalReason, on: db)
            return refused
        }
    }

    /// R-PE-5: what approving or refusing an application reads first — the application, in the approver's unit and not
    /// their own, and what the authority over it turns on: the traveller's key-part or 保密员 post, and whether the
    /// approver heads the traveller's department.
    private func decision(
        _ tripID: String, by approver: Person, on db: any SQLDatabase
    ) async throws -> (trip: Trip, standing: (keyPart: Bool, clerk: Bool, sameDepartment: Bool)) {
        guard let trip = try await PersonnelStore.trip(id: tripID, on: db), trip.unitID == approver.unitID else { throw Refusal.notFound }
        try PersonnelRules.checkNotOwn(trip, approverPersonID: approver.id)
        let (_, post) = try await PersonnelStore.standing(personID: trip.personID, on: db)
        let traveller = try await OrganisationReads.person(id: trip.personID, on: db)
        let sameDepartment = approver.departmentID != nil && traveller?.departmentID == approver.departmentID
        return (trip, (post?.keyPart == true, post?.isClerk == true, sameDepartment))
    }

    /// R-PE-5: the 组织人事部门's or the 保密工作机构's opinion on an application, each entered by its own keepers (the
    /// 组织人事部门 gives the first, the 保密办 and 保密员 the second) before the approver decides.
    public func tripOpinion(_ actor: Actor, tripID: String, opinion: String) async throws -> Trip {
        let me = try await keeper(actor)
        let s = services
        let day = today
        let text = try Validate.optionalText(opinion, field: "opinion", label: "意见", max: 500)
        guard !text.isEmpty else { throw Refusal.invalid("opinion", "请填写意见") }
        return try await gated(actor, "trip.opinion", tripID) { db in
            guard var trip = try await PersonnelStore.trip(id: tripID, on: db), trip.unitID == me.unitID else { throw Refusal.notFound }
            try PersonnelRules.checkState(.opinion, on: trip, today: day)
            if PersonnelRules.entersPersonnelOpinion(actor.roles) { trip.personnelOpinion = text } else { trip.secrecyOpinion = text }
            try await PersonnelStore.save(trip, at: s.nowMillis, on: db)
            try await audit(actor, "trip.opinion", id: tripID, on: db)
            return trip
        }
    }

    /// R-PE-5: one step of a trip — education given, departed, returned, reported.
    public enum TripStep: String, Sendable, CaseIterable {
        case educate, depart
        case returned = "return"
        case report
    }

    /// R-PE-5: records a step of the trip.
    public func tripStep(_ actor: Actor, tripID: String, _ step: TripStep, day given: Day?, report: String = "") async throws -> Trip {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "trip.\(step.rawValue)", tripID) { db in
            guard let trip = try await PersonnelStore.trip(id: tripID, on: db), trip.unitID == me.unitID else { throw Refusal.notFound }
            var next = trip
            switch step {
            case .educate: next = try PersonnelRules.educated(trip, on: given ?? day, today: day)
            case .depart:
                let carried = try await CarrierService.carriedAbroad(trip.carrierIDs, by: trip.personID, on: db)
                next = try PersonnelRules.departed(trip, today: day, carriedAbroad: carried)
            case .returned: next = try PersonnelRules.returned(trip, on: given ?? day, today: day)
            case .report: next = try PersonnelRules.reported(trip, report: report, today: day)
            }
            try await PersonnelStore.save(next, at: s.nowMillis, on: db)
            try await audit(actor, "trip.\(step.rawValue)", id: tripID, on: db)
            return next
        }
    }

    /// R-PE-6 / R-PE-12: records a reportable event with its deadline on the working-day calendar; a serving person's
    /// event opens a 变动复审 — and a serving 保密员's spouse become foreign removes them from the post at once.
    public func reportEvent(_ actor: Actor, personID: String, kind: EventKind, occurredOn: Day, details: String) async throws -> ReportableEvent {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "event.report", personID) { db in
            _ = try await member(personID, of: me, on: db)
            let calendar = try await OrganisationReads.calendar(on: db)
            // A report is never refused for a missing calendar year: the deadline then counts 7 calendar days (5 working days
            // at most), and the year can be loaded later.
            let due = (try? PersonnelRules.eventDue(kind, occurredOn: occurredOn, calendar: calendar)) ?? occurredOn.adding(days: kind == .approach ? 0 : 7)
            let (cleared, post) = try await PersonnelStore.standing(personID: personID, on: db)
            let event = try PersonnelRules.reportedEvent(
                ReportableEvent(
                    id: IDs.make(), personID: personID, unitID: me.unitID, kind: kind, occurredOn: occurredOn, reportedOn: day, dueOn: due, details: details),
                person: cleared, today: day)
            try await PersonnelStore.save(event, at: s.nowMillis, on: db)
            if let cleared, cleared.status == .serving, PersonnelRules.clerkMustLeave(kind, post: post) {
                /// R-PE-12: a 保密员 whose spouse has become foreign leaves the post: removed at once, the checklist of
                /// leaving the post (hand-over, certificate) opened.
                _ = try await remove(cleared, ground: .clerkSpouseForeign, unitID: me.unitID, on: db)
            } else if event.changeReviewOpened {
                try await PersonnelStore.setChangeReview(personID: personID, "重大事项：\(kind.chinese)", on: db)
            }
            try await audit(actor, "event.report", id: event.id, detail: kind.rawValue, on: db)
            return event
        }
    }

    /// R-PE-6: records how the event was handled; R-PE-12: an approach's onward report.
    public func handleEvent(_ actor: Actor, eventID: String, handling: String, onwardTo: String?) async throws -> ReportableEvent {
        let me = try await keeper(actor)
        let s = services
        let day = today
        return try await gated(actor, "event.handle", eventID) { db in
            guard var event = try await PersonnelStore.event(id: eventID, on: db), event.unitID == me.unitID else { throw Refusal.notFound }
            let text = try Validate.optionalText(handling, field: "handling", label: "处理情况", max: 1000)
            if !text.isEmpty { event.handling = text }
            if let onwardTo { event = try PersonnelRules.onwardReported(event, to: onwardTo, today: day) }
            guard !event.handling.isEmpty else { throw Refusal.invalid("handling", "请填写处理情况") }
            try await PersonnelStore.save(event, at: s.nowMillis, on: db)
            try await audit(actor, "event.handle", id: eventID, on: db)
            return event
        }
    }

    /// R-PE-5: the applications a 单位领导 or 部门负责人 of the unit may decide — not their own, and for a 部门负责人 only
    /// their department's — first departure first (at most 200). The approver sees the application, not the traveller's
    /// file (R-PE-15).
    public func tripsAwaitingApproval(_ actor: Actor) async throws -> [Trip] {
        try PersonnelRules.checkApprover(actor.person == nil ? [] : actor.roles)
        guard let me = actor.person else { throw Refusal.notFound }
        return try await services.database.read { db in
            try await PersonnelStore.tripsAwaitingApproval(by: me, wholeUnit: actor.roles.contains(.leader), on: db)
        }
    }
}
