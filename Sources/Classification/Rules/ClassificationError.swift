import Kernel

/// Refusals of the 定密 area, each naming its rule.
public enum ClassificationError: DomainError, Equatable {
    /// R-AU-2: this kind of unit may not grant 定密权 (or not at this level).
    case grantorNotEntitled(kind: String, requested: Level)
    /// R-AU-2: a grant never exceeds the grantor's own authority.
    case grantAboveGrantorAuthority(grantor: Level?, requested: Level)
    /// R-AU-2: a grantee may not re-delegate.
    case reDelegation
    /// R-AU-3: a grant or application misses a required element.
    case grantIncomplete(field: String, what: String)
    /// R-AU-4: the grant has expired or was revoked.
    case grantNotInForce
    /// R-AU-5: an officer's cap may not exceed the unit's authority.
    case officerCapAboveUnit(officer: Level, unit: Level?)
    /// R-AU-5: the officer has had no classification training.
    case officerUntrained
    /// R-AU-5: the officer is no longer in office.
    case officerNotInOffice
    /// R-AU-5: a removal needs one of the DM 17 reasons.
    case removalReasonRequired
    /// R-CL-2: the officer's cap does not cover the level.
    case officerCapTooLow(officer: Level, level: Level)
    /// R-AU-1 / R-CL-2: the unit has no authority covering the level on that date.
    case noAuthority(level: Level)
    /// R-AU-6: a catalogue item misses a required element.
    case catalogueIncomplete(field: String, what: String)
    /// R-CL-4: the matter must not be classified.
    case mustNotClassify(reason: String)
    /// R-CL-4: the drafter must answer the four questions.
    case fourQuestionsUnanswered
    /// R-CL-6: a derived classification needs a source and a ground.
    case derivationWithoutSource
    /// R-CL-1: the operation does not fit the secret's status.
    case wrongStatus(current: String, operation: String)
    /// R-CL-1: the officer must give a reason to reject or amend.
    case reasonRequired(field: String)
    /// R-CL-1 / R-CL-5: the 承办人 and the 定密责任人 must be different persons.
    case sameHandlerAndOfficer
    /// R-CH-3: an extension must be decided before the period expires.
    case extensionAfterExpiry(expiry: Day)
    /// R-CH-1: a change must change something.
    case nothingChanged
    /// R-DC-3: a 长期 secret needs the central organ's approval to be declassified.
    case longTermNeedsCentralApproval
    /// R-KS-3: widening the scope needs the head's approval or the originator's consent.
    case wideningNeedsApproval(needed: String)
    /// R-KS-1: a secret needs a knowledge scope.
    case emptyScope
    /// R-CL-7: an objection must claim a level or period different from the current one.
    case objectionWithoutClaim

    /// Stable machine code for the API (`classification.…`).
    public var code: String {
        switch self {
        case .grantorNotEntitled: "classification.grantor_not_entitled"
        case .grantAboveGrantorAuthority: "classification.grant_above_grantor"
        case .reDelegation: "classification.re_delegation"
        case .grantIncomplete: "classification.grant_incomplete"
        case .grantNotInForce: "classification.grant_not_in_force"
        case .officerCapAboveUnit: "classification.officer_cap_above_unit"
        case .officerUntrained: "classification.officer_untrained"
        case .officerNotInOffice: "classification.officer_not_in_office"
        case .removalReasonRequired: "classification.removal_reason_required"
        case .officerCapTooLow: "classification.officer_cap_too_low"
        case .noAuthority: "classification.no_authority"
        case .catalogueIncomplete: "classification.catalogue_incomplete"
        case .mustNotClassify: "classification.must_not_classify"
        case .fourQuestionsUnanswered: "classification.four_questions"
        case .derivationWithoutSource: "classification.derivation_without_source"
        case .wrongStatus: "classification.wrong_status"
        case .reasonRequired: "classification.reason_required"
        case .sameHandlerAndOfficer: "classification.same_handler_and_officer"
        case .extensionAfterExpiry: "classification.extension_after_expiry"
        case .nothingChanged: "classification.nothing_changed"
        case .longTermNeedsCentralApproval: "classification.long_term_needs_central_approval"
        case .wideningNeedsApproval: "classification.widening_needs_approval"
        case .emptyScope: "classification.empty_scope"
        case .objectionWithoutClaim: "classification.objection_without_claim"
        }
    }

