import SQLKit
import Storage

/// 检索: a word of a carrier's title, its number or its 文号 is found through a trigram index on both databases
/// (`TextSearch`), not by reading the register.
struct M025CarrierSearch: Migration {
    let id = 25
    let name = "carrier search index"

    func prepare(on db: any SQLDatabase) async throws {
        try await TextSearch.createIndex(table: "carriers", columns: CarrierStore.searched, on: db)
    }
}
