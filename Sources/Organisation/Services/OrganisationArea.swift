import Storage

extension AreaRegistration {
    /// The organisation — units, persons, accounts, calendar, audit log, 涉密通知 — as every deployment has it. Its
    /// schema is the shared one (`Migrations.core`) and its demo is the organisation the other areas' demos build on
    /// (`DemoSeeder`); it hands over its 待办.
    public static let organisation = AreaRegistration(name: "organisation", todos: OrganisationTodos.providers)
}
