import Accounts
import Kernel

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
