import Foundation
import Kernel
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

@Suite("涉密人员的文字字段 — overlong text is refused, naming the field, never cut")
struct PersonnelValidationTests {
    @Test("A note over its limit is refused with the field and the limit, and nothing is written; at the limit it is kept whole")
    func overlongNote() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let clerk = try await world.actor("wangfang")
            let person = try await personID(world, named: "孙涛")
            func commitments() async throws -> Int {
                try await s.database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM commitments WHERE person_id = \(bind: person)").first()!.decode(column: "n", as: Int.self)
                }
            }
            let before = try await commitments()
            do {
                _ = try await s.personnel.recordCommitment(clerk, personID: person, kind: .pledge, signedOn: nil, note: String(repeating: "注", count: 201))
                Issue.record("an overlong note was accepted")
            } catch let e as any DomainError {
                #expect(e.code == "validation.too_long" && e.field == "note" && e.message.contains("200"))
            }
            #expect(try await commitments() == before)
            let whole = String(repeating: "注", count: 200)
            let kept = try await s.personnel.recordCommitment(clerk, personID: person, kind: .pledge, signedOn: nil, note: whole)
            #expect(kept.note == whole)
        }
    }
}
