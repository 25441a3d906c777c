import SQLKit
import Storage

/// 检索: a word of a secret's title is found through a trigram index on both databases (`TextSearch`), not by reading
/// the register.
struct M026SecretSearch: Migration {
    let id = 26
    let name = "secret search index"

    func prepare(on db: any SQLDatabase) async throws {
        try await TextSearch.createIndex(table: "secrets", columns: ClassificationStore.searched, on: db)
    }
}
