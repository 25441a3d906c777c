import Accounts
import Kernel

/// Everything an operation needs to know about who is acting.
public struct Actor: Sendable, Hashable {
    /// The acting account's user id; empty for the system actor.
    public var userID: String
    /// The account's login name.
    public var username: String
    /// The name shown in pages and the audit log.
    public var displayName: String
    /// The account's roles (三员 or business roles).
    public var roles: Set<Role>
    /// The person the account belongs to, whose clearance and unit decide what it may see; nil if none.
    public var person: Person?
    /// The client's IP address, for the audit log; nil when there is none (the system, the CLI).
    public var remoteAddress: String?

    /// Creates an actor for an account, its person and the client's address.
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
