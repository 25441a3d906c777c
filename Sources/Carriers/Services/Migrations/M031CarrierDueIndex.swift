import SQLKit
import Storage

/// The sweep finds the loans that fell due through the register's due order (`carriers_due`), so the index on the due
/// day alone goes: every carrier written updates one index fewer.
struct M031CarrierDueIndex: Migration {
    let id = 31
    let name = "one due index for carriers"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(["DROP INDEX carriers_due_on"], on: db)
    }
}
