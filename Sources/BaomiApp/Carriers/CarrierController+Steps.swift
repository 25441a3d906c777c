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
        _ router: Router<AppRequestContext>, _ action: CarrierAction, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> String
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

    func registerSteps(on router: Router<AppRequestContext>) {
        let c = services.carriers
        step(router, .store) { form, actor, id in
            try await c.store(actor, carrierID: id, safeID: form["safe_id"] ?? "").id
        }
        step(router, .circulate) { form, actor, id in
            try await c.circulate(actor, carrierID: id, readerPersonID: form["reader"] ?? "", readingRoom: Self.optional(form["reading_room"])).id
        }
        step(router, .takeBack) { _, actor, id in
            try await c.takeBack(actor, carrierID: id).id
        }
        step(router, .lend) { form, actor, id in
            try await c.lend(
                actor, carrierID: id, borrowerPersonID: form["borrower"] ?? "", approvedBy: form["approved_by"], due: Day(iso: form["due_on"] ?? "")
            ).id
        }
        // The copy is a new carrier: its page comes next.
        step(router, .copy) { form, actor, id in
            try await c.copy(
                actor, carrierID: id, approvedBy: form["approved_by"], originatorConsent: Self.optional(form["originator_consent"]),
                copies: Int(form["copies"] ?? "") ?? 0, recipient: form["recipient"] ?? ""
            ).id
        }
        step(router, .carryOut) { form, actor, id in
            try await c.carryOut(
                actor, carrierID: id, holderPersonID: form["holder"] ?? "", approvedBy: form["approved_by"], companions: Self.list(form["companions"]),
                abroad: form["abroad"] == "1", exitPermit: Self.optional(form["exit_permit"])
            ).id
        }
        step(router, .dispatch) { form, actor, id in
            try await c.dispatch(
                actor, carrierID: id, recipient: form["recipient"] ?? "", approvedDistribution: Self.list(form["distribution"]),
                channel: try CarrierRules.channel(form["channel"]), outOfTown: form["out_of_town"] == "1", escorts: Self.list(form["escorts"])
            ).carrier.id
        }
        step(router, .returnToIssuer) { form, actor, id in
            try await c.returnToIssuer(actor, carrierID: id, note: form["note"] ?? "").id
        }
        step(router, .retain) { form, actor, id in
            try await c.retain(actor, carrierID: id, reason: form["reason"] ?? "").id
        }
        step(router, .destroy) { form, actor, id in
            _ = try await c.destroy(
                actor, carrierIDs: [id], approvedBy: form["approved_by"], persons: Self.list(form["persons"]),
                method: try CarrierRules.destructionMethod(form["method"]), cipherTelegram: form["cipher"] == "1")
            return id
        }
        step(router, .repair) { form, actor, id in
            try await c.repair(
                actor, carrierID: id, mode: try CarrierRules.repairMode(form["mode"]), supervisor: Self.optional(form["supervisor"]),
                vendor: Self.optional(form["vendor"]), offSite: form["off_site"] == "1", dataRecovery: form["data_recovery"] == "1"
            ).id
        }
        step(router, .loss) { form, actor, id in
            _ = try await c.reportLoss(actor, carrierID: id, kind: form["kind"] ?? "丢失", summary: form["summary"] ?? "")
            return id
        }
        step(router, .mediumWrite) { form, actor, id in
            try await c.storeOnMedium(actor, carrierID: id, contentLevel: try CarrierRules.contentLevel(form["content_level"])).id
        }
    }

    /// A text field left empty is no answer.
    static func optional(_ text: String?) -> String? { text.flatMap { $0.isBlank ? nil : $0 } }
}
