import Accounts

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
