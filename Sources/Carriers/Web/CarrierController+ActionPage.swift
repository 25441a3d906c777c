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
    /// What an action's form had typed in, shown again after a refusal.
    struct Typed: Sendable {
        let readingRoom: String, dueOn: String, originatorConsent: String, copies: String, recipient: String, companions: String
        let exitPermit: String, distribution: String, escorts: String, note: String, reason: String, persons: String, supervisor: String
        let vendor: String, summary: String, computerNumber: String
        let abroad: Bool, outOfTown: Bool, cipher: Bool, offSite: Bool, dataRecovery: Bool

        init(_ form: FormData?) {
            func text(_ name: String, _ fallback: String = "") -> String { form?[name] ?? fallback }
            readingRoom = text("reading_room")
            dueOn = text("due_on")
            originatorConsent = text("originator_consent")
            copies = text("copies", "1")
            recipient = text("recipient")
            companions = text("companions")
            exitPermit = text("exit_permit")
            distribution = text("distribution")
            escorts = text("escorts")
            note = text("note")
            reason = text("reason")
            persons = text("persons")
            supervisor = text("supervisor")
            vendor = text("vendor")
            summary = text("summary")
            computerNumber = text("computer_number")
            abroad = form?["abroad"] == "1"
            outOfTown = form?["out_of_town"] == "1"
            cipher = form?["cipher"] == "1"
            offSite = form?["off_site"] == "1"
            dataRecovery = form?["data_recovery"] == "1"
        }
    }

    /// One action's page: the carrier it is about, the regulation, and the form when the action may be taken now.
    struct ActionModel: Sendable {
        let id: String, action: String, chinese: String, regulation: String
        let number: String, marking: String, level: String, title: String, kind: String, status: String, holder: String?
        let topSecret: Bool, allowed: Bool
        /// Whether a devices register is kept, so the computer used can be named and checked (R-DV-10).
        let devices: Bool
        let persons: [Option], approvers: [Option], safes: [Option], channels: [Option], methods: [Option], repairModes: [Option], levels: [Option]
        let lossKinds: [Option]
        let typed: Typed
    }

    /// The steps whose form names an approving leader.
    static let approved: Set<CarrierAction> = [.lend, .copy, .carryOut, .destroy]

    /// `GET /carriers/:id/<action>`, and the same page with the refusal after a refused `POST`. An action the viewer may
    /// not take now answers as its step would refuse it (without the form); a hidden carrier is missing (R-KS-4).
    func actionPage(_ context: AppRequestContext, _ action: CarrierAction, id: String, error: (any DomainError)? = nil, form: FormData? = nil)
        async throws -> Response
    {
        let actor = try context.actor()
        let c = services.carriers
        let (carrier, scope, refusal) = try await c.actionView(actor, action, carrierID: id)
        if let refusal, refusal.kind == .notFound { throw refusal }
        let allowed = refusal == nil
        let names = try await services.organisation.names(of: Array(scope) + [carrier.holderPersonID ?? ""])
        let safes = allowed && action == .store ? try await c.safes(actor) : []
        let approvers = allowed && Self.approved.contains(action) ? try await c.approvers(actor) : []
        func pick<T: RawRepresentable>(_ all: [T], _ field: String, label: (T) -> String) -> [Option] where T.RawValue == String {
            Self.options(all, label: label, selected: form?[field])
        }
        let chosenPerson = form?["reader"] ?? form?["borrower"] ?? form?["holder"]
        let model = ActionModel(
            id: carrier.id, action: action.rawValue, chinese: action.chinese, regulation: action.regulation, number: carrier.number,
            marking: carrier.marking.render(), level: carrier.level.code, title: carrier.title, kind: carrier.kind.chinese, status: carrier.status.chinese,
            holder: carrier.holderPersonID.flatMap { names[$0] },
            topSecret: carrier.level == .topSecret, allowed: allowed, devices: services.areas.devices != nil,
            persons: scope.compactMap { pid in names[pid].map { Option(value: pid, label: $0, selected: pid == chosenPerson) } }.sorted { $0.label < $1.label },
            approvers: approvers.map { Option(value: $0.id, label: $0.name, selected: $0.id == form?["approved_by"]) },
            safes: safes.map {
                Option(
                    value: $0.id, label: "\($0.name)（\($0.level.chinese)\($0.topSecretOnly ? "，绝密专用" : "")，\($0.location)）",
                    selected: $0.id == (form?["safe_id"] ?? carrier.safeID))
            },
            channels: pick(TransferChannel.allCases.filter { !$0.isForbidden }, "channel", label: \.chinese),
            methods: pick(DestructionMethod.allCases, "method", label: \.chinese), repairModes: pick(RepairMode.allCases, "mode", label: \.chinese),
            levels: Level.allCases.filter { $0 <= carrier.level }.map {
                Option(value: $0.code, label: $0.chinese, selected: $0.code == form?["content_level"])
            },
            lossKinds: ["丢失", "被盗", "泄密"].map { Option(value: $0, label: $0, selected: $0 == form?["kind"]) }, typed: Typed(form))
        let shown = error ?? refusal
        return views.page(
            CarrierViews.action(action), title: "\(action.chinese) · \(carrier.number)", session: context.session, path: "/carriers", content: model,
            error: shown?.messageWithRule, status: shown.map { ErrorMapping.status($0.kind) } ?? .ok)
    }
}
