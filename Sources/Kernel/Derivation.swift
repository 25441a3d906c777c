import Foundation

/// The terms a secret is kept under: its marking, the issue date its period counts from (R-DU-2), and its
/// knowledge scope (persons).
public struct SecretTerms: Sendable, Hashable, Codable {
    /// 国家秘密标志 — the level and period it is kept under.
    public var marking: Marking
    /// 制发日 — the day the period counts from.
    public var issueDate: Day
    /// 知悉范围 — person ids.
    public var scope: Set<String>

    /// Creates the terms from a marking, the issue date its period counts from, and the scope's person ids.
    public init(marking: Marking, issueDate: Day, scope: Set<String>) {
        self.marking = marking
        self.issueDate = issueDate
        self.scope = scope
    }

    /// R-DU-2/R-DU-5: the day the secret's period runs out; nil for a condition or 长期.
    public var expiry: Day? { marking.effectivePeriod.expiry(from: issueDate) }

    /// R-DC-2 (automatic part): whether the period has run out on `day`. Conditions and 长期 never run out by date.
    public func hasExpired(on day: Day) -> Bool {
        guard let expiry else { return false }
        return day >= expiry
    }
}

/// 派生定密 — what a derived secret inherits from its source (R-DU-6, R-CL-6).
public enum Derivation {
    /// R-DU-6: a derived secret carries the source's level, period and scope. The period keeps counting
    /// from the **source's** issue date, so the derived secret runs out exactly when the source does, whatever
    /// day the derived document is issued.
    public static func terms(derivedFrom source: SecretTerms) -> SecretTerms {
        SecretTerms(marking: source.marking, issueDate: source.issueDate, scope: source.scope)
    }

    /// R-DU-6: whether a derived secret's terms still match its source (a change of the source flags it).
    public static func isConsistent(_ derived: SecretTerms, with source: SecretTerms) -> Bool {
        derived.marking.level == source.marking.level && derived.expiry == source.expiry
            && derived.marking.effectivePeriod == source.marking.effectivePeriod && derived.scope == source.scope
    }
}
