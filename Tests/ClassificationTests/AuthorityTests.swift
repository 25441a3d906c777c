import Accounts
import Classification
import Kernel
import Testing

@Suite("定密权与定密授权 — authority and grants")
struct AuthorityTests {
    func grant(cap: Level, from: Day = Day(year: 2026, month: 1, day: 1)!, until: Day = Day(year: 2028, month: 12, day: 31)!) -> Grant {
        Grant(id: "g1", grantorUnitID: "grantor", granteeUnitID: "grantee", cap: cap, matterScope: "海洋监测工程建设中的涉密事项", validFrom: from, validUntil: until)
    }

    @Test("R-AU-2 central and provincial organs grant up to 绝密; city organs only 机密 and 秘密; administrations where no one else can")
    func whoMayGrant() throws {
        try AuthorityRules.checkGrant(
            grantorKind: .centralOrgan, grantorOwnCap: .topSecret, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .topSecret))
        try AuthorityRules.checkGrant(
            grantorKind: .provincialOrgan, grantorOwnCap: .topSecret, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .topSecret))
        try AuthorityRules.checkGrant(
            grantorKind: .cityOrgan, grantorOwnCap: .confidential, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .confidential))
        #expect(throws: ClassificationError.grantorNotEntitled(kind: UnitKind.cityOrgan.chinese, requested: .topSecret)) {
            try AuthorityRules.checkGrant(
                grantorKind: .cityOrgan, grantorOwnCap: .topSecret, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .topSecret))
        }
        try AuthorityRules.checkGrant(
            grantorKind: .administration(.provincial), grantorOwnCap: nil, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .topSecret))
        for kind in [UnitKind.otherOrgan, .enterprise, .institution, .administration(.city), .administration(.county)] {
            #expect(throws: ClassificationError.self) {
                try AuthorityRules.checkGrant(grantorKind: kind, grantorOwnCap: .secret, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .secret))
            }
        }
    }

    @Test("R-AU-2 a grant never exceeds the grantor's own authority")
    func notAboveGrantor() {
        #expect(throws: ClassificationError.grantAboveGrantorAuthority(grantor: .confidential, requested: .topSecret)) {
            try AuthorityRules.checkGrant(
                grantorKind: .provincialOrgan, grantorOwnCap: .confidential, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .topSecret))
        }
        #expect(throws: ClassificationError.grantAboveGrantorAuthority(grantor: nil, requested: .secret)) {
            try AuthorityRules.checkGrant(grantorKind: .centralOrgan, grantorOwnCap: nil, grantorHoldsOnlyGrantedAuthority: false, grant: grant(cap: .secret))
        }
    }

    @Test("R-AU-2 a grantee may not re-delegate")
    func noReDelegation() {
        #expect(throws: ClassificationError.reDelegation) {
            try AuthorityRules.checkGrant(
                grantorKind: .provincialOrgan, grantorOwnCap: .confidential, grantorHoldsOnlyGrantedAuthority: true, grant: grant(cap: .secret))
        }
    }

    @Test("R-AU-3 a grant states grantee, matter scope and a term; filings go to the right administration")
    func grantContentsAndFiling() {
        var g = grant(cap: .secret)
        g.matterScope = " "
        #expect(throws: ClassificationError.grantIncomplete(field: "matter_scope", what: "授权事项范围")) {
            try AuthorityRules.checkGrant(grantorKind: .centralOrgan, grantorOwnCap: .topSecret, grantorHoldsOnlyGrantedAuthority: false, grant: g)
        }
        var h = grant(cap: .secret, from: Day(year: 2027, month: 1, day: 1)!, until: Day(year: 2026, month: 1, day: 1)!)
        #expect(throws: ClassificationError.self) {
            try AuthorityRules.checkGrant(grantorKind: .centralOrgan, grantorOwnCap: .topSecret, grantorHoldsOnlyGrantedAuthority: false, grant: h)
        }
        h = grant(cap: .secret)
        h.granteeUnitID = ""
        #expect(throws: ClassificationError.self) {
            try AuthorityRules.checkGrant(grantorKind: .centralOrgan, grantorOwnCap: .topSecret, grantorHoldsOnlyGrantedAuthority: false, grant: h)
        }
        #expect(AuthorityRules.grantFilingLevel(grantorKind: .centralOrgan) == .national)
        #expect(AuthorityRules.grantFilingLevel(grantorKind: .provincialOrgan) == .national)
        #expect(AuthorityRules.grantFilingLevel(grantorKind: .cityOrgan) == .provincial)
    }

    @Test("R-AU-4 a grant authorises nothing after its term or from its revocation")
    func expiryAndRevocation() {
        var g = grant(cap: .confidential, until: Day(year: 2026, month: 12, day: 31)!)
        #expect(g.isInForce(on: Day(year: 2026, month: 12, day: 31)!))
        #expect(!g.isInForce(on: Day(year: 2027, month: 1, day: 1)!))
        #expect(!g.isInForce(on: Day(year: 2025, month: 12, day: 31)!))
        g.revokedOn = Day(year: 2026, month: 6, day: 1)!
        #expect(g.isInForce(on: Day(year: 2026, month: 5, day: 31)!))
        #expect(!g.isInForce(on: Day(year: 2026, month: 6, day: 1)!))
        #expect(AuthorityRules.authority(for: .secret, ownCap: nil, grants: [g], unitID: "grantee", on: Day(year: 2026, month: 7, day: 1)!) == nil)
    }

    @Test("R-AU-1 own authority first, else a grant in force that covers the level, else none")
    func resolution() {
        let g = grant(cap: .confidential)
        let day = Day(year: 2026, month: 11, day: 23)!
        #expect(AuthorityRules.authority(for: .secret, ownCap: .secret, grants: [g], unitID: "grantee", on: day) == .own(.secret))
        #expect(AuthorityRules.authority(for: .confidential, ownCap: .secret, grants: [g], unitID: "grantee", on: day) == .grant(id: "g1", cap: .confidential))
        #expect(AuthorityRules.authority(for: .topSecret, ownCap: .secret, grants: [g], unitID: "grantee", on: day) == nil)
        #expect(AuthorityRules.authority(for: .secret, ownCap: nil, grants: [g], unitID: "someone-else", on: day) == nil)
        #expect(AuthorityRules.unitCap(ownCap: .secret, grants: [g], unitID: "grantee", on: day) == .confidential)
    }
}

