import Accounts
import Areas
import CarrierServices
import Carriers
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

extension APIController {
    /// The steps of a carrier's life, one route each (STYLE 3: no switch over an action parameter): each parses its body,
    /// calls one service operation and renders the result.
    func registerCarrierSteps(_ api: RouterGroup<AppRequestContext>) {
        func step(_ name: String, _ perform: @escaping @Sendable (Request, Actor, String) async throws -> Response) {
            api.post(RouterPath("carriers/:id/\(name)")) { request, context in
                try await perform(request, try context.actor(), try context.parameters.require("id"))
            }
        }
        step("store", storeCarrier)
        step("dispatch", dispatchCarrier)
        step("circulate", circulateCarrier)
        step("take-back", takeBackCarrier)
        step("lend", lendCarrier)
        step("copy", copyCarrier)
        step("carry-out", carryOutCarrier)
        step("return", returnCarrier)
        step("retain", retainCarrier)
        step("repair", repairCarrier)
        step("loss", reportCarrierLoss)
        step("forbidden", attemptForbiddenOnCarrier)
        step("medium-write", writeToCarrierMedium)
    }

    /// `POST /carriers/{id}/store`: puts the carrier in a safe (存入保密柜, R-CA-6); answers the carrier.
    func storeCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        JSON.response(CarrierDTO(try await services.carriers.store(actor, carrierID: id, safeID: try await decodeJSON(StoreBody.self, request).safeId)))
    }

    /// `POST /carriers/{id}/dispatch`: sends the carrier (发出, R-CA-2, R-CA-3); answers it with its dispatch number and
    /// envelope.
    func dispatchCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(DispatchBody.self, request)
        let sent = try await services.carriers.dispatch(
            actor, carrierID: id, recipient: b.recipient, approvedDistribution: b.approvedDistribution,
            channel: try CarrierRules.channel(b.channel), outOfTown: b.outOfTown ?? false,
            escorts: b.escorts ?? [])
        return JSON.response(DispatchedDTO(carrier: CarrierDTO(sent.carrier), dispatchNumber: sent.dispatchNumber, envelope: sent.envelope))
    }

    /// `POST /carriers/{id}/circulate`: hands the carrier to a reader (传阅, R-CA-4).
    func circulateCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(CirculateBody.self, request)
        return JSON.response(
            CarrierDTO(try await services.carriers.circulate(actor, carrierID: id, readerPersonID: b.readerPersonId, readingRoom: b.readingRoom)))
    }

    /// `POST /carriers/{id}/take-back`: takes the carrier back (收回) from a reader, a borrower, a trip or repair.
    func takeBackCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        JSON.response(CarrierDTO(try await services.carriers.takeBack(actor, carrierID: id)))
    }

    /// `POST /carriers/{id}/lend`: lends the carrier (借出, R-CA-5).
    func lendCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(LendBody.self, request)
        return JSON.response(
            CarrierDTO(
                try await services.carriers.lend(
                    actor, carrierID: id, borrowerPersonID: b.borrowerPersonId, approvedBy: b.approvedBy, due: b.dueOn.flatMap(Day.init(iso:)))
            ))
    }

    /// `POST /carriers/{id}/copy`: copies the carrier (复印, R-CA-7); answers the new copy, 201.
    func copyCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(CopyBody.self, request)
        let copy = try await services.carriers.copy(
            actor, carrierID: id, approvedBy: b.approvedBy, originatorConsent: b.originatorConsent, copies: b.copies, recipient: b.recipient)
        return JSON.response(CarrierDTO(copy), status: .created)
    }

    /// `POST /carriers/{id}/carry-out`: the carrier leaves with its holder (携带外出, R-CA-9).
    func carryOutCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(CarryOutBody.self, request)
        return JSON.response(
            CarrierDTO(
                try await services.carriers.carryOut(
                    actor, carrierID: id, holderPersonID: b.holderPersonId, approvedBy: b.approvedBy, companions: b.companions ?? [],
                    abroad: b.abroad ?? false, exitPermit: b.exitPermit)))
    }

    /// `POST /carriers/{id}/return`: returns the carrier to the unit that issued it (清退, R-CA-10).
    func returnCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        JSON.response(
            CarrierDTO(try await services.carriers.returnToIssuer(actor, carrierID: id, note: try await decodeJSON(NoteBody.self, request).note ?? "")))
    }

    /// `POST /carriers/{id}/retain`: keeps the carrier (留存, R-CA-10): archived or extended, no longer due for return.
    func retainCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        JSON.response(CarrierDTO(try await services.carriers.retain(actor, carrierID: id, reason: try await decodeJSON(ReasonBody.self, request).reason)))
    }

    /// `POST /carriers/{id}/repair`: sends the carrier for repair (送修, R-CA-12).
    func repairCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(RepairBody.self, request)
        return JSON.response(
            CarrierDTO(
                try await services.carriers.repair(
                    actor, carrierID: id, mode: try CarrierRules.repairMode(b.mode), supervisor: b.supervisor,
                    vendor: b.vendor, offSite: b.offSite ?? false, dataRecovery: b.dataRecovery ?? false)))
    }

    /// `POST /carriers/{id}/loss`: reports the carrier lost, stolen or leaked (报告丢失, R-CA-14); answers the incident
    /// and when it must be reported, 201.
    func reportCarrierLoss(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(LossBody.self, request)
        let incident = try await services.carriers.reportLoss(actor, carrierID: id, kind: b.kind, summary: b.summary)
        return JSON.response(IncidentDTO(incidentId: incident.incidentID, reportDueAt: incident.reportDueAt), status: .created)
    }

    /// `POST /carriers/{id}/forbidden`: an attempt at an action forbidden outright (R-CA-13); the service audits and
    /// refuses it; were it ever to return, the route would still answer not found.
    func attemptForbiddenOnCarrier(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(ForbiddenBody.self, request)
        try await services.carriers.attemptForbidden(actor, carrierID: id, action: try CarrierRules.forbiddenAction(b.action))
        throw Refusal.notFound
    }

    /// `POST /carriers/{id}/medium-write`: records information of the given level written to the medium (写入信息, R-MD-2).
    func writeToCarrierMedium(_ request: Request, _ actor: Actor, _ id: String) async throws -> Response {
        let b = try await decodeJSON(MediumWriteBody.self, request)
        return JSON.response(
            CarrierDTO(
                try await services.carriers.storeOnMedium(
                    actor, carrierID: id, contentLevel: try CarrierRules.contentLevel(b.contentLevel), computerNumber: b.computerNumber)))
    }
}
