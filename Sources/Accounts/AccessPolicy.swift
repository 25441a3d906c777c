import Kernel

/// Who is reading: the person behind an account and their clearance (R-PE-1).
public struct Viewer: Sendable, Hashable {
    /// The account's user id.
    public let userID: String
    /// The person the account belongs to; administrator accounts may have none.
    public let personID: String?
    /// The person's clearance tier; `.none` when there is no person.
    public let tier: ClearanceTier

    /// Creates a viewer.
    public init(userID: String, personID: String?, tier: ClearanceTier) {
        self.userID = userID
        self.personID = personID
        self.tier = tier
    }
}

/// What a protected record exposes to the access decision.
public struct ProtectedItem: Sendable, Hashable {
    /// The record's sensitivity (level for state secrets).
    public let sensitivity: Sensitivity
    /// Persons in the record's knowledge scope (知悉范围).
    public let scopePersonIDs: Set<String>

    /// Creates the access view of a record.
    public init(sensitivity: Sensitivity, scopePersonIDs: Set<String>) {
        self.sensitivity = sensitivity
        self.scopePersonIDs = scopePersonIDs
    }
}

/// The one access decision every module uses for every read (R-KS-4, R-SY-2).
public enum AccessPolicy {
    /// R-KS-4 / R-SY-2: a person may read a record only if their clearance covers its level **and**
    /// they are in its knowledge scope. Roles grant nothing here: an administrator (R-SY-1) or a leader
    /// outside the scope reads nothing.
    public static func canRead(_ viewer: Viewer, _ item: ProtectedItem) -> Bool {
        guard let personID = viewer.personID else { return false }
        guard viewer.tier.covers(item.sensitivity) else { return false }
        return item.scopePersonIDs.contains(personID)
    }

    /// R-KS-4: the highest level rank a viewer may see (0 = none of the three levels).
    ///
    /// Used by SQL filters so that lists and counts apply the same rule as `canRead`.
    public static func ceilingRank(_ viewer: Viewer) -> Int {
        guard viewer.personID != nil else { return 0 }
        return viewer.tier.ceiling?.rawValue ?? 0
    }
}
