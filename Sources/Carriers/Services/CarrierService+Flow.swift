import Accounts
import Audit
import Carriers
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

extension CarrierService {
    /// Runs one carrier operation through the one refusal path (`Services.attempt`, R-CA-13).
    func gated<T: Sendable>(_ actor: Actor, _ operation: String, _ id: String, _ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await services.attempt(actor, "carrier.\(operation)", target: CarrierStore.recordKind, id: id, body)
    }

    /// R-CA-2 / R-CA-3: dispatch inside the approved distribution, by a permitted channel (绝密: 机要 out of town,
    /// two named escorts), registered in the 发文登记簿; the envelope shows the highest level and the dispatch number.
    public func dispatch(
        _ actor: Actor, carrierID: String, recipient: String, approvedDistribution: [String], channel: TransferChannel, outOfTown: Bool, escorts: [String]
    ) async throws -> (carrier: Carrier, dispatchNumber: String, envelope: String) {
        try await gated(actor, "dispatch", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .dispatch, carrierID, on: db)
            let me = try person(actor)
            let next = try CarrierRules.dispatched(
                carrier, to: recipient, approvedDistribution: approvedDistribution, channel: channel, outOfTown: outOfTown, escorts: escorts,
                by: CarrierViewer(actor), today: today)
            let number = try await CarrierStore.register(
                .dispatch, unitID: carrier.unitID, carrierID: carrier.id, on: today, counterpart: recipient, copies: carrier.copies, serials: carrier.serials,
                approver: "", handledBy: ([me.name] + escorts).joined(separator: "、"), note: "\(channel.chinese)；\(carrier.documentNumber)",
                at: services.nowMillis, on: db)
            let envelope = "\(carrier.level.chinese)　发文编号\(number)　\(recipient)"
            try await persist(
                actor, next, kind: "dispatch",
                summary: "发文：发文编号\(number)，发往\(recipient)，经\(channel.chinese)" + (escorts.isEmpty ? "" : "，护送人\(escorts.joined(separator: "、"))"),
                persons: escorts, before: carrier, on: db)
            return (next, number, envelope)
        }
    }

    /// R-CA-4: the 保密员 passes the carrier to one reader inside the leader's scope; for 绝密 the reader log records
    /// name, document number and time out, and the reading room.
    public func circulate(_ actor: Actor, carrierID: String, readerPersonID: String, readingRoom: String?) async throws -> Carrier {
        try await gated(actor, "circulate", carrierID) { db in
            let (carrier, scope) = try await actionable(actor, .circulate, carrierID, on: db)
            let next = try CarrierRules.circulated(
                carrier, to: readerPersonID, scope: scope, readingRoom: readingRoom, by: CarrierViewer(actor), today: today)
            try await CarrierStore.logReaderOut(
                carrierID: carrierID, readerPersonID: readerPersonID, readingRoom: readingRoom, at: services.nowMillis, on: db)
            let name = try await OrganisationReads.person(id: readerPersonID, on: db)?.name ?? ""
            try await persist(
                actor, next, kind: "circulate", summary: "传阅：交\(name)阅" + (readingRoom.map { "（\($0)）" } ?? ""), before: carrier, on: db)
            return next
        }
    }

    /// R-CA-4 / R-CA-5 / R-CA-9: the carrier comes back to the 保密员 (from a reader, a borrower, or a trip).
    public func takeBack(_ actor: Actor, carrierID: String) async throws -> Carrier {
        try await gated(actor, "takeBack", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .takeBack, carrierID, on: db)
            let next = try CarrierRules.takenBack(carrier, by: CarrierViewer(actor), today: today)
            if carrier.status == .circulating {
                try await CarrierStore.logReaderBack(carrierID: carrierID, at: services.nowMillis, on: db)
            }
            try await persist(actor, next, kind: "take_back", summary: "收回（原为\(carrier.status.chinese)），交保密员保管", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-4: the 绝密 reader log of a carrier: reader, document number, time out, time back.
    public func readerLog(_ actor: Actor, carrierID: String) async throws -> [(reader: String, room: String?, out: Int64, back: Int64?)] {
        try await services.database.transaction { db in
            guard try await visibleCarrier(actor, carrierID, on: db) != nil else { throw Refusal.notFound }
            return try await CarrierStore.readerLog(carrierID: carrierID, on: db)
        }
    }

    /// R-CA-5: lending with a leader's approval and a due day; the borrower must be in the scope (R-KS-4).
    public func lend(_ actor: Actor, carrierID: String, borrowerPersonID: String, approvedBy: String?, due: Day?) async throws -> Carrier {
        try await gated(actor, "lend", carrierID) { db in
            let (carrier, scope) = try await actionable(actor, .lend, carrierID, on: db)
            let approver = try await approverName(approvedBy, unitID: carrier.unitID, for: .loan, on: db)
            let borrower = scope.contains(borrowerPersonID) ? try await OrganisationReads.person(id: borrowerPersonID, on: db) : nil
            let next = try CarrierRules.lent(
                carrier, to: borrower, scope: scope, approver: approver, due: due, by: CarrierViewer(actor), today: today)
            try await persist(
                actor, next, kind: "lend", summary: "借阅：\(borrower?.name ?? "")借阅，\(approver ?? "")批准，\(due?.chinese ?? "")前归还", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-7: copying with approval (绝密: the originator's consent), a fixed count; the copy is a new carrier with the
    /// same marking, secrets and scope, linked to the original, stamped, and registered in the 复印登记.
    public func copy(
        _ actor: Actor, carrierID: String, approvedBy: String?, originatorConsent: String?, copies: Int, recipient: String
    ) async throws -> Carrier {
        try await gated(actor, "copy", carrierID) { db in
            let (carrier, scope) = try await actionable(actor, .copy, carrierID, on: db)
            let me = try person(actor)
            let approver = try await approverName(approvedBy, unitID: carrier.unitID, for: .copy, on: db)
            guard let unit = try await OrganisationReads.unit(id: carrier.unitID, on: db) else { throw Refusal.notFound }
            try CarrierRules.checkCopy(
                level: carrier.level, approvedBy: approver, originatorConsent: originatorConsent, ownDocument: carrier.originatingUnit == unit.name,
                copies: copies)
            let number = try await CarrierStore.nextNumber(unitID: carrier.unitID, prefix: "FY", year: today.year, on: db)
            let copy = try CarrierRules.copy(
                of: carrier, id: IDs.make(), number: number, copies: copies, on: today, custodianPersonID: me.id)
            let stamp = CarrierRules.copyStamp(unitName: unit.name, copies: copies, on: today, number: number)
            try await CarrierStore.save(copy, scope: scope, at: services.nowMillis, addedBy: actor.userID, reason: "复印", on: db)
            let line = try await CarrierStore.register(
                .copy, unitID: carrier.unitID, carrierID: copy.id, on: today, counterpart: recipient, copies: copies, serials: copy.serials,
                approver: approver ?? "", handledBy: me.name, note: "\(carrier.title)｜\(carrier.documentNumber)｜原件\(carrier.number)",
                at: services.nowMillis, on: db)
            try await record(actor, copy, kind: "copied", summary: "复印件：\(stamp)；复印登记\(line)", before: nil, on: db)
            try await CarrierStore.event(
                carrier.id, at: services.nowMillis, actor: actor.displayName, kind: "copy", summary: "复印\(copies)份（\(number)），\(approver ?? "")批准", on: db)
            return copy
        }
    }

    /// R-CA-9: carrying out with approval (绝密: two persons; abroad never for 绝密, others with an exit permit).
    public func carryOut(
        _ actor: Actor, carrierID: String, holderPersonID: String, approvedBy: String?, companions: [String], abroad: Bool, exitPermit: String?
    )
        async throws -> Carrier
    {
        try await gated(actor, "carryOut", carrierID) { db in
            let (carrier, scope) = try await actionable(actor, .carryOut, carrierID, on: db)
            let approver = try await approverName(approvedBy, unitID: carrier.unitID, for: .carryOut, on: db)
            let holder = scope.contains(holderPersonID) ? try await OrganisationReads.person(id: holderPersonID, on: db) : nil
            // The carrier and whoever goes with them: 绝密 needs two persons or more.
            let (next, going) = try CarrierRules.carriedOut(
                carrier, by: holder, scope: scope, approver: approver, companions: companions, abroad: abroad, exitPermit: exitPermit,
                viewer: CarrierViewer(actor), today: today)
            try await persist(
                actor, next, kind: "carry_out",
                summary: "携带外出：\(holder?.name ?? "")" + (companions.isEmpty ? "" : "、\(companions.joined(separator: "、"))") + "，\(approver ?? "")批准"
                    + (abroad ? "，出境许可证\(exitPermit ?? "")" : ""), persons: going, before: carrier, on: db)
            // R-CA-9 / R-PE-11: the permit stays on the carrier while it is out (a trip abroad checks it); any later step clears it.
            if abroad { try await CarrierStore.setExitPermit(exitPermit, carrierID: carrierID, on: db) }
            return next
        }
    }

}
