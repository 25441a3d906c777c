import CarrierServices
import ClassificationServices
import OrganisationServices
import PersonnelServices
import Storage

/// A realistic demo organisation for a newcomer to click through (`baomi serve --demo`): the organisation first,
/// then each area's demo data on top of it, in the order the areas depend on each other.
public enum DemoSeeder {
    /// A demo login.
    public typealias Login = OrganisationDemo.Login
    /// What was seeded: the one demo password and the logins.
    public typealias Report = OrganisationDemo.Report

    /// Seeds the demo unless it is already there. Returns nil if it was seeded before. `carriers` adds a few hundred
    /// carriers (the server's demo; tests that need no carriers leave it off to stay fast).
    public static func seed(_ services: Services, password: String?, carriers: Bool = false) async throws -> Report? {
        guard let seeded = try await OrganisationDemo.seed(services, password: password) else { return nil }
        try await ClassificationDemo.seed(services, units: seeded.units, persons: seeded.persons, actors: seeded.actors)
        if carriers { try await CarrierDemo.seed(services, persons: seeded.persons, actors: seeded.actors) }
        try await PersonnelDemo.seed(services, persons: seeded.persons, actors: seeded.actors, carriers: carriers)
        return seeded.report
    }
}
