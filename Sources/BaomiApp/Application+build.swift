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

/// Builds the router: the shell (health, metrics, login, the 待办) and every area's pages and API (separate from
/// `@main`, so tests drive it directly). `areas` must be those `services` were made with.
public func buildRouter(
    areas: [Area] = Area.standard, services: Services, views: Views, secureCookies: Bool, metricsToken: String? = nil
) -> Router<AppRequestContext> {
    precondition(areas.map(\.registration.name) == services.areas.areas.map(\.name), "the router's areas are not the services' areas")
    BaomiMetrics.installed
    let router = Router(context: AppRequestContext.self)
    // Requests and latency by route and status, for /metrics.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: AuthMiddleware(services: services, views: views))
    let contract = OpenAPIValidator(areas: areas)
    router.add(middleware: APIGate(contract: contract, authorization: APIAuthorization(areas: areas)))
    if let publicURL = Bundle.module.url(forResource: "Public", withExtension: nil) {
        router.add(middleware: FileMiddleware(publicURL.path, urlBasePath: "/static", cacheControl: .init([(MediaType(type: .any), [.maxAge(3600)])])))
    }
    HealthController(services: services).register(on: router)
    MetricsController(token: metricsToken).register(on: router)
    LoginController(services: services, views: views, secureCookies: secureCookies).register(on: router)
    HomeController(services: services, views: views).register(on: router)
    let shell = Shell(services: services, views: views)
    for area in areas { area.pages(router, shell) }
    APIController(services: services).register(on: router, areas: areas, document: contract.document)
    return router
}

/// Builds the application listening on the configured address, with `areas` (those `services` were made with).
public func buildApplication(
    areas: [Area] = Area.standard, services: Services, configuration: AppConfiguration, logger: Logger
) async throws -> some ApplicationProtocol {
    let views = try await Views.load(areas: areas)
    let router = buildRouter(
        areas: areas, services: services, views: views, secureCookies: configuration.secureCookies,
        metricsToken: configuration.environment["BAOMI_METRICS_TOKEN"])
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Baomi"),
        logger: logger)
}

/// Opens the database and makes the services for a configuration, with `areas` registered.
public func makeServices(
    _ configuration: AppConfiguration, areas: [Area] = Area.standard, clock: BaomiClock = .system, logger: Logger
) async throws -> Services {
    // The data directory is the service account's alone, and whatever it creates from here on (R-SY-2).
    DataDirectory.warn(try DataDirectory.prepare(configuration.dataDirectory), logger: logger)
    // R-SY-3: the audit seal's key and the checkpoint file live outside the database.
    let seal = try AuditSeal.load(
        environment: configuration.environment, file: configuration.dataDirectory.appendingPathComponent("audit.key"))
    AuditSealing.install(seal)
    let database = try await Database.open(configuration.database, logger: logger)
    // 检索: on PostgreSQL, Chinese is searched by index only in a database with a UTF-8 LC_CTYPE.
    if let problem = try await database.read({ db in try await TextSearch.ctypeProblem(on: db) }) { logger.warning("\(problem)") }
    return Services(
        database: database, areas: areas.registry, clock: clock, passwordPolicy: .init(systemLevel: configuration.systemLevel),
        idleTimeout: configuration.idleTimeout, bcryptCost: configuration.bcryptCost, reminderLeadDays: configuration.reminderLeadDays,
        checkpointFile: configuration.dataDirectory.appendingPathComponent("audit.anchor"))
}
