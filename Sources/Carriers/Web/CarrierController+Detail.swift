import Accounts
import Areas
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

extension CarrierController {
    struct Event: Sendable { let at: String, actor: String, summary: String }
    struct ReaderRow: Sendable {
        let seq: Int, reader: String, room: String, out: String, back: String

        init(_ index: Int, _ entry: (reader: String, room: String?, out: Int64, back: Int64?)) {
            seq = index + 1
            reader = entry.reader
            room = entry.room ?? ""
            out = formatMillis(entry.out)
            back = formatMillis(entry.back)
        }
    }

    /// One entry of the carrier's action bar: a link to the action's own page, with the regulation it follows.

    struct DetailModel: Sendable {
        let id: String, number: String, marking: String, level: String, kind: String, title: String, documentNumber: String, originatingUnit: String
        let copies: Int, serials: String, custodian: String, holder: String?, place: String, status: String, registered: String, due: String?
        let original: String?, originalNumber: String?, secrets: [String], scope: [String], medium: String?, retained: Bool
        let events: [Event], readers: [ReaderRow], topSecret: Bool
        let actions: [ActionLink]
    }

    func registerDetail(on router: Router<AppRequestContext>) {
        router.get("/carriers/:id") { request, context in
            // After a step the page says what was done: the action's name and the history entry it wrote.
            let done = FormData.query(request)["done"].flatMap(CarrierAction.init(rawValue:))
            return try await detailPage(context, id: try context.parameters.require("id"), done: done)
        }
        registerSteps(on: router)
    }

    func detailPage(_ context: AppRequestContext, id: String, done: CarrierAction? = nil) async throws -> Response {
        let actor = try context.actor()
        let c = services.carriers
        let (carrier, scope, events) = try await c.detail(actor, id: id)
        // Only the persons this page names (a record's page never reads the whole directory).
        let names = try await services.organisation.names(
            of: Array(scope) + [carrier.custodianPersonID, carrier.holderPersonID ?? "", carrier.medium?.userPersonID ?? ""])
        let safes = try await c.safes(actor)
        var original: Carrier?
        if let originalID = carrier.originalID { original = try? await c.detail(actor, id: originalID).carrier }
        let secrets = await carrier.secretIDs.asyncCompactMap { id in
            try? await services.classification.detail(actor, id: id).secret
        }
        let readers = carrier.level == .topSecret ? try await c.readerLog(actor, carrierID: id) : []
        // The bar offers exactly what the steps accept: the service's one decision (CarrierRules.allowed).
        let actions = try await c.actions(actor, carrierID: id).map {
            ActionLink(action: $0.rawValue, href: "/carriers/\(carrier.id)/\($0.rawValue)", label: $0.chinese, regulation: $0.regulation)
        }
        let model = DetailModel(
            id: carrier.id, number: carrier.number, marking: carrier.marking.render(), level: carrier.level.code, kind: carrier.kind.chinese,
            title: carrier.title, documentNumber: carrier.documentNumber, originatingUnit: carrier.originatingUnit, copies: carrier.copies,
            serials: carrier.serials.joined(separator: "、"), custodian: names[carrier.custodianPersonID] ?? "",
            holder: carrier.holderPersonID.flatMap { names[$0] }, place: carrier.safeID.flatMap { s in safes.first { $0.id == s }?.name } ?? "—",
            status: carrier.status.chinese, registered: carrier.registeredOn.chinese, due: carrier.dueOn?.chinese, original: original?.id,
            originalNumber: original?.number, secrets: secrets.map { "\($0.marking.render())　\($0.title)" }, scope: scope.compactMap { names[$0] }.sorted(),
            medium: carrier.medium.map {
                CarrierRules.mediumLabel(level: carrier.level, userName: names[$0.userPersonID] ?? "", number: carrier.number) + "　类型：\($0.mediaType)"
                    + ($0.contentLevel.map { "　已存信息最高：\($0.chinese)" } ?? "")
            }, retained: carrier.retained,
            events: events.map { Event(at: formatMillis($0.at), actor: $0.actorName, summary: $0.summary) },
            readers: readers.enumerated().map {
                ReaderRow($0.offset, $0.element)
            }, topSecret: carrier.level == .topSecret, actions: actions)
        let flash = done.map { action in "已办理：\(action.chinese)" + (events.last.map { "。\($0.summary)" } ?? "") }
        return views.page(CarrierViews.carrier, title: "载体 \(carrier.number)", session: context.session, path: "/carriers", content: model, flash: flash)
    }
}

extension Sequence where Element: Sendable {
    /// `compactMap` with an async transform, in order.
    func asyncCompactMap<T>(_ transform: (Element) async throws -> T?) async rethrows -> [T] {
        var out: [T] = []
        for element in self { if let value = try await transform(element) { out.append(value) } }
        return out
    }
}
