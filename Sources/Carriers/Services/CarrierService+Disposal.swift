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

/// The end of a carrier's life in the register: return, retention, destruction, repair, loss, forbidden acts and media
/// writes (R-CA-10..14, R-MD-2).
extension CarrierService {
    /// R-CA-10: returned to the issuing unit (清退): it leaves the register as history.
    public func returnToIssuer(_ actor: Actor, carrierID: String, note: String) async throws -> Carrier {
        try await gated(actor, "returnToIssuer", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .returnToIssuer, carrierID, on: db)
            let next = try CarrierRules.returned(carrier, by: CarrierViewer(actor), today: today)
            try await persist(actor, next, kind: "return", summary: "清退至\(carrier.originatingUnit)\(note.isEmpty ? "" : "（\(note)）")", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-10: archived (立卷归档) or its use extended with the issuer's agreement: no longer due for return.
    public func retain(_ actor: Actor, carrierID: String, reason: String) async throws -> Carrier {
        try await gated(actor, "retain", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .retain, carrierID, on: db)
            let next = try CarrierRules.retained(carrier, reason: reason, by: CarrierViewer(actor), today: today)
            try await persist(actor, next, kind: "retain", summary: "不再清退：\(reason)", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-11: destruction of one or more carriers with approval, two persons, an approved method; each line goes to
    /// the 销毁清单 and the carriers become read-only history.
    public func destroy(
        _ actor: Actor, carrierIDs: [String], approvedBy: String?, persons: [String], method: DestructionMethod, cipherTelegram: Bool = false
    ) async throws -> [String] {
        let viewer = CarrierViewer(actor)
        if let refusal = CarrierRules.refusal(.destroy, by: viewer) { throw refusal }
        try CarrierRules.checkDestructionList(carrierIDs)
        let unitID = try person(actor).unitID
        return try await gated(actor, "destroy", carrierIDs.joined(separator: ",")) { db in
            let approver = try await approverName(approvedBy, unitID: unitID, for: .destruction, on: db)
            var numbers: [String] = []
            for id in carrierIDs {
                let (carrier, _) = try await actionable(actor, .destroy, id, on: db)
                let next = try CarrierRules.destroyed(
                    carrier, approver: approver, persons: persons, method: method, cipherTelegram: cipherTelegram, by: viewer, today: today)
                let line = try await CarrierStore.register(
                    .destruction, unitID: carrier.unitID, carrierID: carrier.id, on: today, counterpart: method.chinese, copies: carrier.copies,
                    serials: carrier.serials, approver: approver ?? "", handledBy: persons.joined(separator: "、"),
                    note: "\(carrier.title)｜\(carrier.documentNumber)", at: services.nowMillis, on: db)
                try await persist(
                    actor, next, kind: "destroy", summary: "销毁：\(method.chinese)，\(persons.joined(separator: "、"))监销，\(approver ?? "")批准；销毁清单\(line)",
                    persons: persons, before: carrier, on: db)
                numbers.append(line)
            }
            return numbers
        }
    }

    /// R-CA-12: sent for repair in-house, with a supervised outsider, or to a qualified vendor.
    public func repair(_ actor: Actor, carrierID: String, mode: RepairMode, supervisor: String?, vendor: String?, offSite: Bool, dataRecovery: Bool)
        async throws -> Carrier
    {
        try await gated(actor, "repair", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .repair, carrierID, on: db)
            let next = try CarrierRules.sentForRepair(
                carrier, mode: mode, supervisor: supervisor, vendor: vendor, offSite: offSite, dataRecovery: dataRecovery, by: CarrierViewer(actor),
                today: today)
            try await persist(
                actor, next, kind: "repair",
                summary: "维修：\(mode.chinese)" + (supervisor.map { "，监督人\($0)" } ?? "") + (vendor.map { "，\($0)" } ?? "") + (dataRecovery ? "，数据恢复" : ""),
                before: carrier, on: db)
            return next
        }
    }

    /// R-CA-14 / R-IC-1: loss, theft or suspected leak: one action marks the carrier lost and opens the incident with the
    /// registered incident register, whose 24-hour reporting clock starts now.
    public func reportLoss(_ actor: Actor, carrierID: String, kind: String, summary: String) async throws -> (incidentID: String, reportDueAt: Int64) {
        try await gated(actor, "reportLoss", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .loss, carrierID, on: db)
            let next = try CarrierRules.lost(carrier, summary: summary, by: CarrierViewer(actor), today: today)
            let opened = try await services.openIncident(
                IncidentOpening(
                    unitID: carrier.unitID, sourceKind: CarrierStore.recordKind, sourceID: carrierID, kind: kind, summary: summary,
                    discoveredAt: services.nowMillis),
                on: db)
            try await persist(actor, next, kind: "incident", summary: "\(kind)：\(summary)；须于24小时内报告保密行政管理部门（R-CA-14）", before: carrier, on: db)
            return (opened.id, opened.reportDueAt)
        }
    }

    /// R-CA-13: forbidden outright — refused and audited, whoever asks.
    public func attemptForbidden(_ actor: Actor, carrierID: String, action: ForbiddenAction) async throws {
        let refusal = CarrierRules.refuseForbidden(action)
        try await services.appendAudit(
            services.record(actor, "carrier.forbidden", target: CarrierStore.recordKind, id: carrierID, outcome: .denied, detail: refusal.messageWithRule))
        throw refusal
    }

    /// R-MD-2: records information written to a classified medium: never above the medium's level; from a computer
    /// named by its register number (`computerNumber`), only one the devices register has as a classified computer of the unit, filed and graded at
    /// or above what is written (R-DV-10).
    public func storeOnMedium(_ actor: Actor, carrierID: String, contentLevel: Level, computerNumber: String? = nil) async throws -> Carrier {
        try await gated(actor, "storeOnMedium", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .mediumWrite, carrierID, on: db)
            let next = try CarrierRules.written(carrier, contentLevel: contentLevel, by: CarrierViewer(actor), today: today)
            var from = ""
            if let computerNumber, let medium = carrier.medium {
                let computer = try await services.device(unitID: carrier.unitID, number: computerNumber, field: "computer_number", on: db)
                try CarrierRules.checkUse(medium: medium, unitID: carrier.unitID, computer: computer, contentLevel: contentLevel)
                from = computer.map { "，经涉密计算机\($0.number)" } ?? ""
            }
            try await persist(actor, next, kind: "medium_store", summary: "写入\(contentLevel.chinese)信息\(from)", before: carrier, on: db)
            return next
        }
    }
}
