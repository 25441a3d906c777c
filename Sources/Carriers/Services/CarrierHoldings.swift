import Carriers
import Kernel
import Organisation
import SQLKit
import Storage

/// R-PE-16: the carrier area's answer to "what does this person still hold?" — carriers and media held, kept or used,
/// not returned, destroyed, dispatched or lost.
struct CarrierHoldings: HoldingsPort {
    let field = "carriers"
    let what = "件涉密载体、介质未清退或移交"

    func count(ofPerson personID: String, on db: any SQLDatabase) async throws -> Int {
        try await CarrierStore.outstandingCount(ofPerson: personID, on: db)
    }

    func visible(_ actor: Actor, ofPerson personID: String, services: Services) async throws -> (count: Int, items: [HeldItem]) {
        let known = try await services.carriers.outstandingVisible(actor, personID: personID)
        return (known.count, known.first.map { HeldItem(id: $0.id, number: $0.number, title: $0.title, status: $0.status.chinese) })
    }
}
