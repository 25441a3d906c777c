import Accounts
import Carriers
import Kernel
import Organisation
import Testing

@Suite("国家秘密载体 — custody hand-over")
struct CarrierHandoverTests {
    let clerk = CarrierViewer(personID: "p9", unitID: "u1", roles: [.secrecyClerk])

    func successor(_ tier: ClearanceTier = .important, unit: String = "u1", id: String = "p2") -> Person {
        Person(id: id, unitID: unit, departmentID: nil, name: "接收人", tier: tier)
    }

    func outcome(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "allowed"
        } catch let e as Refusal {
            return [e.code, e.ruleID].compactMap { $0 }.joined(separator: " ")
        } catch { return "\(error)" }
    }

    @Test("R-CA-15 every kept carrier passes to a named, cleared successor of the unit on a list signed by both")
    func handOver() throws {
        var medium = sample(.secret)
        medium.id = "c2"
        medium.kind = .medium
        medium.custodianPersonID = "p9"
        medium.medium = MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: "p1")
        let kept = [sample(.confidential), medium]
        let moved = try CarrierRules.handedOver(kept, from: "p1", to: successor(), leaverSigned: "李某", successorSigned: "王某", by: clerk)
        #expect(moved[0].custodianPersonID == "p2" && moved[1].custodianPersonID == "p9" && moved[1].medium?.userPersonID == "p2")
        #expect(
            outcome { _ = try CarrierRules.handedOver(kept, from: "p1", to: successor(.general), leaverSigned: "李某", successorSigned: "王某", by: clerk) }
                == "carrier.successor_clearance R-CA-15")
        #expect(
            outcome { _ = try CarrierRules.handedOver(kept, from: "p1", to: successor(), leaverSigned: "李某", successorSigned: " ", by: clerk) }
                == "validation.invalid R-CA-15")
        #expect(
            outcome {
                _ = try CarrierRules.handedOver(
                    kept, from: "p1", to: successor(), leaverSigned: String(repeating: "李", count: 31), successorSigned: "王某", by: clerk)
            } == "validation.invalid R-CA-15", "a signature is a name, not a text")
        #expect(
            outcome { _ = try CarrierRules.handedOver(kept, from: "p1", to: successor(unit: "u2"), leaverSigned: "李某", successorSigned: "王某", by: clerk) }
                == "validation.invalid R-CA-15")
        #expect(
            outcome { _ = try CarrierRules.handedOver(kept, from: "p1", to: successor(id: "p1"), leaverSigned: "李某", successorSigned: "王某", by: clerk) }
                == "validation.invalid R-CA-15")
        #expect(
            outcome { _ = try CarrierRules.handedOver([], from: "p1", to: successor(), leaverSigned: "李某", successorSigned: "王某", by: clerk) }
                == "carrier.nothing_to_hand_over R-CA-15")
        let handler = CarrierViewer(personID: "p3", unitID: "u1", roles: [.handler])
        #expect(
            outcome { _ = try CarrierRules.handedOver(kept, from: "p1", to: successor(), leaverSigned: "李某", successorSigned: "王某", by: handler) }
                == "carrier.clerk_required")
    }
}
