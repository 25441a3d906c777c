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

/// The carrier register as the actor may know it (R-KS-4): lists, counts, one carrier, ledgers and books.
extension CarrierService {
    // MARK: reads

    /// R-KS-4: one page of the register — only what the actor may know of — in the order the user chose.
    public func register(
        _ actor: Actor, filter: CarrierFilter = CarrierFilter(), order: CarrierOrder = .newest, page: PageRequest = PageRequest()
    ) async throws -> Page<Carrier> {
        let viewer = actor.viewer
        let found = try await services.database.read { db in
            try await CarrierStore.page(to: viewer, filter: filter, order: order, request: page, on: db)
        }
        try await services.auditShown(actor, recordKind: CarrierStore.recordKind, shown: found.items.map { ($0.id, $0.level) })
        return found
    }

    /// R-KS-4: every carrier the actor may know of matching `filter`, for a printout or a count sheet that must list
    /// them all (the 清点 of the unit's holdings); screens read pages with `register`.
    public func everything(_ actor: Actor, filter: CarrierFilter) async throws -> [Carrier] {
        let viewer = actor.viewer
        let found = try await services.database.read { db in try await CarrierStore.visible(to: viewer, filter: filter, on: db) }
        try await services.auditShown(actor, recordKind: CarrierStore.recordKind, shown: found.map { ($0.id, $0.level) })
        return found
    }

    /// R-KS-4: the count the register would show.
    public func count(_ actor: Actor, filter: CarrierFilter = CarrierFilter()) async throws -> Int {
        let viewer = actor.viewer
        return try await services.database.read { db in try await CarrierStore.visibleCount(to: viewer, filter: filter, on: db) }
    }

    /// One carrier with its scope and history; hidden looks like missing; reads of 机密/绝密 are audited.
    public func detail(_ actor: Actor, id: String) async throws -> (carrier: Carrier, scope: Set<String>, events: [CarrierEvent]) {
        let s = services
        let found: (Carrier, Set<String>, [CarrierEvent])? = try await s.database.transaction { db in
            guard let (carrier, scope) = try await visibleCarrier(actor, id, on: db) else { return nil }
            if let entry = s.grantedRead(actor, recordKind: CarrierStore.recordKind, id: id, level: carrier.level) {
                try await AuditStore.append(entry, on: db)
            }
            return (carrier, scope, try await CarrierStore.events(id, on: db))
        }
        guard let found else { throw Refusal.notFound }
        return found
    }

    /// The actions the actor may take on a carrier now, for its page's action bar: the same decision the steps enforce
    /// (`CarrierRules.allowed`). A carrier the actor may not know of is missing (R-KS-4).
    public func actions(_ actor: Actor, carrierID: String) async throws -> [CarrierAction] {
        let found = try await services.database.transaction { db in try await visibleCarrier(actor, carrierID, on: db) }
        guard let (carrier, _) = found else { throw Refusal.notFound }
        return CarrierRules.allowed(on: carrier, by: CarrierViewer(actor), today: today)
    }

    /// A carrier as one action's page shows it: the carrier, its scope (the persons a form may name) and, when the
    /// action may not be taken now, the refusal its step would answer (`CarrierRules.refusal`). Hidden is missing
    /// (R-KS-4); reads of 机密/绝密 are audited.
    public func actionView(_ actor: Actor, _ action: CarrierAction, carrierID: String) async throws -> (
        carrier: Carrier, scope: Set<String>, refusal: Refusal?
    ) {
        let s = services
        let found: (Carrier, Set<String>)? = try await s.database.transaction { db in
            guard let (carrier, scope) = try await visibleCarrier(actor, carrierID, on: db) else { return nil }
            if let entry = s.grantedRead(actor, recordKind: CarrierStore.recordKind, id: carrierID, level: carrier.level) {
                try await AuditStore.append(entry, on: db)
            }
            return (carrier, scope)
        }
        guard let (carrier, scope) = found else { throw Refusal.notFound }
        return (carrier, scope, CarrierRules.refusal(action, on: carrier, by: CarrierViewer(actor), today: today))
    }

    /// The per-person ledger, one page by register number: what a person holds (borrowed, in circulation, carried
    /// out) or keeps as custodian, among what the actor may know of. The personnel module refuses a departure until it
    /// is empty (R-PE-7).
    public func ledger(_ actor: Actor, personID: String, page: PageRequest = PageRequest()) async throws -> Page<Carrier> {
        let viewer = actor.viewer
        let found = try await services.database.read { db in
            try await CarrierStore.ledger(personID: personID, viewer: viewer, request: page, on: db)
        }
        try await services.auditShown(actor, recordKind: CarrierStore.recordKind, shown: found.items.map { ($0.id, $0.level) })
        return found
    }

    /// What the person has borrowed, has in circulation or carried out — the 待办's reminders to hand back (R-CA-5,
    /// R-CA-4, R-CA-9); narrow and indexed (`carriers_holder`).
    func heldBy(_ actor: Actor, personID: String) async throws -> [Carrier] {
        let viewer = actor.viewer
        return try await services.database.read { db in try await CarrierStore.heldBy(personID: personID, viewer: viewer, on: db) }
    }

    /// R-KS-4: one of the unit's registers for a year, only lines of carriers the actor may know of.
    public func registerBook(_ actor: Actor, _ book: RegisterEntry.Book, year: Int) async throws -> [RegisterEntry] {
        let me = try person(actor)
        let viewer = actor.viewer
        let found = try await services.database.read { db in
            try await CarrierStore.registerEntries(book, unitID: me.unitID, year: year, viewer: viewer, on: db)
        }
        try await services.auditShown(actor, recordKind: CarrierStore.recordKind, shown: found.map { ($0.carrierID, $0.level) })
        return found
    }
}
