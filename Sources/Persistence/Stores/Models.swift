import Accounts
import Foundation
import Kernel

/// A unit (单位) in the organisation tree.
public struct OrgUnit: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var kind: UnitKind
    public var parentID: String?
    public var region: String

    public init(id: String, name: String, kind: UnitKind, parentID: String?, region: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.region = region
    }
}

/// A department (内设机构) inside a unit.
public struct Department: Sendable, Hashable, Codable {
    public var id: String
    public var unitID: String
    public var name: String

    public init(id: String, unitID: String, name: String) {
        self.id = id
        self.unitID = unitID
        self.name = name
    }
}

/// A person: the fields later modules need (personnel, carriers, classification).
public struct Person: Sendable, Hashable, Codable {
    public var id: String
    public var unitID: String
    public var departmentID: String?
    /// 姓名
    public var name: String
    /// 岗位 — post
    public var post: String
    /// 职务 — title
    public var title: String
    /// 联系电话
    public var phone: String
    /// 电子邮箱
    public var email: String
    /// 涉密等级 — clearance tier (R-PE-1), set by the 安全保密管理员.
    public var tier: ClearanceTier

    public init(
        id: String, unitID: String, departmentID: String?, name: String, post: String = "", title: String = "",
        phone: String = "", email: String = "", tier: ClearanceTier = .none
    ) {
        self.id = id
        self.unitID = unitID
        self.departmentID = departmentID
        self.name = name
        self.post = post
        self.title = title
        self.phone = phone
        self.email = email
        self.tier = tier
    }
}

/// A user account.
public struct User: Sendable, Hashable {
    public var id: String
    public var username: String
    public var displayName: String
    public var personID: String?
    public var passwordHash: String
    public var otpSecret: String?
    public var failedLogins: Int
    public var locked: Bool
    public var mustChangePassword: Bool
    public var roles: Set<Role>
    public var lastLoginAt: Int64?
}

/// 涉密通知 — the foundation's sample protected record.
public struct ClassifiedNotice: Sendable, Hashable, Codable {
    public var id: String
    public var unitID: String
    public var title: String
    public var body: String
    public var sensitivity: Sensitivity
    public var marking: String
    public var issuedOn: Day
    public var authorPersonID: String
    public var createdAt: Int64
}

/// Everything an operation needs to know about who is acting.
public struct Actor: Sendable, Hashable {
    public var userID: String
    public var username: String
    public var displayName: String
    public var roles: Set<Role>
    public var person: Person?
    public var remoteAddress: String?

    public init(userID: String, username: String, displayName: String, roles: Set<Role>, person: Person?, remoteAddress: String? = nil) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.person = person
        self.remoteAddress = remoteAddress
    }

    /// The access-decision view of this actor (R-KS-4).
    public var viewer: Viewer {
        // R-SY-1: administrator accounts read no business record, whatever person they are linked to.
        if roles.contains(where: \.isAdministrator) {
            return Viewer(userID: userID, personID: nil, tier: .none)
        }
        return Viewer(userID: userID, personID: person?.id, tier: person?.tier ?? .none)
    }

    /// The system itself (CLI, migrations, sweeps).
    public static let system = Actor(userID: "", username: "system", displayName: "系统", roles: [], person: nil)

    /// Whether this is the system actor.
    public var isSystem: Bool { userID.isEmpty }
}
