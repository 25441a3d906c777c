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
            let (carrier, _) = try await actionable(actor, carrierID, on: db)
            guard carrier.status == .inStock else {
                throw Refusal(code: "carrier.not_in_stock", message: "载体\(carrier.status.chinese)，须先收回再清退", kind: .conflict)
            }
            var next = carrier
            next.status = .returned
            next.safeID = nil
            try await persist(actor, next, kind: "return", summary: "清退至\(carrier.originatingUnit)\(note.isEmpty ? "" : "（\(note)）")", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-10: archived (立卷归档) or its use extended with the issuer's agreement: no longer due for return.
    public func retain(_ actor: Actor, carrierID: String, reason: String) async throws -> Carrier {
        try await gated(actor, "retain", carrierID) { db in
            let (carrier, _) = try await actionable(actor, carrierID, on: db)
            if reason.isBlank { throw Refusal.invalid("reason", "请说明归档或经发文机关同意延长使用的情况", rule: "R-CA-10") }
            var next = carrier
            next.retained = true
            try await persist(actor, next, kind: "retain", summary: "不再清退：\(reason)", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-11: destruction of one or more carriers with approval, two persons, an approved method; each line goes to
    /// the 销毁清单 and the carriers become read-only history.
    public func destroy(
        _ actor: Actor, carrierIDs: [String], approvedBy: String?, persons: [String], method: DestructionMethod, cipherTelegram: Bool = false
    ) async throws -> [String] {
        let me = try requireClerk(actor)
        guard !carrierIDs.isEmpty else { throw Refusal.invalid("carrier_ids", "请选择要销毁的载体", rule: "R-CA-11") }
        return try await gated(actor, "destroy", carrierIDs.joined(separator: ",")) { db in
            let approver = try await approverName(approvedBy, unitID: me.unitID, rule: "R-CA-11", on: db)
            var numbers: [String] = []
            for id in carrierIDs {
                let (carrier, _) = try await actionable(actor, id, on: db)
                guard carrier.status == .inStock else {
                    throw Refusal(code: "carrier.not_in_stock", message: "\(carrier.number)\(carrier.status.chinese)，须先收回再销毁", kind: .conflict)
                }
                try CarrierRules.checkDestruction(
                    level: carrier.level, kind: carrier.kind, isCipherTelegram: cipherTelegram, approvedBy: approver, persons: persons, method: method)
                let line = try await CarrierStore.register(
                    .destruction, unitID: carrier.unitID, carrierID: carrier.id, on: today, counterpart: method.chinese, copies: carrier.copies,
                    serials: carrier.serials, approver: approver ?? "", handledBy: persons.joined(separator: "、"),
                    note: "\(carrier.title)｜\(carrier.documentNumber)", at: services.nowMillis, on: db)
                var next = carrier
                next.status = .destroyed
                next.safeID = nil
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
            let (carrier, _) = try await actionable(actor, carrierID, on: db)
            try CarrierRules.checkRepair(mode: mode, supervisor: supervisor, vendor: vendor, offSite: offSite, dataRecovery: dataRecovery)
            var next = carrier
            next.status = .underRepair
            try await persist(
                actor, next, kind: "repair",
                summary: "维修：\(mode.chinese)" + (supervisor.map { "，监督人\($0)" } ?? "") + (vendor.map { "，\($0)" } ?? "") + (dataRecovery ? "，数据恢复" : ""),
                before: carrier, on: db)
            return next
        }
    }

    /// R-CA-14: loss, theft or suspected leak: one action opens the incident record with its 24-hour reporting clock.
    public func reportLoss(_ actor: Actor, carrierID: String, kind: String, summary: String) async throws -> (incidentID: String, reportDueAt: Int64) {
        let me = try person(actor)
        return try await gated(actor, "reportLoss", carrierID) { db in
            guard let (carrier, _) = try await visibleCarrier(actor, carrierID, on: db), carrier.unitID == me.unitID else { throw Refusal.notFound }
            guard !carrier.status.isFinal else {
                throw Refusal(code: "carrier.final", ruleID: "R-CA-11", field: nil, message: "该载体\(carrier.status.chinese)", kind: .conflict)
            }
            if summary.isBlank { throw Refusal.invalid("summary", "请简述丢失、被盗或泄密的经过", rule: "R-CA-14") }
            let id = IDs.make()
            let now = services.nowMillis
            let due = CarrierRules.incidentReportDue(discoveredAtMillis: now)
            try await db.raw(
                """
                INSERT INTO carrier_incidents (id, carrier_id, unit_id, kind, summary, discovered_at, report_due_at, created_at)
                VALUES (\(bind: id), \(bind: carrierID), \(bind: carrier.unitID), \(bind: kind), \(bind: summary), \(bind: now), \(bind: due), \(bind: now))
                """
            ).run()
            var next = carrier
            next.status = .lost
            try await persist(actor, next, kind: "incident", summary: "\(kind)：\(summary)；须于24小时内报告保密行政管理部门（R-CA-14）", before: carrier, on: db)
            return (id, due)
        }
    }

    /// R-CA-13: forbidden outright — refused and audited, whoever asks.
    public func attemptForbidden(_ actor: Actor, carrierID: String, action: ForbiddenAction) async throws {
        let refusal = CarrierRules.refuseForbidden(action)
        try await services.database.transaction { db in
            try await AuditStore.append(
                services.record(
                    actor, "carrier.forbidden", target: CarrierStore.recordKind, id: carrierID, outcome: .denied, detail: refusal.messageWithRule), on: db)
        }
        throw refusal
    }

    /// R-MD-2: records information written to a classified medium: never above the medium's level.
    public func storeOnMedium(_ actor: Actor, carrierID: String, contentLevel: Level) async throws -> Carrier {
        try await gated(actor, "storeOnMedium", carrierID) { db in
            let (carrier, _) = try await actionable(actor, carrierID, on: db)
            guard var medium = carrier.medium else { throw Refusal.invalid("carrier_id", "该载体不是移动存储介质", rule: "R-MD-2") }
            try CarrierRules.checkStore(contentLevel: contentLevel, onMediumOf: carrier.level)
            medium.contentLevel = max(medium.contentLevel ?? contentLevel, contentLevel)
            var next = carrier
            next.medium = medium
            try await persist(actor, next, kind: "medium_store", summary: "写入\(contentLevel.chinese)信息", before: carrier, on: db)
            return next
        }
    }
}
