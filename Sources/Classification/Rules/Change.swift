import Kernel

/// A proposed change of level, period or scope (R-CH-1).
public struct ChangeRequest: Sendable, Hashable {
    /// The new 密级; nil keeps the current one.
    public var level: Level?
    /// The new 保密期限; nil keeps the current one.
    public var period: SecrecyPeriod?
    /// The new 知悉范围 (person ids); nil keeps the current one. The 承办人 always stays in it.
    public var scope: Set<String>?
    /// Why the change is made; required.
    public var reason: String

    /// Creates a change request; only the parts given change.
    public init(level: Level? = nil, period: SecrecyPeriod? = nil, scope: Set<String>? = nil, reason: String) {
        self.level = level
        self.period = period
        self.scope = scope
        self.reason = reason
    }
}

/// The outcome of a change: the new secret, who must be told, and whether it must be reported upwards.
public struct ChangeOutcome: Sendable, Hashable {
    /// The secret as changed, its new marking added beside the old (R-LV-4).
    public var secret: SecretMatter
    /// R-CH-2: everyone in the old and new scope is told in writing.
    public var notify: Set<String>
    /// R-CH-3: the extension goes past the scope item's limit and must be reported for decision.
    public var mustReportExtension: Bool
    /// Whether the change extends the period.
    public var isExtension: Bool
}

/// Changing a secret (R-CH-1..3, R-LV-4).
public enum Changes {
    /// R-CH-1 / R-CH-2 / R-CH-3 / R-LV-4: a change follows the classification procedure (an officer with the
    /// cap and authority for the new level decides), changes something, and if it extends the period it is decided
    /// before the period expires; past the scope item's limit it must be reported. The new marking is made beside
    /// the old; everyone in the old and new scope is told.
    public static func change(
        _ secret: SecretMatter, _ request: ChangeRequest, officer: Officer, ownCap: Level?, grants: [Grant], on day: Day,
        itemLimitYears: Int? = nil
    ) throws -> ChangeOutcome {
        guard secret.status == .inForce, let issue = secret.issueDate else {
            throw ClassificationError.wrongStatus(current: secret.status.chinese, operation: "变更")
        }
        guard !request.reason.isBlank else { throw ClassificationError.reasonRequired(field: "reason") }
        var next = secret
        if let level = request.level { next.level = level }
        if let period = request.period { next.period = period }
        if let scope = request.scope { next.scope = scope.union([secret.handlerPersonID]) }
        guard next.level != secret.level || next.period != secret.period || next.scope != secret.scope else {
            throw ClassificationError.nothingChanged
        }
        guard !next.scope.isEmpty else { throw ClassificationError.emptyScope }
        let oldExpiry = secret.expiry
        let newExpiry = next.marking.effectivePeriod.expiry(from: issue)
        let isExtension: Bool =
            switch (oldExpiry, newExpiry) {
            case (let old?, let new?): new > old
            case (.some, .none): true
            default: false
            }
        if isExtension, let oldExpiry, day >= oldExpiry {
            throw ClassificationError.extensionAfterExpiry(expiry: oldExpiry)
        }
        try OfficerRules.checkCanApprove(officer, level: next.level, on: day)
        guard let authority = AuthorityRules.authority(for: next.level, ownCap: ownCap, grants: grants, unitID: secret.unitID, on: day) else {
            throw ClassificationError.noAuthority(level: next.level)
        }
        // Past the scope item's (or R-DU-1's) limit the extension is reported for decision rather than refused.
        let check = validation(next.marking, issue: issue, limit: itemLimitYears)
        var mustReport = false
        if case .failure(let error) = check {
            guard isExtension, case .periodOverLimit = error else { throw error }
            mustReport = true
        }
        next.officerPersonID = officer.personID
        next.authority = authority
        next.markings.append(next.marking.render())
        return ChangeOutcome(secret: next, notify: secret.scope.union(next.scope), mustReportExtension: mustReport, isExtension: isExtension)
    }

    /// Validates without throwing (a typed-throw `catch` pattern crashes the 6.3 compiler here).
    static func validation(_ marking: Marking, issue: Day, limit: Int?) -> Result<Void, MarkingError> {
        Result { () throws(MarkingError) in try marking.validate(issueDate: issue, allowance: PeriodAllowance(maxYears: limit)) }
    }
}
