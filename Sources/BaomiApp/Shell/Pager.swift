import Foundation
import Storage

/// 翻页 — what a register page shows under its table: the total the viewer may see, the order menu, and the links to
/// the pages beside this one (keyset cursors, issue 11). Its view is `Pager.html`.
struct Pager: Sendable {
    /// One choice of the order menu.
    struct Order: Sendable {
        let value: String, label: String, selected: Bool
    }

    /// 共 N 件 (or "1000 件以上").
    let total: String
    /// Rows on this page.
    let shown: Int
    /// The orders the register offers, the current one selected; the menu shows when there is a choice.
    let orders: [Order]
    let hasOrders: Bool
    /// The register's path, for the order menu's form.
    let path: String
    /// The other query fields (filters), kept as hidden inputs when the order changes.
    let hidden: [Order]
    /// 上一页 / 下一页, nil at either end.
    let previous: String?
    let next: String?
}

extension Pager {
    /// The pager of `page` on `path`, keeping the request's filters in its links.
    /// `param` names the query field that carries this list's cursor (a page with two lists gives each its own).
    init<Item>(
        _ page: Storage.Page<Item>, path: String, query: FormData, orders: [(value: String, label: String)], order: String, param: String = "cursor"
    ) {
        total = page.totalIsCapped ? "\(page.cap) 件以上" : "\(page.total) 件"
        shown = page.items.count
        self.orders = orders.map { Order(value: $0.value, label: $0.label, selected: $0.value == order) }
        hasOrders = orders.count > 1
        self.path = path
        let kept = FormData(encoded: query.replacing("cursor", with: nil))
        hidden = [
            "kind", "status", "level", "q", "holder", "basis", "expiring", "derived_from", "review", "flag", "person", "actor", "action", "outcome", "from",
            "to",
        ].compactMap {
            key in
            kept[key].flatMap { $0.isEmpty ? nil : Order(value: $0, label: key, selected: false) }
        }
        previous = page.previous.map { path + "?" + query.replacing(param, with: $0.token) }
        next = page.next.map { path + "?" + query.replacing(param, with: $0.token) }
    }
}
