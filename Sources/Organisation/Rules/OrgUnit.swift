import Accounts

/// A unit (单位) in the organisation tree.
public struct OrgUnit: Sendable, Hashable, Codable {
    /// The unit's record id.
    public var id: String
    /// The unit's full name.
    public var name: String
    /// 单位类别 — what kind of body it is; it decides who may grant 定密权 (R-AU-2).
    public var kind: UnitKind
    /// The parent unit's id; nil for a root of the tree.
    public var parentID: String?
    /// 所在地区 — free text, empty if not given.
    public var region: String

    /// Creates a unit under `parentID` (nil for a root).
    public init(id: String, name: String, kind: UnitKind, parentID: String?, region: String = "") {
        self.id = id
        self.name = name
        self.kind = kind
        self.parentID = parentID
        self.region = region
    }
}
