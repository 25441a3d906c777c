import SQLKit

/// 检索: a word of a 涉密通知's title, or of a person's name, is found through a trigram index on both databases
/// (`TextSearch`), not by reading the table.
struct M027DirectorySearch: Migration {
    let id = 27
    let name = "notice and person search indexes"

    func prepare(on db: any SQLDatabase) async throws {
        try await TextSearch.createIndex(table: "classified_notices", columns: ["title"], on: db)
        try await TextSearch.createIndex(table: "persons", columns: ["name"], on: db)
    }
}
