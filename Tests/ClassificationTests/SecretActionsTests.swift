import Accounts
import Classification
import Kernel
import Testing

/// Who may take which action on a secret, in which state: the one decision the service enforces and the page offers.
@Suite("定密事项的办理权限 — SecretActions")
struct SecretActionsTests {
    static func viewer(_ person: String, unit: String = Fx.unit, roles: Set<Role> = [.handler], officer: Bool = false, admin: Bool = false)
        -> SecretViewer
    {
        var appointment = Fx.officer()
        appointment.personID = person
        appointment.unitID = unit
        return SecretViewer(
            personID: person, unitID: unit, roles: roles, officerOf: officer ? [unit: appointment] : [:], subordinateUnits: unit == "city" ? [Fx.unit] : [],
            atAdministration: admin, decidingUnitCap: .confidential)
    }

    static func allows(_ action: SecretAction, _ secret: SecretMatter, _ viewer: SecretViewer, objection: ObjectionState? = nil) -> Bool {
        SecretActions.refusal(action, on: secret, by: viewer, objection: objection, today: Fx.today) == nil
    }

    @Test("R-CL-1 only the 承办人 submits a draft, and only a draft")
    func submit() throws {
        let draft = try Fx.draft()
        #expect(Self.allows(.submit, draft, Self.viewer(Fx.handler)))
        #expect(!Self.allows(.submit, draft, Self.viewer("other")))
        #expect(!Self.allows(.submit, Fx.inForce(), Self.viewer(Fx.handler)))
        #expect(SecretActions.allowed(on: draft, by: Self.viewer(Fx.handler), today: Fx.today).contains(.submit))
    }

    @Test("R-AU-5 R-CL-2 a draft in review is decided by the officer it was submitted to, in office, with authority for its level")
    func review() throws {
        var secret = try Review.submit(try Fx.draft())
        secret.officerPersonID = Fx.officerPerson
        let officer = Self.viewer(Fx.officerPerson, roles: [.classifier], officer: true)
        #expect(Self.allows(.approve, secret, officer))
        #expect(Self.allows(.reject, secret, officer))
        // Another officer of the unit, not the one it went to.
        #expect(!Self.allows(.approve, secret, Self.viewer("officer2", roles: [.classifier], officer: true)))
        // Not in office.
        #expect(!Self.allows(.approve, secret, Self.viewer(Fx.officerPerson, roles: [.classifier])))
        // R-AU-1: no authority for 绝密 here — approval is refused (the matter goes up); rejecting stays possible.
        var topSecret = secret
        topSecret.level = .topSecret
        #expect(SecretActions.refusal(.approve, on: topSecret, by: officer, today: Fx.today) != nil)
        #expect(Self.allows(.reject, topSecret, officer))
    }

    @Test("R-AU-1 the 承办人 or the reviewing officer refers a draft up; nobody else")
    func refer() throws {
        let draft = try Fx.draft()
        #expect(Self.allows(.refer, draft, Self.viewer(Fx.handler)))
        #expect(!Self.allows(.refer, draft, Self.viewer("bystander")))
        #expect(!Self.allows(.refer, Fx.inForce(), Self.viewer(Fx.handler)))
    }

    @Test("R-AU-5 R-DC-1 change, declassification and the annual review are for an officer in office of the secret's unit")
    func officerActions() {
        let secret = Fx.inForce()
        let officer = Self.viewer(Fx.officerPerson, roles: [.classifier], officer: true)
        for action in [SecretAction.change, .declassify, .annualReview] {
            #expect(Self.allows(action, secret, officer))
            #expect(!Self.allows(action, secret, Self.viewer(Fx.handler)))
            #expect(!Self.allows(action, secret, Self.viewer(Fx.officerPerson, unit: "elsewhere", roles: [.classifier], officer: true)))
        }
        let refusal = SecretActions.refusal(.annualReview, on: secret, by: Self.viewer(Fx.handler), today: Fx.today)
        #expect(refusal?.ruleID == "R-DC-1")
    }

    @Test("R-DU-6 only a flagged secret is rechecked, by an officer of its unit")
    func recheck() {
        var secret = Fx.inForce()
        let officer = Self.viewer(Fx.officerPerson, roles: [.classifier], officer: true)
        #expect(!Self.allows(.recheck, secret, officer))
        secret.needsReview = true
        #expect(Self.allows(.recheck, secret, officer))
        #expect(SecretActions.refusal(.recheck, on: secret, by: Self.viewer(Fx.handler), today: Fx.today)?.ruleID == "R-DU-6")
    }