    /// The rule refused (R-AU-*, R-CL-*, R-CH-*, R-DC-3 or R-KS-*); every case names one.
    public var ruleID: String? {
        switch self {
        case .grantorNotEntitled, .grantAboveGrantorAuthority, .reDelegation: "R-AU-2"
        case .grantIncomplete: "R-AU-3"
        case .grantNotInForce: "R-AU-4"
        case .officerCapAboveUnit, .officerUntrained, .officerNotInOffice, .removalReasonRequired: "R-AU-5"
        case .catalogueIncomplete: "R-AU-6"
        case .officerCapTooLow: "R-CL-2"
        case .noAuthority: "R-AU-1"
        case .mustNotClassify, .fourQuestionsUnanswered: "R-CL-4"
        case .derivationWithoutSource: "R-CL-6"
        case .wrongStatus, .reasonRequired, .sameHandlerAndOfficer: "R-CL-1"
        case .extensionAfterExpiry: "R-CH-3"
        case .nothingChanged: "R-CH-1"
        case .longTermNeedsCentralApproval: "R-DC-3"
        case .wideningNeedsApproval: "R-KS-3"
        case .emptyScope: "R-KS-1"
        case .objectionWithoutClaim: "R-CL-7"
        }
    }

    /// The form field at fault (`level`, `scope`, `reason` …); nil when no one field is.
    public var field: String? {
        switch self {
        case .grantIncomplete(let field, _), .catalogueIncomplete(let field, _), .reasonRequired(let field): field
        case .grantorNotEntitled, .grantAboveGrantorAuthority, .officerCapAboveUnit, .officerCapTooLow, .noAuthority: "level"
        case .removalReasonRequired: "reason"
        case .fourQuestionsUnanswered, .mustNotClassify: "questions"
        case .derivationWithoutSource: "source_id"
        case .emptyScope, .wideningNeedsApproval: "scope"
        case .extensionAfterExpiry: "period"
        default: nil
        }
    }

    /// The message shown to the user, in Simplified Chinese.
    public var message: String {
        switch self {
        case .grantorNotEntitled(let kind, let level): "\(kind)无权作出\(level.chinese)级定密授权"
        case .grantAboveGrantorAuthority(let grantor, let level):
            "定密授权不得超过授权机关自身的定密权限（本机关：\(grantor?.chinese ?? "无定密权")，申请：\(level.chinese)）"
        case .reDelegation: "被授权的机关、单位不得再授权"
        case .grantIncomplete(_, let what): "定密授权须写明\(what)"
        case .grantNotInForce: "该定密授权已过期或已撤销，不再授权任何事项"
        case .officerCapAboveUnit(let officer, let unit): "定密责任人的定密权限（\(officer.chinese)）不得超过本单位的定密权限（\(unit?.chinese ?? "无")）"
        case .officerUntrained: "定密责任人须经定密培训后方可审核定密"
        case .officerNotInOffice: "该定密责任人已被调整，不能审核定密"
        case .removalReasonRequired: "调整定密责任人须说明理由（定密不当情节严重、离岗离职、保密行政管理部门建议或其他不宜从事定密工作的情形）"
        case .officerCapTooLow(let officer, let level): "定密责任人的定密权限为\(officer.chinese)，不能审核\(level.chinese)级事项"
        case .noAuthority(let level): "本单位在该日期没有覆盖\(level.chinese)级的定密权（含授权），应先采取保密措施并报有定密权的上级机关、单位确定"
        case .catalogueIncomplete(_, let what): "国家秘密事项一览表条目须写明\(what)"
        case .mustNotClassify(let reason): "该事项不得确定为国家秘密：\(reason)"
        case .fourQuestionsUnanswered: "承办人须逐项回答不得定密的四种情形"
        case .derivationWithoutSource: "派生定密须指明所依据的国家秘密和派生情形"
        case .wrongStatus(let current, let operation): "当前状态为「\(current)」，不能进行「\(operation)」"
        case .reasonRequired: "须填写理由"
        case .sameHandlerAndOfficer: "承办人与定密责任人不能为同一人"
        case .extensionAfterExpiry(let expiry): "延长保密期限须在原期限届满（\(expiry.chinese)）前作出决定"
        case .nothingChanged: "变更须改变密级、保密期限或知悉范围中的至少一项"
        case .longTermNeedsCentralApproval: "保密期限为长期的国家秘密，本单位不得自行解密，须报规定该保密事项范围的中央有关机关批准"
        case .wideningNeedsApproval(let needed): "扩大知悉范围须经\(needed)"
        case .emptyScope: "国家秘密须确定知悉范围"
        case .objectionWithoutClaim: "异议须提出与现定密级或期限不同的主张"
        }
    }

    /// A state that does not fit (wrong status, grant not in force, officer removed) is a conflict; the rest are validation.
    public var kind: FailureKind {
        switch self {
        case .wrongStatus, .grantNotInForce, .officerNotInOffice: .conflict
        default: .validation
        }
    }
}
