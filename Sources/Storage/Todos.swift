import Foundation
import Kernel
import Organisation

/// One entry on a person's 待办 (to-do) page.
public struct TodoItem: Sendable, Hashable, Codable {
    /// What must be done.
    public var title: String
    /// Details (counts, deadlines).
    public var detail: String
    /// Where to do it.
    public var link: String
    /// The deadline, if any.
    public var due: Day?
    /// Overdue or urgent.
    public var urgent: Bool

    /// Creates an item; no deadline and not urgent unless given.
    public init(title: String, detail: String, link: String, due: Day? = nil, urgent: Bool = false) {
        self.title = title
        self.detail = detail
        self.link = link
        self.due = due
        self.urgent = urgent
    }
}

/// A source of to-do items. Each module registers one; the home page shows them all.
public protocol TodoProvider: Sendable {
    /// The items `actor` must act on now. Must only reveal records the actor may see (R-KS-4).
    func items(for actor: Actor, services: Services) async throws -> [TodoItem]
}
