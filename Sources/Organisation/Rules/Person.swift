import Kernel

/// A person: the fields later modules need (personnel, carriers, classification).
public struct Person: Sendable, Hashable, Codable {
    /// The person's record id.
    public var id: String
    /// The id of the unit (单位) the person works in.
    public var unitID: String
    /// The id of the department (内设机构), if the person is in one.
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

    /// Creates a person; contact details empty and tier 非涉密 unless given.
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
