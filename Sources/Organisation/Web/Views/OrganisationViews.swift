/// The organisation and shell pages as Swift views: 待办, login, password, the calendar, the notices, the audit log, the
/// administrator's and the security officer's pages, and the error page.
enum OrganisationViews {}

extension OrganisationViews {
    /// The organisation pages by their templates' names. The error page is not here: `Views.errorPage` renders it with
    /// a dictionary model; its view is `error(message:)`.
    static let entries: [String: ViewEntry] = [
        "organisation/audit": .view(audit),
        "organisation/calendar": .view(calendar),
        "organisation/home": .view(home),
        "organisation/login": .view(login),
        "organisation/notice": .view(notice),
        "organisation/notice_new": .view(noticeNew),
        "organisation/notices": .view(notices),
        "organisation/password": .view(password),
        "organisation/security": .view(security),
        "organisation/units": .view(units),
        "organisation/users": .view(users),
    ]
}
