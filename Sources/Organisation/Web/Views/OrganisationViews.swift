/// The organisation and shell pages as Swift views: 待办, login, password, the calendar, the notices, the audit log, the
/// administrator's and the security officer's pages.
enum OrganisationViews {}
