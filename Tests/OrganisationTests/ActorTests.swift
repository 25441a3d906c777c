import Accounts
import Kernel
import Organisation
import Testing

@Suite("组织与账号 — the acting user")
struct ActorTests {
    let person = Person(id: "p1", unitID: "u1", departmentID: nil, name: "王芳", tier: .core)

    @Test("R-SY-1 an administrator account reads no business record, whatever person it is linked to")
    func administratorsSeeNothing() {
        let auditor = Actor(userID: "a", username: "auditor", displayName: "安全审计员", roles: [.auditor], person: person)
        #expect(auditor.viewer.personID == nil && auditor.viewer.tier == .none)
        let clerk = Actor(userID: "c", username: "wangfang", displayName: "王芳", roles: [.secrecyClerk], person: person)
        #expect(clerk.viewer.personID == "p1" && clerk.viewer.tier == .core)
    }

    @Test("The system actor is recognised and has no person")
    func system() {
        #expect(Actor.system.isSystem && Actor.system.person == nil)
        #expect(!Actor(userID: "x", username: "x", displayName: "x", roles: [], person: nil).isSystem)
    }
}
