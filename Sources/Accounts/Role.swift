import Kernel

/// A role an account holds. The first three are the 三员 (R-SY-1); the others are business roles.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// 系统管理员 — accounts, units, configuration.
    case systemAdmin = "system_admin"
    /// 安全保密管理员 — roles, clearances, scopes.
    case securityAdmin = "security_admin"
    /// 安全审计员 — reads the audit log, nothing else.
    case auditor = "auditor"
    /// 承办人 — drafts documents and classifications.
    case handler = "handler"
    /// 定密责任人 — approves classifications.
    case classifier = "classifier"
    /// 保密员 — keeps the registers of a unit or department.
    case secrecyClerk = "secrecy_clerk"
    /// 部门负责人
    case departmentHead = "department_head"
    /// 单位领导/分管领导
    case leader = "leader"
    /// 保密办
    case secrecyOffice = "secrecy_office"
    /// 保密行政管理部门工作人员
    case administrationStaff = "administration_staff"
    /// 组织人事部门 — keeps the personnel files with the 保密工作机构 (R-PE-15).
    case personnelOffice = "personnel_office"

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .systemAdmin: "系统管理员"
        case .securityAdmin: "安全保密管理员"
        case .auditor: "安全审计员"
        case .handler: "承办人"
        case .classifier: "定密责任人"
        case .secrecyClerk: "保密员"
        case .departmentHead: "部门负责人"
        case .leader: "单位领导"
        case .secrecyOffice: "保密办"
        case .administrationStaff: "保密行政管理部门工作人员"
        case .personnelOffice: "组织人事部门"
        }
    }

    /// R-SY-1: whether this is one of the three administrator roles (三员).
    public var isAdministrator: Bool {
        switch self {
        case .systemAdmin, .securityAdmin, .auditor: true
        default: false
        }
    }

    /// The business roles, in display order.
    public static let businessRoles: [Role] = allCases.filter { !$0.isAdministrator }

    /// Orders roles as declared.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// An administrative action guarded by 三员分立 (R-SY-1).
public enum AdminAction: String, CaseIterable, Sendable {
    /// Create, lock, unlock accounts and reset passwords.
    case manageAccounts
    /// Maintain the unit tree, departments and persons.
    case manageOrganisation
    /// Import and edit the working-day calendar; system configuration.
    case manageConfiguration
    /// Assign business roles to accounts.
    case assignRoles
    /// Set a person's clearance tier.
    case assignClearance
    /// Maintain knowledge scopes of records.
    case manageScopes
    /// Browse, filter and verify the audit log.
    case readAudit

    /// The one administrator role allowed to perform the action.
    ///
    /// R-SY-1: each action belongs to exactly one of the three roles, so no role can do another's work.
    public var owner: Role {
        switch self {
        case .manageAccounts, .manageOrganisation, .manageConfiguration: .systemAdmin
        case .assignRoles, .assignClearance, .manageScopes: .securityAdmin
        case .readAudit: .auditor
        }
    }

    /// Chinese description used in refusals.
    public var chinese: String {
        switch self {
        case .manageAccounts: "账号管理"
        case .manageOrganisation: "单位与人员管理"
        case .manageConfiguration: "系统配置"
        case .assignRoles: "角色分配"
        case .assignClearance: "涉密等级设定"
        case .manageScopes: "知悉范围管理"
        case .readAudit: "审计日志"
        }
    }
}
