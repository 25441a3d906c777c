import Accounts
import Kernel

/// Who may ever make an API call: every operation × every role, in one table (checked by `APIGate` before any
/// work, and by `AuthorizationMatrixTests`, which calls every operation as every demo identity).
///
/// The table is the outer gate: a role not listed is refused at once (403 `accounts.role_not_allowed`). A listed role
/// still meets the service's own checks — the unit, the record's knowledge scope, being the officer in office.
public enum APIAuthorization {
    /// Who passes the gate.
    enum Access: Equatable, Sendable {
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

        func admits(_ held: Set<Role>) -> Bool {
            switch self {
            case .anonymous, .signedIn: true
            case .admin(let action): SeparationOfDuties.allows(action, roles: held)
            case .business: held.contains { !$0.isAdministrator }
            case .roles(let roles): !held.isDisjoint(with: roles)
            case .nobody: false
            }
        }
    }

    /// Every operation in the table ("METHOD /template").
    public static var operations: [String] { table.keys.sorted() }

    /// Whether an account with `roles` passes the gate for `operation`; nil for an operation not in the table.
    /// `roles` nil is an anonymous caller.
    public static func admits(_ operation: String, roles: Set<Role>?) -> Bool? {
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

    static let clerks: Access = .roles([.secrecyClerk, .secrecyOffice])
    /// Those who keep a unit's 定密权 register (R-AU-5, R-AU-6): its leaders and 保密办; an administration for itself.
    static let unitManagers: Access = .roles([.leader, .secrecyOffice, .administrationStaff])

    /// R-PE-15: the keepers of the personnel registers — the 组织人事部门 and the 保密工作机构.
    static let personnelKeepers: Access = .roles([.personnelOffice, .secrecyOffice, .secrecyClerk])

    /// Every operation of `/api/v1` ("METHOD /template", as in the OpenAPI document) and who may call it.
    static let table: [String: Access] = [
        "POST /auth/token": .anonymous,
        "DELETE /auth/token": .signedIn,
        "GET /me": .signedIn,
        "POST /me/password": .signedIn,
        "GET /todos": .signedIn,
        // 三员 (R-SY-1)
        "GET /users": .roles([.systemAdmin, .securityAdmin]),
        "POST /users": .admin(.manageAccounts),
        "POST /users/{id}/lock": .admin(.manageAccounts),
        "POST /users/{id}/unlock": .admin(.manageAccounts),
        "POST /users/{id}/reset-password": .admin(.manageAccounts),
        "PUT /users/{id}/roles": .admin(.assignRoles),
        "GET /units": .signedIn,
        "POST /units": .admin(.manageOrganisation),
        "GET /units/{id}/departments": .signedIn,
        "POST /departments": .admin(.manageOrganisation),
        "GET /persons": .signedIn,
        "POST /persons": .admin(.manageOrganisation),
        "PUT /persons/{id}/tier": .admin(.assignClearance),
        "GET /audit": .admin(.readAudit),
        "GET /audit/verify": .admin(.readAudit),
        "GET /calendar": .signedIn,
        "POST /calendar": .admin(.manageConfiguration),
        "GET /calendar/{year}": .signedIn,
        "GET /calendar/working-days": .signedIn,
        "GET /calendar/between": .signedIn,
        "POST /markings/parse": .signedIn,
        "POST /markings/lint": .signedIn,
        // 涉密通知
        "GET /notices": .business,
        "POST /notices": .business,
        "GET /notices/{id}": .business,
        // 定密管理
        "GET /secrets": .business,
        "POST /secrets": .roles([.handler]),
        "GET /secrets/statistics": .business,
        "GET /secrets/{id}": .business,
        "POST /secrets/{id}/submit": .roles([.handler]),
        "POST /secrets/{id}/review": .business,
        "POST /secrets/{id}/refer": .business,
        "POST /secrets/{id}/change": .business,
        "POST /secrets/{id}/declassify": .business,
        "POST /secrets/{id}/report": .roles([.handler]),
        "POST /secrets/{id}/objections": .business,
        "POST /objections/{id}/answer": .business,
        "POST /objections/{id}/appeal": .business,
        "POST /objections/{id}/appeal-decision": .roles([.administrationStaff]),
        "POST /secrets/{id}/scope": .business,
        "POST /secrets/{id}/annual-review": .business,
        "POST /secrets/{id}/correct": .business,
        "POST /secrets/{id}/recheck": .business,
        "GET /authority/{unit}": .business,
        "POST /authority/{unit}/grants": unitManagers,
        "POST /grants/{id}/revoke": unitManagers,
        "POST /authority/{unit}/officers": unitManagers,
        "POST /officers/{id}/remove": unitManagers,
        "POST /authority/{unit}/catalogue": unitManagers,
        "GET /authority/{unit}/catalogue/revisions": .business,
        "GET /authority/{unit}/filings": .business,
        "POST /authority/{unit}/filings/{kind}": unitManagers,
        "GET /authority/{unit}/applications": .business,
        "POST /authority/{unit}/applications": unitManagers,
        "POST /applications/{id}/decide": unitManagers,
        "GET /supervision": .roles([.administrationStaff]),
        "GET /filings/{id}": .business,
        "POST /filings/{id}/reply": .roles([.administrationStaff]),
        "POST /statistics/filings": .roles([.leader, .secrecyOffice]),
        // 国家秘密载体
        "GET /carriers": .business,
        "GET /carriers/{id}": .business,
        "POST /carriers/receive": clerks,
        "POST /carriers/produce": clerks,
        "POST /carriers/destroy": clerks,
        "POST /carriers/{id}/store": clerks,
        "POST /carriers/{id}/dispatch": clerks,
        "POST /carriers/{id}/circulate": clerks,
        "POST /carriers/{id}/take-back": clerks,
        "POST /carriers/{id}/lend": clerks,
        "POST /carriers/{id}/copy": clerks,
        "POST /carriers/{id}/carry-out": clerks,
        "POST /carriers/{id}/return": clerks,
        "POST /carriers/{id}/retain": clerks,
        "POST /carriers/{id}/repair": clerks,
        "POST /carriers/{id}/loss": clerks,
        "POST /carriers/{id}/forbidden": .business,
        "POST /carriers/{id}/medium-write": clerks,
        "GET /carriers/{id}/reader-log": .business,
        "GET /carriers/{id}/label": .business,
        "GET /carrier-books/{book}": .business,
        "GET /ledger/{person}": .business,
        "GET /safes": .business,
        "POST /safes": clerks,
        "GET /carrier-findings": .business,
        "GET /carrier-checks": .business,
        "POST /carrier-counts": clerks,
        "POST /carrier-imports": clerks,
        "POST /carrier-imports/csv": clerks,
        "POST /carrier-handovers": clerks,
        "GET /personnel": personnelKeepers,
        "GET /personnel/posts": personnelKeepers,
        "POST /personnel/posts": personnelKeepers,
        "POST /personnel/reviews": personnelKeepers,
        "POST /personnel/commitments": personnelKeepers,
        "POST /personnel/appointments": personnelKeepers,
        "POST /personnel/{person}/remove": personnelKeepers,
        "POST /personnel/{person}/rights": personnelKeepers,
        // R-PE-15: the person reads their own file too; the service decides (a 三员 reads none).
        "GET /personnel/{person}/file": .business,
        "POST /personnel/roster-filing": personnelKeepers,
        "GET /trips": personnelKeepers,
        "POST /trips": personnelKeepers,
        "POST /trips/{id}/approve": .roles([.leader, .departmentHead]),
        "POST /trips/{id}/opinion": personnelKeepers,
        "POST /trips/{id}/{step}": personnelKeepers,
        "GET /reportable-events": personnelKeepers,
        "POST /reportable-events": personnelKeepers,
        "POST /reportable-events/{id}/handle": personnelKeepers,
        "GET /departures": personnelKeepers,
        "POST /departures": personnelKeepers,
        "GET /departures/{id}": personnelKeepers,
        "POST /departures/{id}/items": personnelKeepers,
        "POST /departures/{id}/complete": personnelKeepers,
        "POST /training/classes": personnelKeepers,
        "POST /training/external": personnelKeepers,
        "GET /training/plans/{year}": personnelKeepers,
        "POST /training/plans/{year}": personnelKeepers,
        "GET /training/under-floor": personnelKeepers,
        "POST /personnel-imports": personnelKeepers,
    ]
}
