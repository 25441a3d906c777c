import Accounts
import Kernel
import Testing

@Suite("知悉范围与涉密等级 — the access decision")
struct AccessPolicyTests {
    let item = ProtectedItem(sensitivity: .stateSecret(.confidential), scopePersonIDs: ["p1", "p2"])

    @Test("R-KS-4 a person in scope with a covering clearance may read")
    func inScopeCleared() {
        #expect(AccessPolicy.canRead(Viewer(userID: "u", personID: "p1", tier: .important), item))
        #expect(AccessPolicy.canRead(Viewer(userID: "u", personID: "p2", tier: .core), item))
    }

    @Test("R-KS-4 a person in scope without a covering clearance may not read", arguments: [ClearanceTier.general, .none])
    func inScopeNotCleared(tier: ClearanceTier) {
        #expect(!AccessPolicy.canRead(Viewer(userID: "u", personID: "p1", tier: tier), item))
    }

    @Test("R-KS-4 a cleared person outside the scope may not read")
    func clearedOutsideScope() {
        #expect(!AccessPolicy.canRead(Viewer(userID: "u", personID: "p9", tier: .core), item))
    }

    @Test("R-SY-2 an account without a person reads nothing, whatever its role")
    func noPerson() {
        #expect(!AccessPolicy.canRead(Viewer(userID: "admin", personID: nil, tier: .core), item))
        #expect(AccessPolicy.ceilingRank(Viewer(userID: "admin", personID: nil, tier: .core)) == 0)
    }

    @Test("R-SY-2 the SQL ceiling matches the clearance tiers", arguments: ClearanceTier.allCases)
    func ceilingRank(tier: ClearanceTier) {
        let rank = AccessPolicy.ceilingRank(Viewer(userID: "u", personID: "p1", tier: tier))
        for level in Level.allCases {
            let probe = ProtectedItem(sensitivity: .stateSecret(level), scopePersonIDs: ["p1"])
            #expect(AccessPolicy.canRead(Viewer(userID: "u", personID: "p1", tier: tier), probe) == (level.rawValue <= rank))
        }
    }
}

@Suite("单位类别 — unit kinds")
struct UnitKindTests {
    @Test("Unit kind codes round-trip and administrations are recognised")
    func codes() {
        for kind in UnitKind.all {
            #expect(UnitKind(code: kind.code) == kind)
        }
        #expect(UnitKind.administration(.city).isAdministration)
        #expect(!UnitKind.cityOrgan.isAdministration)
        #expect(UnitKind(code: "bogus") == nil)
    }
}
