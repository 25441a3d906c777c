import Accounts
import Kernel

/// "May this person take this action on this secret now?" — one answer per action, used by the service to enforce it
/// and by the pages and the API to offer it, so the two cannot drift. What the action's form says (a reason, a level,
/// a consent reference) is checked by the action itself; this decides who, and in which state.
public enum SecretActions {
    /// nil when `viewer` may take `action` on `secret` today, otherwise the refusal the service answers with.
    /// Objection actions (`answer`, `appeal`, `decideAppeal`) take the objection's state.
    public static func refusal(
        _ action: SecretAction, on secret: SecretMatter, by viewer: SecretViewer, objection: ObjectionState? = nil, today: Day
    ) -> (any DomainError)? {
        switch action {
        case .submit: submit(secret, viewer)
        case .approve, .amend, .reject: review(action, secret, viewer, today: today)
        case .refer: refer(secret, viewer)
        case .report: report(secret, viewer)
        case .object: secret.status == .inForce ? nil : ClassificationError.wrongStatus(current: secret.status.chinese, operation: "提出异议")
        case .annualReview: officerInForce(secret, viewer, rule: "R-DC-1", message: "年度审查由本单位定密责任人进行", operation: "年度审查", statusFirst: true)
        case .widen: secret.status.isProtected ? nil : ClassificationError.wrongStatus(current: secret.status.chinese, operation: "扩大知悉范围")
        case .decide: decide(secret, viewer)
        case .change: officerInForce(secret, viewer, rule: "R-AU-5", message: "您不是该单位在任的定密责任人", operation: "变更")
        case .declassify: officerInForce(secret, viewer, rule: "R-AU-5", message: "您不是该单位在任的定密责任人", operation: "解密")
        case .recheck: recheck(secret, viewer)
        case .correct: correct(secret, viewer)
        case .answer, .appeal, .decideAppeal:
            objection.map { onObjection(action, $0, secret, viewer) } ?? Refusal.notFound
        }
    }

    /// Throws the refusal, if any (the service's enforcement).
    public static func check(_ action: SecretAction, on secret: SecretMatter, by viewer: SecretViewer, objection: ObjectionState? = nil, today: Day) throws {
        if let refusal = refusal(action, on: secret, by: viewer, objection: objection, today: today) { throw refusal }
    }

    /// The actions on the secret as a whole that `viewer` may take now, in page order.
    public static func allowed(on secret: SecretMatter, by viewer: SecretViewer, today: Day) -> [SecretAction] {
        SecretAction.onSecret.filter { refusal($0, on: secret, by: viewer, today: today) == nil }
    }

    /// The actions on one objection that `viewer` may take now.
    public static func allowed(on objection: ObjectionState, of secret: SecretMatter, by viewer: SecretViewer, today: Day) -> [SecretAction] {
        SecretAction.allCases.filter { $0.isOnObjection && refusal($0, on: secret, by: viewer, objection: objection, today: today) == nil }
    }

    // MARK: the decisions

    static func notOfficer(_ rule: String, _ message: String) -> Refusal {
        Refusal(code: "classification.not_officer", ruleID: rule, message: message, kind: .forbidden)
    }

    /// R-CL-1: only the 承办人 submits their draft.
    static func submit(_ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        guard secret.handlerPersonID == viewer.personID else {
            return Refusal(code: "classification.not_handler", message: "只有承办人可以提交审核", kind: .forbidden)
        }
        return secret.status == .draft ? nil : ClassificationError.wrongStatus(current: secret.status.chinese, operation: "提交审核")
    }

    /// R-CL-1 / R-CL-2 / R-AU-5: a draft in review is decided by the officer it was submitted to; a matter referred up
    /// by an officer of the superior unit. Approval also needs the officer's cap and the deciding unit's authority
    /// to cover the level (R-AU-1: otherwise it is referred up), and the 密点 recorded (R-LV-5).
    static func review(_ action: SecretAction, _ secret: SecretMatter, _ viewer: SecretViewer, today: Day) -> (any DomainError)? {
        let decidingUnit: String
        switch secret.status {
        case .inReview:
            decidingUnit = secret.unitID
            guard secret.officerPersonID == viewer.personID else { return notOfficer("R-AU-5", "该事项已提交其他定密责任人审核") }
        case .referredUp:
            decidingUnit = viewer.unitID
            guard viewer.unitID != secret.unitID else { return notOfficer("R-AU-1", "报上级确定的事项由上级机关的定密责任人审核") }
        default:
            return ClassificationError.wrongStatus(current: secret.status.chinese, operation: "审核")
        }
        guard let officer = viewer.officerOf[decidingUnit] else { return notOfficer("R-AU-5", "您不是该单位在任的定密责任人") }
        guard officer.personID != secret.handlerPersonID else { return ClassificationError.sameHandlerAndOfficer }
        guard action == .approve else { return nil }
        do {
            _ = try Review.decide(
                secret, decision: .approve, officer: officer, ownCap: viewer.decidingUnitCap, grants: viewer.decidingUnitGrants, on: today,
                allowance: viewer.allowance, decidingUnitID: decidingUnit)
            return nil
        } catch {
            return error as? any DomainError
        }
    }

