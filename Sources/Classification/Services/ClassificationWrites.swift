import Classification
import Kernel
import Organisation
import SQLKit
import Storage

/// Writes another area makes to the 定密 registers inside its own transaction; the caller audits the operation.
package enum ClassificationWrites {
    /// DM 17(2) / R-PE-7: a leaver's 定密责任人 appointments end, reason `leaving`; returns the officers removed.
    package static func endOfficers(ofPerson personID: String, on day: Day, at millis: Int64, on db: any SQLDatabase) async throws -> [Officer] {
        var removed: [Officer] = []
        for officer in try await AuthorityStore.officers(personID: personID, on: db) where officer.isInOffice(on: day) {
            let ended = try OfficerRules.remove(officer, on: day, reason: .leaving)
            try await AuthorityStore.save(ended, at: millis, on: db)
            removed.append(ended)
        }
        return removed
    }

    /// R-TR-3 / R-AU-5: the training register supplies each officer's training date — a 定密培训 passed moves it on.
    package static func recordClassificationTraining(personID: String, on day: Day, on db: any SQLDatabase) async throws {
        try await AuthorityStore.recordTraining(personID: personID, on: day, on: db)
    }
}
