import Accounts
import CarrierServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage

/// The personnel area's records in the API: trips, reportable events, departures with their gate, the custody hand-over
/// and training (R-PE-5..7, R-PE-16, R-CA-15, R-TR-1..4, R-KP-4).
extension APIController {
    func registerPersonnelRecords(_ api: RouterGroup<AppRequestContext>) {
        api.get("trips", use: listTrips)
        api.post("trips", use: applyForTrip)
        api.post("trips/:id/approve", use: approveTrip)
        api.post("trips/:id/refuse", use: refuseTrip)
        api.post("trips/:id/opinion", use: enterTripOpinion)
        api.post("trips/:id/:step", use: takeTripStep)
        api.get("reportable-events", use: listReportableEvents)
        api.post("reportable-events", use: reportPersonnelEvent)
        api.post("reportable-events/:id/handle", use: handleReportableEvent)
        api.get("departures", use: listDepartures)
        api.post("departures", use: openDeparture)
        api.get("departures/:id", use: departureGate)
        api.post("departures/:id/items", use: recordDepartureItem)
        api.post("departures/:id/complete", use: completeDeparture)
        api.post("carrier-handovers", use: recordCarrierHandover)
        api.post("training/classes", use: recordTrainingClass)
        api.post("training/external", use: recordExternalCourse)
        api.get("training/plans/:year", use: trainingPlan)
        api.post("training/plans/:year", use: saveTrainingPlan)
        api.get("training/under-floor", use: trainingUnderFloor)
    }

    /// `GET trips`: the 出国（境） register, a page at a time.
    func listTrips(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        return JSON.response(
            PagedList(try await services.personnel.trips(try context.actor(), page: try Self.pageRequest(q, order: "depart")), PersonnelDTO.Trip.init))
    }

    /// `POST trips`: an application to go abroad (出国（境）申请, R-PE-5).
    func applyForTrip(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(TripBody.self, request)
        let trip = try await services.personnel.applyTrip(
            try context.actor(),
            .init(
                personID: b.personId, purpose: try Self.parse(TripPurpose.self, b.purpose, field: "purpose"), destination: b.destination, reason: b.reason,
                departOn: try day(b.departOn, field: "depart_on"), returnOn: try day(b.returnOn, field: "return_on"), delegation: b.delegation ?? "",
                delegationSecrecyPerson: b.delegationSecrecyPerson ?? "", carrierIDs: b.carrierIds ?? [], declearingApproval: b.declearingApproval ?? "",
                exitDocuments: b.exitDocuments ?? ""))
        return JSON.response(PersonnelDTO.Trip(trip), status: .created)
    }

