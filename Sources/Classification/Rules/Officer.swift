import Kernel

/// 定密责任人 — a person who approves classifications (R-AU-5).
public struct Officer: Sendable, Hashable, Codable {
    /// 法定定密责任人 (the unit's head) or 指定定密责任人 (designated by the head).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case statutory
        case designated

        /// The Chinese name shown in the roster.
        public var chinese: String { self == .statutory ? "法定定密责任人" : "指定定密责任人" }
    }

    /// The officer's record id.
    public var id: String
    /// The id of the unit the officer approves for.
    public var unitID: String
    /// The id of the person appointed.
    public var personID: String
    /// Statutory (the head) or designated.
    public var kind: Kind
    /// 定密权限 — the stated cap.
    public var cap: Level
    /// The first day in office.
    public var appointedOn: Day
    /// 定密培训 — the day training was completed.
    public var trainedOn: Day?
    /// The day the officer left office (DM 17); nil while in office.
    public var removedOn: Day?
    /// Why the officer was replaced (DM 17); nil while in office.
    public var removalReason: RemovalReason?

    /// Creates an officer; in office unless a removal is given.
    public init(
        id: String, unitID: String, personID: String, kind: Kind, cap: Level, appointedOn: Day, trainedOn: Day?, removedOn: Day? = nil,
        removalReason: RemovalReason? = nil
    ) {
        self.id = id
        self.unitID = unitID
        self.personID = personID
        self.kind = kind
        self.cap = cap
        self.appointedOn = appointedOn
        self.trainedOn = trainedOn
        self.removedOn = removedOn
        self.removalReason = removalReason
    }

    /// Whether the officer is in office on `day`.
    public func isInOffice(on day: Day) -> Bool {
        appointedOn <= day && (removedOn.map { day < $0 } ?? true)
    }
}

/// DM 17: why an officer is replaced (R-AU-5).
public enum RemovalReason: String, Sendable, Codable, CaseIterable {
    /// 定密不当，情节严重
    case seriousMisclassification
    /// 因离岗离职无法继续履行定密职责
    case leaving
    /// 保密行政管理部门建议调整
    case administrationAdvice
    /// 因其他原因不宜从事定密工作
    case unsuitable

    /// The Chinese wording of the reason, as the roster shows it.
    public var chinese: String {
        switch self {
        case .seriousMisclassification: "定密不当，情节严重"
        case .leaving: "因离岗离职无法继续履行定密职责"
        case .administrationAdvice: "保密行政管理部门建议调整"
        case .unsuitable: "因其他原因不宜从事定密工作"
        }
    }
}

/// The rules of the officer roster (R-AU-5).
public enum OfficerRules {
    /// R-AU-5: a designated officer's cap is stated and not above the unit's authority; R-SY-2: the person's clearance
    /// covers the cap (an officer reads what they approve); and a person holds one office at a time in a unit.
    public static func checkAppointment(cap: Level, unitCap: Level?, personTier: ClearanceTier, alreadyInOffice: Bool) throws {
        guard let unitCap, cap <= unitCap else { throw ClassificationError.officerCapAboveUnit(officer: cap, unit: unitCap) }
        try personTier.require(cap, field: "cap", who: "所指定人员", kind: .validation)
        guard !alreadyInOffice else {
            throw Refusal(
                code: "classification.officer_already_in_office", ruleID: "R-AU-5", field: "person_id",
                message: "该人员已是本单位在任的定密责任人；调整定密权限须先按规定调整后重新指定", kind: .conflict)
        }
    }

    /// R-SY-2: a draft goes only to an officer whose clearance covers its level — otherwise it would stick in review.
    public static func checkCanReceive(officerTier: ClearanceTier, level: Level) throws {
        try officerTier.require(level, field: "officer_person_id", who: "所选定密责任人", kind: .validation)
    }

    /// R-AU-5 / R-CL-2: an officer may approve `level` on `day` only in office, after training, within the cap.
    public static func checkCanApprove(_ officer: Officer, level: Level, on day: Day) throws(ClassificationError) {
        guard officer.isInOffice(on: day) else { throw .officerNotInOffice }
        guard let trained = officer.trainedOn, trained <= day else { throw .officerUntrained }
        guard officer.cap >= level else { throw .officerCapTooLow(officer: officer.cap, level: level) }
    }

    /// R-AU-5: a removal states one of the DM 17 reasons.
    public static func remove(_ officer: Officer, on day: Day, reason: RemovalReason?) throws(ClassificationError) -> Officer {
        guard let reason else { throw .removalReasonRequired }
        guard officer.isInOffice(on: day) else { throw .officerNotInOffice }
        var removed = officer
        removed.removedOn = day
        removed.removalReason = reason
        return removed
    }
}
