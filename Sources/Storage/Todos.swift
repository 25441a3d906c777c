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

/// How the 待办 counts: exactly up to `cap`, then "`cap` 以上". A 待办 is read, not scrolled — each item links to its
/// register, which pages with its own total — so every count on it stops after `cap` + 1 rows and the home page costs a
/// handful of bounded reads whatever the registers' size (issue 11).
public enum TodoCount {
    /// The largest number the 待办 states exactly.
    public static let cap = 100

    /// `n` as the 待办 states it: "37", or "100 以上" when the count stopped at the cap.
    public static func text(_ n: Int) -> String { n > cap ? "\(cap) 以上" : String(n) }
}

/// A source of to-do items. Each module registers one; the home page shows them all.
public protocol TodoProvider: Sendable {
    /// The items `actor` must act on now. Must only reveal records the actor may see (R-KS-4).
    func items(for actor: Actor, services: Services) async throws -> [TodoItem]
}
