import Foundation
import Kernel

/// The 定密责任人's decision (R-CL-1, second step).
public enum ReviewDecision: Sendable, Hashable {
    /// 同意
    case approve
    /// 修改后同意 — with the amended terms and the reason.
    case amend(level: Level, period: SecrecyPeriod?, scope: Set<String>, reason: String)
    /// 不同意 — with the reason.
    case reject(reason: String)
}

/// The review step and the referral upwards (R-CL-1, R-CL-2, R-AU-1).
public enum Review {
    /// R-CL-1: the 承办人 submits the draft to a 定密责任人.
    public static func submit(_ secret: SecretMatter) throws(ClassificationError) -> SecretMatter {
        guard secret.status == .draft else { throw .wrongStatus(current: secret.status.chinese, operation: "提交审核") }
        var next = secret
        next.status = .inReview
        return next
    }

    /// R-CL-1 / R-CL-2: the officer reviews basis, level, period, scope and marking and decides.
    ///
    /// - The officer is in office, trained and their cap covers the level (R-AU-5, R-CL-2).
    /// - The unit's authority — own, or a grant in force on that day (R-AU-4) — covers the level; otherwise the
    ///   matter goes up (R-AU-1): `noAuthority` is thrown and the caller refers it.
    /// - The 承办人 and the officer are different persons; 密点 are recorded (R-LV-5).
    /// - A matter referred up is decided by the superior: `decidingUnitID` is then the superior's unit.
    /// - On approval the issue date is the decision day unless already fixed (derived secrets keep the source's).
    public static func decide(
        _ secret: SecretMatter, decision: ReviewDecision, officer: Officer, ownCap: Level?, grants: [Grant], on day: Day,
        allowance: PeriodAllowance = .standard, decidingUnitID: String? = nil
    ) throws -> SecretMatter {
        guard secret.status == .inReview || secret.status == .unclearReported || secret.status == .referredUp else {
            throw ClassificationError.wrongStatus(current: secret.status.chinese, operation: "审核")
        }
        guard officer.personID != secret.handlerPersonID else { throw ClassificationError.sameHandlerAndOfficer }
        var next = secret
        next.officerPersonID = officer.personID
        switch decision {
        case .reject(let reason):
            guard !reason.isBlank else { throw ClassificationError.reasonRequired(field: "reason") }
            next.status = .rejected
            return next
        case .amend(let level, let period, let scope, let reason):
            guard !reason.isBlank else { throw ClassificationError.reasonRequired(field: "reason") }
            guard !scope.isEmpty else { throw ClassificationError.emptyScope }
            next.level = level
            next.period = period
            next.scope = scope.union([secret.handlerPersonID])
        case .approve:
            break
        }
        try OfficerRules.checkCanApprove(officer, level: next.level, on: day)
        guard let authority = AuthorityRules.authority(for: next.level, ownCap: ownCap, grants: grants, unitID: decidingUnitID ?? secret.unitID, on: day) else {
            throw ClassificationError.noAuthority(level: next.level)
        }
        // R-LV-5: the secret points must be identified before the marking is made.
        guard !next.secretPoints.trimmingSpacesAndNewlines.isEmpty else {
            throw ClassificationError.reasonRequired(field: "secret_points")
        }
        let issue = next.issueDate ?? day
        try next.marking.validate(issueDate: issue, allowance: allowance)
        next.issueDate = issue
        next.authority = authority
        next.status = .inForce
        next.markings.append(next.marking.render())
        return next
    }

    /// R-AU-1: a unit without authority (or above its cap) protects the matter and submits it to the superior
    /// with authority, which decides in its own queue.
    public static func referUp(_ secret: SecretMatter) throws(ClassificationError) -> SecretMatter {
        guard secret.status == .draft || secret.status == .inReview else { throw .wrongStatus(current: secret.status.chinese, operation: "报上级确定") }
        var next = secret
        next.status = .referredUp
        return next
    }
}
