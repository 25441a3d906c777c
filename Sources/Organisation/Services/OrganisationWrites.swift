import Accounts
import Kernel
import Organisation
import SQLKit
import Storage

/// Writes another area makes to the organisation inside its own transaction: the personnel area sets the tier an
/// appointment gives (R-PE-10) and retires the accounts of a leaver (R-PE-7). Nothing here is audited on its own; the
/// caller's audit entry names the operation.
package enum OrganisationWrites {
    /// R-PE-1 / R-PE-10: the clearance tier the access checks use.
    package static func setTier(personID: String, tier: ClearanceTier, at millis: Int64, on db: any SQLDatabase) async throws {
        try await OrganisationStore.setTier(personIDs: [personID], tier: tier, at: millis, on: db)
    }

    /// R-PE-1 / R-PE-10: one tier for many persons at once (an import of the roster), a statement per 500.
    package static func setTier(personIDs: [String], tier: ClearanceTier, at millis: Int64, on db: any SQLDatabase) async throws {
        try await OrganisationStore.setTier(personIDs: personIDs, tier: tier, at: millis, on: db)
    }

    /// R-PE-7: every account of the person locked, its business roles removed and its sessions ended; returns the
    /// accounts retired.
    package static func retireAccounts(ofPerson personID: String, at millis: Int64, on db: any SQLDatabase) async throws -> [String] {
        let ids = try await UserStore.ids(ofPerson: personID, on: db)
        for id in ids {
            try await UserStore.setLocked(userID: id, true, on: db)
            try await UserStore.setRoles(userID: id, roles: [], on: db)
            try await SessionStore.endAll(userID: id, at: millis, on: db)
        }
        return ids
    }
}