    @Test("R-CL-8 a superior corrects a subordinate's secret; the unit itself does not")
    func correct() {
        let secret = Fx.inForce()
        #expect(Self.allows(.correct, secret, Self.viewer("boss", unit: "city", roles: [.classifier], officer: true)))
        #expect(Self.allows(.correct, secret, Self.viewer("staff", unit: "city", roles: [.administrationStaff], admin: true)))
        // A superior without an officer in office there, and the unit's own officer, may not.
        #expect(SecretActions.refusal(.correct, on: secret, by: Self.viewer("clerk", unit: "city"), today: Fx.today)?.ruleID == "R-CL-8")
        #expect(
            SecretActions.refusal(.correct, on: secret, by: Self.viewer(Fx.officerPerson, roles: [.classifier], officer: true), today: Fx.today)?.ruleID
                == "R-CL-8")
    }

    @Test("R-CL-3 a reported unclear matter is decided by the staff of an administration")
    func decide() {
        var secret = Fx.inForce()
        secret.status = .unclearReported
        #expect(Self.allows(.decide, secret, Self.viewer("staff", unit: "admin", roles: [.administrationStaff], admin: true)))
        #expect(!Self.allows(.decide, secret, Self.viewer("staff", unit: "admin", roles: [.handler], admin: true)))
        #expect(!Self.allows(.decide, secret, Self.viewer("staff", unit: "agency2", roles: [.administrationStaff])))
        #expect(!Self.allows(.report, secret, Self.viewer(Fx.handler)))
    }

    @Test("R-CL-7 an objection is answered by the originating unit's officer, appealed by its objector, decided by the administration it went to")
    func objections() {
        let secret = Fx.inForce()
        let pending = ObjectionState(raisedBy: "p1", status: "pending", appealUnitID: nil)
        #expect(Self.allows(.object, secret, Self.viewer("p1")))
        #expect(Self.allows(.answer, secret, Self.viewer(Fx.officerPerson, roles: [.classifier], officer: true), objection: pending))
        #expect(!Self.allows(.answer, secret, Self.viewer("p1"), objection: pending))
        #expect(Self.allows(.appeal, secret, Self.viewer("p1"), objection: pending))
        #expect(SecretActions.refusal(.appeal, on: secret, by: Self.viewer("p2"), objection: pending, today: Fx.today)?.ruleID == "R-CL-7")
        let appealed = ObjectionState(raisedBy: "p1", status: "appealed", appealUnitID: "admin")
        #expect(Self.allows(.decideAppeal, secret, Self.viewer("staff", unit: "admin", roles: [.administrationStaff], admin: true), objection: appealed))
        #expect(!Self.allows(.decideAppeal, secret, Self.viewer("staff", unit: "admin2", roles: [.administrationStaff], admin: true), objection: appealed))
        #expect(!Self.allows(.appeal, secret, Self.viewer("p1"), objection: appealed))
        // Objection actions are never offered on the secret as a whole.
        #expect(SecretActions.allowed(on: secret, by: Self.viewer("p1"), today: Fx.today).filter(\.isOnObjection).isEmpty)
    }
}

@Suite("定密权管理的办理权限 — AuthorityActions")
struct AuthorityActionsTests {
    @Test("R-AU-5 only a leader, the 保密办 or administration staff of the unit itself act in its name")
    func acting() {
        #expect(AuthorityActions.allowed(actorUnitID: "u", roles: [.leader], unitID: "u").count == 6)
        #expect(AuthorityActions.allowed(actorUnitID: "u", roles: [.handler], unitID: "u").isEmpty)
        #expect(AuthorityActions.allowed(actorUnitID: "admin", roles: [.administrationStaff], unitID: "u").isEmpty)
        #expect(AuthorityActions.refusal(.grant, actorUnitID: "u", roles: [.handler], unitID: "u")?.ruleID == "R-AU-5")
    }

    @Test("R-AU-4 R-AU-3 a grant in force is revoked by its grantor; an application is decided once, by the unit it went to")
    func rows() {
        let grant = Grant(
            id: "g", grantorUnitID: "u", granteeUnitID: "v", cap: .secret, matterScope: "s", validFrom: Fx.today, validUntil: Fx.today.adding(days: 30))
        #expect(AuthorityActions.mayRevoke(grant, by: "u", on: Fx.today))
        #expect(!AuthorityActions.mayRevoke(grant, by: "v", on: Fx.today))
        #expect(!AuthorityActions.mayRevoke(grant, by: "u", on: Fx.today.adding(days: 60)))
        #expect(AuthorityActions.mayDecide(applicationTo: "u", pending: true, by: "u"))
        #expect(!AuthorityActions.mayDecide(applicationTo: "u", pending: false, by: "u"))
        var officer = Fx.officer()
        #expect(AuthorityActions.mayRemove(officer, on: Fx.today))
        officer.removedOn = Fx.today.adding(days: -1)
        #expect(!AuthorityActions.mayRemove(officer, on: Fx.today))
    }
}
