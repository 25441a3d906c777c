/// What the shell around every page shows: the title, the menus as the user sees them, the user's badge, the form token,
/// a flash and an error. A page's view reads `csrf` from it.
struct PageShell: Sendable {
    let title: String
    let nav: [NavItem]
    /// The open area's menu, grouped (empty outside an area).
    let subnav: [NavGroup]
    let user: UserBadge?
    let csrf: String
    let flash: String?
    let error: String?
}

extension Page {
    /// The shell of this page, without its content.
    var shell: PageShell { PageShell(title: title, nav: nav, subnav: subnav, user: user, csrf: csrf, flash: flash, error: error) }
}

/// A page's Swift view under the name its template had, while pages move from templates to views: the model is taken
/// as the view's own type, and a model of another type is not this view's.
struct ViewEntry: Sendable {
    let render: @Sendable (Any, PageShell) -> HTML?

    /// The view `body` for models of type `M`.
    static func view<M>(_ body: @escaping @Sendable (M, PageShell) -> HTML) -> ViewEntry {
        ViewEntry { model, shell in (model as? M).map { body($0, shell) } }
    }
}

/// The pages already written as Swift views, by their templates' names.
enum SwiftViews {
    static let entries: [String: ViewEntry] = CarrierViews.entries.merging(ClassificationViews.entries) { a, _ in a }
        .merging(PersonnelViews.entries) { a, _ in a }.merging(OrganisationViews.entries) { a, _ in a }.merging(ShellViews.entries) { a, _ in a }
}
