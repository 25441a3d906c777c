import SQLKit
import Storage

/// Issue 12 (R-PE-11, R-CA-9): a carrier carried out abroad keeps its 出境许可证 number while out, so a trip abroad can
/// check that each carrier it takes was carried out by the traveller with a permit.
struct M023CarrierExitPermit: Migration {
    let id = 23
    let name = "carrier exit permit"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(["ALTER TABLE carriers ADD COLUMN exit_permit TEXT"], on: db)
    }
}
