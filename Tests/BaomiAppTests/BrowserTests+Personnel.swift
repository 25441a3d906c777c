import Areas
import BaomiApp
import CarrierServices
import Carriers
import Foundation
import HummingbirdTesting
import Kernel
import Organisation
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// The personnel walk runs in the same serialized suite: one browser at a time on two cores.
extension BrowserTests {
    @Test(
        "R-PE-2 R-PE-5 R-PE-7 R-PE-16 R-CA-15 appointment after review, training, a trip refused by the leader, an event, a refused departure, the hand-over and its printed list, the 脱密期 — in chromium",
        .enabled(if: BrowserTests.required || BrowserTests.available))
    func personnelWalk() async throws {
        #expect(BrowserTests.available, "BAOMI_BROWSER_TESTS=1 but chromium or playwright is missing")
        try await TestWorld.with { world in
            // The leaver of the demo's open departure still uses a medium (the demo without the carrier register).
            let clerk = try await world.actor("wangfang")
            let leaver = try await world.services.database.read { db in
                try #require(try await db.raw("SELECT id FROM persons WHERE name = '孙涛'").first()).decode(column: "id", as: String.self)
            }
            _ = try await world.services.carriers.receive(
                clerk,
                CarrierInput(
                    kind: .medium, title: "孙涛的涉密U盘", documentNumber: "", originatingUnit: "保密办", marking: "秘密", copies: 1,
                    scope: [leaver, try #require(clerk.person).id],
                    medium: MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: leaver)),
                check: .init(
                    packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: ["001"], foundSerials: ["001"], markedLevel: .secret,
                    listedLevel: .secret, addresseeMatches: true))
            let app = try await testApplication(world)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let out = BrowserTests.root.appendingPathComponent("test-output/browser/\(TestDatabase.engineName)/personnel-walk").path
                let script = BrowserTests.root.appendingPathComponent("Tests/browser/walk_personnel.py").path
                var arguments = ["python3", script, "--base-url", "http://127.0.0.1:\(port)", "--password", TestPasswords.demo, "--out", out]
                if let otp = try await world.otp("wangfang") { arguments += ["--otp", otp] }
                if let otp = try await world.otp("chenjun") { arguments += ["--leader-otp", otp] }
                let result = try await BrowserTests.runAsync(arguments)
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("PERSONNEL WALK OK"))
                #expect(FileManager.default.fileExists(atPath: out + "/10-handover-list.png"))
                // What the browser did is in the registers: 孙涛 in his 脱密期, 吴昊 in post.
                let file = try await world.services.personnel.file(clerk, personID: leaver)
                #expect(file.record?.status == .declearing && file.departures.first?.completedOn != nil)
                let wuhao = try await world.services.database.read { db in
                    try #require(try await db.raw("SELECT id FROM persons WHERE name = '吴昊'").first()).decode(column: "id", as: String.self)
                }
                let trips = try await world.services.personnel.file(clerk, personID: wuhao).trips
                #expect(trips.contains { $0.status == .refused && $0.refusalReason == "新任涉密岗位未满一年，暂缓出境" })
            }
        }
    }
}
