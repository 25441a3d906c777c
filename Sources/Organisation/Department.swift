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
