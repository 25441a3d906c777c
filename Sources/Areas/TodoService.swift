import Kernel
import Organisation
import Storage

/// Collects the to-do items of every registered area's providers.
public struct TodoService: Sendable {
    let services: Services

    /// All items for `actor`, urgent first.
    /// The providers' reads share one snapshot (`Database.snapshot`).
    public func items(for actor: Actor) async throws -> [TodoItem] {
        let services = services
        let all = try await services.database.snapshot {
            var all: [TodoItem] = []
            for provider in services.areas.todos {
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
