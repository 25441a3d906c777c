import CarrierServices
import ClassificationServices
import Kernel
import Organisation
import OrganisationServices
import PersonnelServices
import Storage

/// Collects the to-do items of every provider.
public struct TodoService: Sendable {
    let services: Services

    /// Every area's providers, in the order the home page lists them; a new area appends its own.
    public static let providers: [any TodoProvider] = OrganisationTodos.providers + [ClassificationTodos(), CarrierTodos(), PersonnelTodos()]

    /// All items for `actor`, urgent first.
    /// The providers' reads share one snapshot (`Database.snapshot`).
    public func items(for actor: Actor) async throws -> [TodoItem] {
        let services = services
        let all = try await services.database.snapshot {
            var all: [TodoItem] = []
            for provider in Self.providers {
                all += try await provider.items(for: actor, services: services)
            }
            return all
        }
        return all.sorted { ($0.urgent ? 0 : 1, $0.due?.iso ?? "9999") < ($1.urgent ? 0 : 1, $1.due?.iso ?? "9999") }
    }
}

extension Services {
    /// The 待办 list.
    public var todos: TodoService { TodoService(services: self) }
}
