import Accounts
import Audit
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// What the 保密员 records when a carrier enters the register by production or receipt.
public struct CarrierInput: Sendable {
    /// 载体类别 — paper, electronic file, removable medium or device.
    public var kind: CarrierKind
    /// 标题 — the document's title or the item's name.
    public var title: String
    /// 文号, e.g. `江工信〔2026〕12号`.
    public var documentNumber: String
    /// 制发单位, by name (received documents come from anywhere).
    public var originatingUnit: String
    /// The marking as written on it (received documents); for produced ones it is taken from the secrets when empty.
    public var marking: String
    /// State secrets in this system it carries.
    public var secretIDs: [String]
    /// 份数 — how many copies.
    public var copies: Int
    /// 份号; generated `001…` when empty.
    public var serials: [String]
    /// The persons who may know it (set by a leader, R-CA-4); the custodian is always in it.
    public var scope: [String]
    /// For removable media (R-MD-1): type, user and computers; nil for other kinds.
    public var medium: MediumInfo?

    /// Creates the input; no secrets, generated serials and a scope of the custodian alone unless given.
    public init(
        kind: CarrierKind, title: String, documentNumber: String, originatingUnit: String, marking: String, secretIDs: [String] = [], copies: Int,
        serials: [String] = [], scope: [String] = [], medium: MediumInfo? = nil
    ) {
        self.kind = kind
        self.title = title
        self.documentNumber = documentNumber
        self.originatingUnit = originatingUnit
        self.marking = marking
        self.secretIDs = secretIDs
        self.copies = copies
        self.serials = serials
        self.scope = scope
        self.medium = medium
    }
}

/// 国家秘密载体管理 — every step one transaction, audited, with its register line and history entry.
public struct CarrierService: Sendable {
    let services: Services

    var today: Day { services.clock.today }

    func person(_ actor: Actor) throws -> Person {
        guard let person = actor.person, actor.viewer.personID != nil else {
            throw Refusal(code: "carrier.no_person", message: "只有关联了人员的业务账号才能办理载体事项", kind: .forbidden)
        }
        return person
    }

    /// The 保密员 (or 保密办) of the unit keeps the register.
    func requireClerk(_ actor: Actor) throws -> Person {
        let me = try person(actor)
        guard !actor.roles.isDisjoint(with: [.secrecyClerk, .secrecyOffice]) else {
            throw Refusal(code: "carrier.clerk_required", message: "载体登记和流转由保密员或保密办办理", kind: .forbidden)
        }
        return me
    }

    /// Refuses an account that may not keep the carrier register, before any work is done for it (an upload read).
    public func checkClerk(_ actor: Actor) throws {
        _ = try requireClerk(actor)
    }

    /// The approving leader's name for the registers (`CarrierRules.approver`); nil when no approver was named, which
    /// the step's own check refuses.
    func approverName(_ personID: String?, unitID: String, for step: CarrierRules.Approval, on db: any SQLDatabase) async throws -> String? {
        guard let personID, !personID.isEmpty else { return nil }
        let approver = try await OrganisationReads.person(id: personID, on: db)
        // The accounts area's table is read through its store, not by SQL of this area's own.
        let isLeader = approver?.unitID == unitID ? try await OrganisationReads.roles(ofPerson: personID, on: db).contains(.leader) : false
        return try CarrierRules.approver(approver, isLeader: isLeader, unitID: unitID, for: step)
    }

    /// R-KS-4 / R-SY-2: a carrier the actor may know of; anything else is `nil` (and the denial is audited).
    func visibleCarrier(_ actor: Actor, _ id: String, on db: any SQLDatabase) async throws -> (carrier: Carrier, scope: Set<String>)? {
        guard let found = try await CarrierStore.forRead(id: id, on: db) else {
            try await services.auditMissingRead(actor, recordKind: CarrierStore.recordKind, id: id, on: db)
            return nil
        }
        guard
            try await services.authorizeRead(
                actor, recordKind: CarrierStore.recordKind, id: id, sensitivity: .stateSecret(found.level), scope: found.scope,
                auditLevel: found.level.code, on: db)
        else { return nil }
        return (try CarrierStore.carrier(from: found.row), found.scope)
    }

    /// Loads a carrier the actor may take `action` on now — the one decision of `CarrierRules.refusal`, which the page's
    /// action bar shows too. Who may act at all is settled before anything is loaded; a carrier the actor may not know
    /// of is missing (R-KS-4).
    func actionable(_ actor: Actor, _ action: CarrierAction, _ id: String, on db: any SQLDatabase) async throws -> (carrier: Carrier, scope: Set<String>) {
        let viewer = CarrierViewer(actor)
        if let refusal = CarrierRules.refusal(action, by: viewer) { throw refusal }
        guard let found = try await visibleCarrier(actor, id, on: db) else { throw Refusal.notFound }
        try CarrierRules.check(action, on: found.carrier, by: viewer, today: today)
        return found
    }

