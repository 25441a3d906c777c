import Accounts
import CarrierServices
import Carriers
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage

/// The personnel records as the API shows them (snake_case on the wire).
enum PersonnelDTO {
    struct Post: Codable {
        let id: String; let unitId: String; let departmentId: String?; let name: String; let highestLevel: String; let tier: String; let keyPart: Bool
        let roles: [String]; let validFrom: String; let validTo: String?
        init(_ p: SecretPost) {
            id = p.id; unitId = p.unitID; departmentId = p.departmentID; name = p.name; highestLevel = p.highestLevel.code; tier = p.tier.rawValue
            keyPart = p.keyPart; roles = p.roles.map(\.rawValue); validFrom = p.validFrom.iso; validTo = p.validTo?.iso
        }
    }
    struct Cleared: Codable {
        let personId: String; let unitId: String; let postId: String; let tier: String; let appointedOn: String; let status: String
        let nextReviewOn: String?; let declearingFrom: String?; let declearingUntil: String?; let certificateNumber: String?
        let certificateValidUntil: String?
        init(_ c: ClearedPerson) {
            personId = c.personID; unitId = c.unitID; postId = c.postID; tier = c.tier.rawValue; appointedOn = c.appointedOn.iso; status = c.status.rawValue
            nextReviewOn = c.nextReviewOn?.iso; declearingFrom = c.declearingFrom?.iso; declearingUntil = c.declearingUntil?.iso
            certificateNumber = c.certificate?.number; certificateValidUntil = c.certificate?.validUntil.iso
        }
    }
    struct RosterLine: Codable {
        let personId: String; let name: String; let postName: String; let highestLevel: String; let record: Cleared
        init(_ l: PersonnelServices.RosterLine) {
            personId = l.personID; name = l.name; postName = l.postName; highestLevel = l.highestLevel.code; record = Cleared(l.record)
        }
    }
    struct Review: Codable {
        let id: String; let personId: String; let postId: String; let kind: String; let failedConditions: [String]; let relativesAbroad: String
        let personnelOpinion: String; let secrecyOpinion: String; let decidedBy: String; let passed: Bool; let reviewedOn: String; let trigger: String
        /// Whether the seven conditions were answered here (not for a review imported from the paper files).
        let conditionsRecorded: Bool; let importedFrom: String?
        init(_ r: Personnel.Review) {
            id = r.id; personId = r.personID; postId = r.postID; kind = r.kind.rawValue; failedConditions = r.eligibility?.failed ?? []
            conditionsRecorded = r.eligibility != nil; importedFrom = r.importedFrom
            relativesAbroad = r.relativesAbroad; personnelOpinion = r.personnelOpinion; secrecyOpinion = r.secrecyOpinion; decidedBy = r.decidedBy
            passed = r.passed; reviewedOn = r.reviewedOn.iso; trigger = r.trigger
        }
    }
    struct Commitment: Codable {
        let id: String; let personId: String; let kind: String; let signedOn: String; let note: String
        init(_ c: Personnel.Commitment) { id = c.id; personId = c.personID; kind = c.kind.rawValue; signedOn = c.signedOn.iso; note = c.note }
    }
    struct Trip: Codable {
        let id: String; let personId: String; let purpose: String; let destination: String; let reason: String; let departOn: String
        let returnOn: String; let delegation: String; let delegationSecrecyPerson: String; let personnelOpinion: String; let secrecyOpinion: String
        let approvedBy: String?; let educatedOn: String?; let carrierIds: [String]; let returnedOn: String?; let reportDueOn: String?
        let returnReport: String; let reportedOn: String?; let declearingApproval: String; let status: String
        let refusedBy: String?; let refusedOn: String?; let refusalReason: String; let exitDocuments: String
        init(_ t: Personnel.Trip) {
            id = t.id; personId = t.personID; purpose = t.purpose.rawValue; destination = t.destination; reason = t.reason; departOn = t.departOn.iso
            returnOn = t.returnOn.iso; delegation = t.delegation; delegationSecrecyPerson = t.delegationSecrecyPerson
            personnelOpinion = t.personnelOpinion; secrecyOpinion = t.secrecyOpinion; approvedBy = t.approvedBy; educatedOn = t.educatedOn?.iso
            carrierIds = t.carrierIDs; returnedOn = t.returnedOn?.iso; reportDueOn = PersonnelRules.reportDue(t)?.iso; returnReport = t.returnReport
            reportedOn = t.reportedOn?.iso; declearingApproval = t.declearingApproval; status = t.status.rawValue
            refusedBy = t.refusedBy; refusedOn = t.refusedOn?.iso; refusalReason = t.refusalReason; exitDocuments = t.exitDocuments
        }
    }
    struct Event: Codable {
        let id: String; let personId: String; let kind: String; let occurredOn: String; let reportedOn: String; let dueOn: String; let late: Bool
        let details: String; let handling: String; let onwardReportedOn: String?; let changeReviewOpened: Bool
        init(_ e: ReportableEvent) {
            id = e.id; personId = e.personID; kind = e.kind.rawValue; occurredOn = e.occurredOn.iso; reportedOn = e.reportedOn.iso; dueOn = e.dueOn.iso
            late = e.late; details = e.details; handling = e.handling; onwardReportedOn = e.onwardReportedOn?.iso
            changeReviewOpened = e.changeReviewOpened
        }
    }
    struct Departure: Codable {
        let id: String; let personId: String; let kind: String; let leavingOn: String; let declearingMonths: Int; let declearingUntil: String
        let done: [String: String]; let destination: String; let earlyConsent: String; let completedOn: String?
        init(_ d: Personnel.Departure) {
            id = d.id; personId = d.personID; kind = d.kind.rawValue; leavingOn = d.leavingOn.iso; declearingMonths = d.declearingMonths
            declearingUntil = d.declearingUntil.iso; done = Dictionary(uniqueKeysWithValues: d.done.map { ($0.key.rawValue, $0.value) })
            destination = d.destination; earlyConsent = d.earlyConsent; completedOn = d.completedOn?.iso
        }
    }
    struct GateCarrier: Codable { let id: String; let number: String; let title: String }
    /// R-PE-16: the whole count; titles only of what the caller may know.
    struct Gate: Codable {
        let departure: Departure; let required: [String]; let outstanding: Int; let hidden: Int; let visible: [GateCarrier]
        let leavingCommitments: [String]; let handover: Handover?
        init(_ g: DepartureGate) {
            handover = g.handover.map { Handover($0.list) }
            departure = Departure(g.departure); required = g.required.map(\.rawValue); outstanding = g.outstanding; hidden = g.hidden
            visible = g.visible.map { GateCarrier(id: $0.id, number: $0.number, title: $0.title) }; leavingCommitments = g.leavingCommitments.map(\.rawValue)
        }
    }
    struct Handover: Codable {
        let id: String; let fromPersonId: String; let toPersonId: String; let handedOn: String; let carrierCount: Int; let leaverSigned: String
        let successorSigned: String
        init(_ h: CarrierHandover) {
            id = h.id; fromPersonId = h.fromPersonID; toPersonId = h.toPersonID; handedOn = h.handedOn.iso; carrierCount = h.carrierCount
            leaverSigned = h.leaverSigned; successorSigned = h.successorSigned
        }
    }
    struct HandoverLine: Codable {
        let id: String; let number: String; let kind: String; let title: String; let level: String; let copies: Int
        init(_ c: Carrier) { id = c.id; number = c.number; kind = c.kind.rawValue; title = c.title; level = c.level.code; copies = c.copies }
    }
    struct HandoverList: Codable {
        let handover: Handover; let fromName: String; let toName: String; let hidden: Int?; let lines: APIController.PagedList<HandoverLine>
        init(_ l: PersonnelServices.HandoverList) {
            handover = Handover(l.handover); fromName = l.fromName; toName = l.toName; hidden = l.hidden; lines = .init(l.lines, HandoverLine.init)
        }
    }
    struct TrainingClass: Codable {
        let id: String; let kind: String; let heldOn: String; let hours: Int; let content: String; let form: String; let organiser: String
        let participantIds: [String]; let absentIds: [String]; let passedIds: [String]
        init(_ c: Personnel.TrainingClass) {
            id = c.id; kind = c.kind.rawValue; heldOn = c.heldOn.iso; hours = c.hours; content = c.content; form = c.form; organiser = c.organiser
            participantIds = c.participantIDs; absentIds = c.absentIDs; passedIds = c.passedIDs
        }
    }
    struct External: Codable {
        let id: String; let personId: String; let kind: String; let provider: String; let completedOn: String; let hours: Int
        let certificateNumber: String; let certificateValidUntil: String?
        init(_ e: ExternalCourse) {
            id = e.id; personId = e.personID; kind = e.kind.rawValue; provider = e.provider; completedOn = e.completedOn.iso; hours = e.hours
            certificateNumber = e.certificateNumber; certificateValidUntil = e.certificateValidUntil?.iso
        }
    }
    struct PlanItem: Codable { let month: Int; let content: String; let form: String; let hours: Int; let audience: String }
    struct Plan: Codable { let year: Int; let items: [PlanItem] }
    struct UnderFloorLine: Codable { let personId: String; let name: String; let tier: String; let hours: Int; let floor: Int }
    struct UnderFloor: Codable { let year: Int; let count: Int; let items: [UnderFloorLine] }
    struct Hours: Codable { let year: Int; let hours: Int; let prePostHours: Int; let floor: Int }
    struct Rights: Codable {
        let id: String; let personId: String; let restriction: String; let measure: String; let recordedOn: String
        init(_ r: RightsRecord) { id = r.id; personId = r.personID; restriction = r.restriction; measure = r.measure; recordedOn = r.recordedOn.iso }
    }
    struct AfterLeaving: Codable {
        let id: String; let personId: String; let kind: String; let occurredOn: String; let employer: String; let employerKind: String?
        let position: String; let details: String; let restricted: Bool; let reportedOn: String?
        init(_ r: AfterLeavingRecord) {
            id = r.id; personId = r.personID; kind = r.kind.rawValue; occurredOn = r.occurredOn.iso; employer = r.employer
            employerKind = r.employerKind?.rawValue; position = r.position; details = r.details; restricted = r.restricted; reportedOn = r.reportedOn?.iso
        }
    }
    struct Identity: Codable {
        let gender: String; let birthMonth: String; let ethnicity: String; let politicalStatus: String; let idNumber: String
        init(_ i: PersonIdentity) {
            gender = i.gender; birthMonth = i.birthMonth; ethnicity = i.ethnicity; politicalStatus = i.politicalStatus; idNumber = i.idNumber
        }
    }
    struct File: Codable {
        let personId: String; let name: String; let record: Cleared?; let post: Post?; let changeReview: String?; let reviews: [Review]
        let commitments: [Commitment]; let trips: [Trip]; let events: [Event]; let departures: [Departure]; let hours: [Hours]; let external: [External]
        let rights: [Rights]; let handovers: [Handover]; let afterLeaving: [AfterLeaving]; let identity: Identity?
        init(_ f: PersonnelFile) {
            identity = f.identity.map(Identity.init)
            rights = f.rights.map(Rights.init); handovers = f.handovers.map(Handover.init); afterLeaving = f.afterLeaving.map(AfterLeaving.init)
            personId = f.person.id; name = f.person.name; record = f.record.map(Cleared.init); post = f.post.map(Post.init); changeReview = f.changeReview
            reviews = f.reviews.map(Review.init); commitments = f.commitments.map(Commitment.init); trips = f.trips.map(Trip.init)
            events = f.events.map(Event.init); departures = f.departures.map(Departure.init); external = f.external.map(External.init)
            let floor = TrainingRules.annualFloor(f.record?.status == .serving ? f.record!.tier : .none)
            hours = f.hours.map { Hours(year: $0.year, hours: $0.hours, prePostHours: $0.prePost, floor: floor) }
        }
    }
}
