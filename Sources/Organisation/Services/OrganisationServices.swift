import Storage

/// The foundation area's services, reached as `services.auth`, `services.accounts`, ….
extension Services {
    /// Login, sessions, tokens, passwords.
    public var auth: AuthService { AuthService(services: self) }
    /// Accounts, roles, clearances (三员).
    public var accounts: AccountService { AccountService(services: self) }
    /// Units, departments, persons.
    public var organisation: OrganisationService { OrganisationService(services: self) }
    /// The audit log.
    public var audit: AuditService { AuditService(services: self) }
    /// The working-day calendar.
    public var calendar: CalendarService { CalendarService(services: self) }
    /// 涉密通知, the sample protected record.
    public var notices: NoticeService { NoticeService(services: self) }
}