    /// `POST trips/:id/approve`: the approver approves a trip, adding any opinion still missing (R-PE-5).
    func approveTrip(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ApproveTripBody.self, request)
        let trip = try await services.personnel.approveTrip(
            try context.actor(), tripID: context.parameters.require("id"), personnelOpinion: b.personnelOpinion ?? "",
            secrecyOpinion: b.secrecyOpinion ?? "",
            secrecyOrgConsent: b.secrecyOrgConsent ?? "")
        return JSON.response(PersonnelDTO.Trip(trip))
    }

    /// `POST trips/:id/refuse`: the approver refuses a trip, with the reason (不予批准, R-PE-5).
    func refuseTrip(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(RefuseTripBody.self, request)
        let trip = try await services.personnel.refuseTrip(try context.actor(), tripID: context.parameters.require("id"), reason: b.refusalReason)
        return JSON.response(PersonnelDTO.Trip(trip))
    }

    /// `POST trips/:id/opinion`: the 组织人事部门's or the 保密工作机构's opinion on an application (R-PE-5).
    func enterTripOpinion(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(TripOpinionBody.self, request)
        return JSON.response(
            PersonnelDTO.Trip(try await services.personnel.tripOpinion(try context.actor(), tripID: context.parameters.require("id"), opinion: b.opinion)))
    }

    /// `POST trips/:id/:step`: one later step of a trip — the path's `step`: educate, depart, return, report (R-PE-5); one
    /// service operation taking the step.
    func takeTripStep(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let step = try Self.parse(PersonnelService.TripStep.self, context.parameters.require("step"), field: "step")
        let b = try await decodeJSON(TripStepBody.self, request)
        let trip = try await services.personnel.tripStep(
            try context.actor(), tripID: context.parameters.require("id"), step, day: try b.day.map { try day($0, field: "day") }, report: b.report ?? "")
        return JSON.response(PersonnelDTO.Trip(trip))
    }

    /// `GET reportable-events`: the 重大事项报告 register, a page at a time.
    func listReportableEvents(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        return JSON.response(
            PagedList(try await services.personnel.events(try context.actor(), page: try Self.pageRequest(q, order: "reported")), PersonnelDTO.Event.init))
    }

    /// `POST reportable-events`: a 重大事项 reported by or for a cleared person (R-PE-6).
    func reportPersonnelEvent(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(EventBody.self, request)
        let event = try await services.personnel.reportEvent(
            try context.actor(), personID: b.personId, kind: try Self.parse(EventKind.self, b.kind, field: "kind"),
            occurredOn: try day(b.occurredOn, field: "occurred_on"), details: b.details)
        return JSON.response(PersonnelDTO.Event(event), status: .created)
    }

    /// `POST reportable-events/:id/handle`: how a reported event was handled (R-PE-6), and where it was reported onward
    /// (R-PE-12).
    func handleReportableEvent(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(HandleEventBody.self, request)
        let event = try await services.personnel.handleEvent(
            try context.actor(), eventID: context.parameters.require("id"), handling: b.handling ?? "", onwardTo: b.onwardTo)
        return JSON.response(PersonnelDTO.Event(event))
    }

    /// `GET departures`: the 离岗离职 register, a page at a time.
    func listDepartures(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        return JSON.response(
            PagedList(try await services.personnel.departures(try context.actor(), page: try Self.pageRequest(q, order: "newest")), PersonnelDTO.Departure.init)
        )
    }

    /// `POST departures`: opens a departure with its 脱密期 (R-PE-7).
    func openDeparture(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(DepartureBody.self, request)
        let d = try await services.personnel.openDeparture(
            try context.actor(),
            .init(
                personID: b.personId, kind: try Self.parse(DepartureKind.self, b.kind, field: "kind"), leavingOn: try day(b.leavingOn, field: "leaving_on"),
                declearingMonths: b.declearingMonths, destination: b.destination ?? "", earlyConsent: b.earlyConsent ?? ""))
        return JSON.response(PersonnelDTO.Departure(d), status: .created)
    }

    /// `GET departures/:id`: the departure's checklist with its gate — what is still outstanding (R-PE-7, R-PE-16).
    func departureGate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(PersonnelDTO.Gate(try await services.personnel.departureGate(try context.actor(), departureID: context.parameters.require("id"))))
    }

    /// `POST departures/:id/items`: one checklist item done (R-PE-7, R-PE-16).
    func recordDepartureItem(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(DepartureItemBody.self, request)
        let d = try await services.personnel.recordDepartureItem(
            try context.actor(), departureID: context.parameters.require("id"), item: try Self.parse(DepartureItem.self, b.item, field: "item"),
            note: b.note)
        return JSON.response(PersonnelDTO.Departure(d))
    }

    /// `POST departures/:id/complete`: completes the departure once every item is done and nothing is out (R-PE-7, R-PE-16).
    func completeDeparture(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(
            PersonnelDTO.Departure(try await services.personnel.completeDeparture(try context.actor(), departureID: context.parameters.require("id"))))
    }

    /// `POST carrier-handovers`: the custody hand-over of a leaver's carriers to a successor (R-CA-15).
    func recordCarrierHandover(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(HandoverBody.self, request)
        let h = try await services.carriers.handOver(
            try context.actor(), fromPersonID: b.fromPersonId, toPersonID: b.toPersonId, leaverSigned: b.leaverSigned, successorSigned: b.successorSigned)
        return JSON.response(PersonnelDTO.Handover(h), status: .created)
    }

    /// `POST training/classes`: a 培训 held, with its participants, absentees and who passed (R-TR-1, R-KP-4).
    func recordTrainingClass(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ClassBody.self, request)
        let c = try await services.personnel.recordClass(
            try context.actor(),
            TrainingClass(
                id: "", unitID: "", kind: try Self.parse(TrainingKind.self, b.kind, field: "kind"), heldOn: try day(b.heldOn, field: "held_on"),
                hours: b.hours, content: b.content, form: b.form, organiser: b.organiser, participantIDs: b.participantIds, absentIDs: b.absentIds ?? [],
                passedIDs: b.passedIds ?? []))
        return JSON.response(PersonnelDTO.TrainingClass(c), status: .created)
    }

    /// `POST training/external`: 外部培训 — a course outside the unit, with its certificate (R-TR-4).
    func recordExternalCourse(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(ExternalBody.self, request)
        let e = try await services.personnel.recordExternal(
            try context.actor(),
            ExternalCourse(
                id: "", personID: b.personId, kind: try Self.parse(ExternalCourseKind.self, b.kind, field: "kind"), provider: b.provider,
                completedOn: try day(b.completedOn, field: "completed_on"), hours: b.hours, certificateNumber: b.certificateNumber ?? "",
                certificateValidUntil: try b.certificateValidUntil.map { try day($0, field: "certificate_valid_until") }))
        return JSON.response(PersonnelDTO.External(e), status: .created)
    }

    /// `GET training/plans/:year`: the year's 保密教育培训计划; not found if none is saved (R-TR-1).
    func trainingPlan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let year = try Self.year(context.parameters.require("year"))
        guard let items = try await services.personnel.plan(try context.actor(), year: year) else { throw Refusal.notFound }
        return JSON.response(
            PersonnelDTO.Plan(
                year: year, items: items.map { .init(month: $0.month, content: $0.content, form: $0.form, hours: $0.hours, audience: $0.audience) }))
    }

    /// `POST training/plans/:year`: saves the year's plan, one item per month (R-TR-1, R-TR-2).
    func saveTrainingPlan(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let year = try Self.year(context.parameters.require("year"))
        let b = try await decodeJSON(PlanBody.self, request)
        let items = try await services.personnel.savePlan(
            try context.actor(), year: year,
            items: b.items.map { .init(month: $0.month, content: $0.content, form: $0.form, hours: $0.hours, audience: $0.audience) })
        return JSON.response(
            PersonnelDTO.Plan(
                year: year, items: items.map { .init(month: $0.month, content: $0.content, form: $0.form, hours: $0.hours, audience: $0.audience) }),
            status: .created)
    }

    /// `GET training/under-floor`: the cleared people below their tier's annual hours in a year (this year unless
    /// asked; R-KP-4).
    func trainingUnderFloor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let year = try q["year"].map(Self.year) ?? services.clock.today.year
        let (count, lines) = try await services.personnel.underFloor(try context.actor(), year: year)
        return JSON.response(
            PersonnelDTO.UnderFloor(
                year: year, count: count,
                items: lines.map {
                    .init(personId: $0.personID, name: $0.name, tier: $0.tier.rawValue, hours: $0.hours, floor: TrainingRules.annualFloor($0.tier))
                }))
    }

    static func year(_ text: String) throws -> Int {
        guard let y = Int(text), (2000...2100).contains(y) else { throw Refusal.invalid("year", "年度应为2000至2100") }
        return y
    }
}
