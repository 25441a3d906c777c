import Accounts
import Areas
import CarrierServices
import Carriers
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

extension CarrierController {
    /// One page per action (STYLE 3): `GET /carriers/:id/<action>` shows the action's form, `POST` reads it, calls one
    /// service operation and goes back to the carrier's page; a refusal shows the action's form again with its rule.
    /// One handler per route: each step names its own action, no route switches over an action parameter.
    func step(
        _ router: Router<AppRequestContext>, _ action: CarrierAction, perform: @escaping @Sendable (FormData, Actor, String) async throws -> String
    ) {
        let path = RouterPath("/carriers/:id/\(action.rawValue)")
        router.get(path) { _, context in
            try await actionPage(context, action, id: try context.parameters.require("id"))
        }
        router.post(path) { request, context in
            let id = try context.parameters.require("id")
            let form = try await csrfForm(request, context)
            return try await refusable {
                let target = try await perform(form, try context.actor(), id)
                return Response.redirect(to: "/carriers/\(target)?done=\(action.rawValue)")
            } again: { (error: any DomainError) in
                try await actionPage(context, action, id: id, error: error, form: form)
            }
        }
    }

    /// The carrier's steps, one page each: every line names the action and the function that performs it.
    func registerSteps(on router: Router<AppRequestContext>) {
        step(router, .store, perform: storeStep)
        step(router, .circulate, perform: circulateStep)
        step(router, .takeBack, perform: takeBackStep)
        step(router, .lend, perform: lendStep)
        step(router, .copy, perform: copyStep)
        step(router, .carryOut, perform: carryOutStep)
        step(router, .dispatch, perform: dispatchStep)
        step(router, .returnToIssuer, perform: returnToIssuerStep)
        step(router, .retain, perform: retainStep)
        step(router, .destroy, perform: destroyStep)
        step(router, .repair, perform: repairStep)
        step(router, .loss, perform: lossStep)
        step(router, .mediumWrite, perform: mediumWriteStep)
    }

    /// `POST /carriers/:id/store`: puts the carrier in a safe (存入保密柜, R-CA-6).
    func storeStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.store(actor, carrierID: id, safeID: form["safe_id"] ?? "").id
    }

    /// `POST /carriers/:id/circulate`: hands the carrier to a reader (传阅, R-CA-4), in a reading room if named.
    func circulateStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.circulate(actor, carrierID: id, readerPersonID: form["reader"] ?? "", readingRoom: Self.optional(form["reading_room"])).id
    }

    /// `POST /carriers/:id/take-back`: takes the carrier back (收回) from a reader, a borrower, a trip or repair.
    func takeBackStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.takeBack(actor, carrierID: id).id
    }

    /// `POST /carriers/:id/lend`: lends the carrier (借出, R-CA-5) to a borrower, with the approver and the day it is due.
    func lendStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.lend(
            actor, carrierID: id, borrowerPersonID: form["borrower"] ?? "", approvedBy: form["approved_by"], due: Day(iso: form["due_on"] ?? "")
        ).id
    }

    /// `POST /carriers/:id/copy`: copies the carrier (复印, R-CA-7). The copy is a new carrier: its page comes next.
    func copyStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.copy(
            actor, carrierID: id, approvedBy: form["approved_by"], originatorConsent: Self.optional(form["originator_consent"]),
            copies: Int(form["copies"] ?? "") ?? 0, recipient: form["recipient"] ?? ""
        ).id
    }

    /// `POST /carriers/:id/carry-out`: the carrier leaves with its holder (携带外出, R-CA-9), abroad with an exit permit.
    func carryOutStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.carryOut(
            actor, carrierID: id, holderPersonID: form["holder"] ?? "", approvedBy: form["approved_by"], companions: Self.list(form["companions"]),
            abroad: form["abroad"] == "1", exitPermit: Self.optional(form["exit_permit"])
        ).id
    }

    /// `POST /carriers/:id/dispatch`: sends the carrier (发出, R-CA-2, R-CA-3) by the chosen channel, within the approved distribution.
    func dispatchStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.dispatch(
            actor, carrierID: id, recipient: form["recipient"] ?? "", approvedDistribution: Self.list(form["distribution"]),
            channel: try CarrierRules.channel(form["channel"]), outOfTown: form["out_of_town"] == "1", escorts: Self.list(form["escorts"])
        ).carrier.id
    }

    /// `POST /carriers/:id/return`: returns the carrier to the unit that issued it (清退, R-CA-10).
    func returnToIssuerStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.returnToIssuer(actor, carrierID: id, note: form["note"] ?? "").id
    }

    /// `POST /carriers/:id/retain`: keeps the carrier (留存, R-CA-10): archived or extended, no longer due for return.
    func retainStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.retain(actor, carrierID: id, reason: form["reason"] ?? "").id
    }

    /// `POST /carriers/:id/destroy`: destroys the carrier (销毁, R-CA-11) by the chosen method, with the persons present.
    func destroyStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        _ = try await services.carriers.destroy(
            actor, carrierIDs: [id], approvedBy: form["approved_by"], persons: Self.list(form["persons"]),
            method: try CarrierRules.destructionMethod(form["method"]), cipherTelegram: form["cipher"] == "1")
        return id
    }

    /// `POST /carriers/:id/repair`: sends the carrier for repair (送修, R-CA-12), on site or off, supervised.
    func repairStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.repair(
            actor, carrierID: id, mode: try CarrierRules.repairMode(form["mode"]), supervisor: Self.optional(form["supervisor"]),
            vendor: Self.optional(form["vendor"]), offSite: form["off_site"] == "1", dataRecovery: form["data_recovery"] == "1"
        ).id
    }

    /// `POST /carriers/:id/loss`: reports the carrier lost, stolen or leaked (报告丢失, R-CA-14).
    func lossStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        _ = try await services.carriers.reportLoss(actor, carrierID: id, kind: form["kind"] ?? "丢失", summary: form["summary"] ?? "")
        return id
    }

    /// `POST /carriers/:id/medium-write`: records information of the given level written to the medium (写入信息, R-MD-2).
    func mediumWriteStep(_ form: FormData, _ actor: Actor, _ id: String) async throws -> String {
        try await services.carriers.storeOnMedium(
            actor, carrierID: id, contentLevel: try CarrierRules.contentLevel(form["content_level"]), computerNumber: Self.optional(form["computer_number"])
        ).id
    }

    /// A text field left empty is no answer.
    static func optional(_ text: String?) -> String? { text.flatMap { $0.isBlank ? nil : $0 } }
}
