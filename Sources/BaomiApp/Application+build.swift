import Accounts
import Areas
import Audit
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Logging
import OrganisationServices
import Storage

/// Builds the router with every controller (separate from `@main`, so tests drive it directly).
public func buildRouter(services: Services, views: Views, secureCookies: Bool, metricsToken: String? = nil) -> Router<AppRequestContext> {
    BaomiMetrics.installed
    let router = Router(context: AppRequestContext.self)
    // Requests and latency by route and status, for /metrics.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: AuthMiddleware(services: services, views: views))
    router.add(middleware: APIGate(contract: .published))
    if let publicURL = Bundle.module.url(forResource: "Public", withExtension: nil) {
        router.add(middleware: FileMiddleware(publicURL.path, urlBasePath: "/static", cacheControl: .init([(MediaType(type: .any), [.maxAge(3600)])])))
    }
    HealthController(services: services).register(on: router)
    MetricsController(token: metricsToken).register(on: router)
    LoginController(services: services, views: views, secureCookies: secureCookies).register(on: router)
    HomeController(services: services, views: views).register(on: router)
    AdminController(services: services, views: views).register(on: router)
    SecurityController(services: services, views: views).register(on: router)
    AuditController(services: services, views: views).register(on: router)
    CalendarController(services: services, views: views).register(on: router)
    NoticeController(services: services, views: views).register(on: router)
    MarkingController(services: services, views: views).register(on: router)
    StatisticsController(services: services, views: views).register(on: router)
    SecretController(services: services, views: views).register(on: router)
    AuthorityController(services: services, views: views).register(on: router)
    SupervisionController(services: services, views: views).register(on: router)
    CarrierController(services: services, views: views).register(on: router)
    PersonnelController(services: services, views: views).register(on: router)
    APIController(services: services).register(on: router)
    return router
}

/// Builds the application listening on the configured address.
public func buildApplication(services: Services, configuration: AppConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let views = try await Views.load()
    let router = buildRouter(
        services: services, views: views, secureCookies: configuration.secureCookies, metricsToken: configuration.environment["BAOMI_METRICS_TOKEN"])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Baomi"),
        logger: logger)
}

/// Opens the database and makes the services for a configuration.
public func makeServices(_ configuration: AppConfiguration, clock: BaomiClock = .system, logger: Logger) async throws -> Services {
    // R-SY-3: the audit seal's key and the checkpoint file live outside the database.
    let seal = try AuditSeal.load(
        environment: configuration.environment, file: configuration.dataDirectory.appendingPathComponent("audit.key"))
    AuditSealing.install(seal, anchorFile: configuration.dataDirectory.appendingPathComponent("audit.anchor"))
    let database = try await Database.open(configuration.database, logger: logger)
    return Services(
        database: database, clock: clock, passwordPolicy: .init(systemLevel: configuration.systemLevel),
        idleTimeout: configuration.idleTimeout, bcryptCost: configuration.bcryptCost, reminderLeadDays: configuration.reminderLeadDays)
}
