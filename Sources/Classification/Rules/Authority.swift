import Accounts
import Foundation
import Kernel

/// 定密授权 — a written grant of classification authority (R-AU-3: grantee, cap, matter scope, term).
public struct Grant: Sendable, Hashable, Codable {
    /// The grant's record id.
    public var id: String
    /// 授权机关 — the id of the unit that grants.
    public var grantorUnitID: String
    /// 被授权单位 — the id of the unit that receives the authority.
    public var granteeUnitID: String
    /// 定密权限 — the level cap granted.
    public var cap: Level
    /// 事项范围 — the matters the grant covers.
    public var matterScope: String
    /// 授权期限 — first and last day in force.
    public var validFrom: Day
    /// The last day in force (inclusive); after `validFrom`.
    public var validUntil: Day
    /// When it was revoked (R-AU-4), if it was.
    public var revokedOn: Day?
    /// Why it was revoked (R-AU-4); nil while it is not.
    public var revocationReason: String?

    /// Creates a grant; not revoked unless said.
    public init(
        id: String, grantorUnitID: String, granteeUnitID: String, cap: Level, matterScope: String, validFrom: Day, validUntil: Day,
        revokedOn: Day? = nil, revocationReason: String? = nil
    ) {
        self.id = id
        self.grantorUnitID = grantorUnitID
        self.granteeUnitID = granteeUnitID
        self.cap = cap
        self.matterScope = matterScope
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.revokedOn = revokedOn
        self.revocationReason = revocationReason
    }

    /// R-AU-4: in force from its first day to its last, and never on or after the day it was revoked.
    public func isInForce(on day: Day) -> Bool {
        guard validFrom <= day, day <= validUntil else { return false }
        if let revokedOn, day >= revokedOn { return false }
        return true
    }
}

/// What a unit's authority rests on, for the record of a classification (R-CL-1, R-CL-2).
public enum AuthorityBasis: Sendable, Hashable, Codable {
    /// The unit's own 定密权.
    case own(Level)
    /// A grant in force.
    case grant(id: String, cap: Level)

    /// The cap.
    public var cap: Level {
        switch self {
        case .own(let level), .grant(_, let level): level
        }
    }
}

/// The rules of granting and holding 定密权 (R-AU-1..4).
public enum AuthorityRules {
    /// R-AU-2: the highest level a kind of unit may grant — 中央国家机关 and 省级机关 up to 绝密, 设区的市级/自治州级
    /// 机关 only 机密 and 秘密, 省级以上保密行政管理部门 (where no one else can) up to 绝密; nobody else.
    public static func maxGrantable(by kind: UnitKind) -> Level? {
        switch kind {
        case .centralOrgan, .provincialOrgan, .administration(.national), .administration(.provincial): .topSecret
        case .cityOrgan: .confidential
        default: nil
        }
    }

    /// R-AU-2 / R-AU-3: checks a grant before it is decided.
    ///
    /// - The grantor's kind must allow the level; the grant never exceeds the grantor's own authority
    ///   (administrations grant where no one else can, so their cap is the kind's); a unit whose only
    ///   authority is a grant may not grant (no re-delegation).
    /// - The grant states grantee, cap, matter scope and term, the term ending after it starts.
    public static func checkGrant(
        grantorKind: UnitKind, grantorOwnCap: Level?, grantorHoldsOnlyGrantedAuthority: Bool, grant: Grant
    ) throws(ClassificationError) {
        if grantorHoldsOnlyGrantedAuthority { throw .reDelegation }
        guard let kindCap = maxGrantable(by: grantorKind), grant.cap <= kindCap else {
            throw .grantorNotEntitled(kind: grantorKind.chinese, requested: grant.cap)
        }
        let own = grantorKind.isAdministration ? kindCap : grantorOwnCap
        guard let own, grant.cap <= own else { throw .grantAboveGrantorAuthority(grantor: grantorOwnCap, requested: grant.cap) }
        if grant.granteeUnitID.isEmpty { throw .grantIncomplete(field: "grantee_unit_id", what: "被授权机关、单位") }
        if grant.granteeUnitID == grant.grantorUnitID { throw .grantIncomplete(field: "grantee_unit_id", what: "本机关以外的被授权单位") }
        if grant.matterScope.trimmingSpacesAndNewlines.count < 4 {
            throw .grantIncomplete(field: "matter_scope", what: "授权事项范围")
        }
        if grant.validUntil <= grant.validFrom { throw .grantIncomplete(field: "valid_until", what: "晚于起始日的授权期限") }
    }

    /// R-AU-3: the secrecy administration level a grant or revocation is filed with (备案): central and provincial
    /// grantors with the national administration, city grantors with the provincial one. Administrations that
    /// grant themselves file with the next level up (a provincial administration with the national one).
    public static func grantFilingLevel(grantorKind: UnitKind) -> AdministrationLevel? {
        switch grantorKind {
        case .centralOrgan, .provincialOrgan, .administration(.provincial): .national
        case .cityOrgan: .provincial
        default: nil
        }
    }

    /// R-AU-1 / R-CL-2 / R-AU-4: the authority a unit can use for `level` on `day`: its own 定密权 if that covers
    /// the level, else the highest grant in force on that day. Nil when nothing covers the level.
    public static func authority(for level: Level, ownCap: Level?, grants: [Grant], unitID: String, on day: Day) -> AuthorityBasis? {
        if let ownCap, ownCap >= level { return .own(ownCap) }
        let usable = grants.filter { $0.granteeUnitID == unitID && $0.isInForce(on: day) && $0.cap >= level }
        guard let best = usable.max(by: { $0.cap < $1.cap }) else { return nil }
        return .grant(id: best.id, cap: best.cap)
    }

    /// R-AU-5: the highest level a unit may classify on `day` (own or granted), which caps its officers.
    public static func unitCap(ownCap: Level?, grants: [Grant], unitID: String, on day: Day) -> Level? {
        let granted = grants.filter { $0.granteeUnitID == unitID && $0.isInForce(on: day) }.map(\.cap)
        return ([ownCap].compactMap { $0 } + granted).max()
    }
}

/// Who acts *as* a unit in its 定密 register: applies for or decides a grant, appoints or replaces officers, keeps the
/// 一览表, files (R-AU-3, R-AU-5, R-AU-6). Only the unit's own leaders and 保密办 do; staff of a 保密行政管理部门 act
/// for their own administration and, towards the units they supervise, review, decide, correct (R-CL-8) and receive
/// filings — they never act in a subordinate unit's name.
public enum UnitActing {
    /// R-AU-5: refuses an actor who may not act in `unitID`'s name.
    public static func check(actorUnitID: String, roles: Set<Role>, unitID: String) throws {
        guard actorUnitID == unitID, !roles.isDisjoint(with: [.leader, .secrecyOffice, .administrationStaff]) else {
            throw Refusal(
                code: "classification.not_your_unit", ruleID: "R-AU-5",
                message: "只能以本单位名义办理定密权事务（申请授权、指定定密责任人、修订一览表、报备）；保密行政管理部门对所辖单位只审查、决定和纠正", kind: .forbidden)
        }
    }
}
