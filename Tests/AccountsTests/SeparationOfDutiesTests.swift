import Accounts
import Kernel
import Testing

@Suite("三员分立 — separation of duties")
struct SeparationOfDutiesTests {
    @Test(
        "R-SY-1 one account cannot hold two administrator roles",
        arguments: [
            Set<Role>([.systemAdmin, .securityAdmin]), [.systemAdmin, .auditor], [.securityAdmin, .auditor],
            [.systemAdmin, .securityAdmin, .auditor],
        ])
    func twoAdministratorRoles(roles: Set<Role>) {
        #expect(throws: AccountsError.rolesConflict(roles.sorted())) {
            try SeparationOfDuties.validate(roles: roles)
        }
    }

    @Test("R-SY-1 an administrator account holds no business role", arguments: Role.businessRoles)
    func administratorWithBusinessRole(business: Role) {
        for admin in [Role.systemAdmin, .securityAdmin, .auditor] {
            #expect(throws: AccountsError.administratorWithBusinessRole(admin)) {
                try SeparationOfDuties.validate(roles: [admin, business])
            }
        }
    }

    @Test("R-SY-1 a single administrator role or any business roles are valid")
    func validCombinations() throws {
        try SeparationOfDuties.validate(roles: [.auditor])
        try SeparationOfDuties.validate(roles: [.handler, .classifier, .leader])
        try SeparationOfDuties.validate(roles: [])
    }

    @Test("R-SY-1 each administrative action belongs to exactly one administrator and is refused to the other two")
    func actionsOwnedByOneRole() throws {
        for action in AdminAction.allCases {
            let owner = action.owner
            #expect(owner.isAdministrator)
            try SeparationOfDuties.authorize(action, roles: [owner])
            for other in [Role.systemAdmin, .securityAdmin, .auditor] where other != owner {
                #expect(throws: AccountsError.forbidden(action)) { try SeparationOfDuties.authorize(action, roles: [other]) }
            }
            for business in Role.businessRoles {
                #expect(!SeparationOfDuties.allows(action, roles: [business]))
            }
        }
    }

    @Test("R-SY-1 the refusal names the owning role and the rule in Chinese")
    func refusalMessage() {
        let error = AccountsError.forbidden(.readAudit)
        #expect(error.ruleID == "R-SY-1")
        #expect(error.message.contains("安全审计员"))
        #expect(error.kind == .forbidden)
    }
}
