import Accounts
import Kernel
import Personnel

/// Who may ever make an API call: every operation × every role, in one table (checked by `APIGate` before any
/// work, and by `AuthorizationMatrixTests`, which calls every operation as every demo identity).
///
/// The table is the outer gate: a role not listed is refused at once (403 `accounts.role_not_allowed`). A listed role
/// still meets the service's own checks — the unit, the record's knowledge scope, being the officer in office.
public struct APIAuthorization: Sendable {
    /// Who passes the gate.
    public enum Access: Equatable, Sendable {
        /// No session needed (logging in).
        case anonymous
        /// Any signed-in account, the 三员 included.
        case signedIn
        /// R-SY-1: exactly the administrator who owns the action.
        case admin(AdminAction)
        /// Any business account (R-SY-1: no 三员 account reads or handles business records).
        case business
        /// Business accounts holding one of these roles.
        case roles(Set<Role>)
        /// Nobody (an operation missing from the table).
        case nobody

        /// Whether an account holding `held` passes.
        public func admits(_ held: Set<Role>) -> Bool {
            switch self {
            case .anonymous, .signedIn: true
            case .admin(let action): SeparationOfDuties.allows(action, roles: held)
            case .business: held.contains { !$0.isAdministrator }
            case .roles(let roles): !held.isDisjoint(with: roles)
            case .nobody: false
            }
        }
    }

    /// Every operation ("METHOD /template") and who may call it: the shell's and each area's.
    let table: [String: Access]

    /// The table of the shell's operations and `areas`'. An operation two areas claim is a programming error.
    public init(areas: [Area]) {
        var table = Self.shell
        for area in areas {
            table.merge(area.authorization) { _, _ in preconditionFailure("an API operation registered twice") }
        }
        self.table = table
    }

    /// The table of the standard areas.
    public static let standard = APIAuthorization(areas: Area.standard)

    /// Every operation in the table ("METHOD /template").
    public var operations: [String] { table.keys.sorted() }

    /// Whether an account with `roles` passes the gate for `operation`; nil for an operation not in the table.
    /// `roles` nil is an anonymous caller.
    public func admits(_ operation: String, roles: Set<Role>?) -> Bool? {
        guard let access = table[operation] else { return nil }
        guard let roles else { return access == .anonymous }
        return access.admits(roles)
    }

    /// The refusal for a caller the gate turns away.
    static func refusal(_ access: Access) -> any DomainError {
        switch access {
        case .admin(let action): AccountsError.forbidden(action)
        case .business: SeparationOfDuties.administratorsDoNoBusiness
        case .roles(let roles):
            Refusal(
                code: "accounts.role_not_allowed", message: "此操作须由\(roles.sorted().map(\.chinese).joined(separator: "、"))办理", kind: .forbidden)
        default: Refusal(code: "accounts.role_not_allowed", message: "当前账号无权进行此操作", kind: .forbidden)
        }
    }

    /// What an account whose password must be changed may still do (R-SY-4).
    static let allowedBeforePasswordChange: Set<String> = ["POST /me/password", "DELETE /auth/token", "GET /me"]

    /// The keepers of the carrier registers: the 保密员 and the 保密办.
    public static let clerks: Access = .roles([.secrecyClerk, .secrecyOffice])
    /// Those who keep a unit's 定密权 register (R-AU-5, R-AU-6): its leaders and 保密办; an administration for itself.
    public static let unitManagers: Access = .roles([.leader, .secrecyOffice, .administrationStaff])

    /// R-PE-15: the keepers of the personnel registers — the 组织人事部门 and the 保密工作机构.
    public static let personnelKeepers: Access = .roles(FileViewer.keepers)

    /// The shell's own operations: signing in and out, the account's own page and password, the 待办.
    static let shell: [String: Access] = [
        "POST /auth/token": .anonymous,
        "DELETE /auth/token": .signedIn,
        "GET /me": .signedIn,
        "POST /me/password": .signedIn,
        "GET /todos": .signedIn,
    ]
}
