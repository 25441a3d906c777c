import Accounts
import Kernel

/// The actions of a unit's 定密权管理 register: one route and one focused form each. The raw value is the URL segment
/// (`/authority/:unit/<action>`).
public enum AuthorityAction: String, CaseIterable, Sendable {
    /// 指定定密责任人 (R-AU-5).
    case officer
    /// 调整定密责任人 — one officer of the roster (R-AU-5).
    case removeOfficer = "remove-officer"
    /// 报备定密责任人名单 (R-AU-5).
    case fileRoster = "file-roster"
    /// 作出定密授权 (R-AU-2, R-AU-3).
    case grant
    /// 撤销定密授权 — one grant the unit made (R-AU-4).
    case revoke
    /// 申请定密授权 (R-AU-3).
    case apply
    /// 决定定密授权申请 — one application to the unit (R-AU-3).
    case decideApplication = "decide-application"
    /// 添加或修订一览表条目 (R-AU-6).
    case catalogue
    /// 报备国家秘密事项一览表 (R-AU-6).
    case fileCatalogue = "file-catalogue"

    /// The button label, in a 保密员's words.
    public var chinese: String {
        switch self {
        case .officer: "指定定密责任人"
        case .removeOfficer: "调整定密责任人"
        case .fileRoster: "报备定密责任人名单"
        case .grant: "作出定密授权"
        case .revoke: "撤销定密授权"
        case .apply: "申请定密授权"
        case .decideApplication: "决定授权申请"
        case .catalogue: "添加或修订一览表条目"
        case .fileCatalogue: "报备一览表"
        }
    }

    /// The regulation the action follows, in a 保密员's words (never our rule IDs).
    public var regulation: String {
        switch self {
        case .officer: "定密责任人由单位负责人指定，经定密培训，权限不超过本单位定密权"
        case .removeOfficer: "定密责任人离岗、不再适合等情形应及时调整"
        case .fileRoster: "定密责任人名单报同级保密行政管理部门备案"
        case .grant: "授权机关在本机关定密权限内作出书面授权，被授权单位不得再授权"
        case .revoke: "授权机关可以撤销授权，被授权单位自撤销之日起不再行使定密权"
        case .apply: "无定密权的单位可以向上级机关或保密行政管理部门书面申请授权"
        case .decideApplication: "收到申请的机关依法作出授权或者不予授权的决定"
        case .catalogue: "依据保密事项范围制定国家秘密事项一览表，修订须说明理由"
        case .fileCatalogue: "国家秘密事项一览表报同级保密行政管理部门备案"
        }
    }

    /// Whether the action acts on one row of the register (an officer, a grant, an application).
    public var isOnRow: Bool { self == .removeOfficer || self == .revoke || self == .decideApplication }
}

/// "May this person take this action in this unit's name now?" — the one decision the register's bar and each action's
/// page offer, and the service enforces (`UnitActing`, R-AU-5), with the row's own state for row actions.
public enum AuthorityActions {
    /// nil when the person may act for `unitID`, otherwise the refusal the service answers with.
    public static func refusal(_ action: AuthorityAction, actorUnitID: String, roles: Set<Role>, unitID: String) -> (any DomainError)? {
        do {
            try UnitActing.check(actorUnitID: actorUnitID, roles: roles, unitID: unitID)
            return nil
        } catch {
            return error as? any DomainError
        }
    }

    /// The register's own actions (not on a row) the person may take for `unitID`.
    public static func allowed(actorUnitID: String, roles: Set<Role>, unitID: String) -> [AuthorityAction] {
        AuthorityAction.allCases.filter { !$0.isOnRow && refusal($0, actorUnitID: actorUnitID, roles: roles, unitID: unitID) == nil }
    }

    /// R-AU-5: an officer still in office may be removed.
    public static func mayRemove(_ officer: Officer, on day: Day) -> Bool { officer.isInOffice(on: day) }

    /// R-AU-4: the unit revokes a grant it made that is still in force.
    public static func mayRevoke(_ grant: Grant, by unitID: String, on day: Day) -> Bool { grant.grantorUnitID == unitID && grant.isInForce(on: day) }

    /// R-AU-3: the unit decides an application made to it, once.
    public static func mayDecide(applicationTo grantorUnitID: String, pending: Bool, by unitID: String) -> Bool {
        grantorUnitID == unitID && pending
    }
}
