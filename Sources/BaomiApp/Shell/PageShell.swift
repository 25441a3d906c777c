/// What the shell around every page shows: the title, the menus as the user sees them, the user's badge, the form token,
/// a flash and an error. A page's view reads `csrf` from it.
package struct PageShell: Sendable {
    let title: String
    let nav: [NavItem]
    /// The open area's menu, grouped (empty outside an area).
    let subnav: [NavGroup]
    let user: UserBadge?
    /// The form token every form posts (`_csrf`).
    package let csrf: String
    let flash: String?
    let error: String?
}
