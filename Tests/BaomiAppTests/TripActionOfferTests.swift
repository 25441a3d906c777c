import BaomiApp
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

/// The trips register offers a step exactly when the step accepts it: both ask `PersonnelRules.refusal`.
@Suite("出国（境）的可办理事项 — offered exactly when accepted")
struct TripActionOfferTests {
    /// The steps the register offers on a trip, read from its forms.
    static func offered(_ page: WebClient.Page, _ tripID: String) -> Set<TripAction> {
        Set(TripAction.allCases.filter { page.body.contains("action=\"/personnel/trips/\(tripID)/\($0.rawValue)\"") })
    }

    /// What a keeper types into a step's form.
    static func input(_ action: TripAction) -> [(String, String)] {
        switch action {
        case .opinion: [("opinion", "同意，行前进行保密教育")]
        case .report: [("report", "按期回国，未发生泄密事件")]
        default: []
        }
    }

    @Test("R-PE-5 through a trip's whole course, every step the register offers is accepted and every step it does not offer is refused")
    func offers() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let leader = try await world.actor("chenjun")
            let zhoumin = try #require(try await world.actor("zhoumin").person).id
            let today = s.clock.today
            func apply() async throws -> String {
                try await s.personnel.applyTrip(
                    clerk,
                    .init(
                        personID: zhoumin, purpose: .official, destination: "新加坡", reason: "学术交流", departOn: today, returnOn: today.adding(days: 5))
                ).id
            }
            let trip = try await apply()
            let uneducated = try await apply()
            try await testApplication(world).test(.router) { client in
                var keeper = WebClient(client)
                _ = try await keeper.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                var refused = 0
                /// At the trip's present state the register offers exactly `expected`; each step not offered is refused,
                /// and `perform` (offered) are accepted, in order.
                func at(_ id: String, offers expected: Set<TripAction>, perform: [TripAction]) async throws {
                    let page = try await keeper.get("/personnel/trips")
                    let offered = Self.offered(page, id)
                    #expect(offered == expected)
                    for action in TripAction.allCases where !offered.contains(action) {
                        let r = try await keeper.post("/personnel/trips/\(id)/\(action.rawValue)", Self.input(action), csrfFrom: page)
                        #expect(r.status == .conflict, "\(action.rawValue) is not offered, yet answered \(r.status)")
                        refused += 1
                    }
                    for action in perform {
                        #expect(offered.contains(action))
                        let r = try await keeper.post("/personnel/trips/\(id)/\(action.rawValue)", Self.input(action), csrfFrom: page)
                        #expect(r.status == .ok && r.body.contains("已办理"), "\(action.rawValue) is offered, yet answered \(r.status)")
                    }
                }
                try await at(trip, offers: [.opinion, .educate], perform: [.opinion, .educate])
                _ = try await s.personnel.approveTrip(leader, tripID: trip, personnelOpinion: "同意", secrecyOpinion: "", secrecyOrgConsent: "")
                try await at(trip, offers: [.educate, .depart], perform: [.depart])
                try await at(trip, offers: [.returned], perform: [.returned])
                try await at(trip, offers: [.report], perform: [.report])
                try await at(trip, offers: [], perform: [])
                // Approved without the pre-departure education: no departure yet.
                _ = try await s.personnel.approveTrip(leader, tripID: uneducated, personnelOpinion: "同意", secrecyOpinion: "同意", secrecyOrgConsent: "")
                try await at(uneducated, offers: [.educate], perform: [.educate])
                try await at(uneducated, offers: [.educate, .depart], perform: [])
                #expect(refused == 3 + 3 + 4 + 4 + 5 + 4 + 3, "every state visited, every step not offered tried")
            }
        }
    }
}
