/// A department (内设机构) inside a unit.
public struct Department: Sendable, Hashable, Codable {
    /// The department's record id.
    public var id: String
    /// The id of the unit (单位) it belongs to.
    public var unitID: String
    /// The department's name, e.g. 办公室.
    public var name: String

    /// Creates a department of a unit.
    public init(id: String, unitID: String, name: String) {
        self.id = id
        self.unitID = unitID
        self.name = name
    }
}
