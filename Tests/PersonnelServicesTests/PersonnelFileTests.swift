import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// The personnel file reads only its lists that hold something (issue 12); it must still hold every one that does.
@Suite("涉密人员档案 — every list of the file")
struct PersonnelFileTests {
    /// The rows of `table` for `person`, as many as the file shows at most.
    static func count(_ table: String, _ person: String, cap: Int, on db: any SQLDatabase) async throws -> Int {
        let n = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE person_id = \(bind: person)").first()?.decode(column: "n", as: Int.self) ?? 0
        return min(n, cap)
    }

    @Test("R-PE-15 each person's file holds every review, commitment, trip, event, departure, year of hours, course and restriction kept of them")
    func everyList() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let unit = try #require(clerk.person).unitID
            let persons = try await s.database.read { db in
                try await db.raw("SELECT id FROM persons WHERE unit_id = \(bind: unit) ORDER BY id").all().map { try $0.decode(column: "id", as: String.self) }
            }
            #expect(persons.count > 5)
            // The demo records no restriction (R-PE-14); one person gets one.
            _ = try await s.personnel.recordRights(
                clerk, RightsRecord(id: "", personID: persons[0], restriction: "脱密期内不得出境", measure: "按规定给予补偿", recordedOn: s.clock.today))
            var seen: [String: Int] = [:]
            for person in persons {
                let file = try await s.personnel.file(clerk, personID: person)
                // The standing comes from the same statement as the probes: there exactly when the register keeps one.
                let standing = try await s.database.read { db in try await Self.count("cleared_persons", person, cap: 1, on: db) }
                #expect(file.record.map { $0.personID == person ? 1 : -1 } ?? 0 == standing, "standing of \(person)")
                if file.record != nil { seen["cleared_persons", default: 0] += 1 }
                let shown: [(String, Int, Int)] = [
                    ("personnel_reviews", file.reviews.count, 200), ("commitments", file.commitments.count, 200), ("trips", file.trips.count, 200),
                    ("reportable_events", file.events.count, 200), ("departures", file.departures.count, 20), ("training_hours", file.hours.count, 50),
                    ("external_courses", file.external.count, 200), ("rights_records", file.rights.count, 200),
                ]
                for (table, count, cap) in shown {
                    let kept = try await s.database.read { db in try await Self.count(table, person, cap: cap, on: db) }
                    #expect(count == kept, "\(table) of \(person): the file shows \(count), the table keeps \(kept)")
                    if count > 0 { seen[table, default: 0] += 1 }
                }
            }
            // The demo unit has some of every kind, so each part above was read at least once and found empty at least once.
            for table in [
                "cleared_persons", "personnel_reviews", "commitments", "trips", "reportable_events", "departures", "training_hours", "external_courses",
                "rights_records",
            ] {
                #expect((1..<persons.count).contains(seen[table] ?? 0), "\(table): \(seen[table] ?? 0) of \(persons.count) files")
            }
        }
    }
}
