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

    struct DetailModel: Sendable {
        let id: String, number: String, marking: String, level: String, kind: String, title: String, documentNumber: String, originatingUnit: String
        let copies: Int, serials: String, custodian: String, holder: String?, place: String, status: String, registered: String, due: String?
        let original: String?, originalNumber: String?, secrets: [String], scope: [String], medium: String?, retained: Bool
        let events: [Event], readers: [ReaderRow], topSecret: Bool
        let canAct: Bool, inStock: Bool, isOut: Bool, isMedium: Bool
        let safes: [Option], scopeOptions: [Option], approvers: [Option], channels: [Option], methods: [Option], repairModes: [Option], levels: [Option]
    }

    func registerDetail(on router: Router<AppRequestContext>) {
        router.get("/carriers/:id") { _, context in
            try await detailPage(context, id: try context.parameters.require("id"), error: nil)
        }
        // One route per step (STYLE 3): each reads its form, calls one service operation and shows the carrier again,
        // with the refusal and its rule on the page when a rule says no.
        func step(_ name: String, _ perform: @escaping @Sendable (FormData, Actor, String) async throws -> StepOutcome) {
            actionRoute(
                router, "/carriers/:id/\(name)", param: "id", shown: [.validation, .conflict, .forbidden],
                perform: { context, form, actor, id in
                    switch try await perform(form, actor, id) {
                    case .shown(let flash): try await detailPage(context, id: id, error: nil, flash: flash ?? "已办理")
                    case .redirect(let location): Response.redirect(to: location)
                    }
                },
                refused: { context, id, error in
                    try await detailPage(context, id: id, error: error.messageWithRule, status: ErrorMapping.status(error.kind))
                })
        }
        let c = services.carriers
        step("store") { form, actor, id in
            _ = try await c.store(actor, carrierID: id, safeID: form["safe_id"] ?? "")
            return .shown(nil)
        }
        step("circulate") { form, actor, id in
            _ = try await c.circulate(
                actor, carrierID: id, readerPersonID: form["reader"] ?? "", readingRoom: form["reading_room"].flatMap { $0.isBlank ? nil : $0 })
            return .shown(nil)
        }
        step("take-back") { _, actor, id in
            _ = try await c.takeBack(actor, carrierID: id)
            return .shown(nil)
        }
        step("lend") { form, actor, id in
            _ = try await c.lend(
                actor, carrierID: id, borrowerPersonID: form["borrower"] ?? "", approvedBy: form["approved_by"], due: Day(iso: form["due_on"] ?? ""))
            return .shown(nil)
        }
        step("copy") { form, actor, id in
            let copy = try await c.copy(
                actor, carrierID: id, approvedBy: form["approved_by"], originatorConsent: form["originator_consent"].flatMap { $0.isBlank ? nil : $0 },
                copies: Int(form["copies"] ?? "") ?? 0, recipient: form["recipient"] ?? "")
            return .redirect("/carriers/\(copy.id)")
        }
        step("carry-out") { form, actor, id in
            _ = try await c.carryOut(
                actor, carrierID: id, holderPersonID: form["holder"] ?? "", approvedBy: form["approved_by"], companions: Self.list(form["companions"]),
                abroad: form["abroad"] == "1", exitPermit: form["exit_permit"].flatMap { $0.isBlank ? nil : $0 })
            return .shown(nil)
        }
        step("dispatch") { form, actor, id in
            let sent = try await c.dispatch(
                actor, carrierID: id, recipient: form["recipient"] ?? "", approvedDistribution: Self.list(form["distribution"]),
                channel: TransferChannel(rawValue: form["channel"] ?? "") ?? .ordinaryPost, outOfTown: form["out_of_town"] == "1",
                escorts: Self.list(form["escorts"]))
            return .shown("已登记发文，发文编号\(sent.dispatchNumber)。信封标注：\(sent.envelope)")
        }
        step("return") { form, actor, id in
            _ = try await c.returnToIssuer(actor, carrierID: id, note: form["note"] ?? "")
            return .shown(nil)
        }
        step("retain") { form, actor, id in
            _ = try await c.retain(actor, carrierID: id, reason: form["reason"] ?? "")
            return .shown(nil)
        }
        step("destroy") { form, actor, id in
            let lines = try await c.destroy(
                actor, carrierIDs: [id], approvedBy: form["approved_by"], persons: Self.list(form["persons"]),
                method: DestructionMethod(rawValue: form["method"] ?? "") ?? .destructionCentre, cipherTelegram: form["cipher"] == "1")
            return .shown("已销毁，销毁清单第\(lines.joined(separator: "、"))号")
        }
        step("repair") { form, actor, id in
            _ = try await c.repair(
                actor, carrierID: id, mode: RepairMode(rawValue: form["mode"] ?? "") ?? .qualifiedVendor,
                supervisor: form["supervisor"].flatMap { $0.isBlank ? nil : $0 }, vendor: form["vendor"].flatMap { $0.isBlank ? nil : $0 },
                offSite: form["off_site"] == "1", dataRecovery: form["data_recovery"] == "1")
            return .shown(nil)
        }
        step("loss") { form, actor, id in
            let incident = try await c.reportLoss(actor, carrierID: id, kind: form["kind"] ?? "丢失", summary: form["summary"] ?? "")
            return .shown("已登记事件，须于 \(formatMillis(incident.reportDueAt)) 前报告保密行政管理部门（R-CA-14）")
        }
        step("medium-write") { form, actor, id in
            guard let level = Level(code: form["content_level"] ?? "") else { throw Refusal.invalid("content_level", "请选择写入信息的密级", rule: "R-MD-2") }
            _ = try await c.storeOnMedium(actor, carrierID: id, contentLevel: level)
            return .shown(nil)
        }
    }

    /// What a step's page shows next: the carrier again (with a note), or another page.
    enum StepOutcome: Sendable {
        case shown(String?)
        case redirect(String)
    }

    func detailPage(_ context: AppRequestContext, id: String, error: String?, flash: String? = nil, status: HTTPResponse.Status = .ok) async throws
        -> Response
    {
        let actor = try context.actor()
        let c = services.carriers
        let (carrier, scope, events) = try await c.detail(actor, id: id)
        let names = try await names()
        let safes = try await c.safes(actor)
        let mine = carrier.unitID == actor.person?.unitID
        var original: Carrier?
        if let originalID = carrier.originalID { original = try? await c.detail(actor, id: originalID).carrier }
        let secrets = await carrier.secretIDs.asyncCompactMap { id in
            try? await services.classification.detail(actor, id: id).secret
        }
        let readers = carrier.level == .topSecret ? try await c.readerLog(actor, carrierID: id) : []
        let canAct = isClerk(actor) && mine && !carrier.status.isFinal
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
            }, topSecret: carrier.level == .topSecret,
            canAct: canAct, inStock: carrier.status == .inStock, isOut: [.circulating, .lent, .carriedOut, .underRepair].contains(carrier.status),
            isMedium: carrier.kind == .medium,
            safes: safes.map {
                Option(
                    value: $0.id, label: "\($0.name)（\($0.level.chinese)\($0.topSecretOnly ? "，绝密专用" : "")，\($0.location)）", selected: $0.id == carrier.safeID)
            },
            scopeOptions: scope.compactMap { pid in names[pid].map { Option(value: pid, label: $0, selected: false) } }.sorted { $0.label < $1.label },
            approvers: canAct ? try await c.approvers(actor).map { Option(value: $0.id, label: $0.name, selected: false) } : [],
            channels: Self.options(TransferChannel.allCases.filter { !$0.isForbidden }, label: \.chinese, selected: nil),
            methods: Self.options(DestructionMethod.allCases, label: \.chinese, selected: nil),
            repairModes: Self.options(RepairMode.allCases, label: \.chinese, selected: nil),
            levels: Level.allCases.map { Option(value: $0.code, label: $0.chinese, selected: false) })
        return views.page(
            "carriers/carrier", title: "载体 \(carrier.number)", session: context.session, path: "/carriers", content: model, flash: flash, error: error,
            status: status)
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
