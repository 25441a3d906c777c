import Accounts
import CarrierServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage

extension APIController {
    func registerPersonnelRecords(_ api: RouterGroup<AppRequestContext>) {
        let p = services.personnel
        api.get("trips") { request, context in
            let q = FormData.query(request)
            return JSON.response(PagedList(try await p.trips(try context.actor(), page: try Self.pageRequest(q, order: "depart")), PersonnelDTO.Trip.init))
        }
        api.post("trips") { request, context in
            let b = try await decodeJSON(TripBody.self, request)
            let trip = try await p.applyTrip(
                try context.actor(),
                .init(
                    personID: b.personId, purpose: try Self.parse(TripPurpose.self, b.purpose, field: "purpose"), destination: b.destination, reason: b.reason,
                    departOn: try day(b.departOn, field: "depart_on"), returnOn: try day(b.returnOn, field: "return_on"), delegation: b.delegation ?? "",
                    delegationSecrecyPerson: b.delegationSecrecyPerson ?? "", carrierIDs: b.carrierIds ?? [], declearingApproval: b.declearingApproval ?? ""))
            return JSON.response(PersonnelDTO.Trip(trip), status: .created)
        }
        api.post("trips/:id/approve") { request, context in
            let b = try await decodeJSON(ApproveTripBody.self, request)
            let trip = try await p.approveTrip(
                try context.actor(), tripID: context.parameters.require("id"), personnelOpinion: b.personnelOpinion ?? "",
                secrecyOpinion: b.secrecyOpinion ?? "",
                secrecyOrgConsent: b.secrecyOrgConsent ?? "")
            return JSON.response(PersonnelDTO.Trip(trip))
        }
        api.post("trips/:id/opinion") { request, context in
            let b = try await decodeJSON(TripOpinionBody.self, request)
            return JSON.response(PersonnelDTO.Trip(try await p.tripOpinion(try context.actor(), tripID: context.parameters.require("id"), opinion: b.opinion)))
        }
        api.post("trips/:id/:step") { request, context in
            let step = try Self.parse(PersonnelService.TripStep.self, context.parameters.require("step"), field: "step")
            let b = try await decodeJSON(TripStepBody.self, request)
            let trip = try await p.tripStep(
                try context.actor(), tripID: context.parameters.require("id"), step, day: try b.day.map { try day($0, field: "day") }, report: b.report ?? "")
            return JSON.response(PersonnelDTO.Trip(trip))
        }
        api.get("reportable-events") { request, context in
            let q = FormData.query(request)
            return JSON.response(PagedList(try await p.events(try context.actor(), page: try Self.pageRequest(q, order: "reported")), PersonnelDTO.Event.init))
        }
        api.post("reportable-events") { request, context in
            let b = try await decodeJSON(EventBody.self, request)
            let event = try await p.reportEvent(
                try context.actor(), personID: b.personId, kind: try Self.parse(EventKind.self, b.kind, field: "kind"),
                occurredOn: try day(b.occurredOn, field: "occurred_on"), details: b.details)
            return JSON.response(PersonnelDTO.Event(event), status: .created)
        }
        api.post("reportable-events/:id/handle") { request, context in
            let b = try await decodeJSON(HandleEventBody.self, request)
            let event = try await p.handleEvent(
                try context.actor(), eventID: context.parameters.require("id"), handling: b.handling ?? "", onwardTo: b.onwardTo)
            return JSON.response(PersonnelDTO.Event(event))
        }
        api.get("departures") { request, context in
            let q = FormData.query(request)
            return JSON.response(
                PagedList(try await p.departures(try context.actor(), page: try Self.pageRequest(q, order: "newest")), PersonnelDTO.Departure.init))
        }
        api.post("departures") { request, context in
            let b = try await decodeJSON(DepartureBody.self, request)
            let d = try await p.openDeparture(
                try context.actor(),
                .init(
                    personID: b.personId, kind: try Self.parse(DepartureKind.self, b.kind, field: "kind"), leavingOn: try day(b.leavingOn, field: "leaving_on"),
                    declearingMonths: b.declearingMonths, destination: b.destination ?? "", earlyConsent: b.earlyConsent ?? ""))
            return JSON.response(PersonnelDTO.Departure(d), status: .created)
        }
        api.get("departures/:id") { _, context in
            JSON.response(PersonnelDTO.Gate(try await p.departureGate(try context.actor(), departureID: context.parameters.require("id"))))
        }
        api.post("departures/:id/items") { request, context in
            let b = try await decodeJSON(DepartureItemBody.self, request)
            let d = try await p.recordDepartureItem(
                try context.actor(), departureID: context.parameters.require("id"), item: try Self.parse(DepartureItem.self, b.item, field: "item"),
                note: b.note)
            return JSON.response(PersonnelDTO.Departure(d))
        }
        api.post("departures/:id/complete") { _, context in
            JSON.response(PersonnelDTO.Departure(try await p.completeDeparture(try context.actor(), departureID: context.parameters.require("id"))))
        }
        api.post("carrier-handovers") { request, context in
            let b = try await decodeJSON(HandoverBody.self, request)
            let h = try await services.carriers.handOver(
                try context.actor(), fromPersonID: b.fromPersonId, toPersonID: b.toPersonId, leaverSigned: b.leaverSigned, successorSigned: b.successorSigned)
            return JSON.response(PersonnelDTO.Handover(h), status: .created)
        }
        api.post("training/classes") { request, context in
            let b = try await decodeJSON(ClassBody.self, request)
            let c = try await p.recordClass(
                try context.actor(),
                TrainingClass(
                    id: "", unitID: "", kind: try Self.parse(TrainingKind.self, b.kind, field: "kind"), heldOn: try day(b.heldOn, field: "held_on"),
                    hours: b.hours, content: b.content, form: b.form, organiser: b.organiser, participantIDs: b.participantIds, absentIDs: b.absentIds ?? [],
                    passedIDs: b.passedIds ?? []))
            return JSON.response(PersonnelDTO.TrainingClass(c), status: .created)
        }
        api.post("training/external") { request, context in
            let b = try await decodeJSON(ExternalBody.self, request)
            let e = try await p.recordExternal(
                try context.actor(),
                ExternalCourse(
                    id: "", personID: b.personId, kind: try Self.parse(ExternalCourseKind.self, b.kind, field: "kind"), provider: b.provider,
                    completedOn: try day(b.completedOn, field: "completed_on"), hours: b.hours, certificateNumber: b.certificateNumber ?? "",
                    certificateValidUntil: try b.certificateValidUntil.map { try day($0, field: "certificate_valid_until") }))
            return JSON.response(PersonnelDTO.External(e), status: .created)
        }
        api.get("training/plans/:year") { _, context in
            let year = try Self.year(context.parameters.require("year"))
            guard let items = try await p.plan(try context.actor(), year: year) else { throw Refusal.notFound }
            return JSON.response(
                PersonnelDTO.Plan(
                    year: year, items: items.map { .init(month: $0.month, content: $0.content, form: $0.form, hours: $0.hours, audience: $0.audience) }))
        }
        api.post("training/plans/:year") { request, context in
            let year = try Self.year(context.parameters.require("year"))
            let b = try await decodeJSON(PlanBody.self, request)
            let items = try await p.savePlan(
                try context.actor(), year: year,
                items: b.items.map { .init(month: $0.month, content: $0.content, form: $0.form, hours: $0.hours, audience: $0.audience) })
            return JSON.response(
                PersonnelDTO.Plan(
                    year: year, items: items.map { .init(month: $0.month, content: $0.content, form: $0.form, hours: $0.hours, audience: $0.audience) }),
                status: .created)
        }
        api.get("training/under-floor") { request, context in
            let q = FormData.query(request)
            let year = try q["year"].map(Self.year) ?? services.clock.today.year
            let (count, lines) = try await p.underFloor(try context.actor(), year: year)
            return JSON.response(
                PersonnelDTO.UnderFloor(
                    year: year, count: count,
                    items: lines.map {
                        .init(personId: $0.personID, name: $0.name, tier: $0.tier.rawValue, hours: $0.hours, floor: TrainingRules.annualFloor($0.tier))
                    }))
        }
    }

    static func year(_ text: String) throws -> Int {
        guard let y = Int(text), (2000...2100).contains(y) else { throw Refusal.invalid("year", "年度应为2000至2100") }
        return y
    }
}
