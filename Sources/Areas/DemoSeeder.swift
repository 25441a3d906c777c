import OrganisationServices
import Storage

/// A realistic demo organisation for a newcomer to click through (`baomi serve --demo`): the organisation first,
/// then each registered area's demo data on top of it, in the areas' seeding order (`DemoStep.order`).
public enum DemoSeeder {
    /// A demo login.
    public typealias Login = OrganisationDemo.Login
    /// What was seeded: the one demo password and the logins.
    public typealias Report = OrganisationDemo.Report

    /// Seeds the demo unless it is already there. Returns nil if it was seeded before. `full` adds the larger sets (a
    /// few hundred carriers: the server's demo; tests that need none leave it off to stay fast).
    public static func seed(_ services: Services, password: String?, full: Bool = false) async throws -> Report? {
        guard let seeded = try await OrganisationDemo.seed(services, password: password) else { return nil }
        let context = DemoContext(units: seeded.units, persons: seeded.persons, actors: seeded.actors, full: full)
        for step in services.areas.demos { try await step.run(services, context) }
        return seeded.report
    }
}
