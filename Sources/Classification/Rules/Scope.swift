import Kernel

/// How a widening of the knowledge scope was approved (R-KS-3).
public enum WideningApproval: Sendable, Hashable, Codable {
    /// 机关、单位负责人批准 — for staff of a unit already in the scope.
    case headApproval(approverPersonID: String)
    /// 原定密机关、单位同意 — for units and persons outside the scope.
    case originatorConsent(reference: String)
}

/// One recorded widening (R-KS-3: every widening is recorded in detail).
public struct Widening: Sendable, Hashable, Codable {
    /// The id of the person added to the scope.
    public var personID: String
    /// Who approved it: the unit head, or the originator.
    public var approval: WideningApproval
    /// Why the person needs to know.
    public var reason: String
    /// The day of the widening.
    public var on: Day
}

/// The knowledge scope (R-KS-1..3).
public enum KnowledgeScope {
    /// R-KS-3: adds a person. Staff of a unit inside the scope need the unit head's approval; persons of units outside
    /// need the originator's consent. Returns the widened secret and the record to keep.
    public static func widen(
        _ secret: SecretMatter, personID: String, personUnitID: String, scopeUnitIDs: Set<String>, approval: WideningApproval?, reason: String,
        on day: Day
    ) throws(ClassificationError) -> (SecretMatter, Widening) {
        guard secret.status.isProtected else { throw .wrongStatus(current: secret.status.chinese, operation: "扩大知悉范围") }
        let insideUnit = scopeUnitIDs.contains(personUnitID) || personUnitID == secret.unitID
        switch (insideUnit, approval) {
        case (true, .headApproval?), (false, .originatorConsent?):
            break
        case (true, _):
            throw .wideningNeedsApproval(needed: "本机关、单位负责人批准")
        case (false, _):
            throw .wideningNeedsApproval(needed: "原定密机关、单位同意")
        }
        guard !reason.isBlank else { throw .reasonRequired(field: "reason") }
        var next = secret
        next.scope.insert(personID)
        return (next, Widening(personID: personID, approval: approval!, reason: reason, on: day))
    }

    /// R-KS-2: persons who know 机密 or 绝密 items are recorded — the register lists them.
    public static func mustRecordKnowers(_ secret: SecretMatter) -> Bool {
        secret.level >= .confidential
    }
}

/// Joint secrets, temporary bodies, and correction by a superior (R-CL-5, R-CL-8).
public enum Responsibility {
    /// What a superior's correction asks for: the classification revoked, or a new level and period.
    public struct Correction: Sendable, Hashable {
        /// Whether the classification is revoked.
        public var revoke: Bool
        /// The corrected level (nil when revoking).
        public var level: Level?
        /// The corrected period (nil when revoking or when the level alone changes to one without a period).
        public var period: SecrecyPeriod?
    }

    /// R-CL-8: a correction either revokes the classification or gives the corrected level and period; one of the two
    /// must be asked for.
    public static func correction(revoke: Bool, marking: Marking?) throws -> Correction {
        if !revoke, marking == nil { throw Refusal.invalid("marking", "请填写纠正后的密级和期限，或选择撤销定密", rule: "R-CL-8") }
        return Correction(revoke: revoke, level: revoke ? nil : marking?.level, period: revoke ? nil : marking?.period)
    }

    /// R-CL-5: a secret produced jointly is classified by the lead unit together with the co-units; those co-units
    /// are recorded on the secret.
    public static func joint(_ secret: SecretMatter, coUnitIDs: [String]) -> SecretMatter {
        var next = secret
        next.coUnitIDs = coUnitIDs.filter { $0 != secret.unitID }
        return next
    }

    /// R-CL-5: a temporary or coordination body's secrets are classified by the unit that runs it; after it is
    /// dissolved, by its successor or the appointed unit.
    public static func classifyingUnit(runningUnitID: String, dissolved: Bool, successorUnitID: String?) -> String? {
        dissolved ? successorUnitID : runningUnitID
    }

    /// R-CL-8: a superior may correct a subordinate's classification directly; a unit corrects its own errors.
    /// `subordinates` are the unit ids below the acting unit in the tree.
    public static func mayCorrect(actingUnitID: String, secretUnitID: String, subordinates: Set<String>) -> Bool {
        actingUnitID == secretUnitID || subordinates.contains(secretUnitID)
    }

    /// R-CL-8: a superior's correction of an in-force classification: a new level and/or period (the new marking goes
    /// beside the old, R-LV-4), with a reason. The unit's officers must look at it again (carriers re-marked, scope
    /// told), so it is flagged for review. Revoking the classification outright is `Declassification` with `.corrected`.
    public static func correct(_ secret: SecretMatter, level: Level?, period: SecrecyPeriod?, reason: String, on day: Day) throws -> SecretMatter {
        guard secret.status == .inForce, let issue = secret.issueDate else {
            throw ClassificationError.wrongStatus(current: secret.status.chinese, operation: "纠正")
        }
        guard !reason.isBlank else { throw ClassificationError.reasonRequired(field: "reason") }
        var next = secret
        if let level { next.level = level }
        if let period { next.period = period }
        guard next.level != secret.level || next.period != secret.period else { throw ClassificationError.nothingChanged }
        if case .failure(let error) = Changes.validation(next.marking, issue: issue, limit: nil) { throw error }
        next.markings.append(next.marking.render())
        next.needsReview = true
        return next
    }
}

/// Where the marking goes, by carrier (R-LV-3).
public enum MarkingPlacement: String, Sendable, CaseIterable {
    case paper, electronic, medium, device

    /// R-LV-3: paper and electronic documents: upper left of the cover or first page, or under the title; media,
    /// devices and products: on the casing or package.
    public var chinese: String {
        switch self {
        case .paper, .electronic: "封面或首页左上角，或标题下方显著位置"
        case .medium, .device: "外壳、封盖或外包装的显著位置"
        }
    }

    /// R-LV-3: where no marking can be made, the scope is told in writing; the record says which.
    public static func requiresWrittenNotice(canBeMarked: Bool) -> Bool { !canBeMarked }
}