@Suite("定密责任人 — officers")
struct OfficerTests {
    @Test("R-AU-5 an officer's cap is not above the unit's")
    func capNotAboveUnit() throws {
        try OfficerRules.checkAppointment(cap: .confidential, unitCap: .confidential, personTier: .important, alreadyInOffice: false)
        #expect(throws: ClassificationError.officerCapAboveUnit(officer: .topSecret, unit: .confidential)) {
            try OfficerRules.checkAppointment(cap: .topSecret, unitCap: .confidential, personTier: .core, alreadyInOffice: false)
        }
        #expect(throws: ClassificationError.self) { try OfficerRules.checkAppointment(cap: .secret, unitCap: nil, personTier: .core, alreadyInOffice: false) }
    }

    @Test("Issue 9 #5: R-AU-5 / R-SY-2 an officer is cleared for the cap and appointed once")
    func officerClearedAndUnique() throws {
        #expect(throws: Refusal.self) {
            try OfficerRules.checkAppointment(cap: .confidential, unitCap: .confidential, personTier: .none, alreadyInOffice: false)
        }
        #expect(throws: Refusal.self) {
            try OfficerRules.checkAppointment(cap: .confidential, unitCap: .topSecret, personTier: .general, alreadyInOffice: false)
        }
        do {
            try OfficerRules.checkAppointment(cap: .secret, unitCap: .confidential, personTier: .core, alreadyInOffice: true)
            Issue.record("a second appointment of a person in office was accepted")
        } catch let refusal as Refusal {
            #expect(refusal.code == "classification.officer_already_in_office" && refusal.kind == .conflict)
        }
        try OfficerRules.checkCanReceive(officerTier: .important, level: .confidential)
        #expect(throws: Refusal.self) { try OfficerRules.checkCanReceive(officerTier: .general, level: .confidential) }
    }

    @Test("R-AU-5 an officer approves only after training, while in office, within the cap")
    func canApprove() throws {
        let day = Fx.today
        try OfficerRules.checkCanApprove(Fx.officer(), level: .confidential, on: day)
        #expect(throws: ClassificationError.officerUntrained) { try OfficerRules.checkCanApprove(Fx.officer(trained: nil), level: .secret, on: day) }
        #expect(throws: ClassificationError.officerUntrained) {
            try OfficerRules.checkCanApprove(Fx.officer(trained: day.adding(days: 1)), level: .secret, on: day)
        }
        #expect(throws: ClassificationError.officerCapTooLow(officer: .confidential, level: .topSecret)) {
            try OfficerRules.checkCanApprove(Fx.officer(), level: .topSecret, on: day)
        }
        let removed = try OfficerRules.remove(Fx.officer(), on: day, reason: .leaving)
        #expect(throws: ClassificationError.officerNotInOffice) { try OfficerRules.checkCanApprove(removed, level: .secret, on: day) }
    }

    @Test("R-AU-5 a removal needs one of the DM 17 reasons")
    func removalReasons() throws {
        #expect(throws: ClassificationError.removalReasonRequired) { try OfficerRules.remove(Fx.officer(), on: Fx.today, reason: nil) }
        #expect(RemovalReason.allCases.count == 4)
        let removed = try OfficerRules.remove(Fx.officer(), on: Fx.today, reason: .administrationAdvice)
        #expect(removed.removalReason == .administrationAdvice)
        #expect(removed.isInOffice(on: Fx.today.adding(days: -1)))
    }
}

@Suite("国家秘密事项一览表 — catalogue")
struct CatalogueTests {
    @Test("R-AU-6 an item states name, level, period, scope, 产生层级 and source; its period obeys the period rules")
    func validation() throws {
        try CatalogueRules.validate(Fx.item)
        var missing = Fx.item
        missing.productionLevel = ""
        #expect(throws: ClassificationError.catalogueIncomplete(field: "production_level", what: "产生层级")) { try CatalogueRules.validate(missing) }
        var tooLong = Fx.item
        tooLong.period = .years(25)
        #expect(throws: ClassificationError.self) { try CatalogueRules.validate(tooLong) }
        var longTerm = Fx.item
        longTerm.period = .longTerm
        #expect(throws: ClassificationError.self) { try CatalogueRules.validate(longTerm) }
        longTerm.allowance = PeriodAllowance(allowsLongTerm: true)
        try CatalogueRules.validate(longTerm)
    }

    @Test("R-AU-6 a revision keeps the item and counts up")
    func revision() throws {
        var changed = Fx.item
        changed.period = .years(5)
        let revised = try CatalogueRules.revise(Fx.item, with: changed)
        #expect(revised.revision == 2)
        #expect(revised.id == Fx.item.id)
        #expect(revised.period == .years(5))
    }
}