    /// Saves, records the history entry and the audit record.
    func persist(
        _ actor: Actor, _ carrier: Carrier, scope: Set<String> = [], kind: String, summary: String, persons: [String]? = nil, before: Carrier?,
        on db: any SQLDatabase
    ) async throws {
        try await CarrierStore.save(carrier, scope: scope, at: services.nowMillis, addedBy: actor.userID, reason: summary, on: db)
        try await record(actor, carrier, kind: kind, summary: summary, persons: persons, before: before, on: db)
    }

    /// The history entry and the audit record of a step, for a carrier already saved.
    func record(
        _ actor: Actor, _ carrier: Carrier, kind: String, summary: String, persons: [String]? = nil, before: Carrier?, on db: any SQLDatabase
    ) async throws {
        try await CarrierStore.event(carrier.id, at: services.nowMillis, actor: actor.displayName, kind: kind, summary: summary, persons: persons, on: db)
        try await AuditStore.append(
            services.record(
                actor, "carrier.\(kind)", target: CarrierStore.recordKind, id: carrier.id, level: carrier.level.code, before: before?.status.rawValue,
                after: carrier.status.rawValue), on: db)
        // Issue 11, item 4: the step's findings are kept current in its own transaction (the 待办 reads them).
        if kind != "finding" { try await refreshFindings(of: [carrier.id], on: db) }
        // R-CA-9: a carrier no longer out no longer holds an exit permit (`carryOut` sets it after this). Only a step out
        // of 携带外出 can end one (a new carrier comes with `before` nil and no permit).
        if before?.status == .carriedOut, carrier.status != .carriedOut {
            try await CarrierStore.clearExitPermit(carrierID: carrier.id, on: db)
        }
    }

    /// R-PE-11 / R-CA-9: which of `carrierIDs` are out with `personID` under an exit permit — what a trip abroad may take.
    /// System use (the personnel area's departure step); it reads ids and permits, no content.
    package static func carriedAbroad(_ carrierIDs: [String], by personID: String, on db: any SQLDatabase) async throws -> Set<String> {
        try await CarrierStore.carriedAbroad(carrierIDs, by: personID, on: db)
    }

    // MARK: entering the register

    /// Builds and checks a new carrier from the input: the marking (from its secrets by R-DU-7 when not given, never
    /// lower than theirs), the scope (inside every linked secret's scope, R-CA-4), serials, media rules (R-MD-1).
    func build(_ actor: Actor, _ input: CarrierInput, me: Person, prefix: String, on db: any SQLDatabase) async throws -> (Carrier, Set<String>) {
        let day = today
        if input.title.isBlank { throw Refusal.invalid("title", "请填写载体标题") }
        try CarrierRules.checkCopies(input.copies)
        var secretMarkings: [Marking] = []
        var allowed: Set<String>?
        for id in input.secretIDs {
            // R-KS-4: a secret the clerk may not see does not exist for them.
            guard let secret = try await services.classification.visibleSecret(actor, id, on: db), secret.status.isProtected else {
                throw Refusal.invalid("secret_ids", "所选国家秘密事项不存在")
            }
            secretMarkings.append(secret.marking)
            allowed = allowed.map { $0.intersection(secret.scope) } ?? secret.scope
        }
        let marking = try CarrierRules.entryMarking(input.marking, secrets: secretMarkings, on: day)
        try marking.level.checkWithin(system: services.systemLevel, field: "marking")
        try me.tier.require(marking.level, field: "marking")
        try CarrierRules.checkLevel(carrier: marking.level, secrets: secretMarkings.map(\.level))
        var scope = Set(input.scope).union([me.id])
        try CarrierRules.checkEntryScope(scope, within: allowed)
        for pid in scope where try await OrganisationReads.person(id: pid, on: db) == nil { throw Refusal.invalid("scope", "知悉范围中的人员不存在") }
        scope.insert(me.id)
        let serials = try CarrierRules.entrySerials(input.serials, copies: input.copies)
        let number = try await CarrierStore.nextNumber(unitID: me.unitID, prefix: input.kind == .medium ? "JZ" : prefix, year: day.year, on: db)
        try CarrierRules.checkEntryMedium(kind: input.kind, medium: input.medium, number: number)
        let carrier = Carrier(
            id: IDs.make(), number: number, kind: input.kind, title: input.title, documentNumber: input.documentNumber,
            originatingUnit: input.originatingUnit, unitID: me.unitID, marking: marking, secretIDs: input.secretIDs, copies: input.copies,
            serials: serials, custodianPersonID: me.id, registeredOn: day, medium: input.medium)
        return (carrier, scope)
    }

