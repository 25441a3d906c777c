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
        let c = services.carriers
        func step(_ name: String, _ perform: @escaping @Sendable (Request, Actor, String) async throws -> Response) {
            api.post(RouterPath("carriers/:id/\(name)")) { request, context in
                try await perform(request, try context.actor(), try context.parameters.require("id"))
            }
        }
        step("store") { request, actor, id in
            JSON.response(CarrierDTO(try await c.store(actor, carrierID: id, safeID: try await decodeJSON(StoreBody.self, request).safeId)))
        }
        step("dispatch") { request, actor, id in
            let b = try await decodeJSON(DispatchBody.self, request)
            let sent = try await c.dispatch(
                actor, carrierID: id, recipient: b.recipient, approvedDistribution: b.approvedDistribution,
                channel: try CarrierRules.channel(b.channel), outOfTown: b.outOfTown ?? false,
                escorts: b.escorts ?? [])
            return JSON.response(DispatchedDTO(carrier: CarrierDTO(sent.carrier), dispatchNumber: sent.dispatchNumber, envelope: sent.envelope))
        }
        step("circulate") { request, actor, id in
            let b = try await decodeJSON(CirculateBody.self, request)
            return JSON.response(CarrierDTO(try await c.circulate(actor, carrierID: id, readerPersonID: b.readerPersonId, readingRoom: b.readingRoom)))
        }
        step("take-back") { _, actor, id in JSON.response(CarrierDTO(try await c.takeBack(actor, carrierID: id))) }
        step("lend") { request, actor, id in
            let b = try await decodeJSON(LendBody.self, request)
            return JSON.response(
                CarrierDTO(
                    try await c.lend(actor, carrierID: id, borrowerPersonID: b.borrowerPersonId, approvedBy: b.approvedBy, due: b.dueOn.flatMap(Day.init(iso:)))
                ))
        }
        step("copy") { request, actor, id in
            let b = try await decodeJSON(CopyBody.self, request)
            let copy = try await c.copy(
                actor, carrierID: id, approvedBy: b.approvedBy, originatorConsent: b.originatorConsent, copies: b.copies, recipient: b.recipient)
            return JSON.response(CarrierDTO(copy), status: .created)
        }
        step("carry-out") { request, actor, id in
            let b = try await decodeJSON(CarryOutBody.self, request)
            return JSON.response(
                CarrierDTO(
                    try await c.carryOut(
                        actor, carrierID: id, holderPersonID: b.holderPersonId, approvedBy: b.approvedBy, companions: b.companions ?? [],
                        abroad: b.abroad ?? false, exitPermit: b.exitPermit)))
        }
        step("return") { request, actor, id in
            JSON.response(CarrierDTO(try await c.returnToIssuer(actor, carrierID: id, note: try await decodeJSON(NoteBody.self, request).note ?? "")))
        }
        step("retain") { request, actor, id in
            JSON.response(CarrierDTO(try await c.retain(actor, carrierID: id, reason: try await decodeJSON(ReasonBody.self, request).reason)))
        }
        step("repair") { request, actor, id in
            let b = try await decodeJSON(RepairBody.self, request)
            return JSON.response(
                CarrierDTO(
                    try await c.repair(
                        actor, carrierID: id, mode: try CarrierRules.repairMode(b.mode), supervisor: b.supervisor,
                        vendor: b.vendor, offSite: b.offSite ?? false, dataRecovery: b.dataRecovery ?? false)))
        }
        step("loss") { request, actor, id in
            let b = try await decodeJSON(LossBody.self, request)
            let incident = try await c.reportLoss(actor, carrierID: id, kind: b.kind, summary: b.summary)
            return JSON.response(IncidentDTO(incidentId: incident.incidentID, reportDueAt: incident.reportDueAt), status: .created)
        }
        step("forbidden") { request, actor, id in
            let b = try await decodeJSON(ForbiddenBody.self, request)
            try await c.attemptForbidden(actor, carrierID: id, action: try CarrierRules.forbiddenAction(b.action))
            throw Refusal.notFound
        }
        step("medium-write") { request, actor, id in
            let b = try await decodeJSON(MediumWriteBody.self, request)
            return JSON.response(
                CarrierDTO(try await c.storeOnMedium(actor, carrierID: id, contentLevel: try CarrierRules.contentLevel(b.contentLevel))))
        }
    }
}