    /// R-AU-1: the 承办人 or the officer reviewing a draft sends a matter beyond the unit's authority up.
    static func refer(_ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        guard secret.status == .draft || secret.status == .inReview else {
            return ClassificationError.wrongStatus(current: secret.status.chinese, operation: "报上级确定")
        }
        guard secret.handlerPersonID == viewer.personID || secret.officerPersonID == viewer.personID else {
            return Refusal(code: "classification.not_handler", ruleID: "R-AU-1", message: "只有承办人或审核的定密责任人可以报上级确定", kind: .forbidden)
        }
        return nil
    }

    /// R-CL-3: the 承办人 reports their unclear matter.
    static func report(_ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        guard secret.handlerPersonID == viewer.personID else {
            return Refusal(code: "classification.not_handler", message: "只有承办人可以报送", kind: .forbidden)
        }
        return secret.status == .unclearPendingReport ? nil : ClassificationError.wrongStatus(current: secret.status.chinese, operation: "报送不明确事项")
    }

    /// R-CL-3: the staff of an administration decide a reported unclear matter.
    static func decide(_ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        guard viewer.roles.contains(.administrationStaff) else {
            return Refusal(code: "classification.role_required", message: "「确定不明确事项」须由\(Role.administrationStaff.chinese)办理", kind: .forbidden)
        }
        guard secret.status == .unclearReported else { return ClassificationError.wrongStatus(current: secret.status.chinese, operation: "确定不明确事项") }
        guard viewer.atAdministration else {
            return Refusal(code: "classification.not_administration", message: "只有保密行政管理部门可以确定不明确事项", kind: .forbidden)
        }
        return nil
    }

    /// R-AU-5 (change, declassification) / R-DC-1 (annual review): an officer in office of the secret's unit, on a
    /// secret in force.
    static func officerInForce(
        _ secret: SecretMatter, _ viewer: SecretViewer, rule: String, message: String, operation: String, statusFirst: Bool = false
    ) -> (any DomainError)? {
        let wrongStatus = secret.status == .inForce ? nil : ClassificationError.wrongStatus(current: secret.status.chinese, operation: operation)
        if statusFirst, let wrongStatus { return wrongStatus }
        guard viewer.officerOf[secret.unitID] != nil else { return notOfficer(rule, message) }
        return wrongStatus
    }

    /// R-DU-6: an officer of the unit looks again at a flagged secret.
    static func recheck(_ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        guard secret.needsReview else { return ClassificationError.wrongStatus(current: "无需复核", operation: "复核") }
        return viewer.officerOf[secret.unitID] == nil ? notOfficer("R-DU-6", "复核由本单位定密责任人进行") : nil
    }

    /// R-CL-8: a superior unit's officer in office, or an administration above, corrects a subordinate's secret in
    /// force; a unit corrects its own errors by change or declassification.
    static func correct(_ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        guard viewer.unitID != secret.unitID,
            Responsibility.mayCorrect(actingUnitID: viewer.unitID, secretUnitID: secret.unitID, subordinates: viewer.subordinateUnits)
        else {
            return Refusal(
                code: "classification.not_superior", ruleID: "R-CL-8", message: "只有上级机关、单位或保密行政管理部门可以纠正；本单位的错误通过变更或解密程序纠正", kind: .forbidden)
        }
        if !viewer.isAdministrationStaff, viewer.officerOf[viewer.unitID] == nil {
            return notOfficer("R-CL-8", "纠正下级定密须由上级机关在任的定密责任人作出")
        }
        return secret.status == .inForce ? nil : ClassificationError.wrongStatus(current: secret.status.chinese, operation: "纠正")
    }

    /// R-CL-7: the originating unit's officer answers a pending objection; the objector appeals one unanswered or
    /// still disputed; the administration it went to decides it.
    static func onObjection(_ action: SecretAction, _ objection: ObjectionState, _ secret: SecretMatter, _ viewer: SecretViewer) -> (any DomainError)? {
        switch action {
        case .answer:
            guard objection.status == "pending" else { return ClassificationError.wrongStatus(current: "已答复", operation: "答复异议") }
            return viewer.officerOf[secret.unitID] == nil ? notOfficer("R-CL-7", "异议由原定密单位的定密责任人答复") : nil
        case .appeal:
            guard objection.raisedBy == viewer.personID else {
                return Refusal(code: "classification.not_objector", ruleID: "R-CL-7", message: "只有提出异议的人可以申请保密行政管理部门确定", kind: .forbidden)
            }
            guard objection.status == "pending" || objection.status == "decided" else {
                return ClassificationError.wrongStatus(current: "已申请确定", operation: "申请确定")
            }
            return nil
        default:
            guard viewer.isAdministrationStaff, objection.appealUnitID == viewer.unitID else { return Refusal.notFound }
            return objection.status == "appealed" ? nil : ClassificationError.wrongStatus(current: "已确定", operation: "确定异议")
        }
    }
}