    /// R-CA-1: production — approved by a leader, on classified equipment or by a licensed printer, marked at once,
    /// exactly the approved copies, waste handled. A computer named by its register number (`deviceNumber`) is checked
    /// against the devices register (R-DV-10) and decides the equipment; without one, the equipment chosen.
    public func produce(
        _ actor: Actor, _ input: CarrierInput, approvedBy: String?, equipment: ProductionEquipment?, deviceNumber: String? = nil, approvedCopies: Int,
        markingApplied: Bool, waste: WasteHandling
    ) async throws -> Carrier {
        let me = try requireClerk(actor)
        return try await gated(actor, "produce", "") { db in
            let approver = try await approverName(approvedBy, unitID: me.unitID, for: .production, on: db)
            let (carrier, scope) = try await build(actor, input, me: me, prefix: "ZT", on: db)
            var device: DeviceFacts?
            if let deviceNumber { device = try await services.device(unitID: me.unitID, number: deviceNumber, field: "device_number", on: db) }
            let equipment = try CarrierRules.productionEquipment(
                claimed: equipment, deviceNamed: deviceNumber != nil, device: device, level: carrier.level, unitID: me.unitID)
            try CarrierRules.checkProduction(
                approvedBy: approver, equipment: equipment, approvedCopies: approvedCopies, copiesMade: input.copies, markingApplied: markingApplied,
                waste: waste)
            let on = device.map { "，设备\($0.number)" } ?? ""
            try await persist(
                actor, carrier, scope: scope, kind: "produce",
                summary: "制作：\(approver ?? "")批准，\(equipment.chinese)\(on)，\(carrier.copies)份，中间材料\(waste.chinese)", before: nil, on: db)
            return carrier
        }
    }

    /// R-CA-2: receipt — the check before signing; any discrepancy is refused with the list to report to the sender;
    /// otherwise registered in the 收文登记簿 with the year's running number.
    public func receive(_ actor: Actor, _ input: CarrierInput, check: CarrierRules.ReceiptCheck) async throws -> (carrier: Carrier, receiptNumber: String) {
        let me = try requireClerk(actor)
        try CarrierRules.checkReceipt(check)
        return try await gated(actor, "receive", "") { db in
            let (carrier, scope) = try await build(actor, input, me: me, prefix: "ZT", on: db)
            // The register line refers to the carrier: it is stored first.
            try await CarrierStore.save(carrier, scope: scope, at: services.nowMillis, addedBy: actor.userID, reason: "收文登记", on: db)
            let receipt = try await CarrierStore.register(
                .receipt, unitID: me.unitID, carrierID: carrier.id, on: today, counterpart: input.originatingUnit, copies: carrier.copies,
                serials: carrier.serials, approver: "", handledBy: me.name, note: input.documentNumber, at: services.nowMillis, on: db)
            try await record(
                actor, carrier, kind: "receive", summary: "收文登记：收文编号\(receipt)，来文单位\(input.originatingUnit)，\(carrier.copies)份", before: nil, on: db)
            return (carrier, receipt)
        }
    }

    /// R-CA-6: puts a carrier into an approved safe of at least its level (绝密 apart).
    public func store(_ actor: Actor, carrierID: String, safeID: String) async throws -> Carrier {
        try await gated(actor, "store", carrierID) { db in
            let (carrier, _) = try await actionable(actor, .store, carrierID, on: db)
            let safe = try await CarrierStore.safe(id: safeID, on: db)
            let next = try CarrierRules.stored(carrier, in: safe, by: CarrierViewer(actor), today: today)
            try await persist(
                actor, next, kind: "store", summary: "存放于\(safe.map { "\($0.name)（\($0.location)）" } ?? "")", before: carrier, on: db)
            return next
        }
    }

    /// R-CA-6: registers an approved safe of the actor's unit.
    public func registerSafe(_ actor: Actor, name: String, location: String, level: Level, topSecretOnly: Bool) async throws -> Safe {
        let me = try requireClerk(actor)
        let safe = try CarrierRules.safe(id: IDs.make(), unitID: me.unitID, name: name, location: location, level: level, topSecretOnly: topSecretOnly)
        try await services.database.transaction { db in
            try await CarrierStore.insert(safe, at: services.nowMillis, on: db)
            try await AuditStore.append(services.record(actor, "carrier.safe", target: "safe", id: safe.id, level: level.code, detail: name), on: db)
        }
        return safe
    }

    /// The unit's leaders (单位领导) who may approve carrier steps, for the forms.
    public func approvers(_ actor: Actor) async throws -> [Person] {
        let me = try person(actor)
        return try await services.database.read { db in
            let ids = try await OrganisationReads.persons(withRole: .leader, on: db)
            return try await OrganisationReads.persons(unitIDs: [me.unitID], on: db).filter { ids.contains($0.id) }
        }
    }

    /// The safes of the actor's unit.
    public func safes(_ actor: Actor) async throws -> [Safe] {
        let me = try person(actor)
        return try await services.database.read { db in try await CarrierStore.safes(unitID: me.unitID, on: db) }
    }

}

extension Services {
    /// 国家秘密载体管理.
    public var carriers: CarrierService { CarrierService(services: self) }
}
