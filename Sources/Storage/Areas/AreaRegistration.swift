import Foundation
import Kernel
import Organisation

/// What an area hands the application below the web: its migrations, its 待办, its part of the daily sweep, its demo
/// data, the kinds of filing it makes with the administration, and its answers to the questions other areas ask
/// (`HoldingsPort`, `FilingPort`, `TrainingPort`, `DevicePort`, `IncidentPort`, `IndicatorPort`). The application is built from a list of areas; nothing central names an area.
public struct AreaRegistration: Sendable {
    /// The area's name in code (`personnel`), unique in the list.
    public let name: String
    /// Its schema changes; every migration of every area runs in the one global order of their numbers.
    public var migrations: [any Migration]
    /// Its 待办 providers, in the order the home page lists them.
    public var todos: [any TodoProvider]
    /// Its part of the daily sweep, if time moves anything in it.
    public var sweep: SweepStep?
    /// Its demo data, laid on the demo organisation.
    public var demos: [DemoStep]
    /// 备案 — the kinds of filing it makes with the administration.
    public var filingKinds: [FilingKindName]
    /// Its answer to "what does this person still hold?" (R-PE-16), if it keeps things a person holds.
    public var holdings: (any HoldingsPort)?
    /// The filing mechanism itself, answered by the one area that keeps the filings.
    public var filing: (any FilingPort)?
    /// The training register, answered by the one area that keeps it.
    public var training: (any TrainingPort)?
    /// The devices register, answered by the one area that keeps it.
    public var devices: (any DevicePort)?
    /// The incident register, answered by the one area that keeps it (or stands in for it).
    public var incidents: (any IncidentPort)?
    /// Its indicators for a self-assessment over IR 58's 13 areas (R-IN-4), if it can answer some.
    public var indicators: (any IndicatorPort)?

    /// Creates a registration; an area fills in what it has.
    public init(
        name: String, migrations: [any Migration] = [], todos: [any TodoProvider] = [], sweep: SweepStep? = nil, demos: [DemoStep] = [],
        filingKinds: [FilingKindName] = [], holdings: (any HoldingsPort)? = nil, filing: (any FilingPort)? = nil,
        training: (any TrainingPort)? = nil, devices: (any DevicePort)? = nil, incidents: (any IncidentPort)? = nil,
        indicators: (any IndicatorPort)? = nil
    ) {
        self.name = name
        self.migrations = migrations
        self.todos = todos
        self.sweep = sweep
        self.demos = demos
        self.filingKinds = filingKinds
        self.holdings = holdings
        self.filing = filing
        self.training = training
        self.devices = devices
        self.incidents = incidents
        self.indicators = indicators
    }
}

/// An area's part of the daily sweep: what time made due since the last run.
public struct SweepStep: Sendable {
    /// Where it runs among the areas' steps (lower first).
    public let order: Int
    /// Runs the step; what it found, for the log and /metrics.
    public let run: @Sendable (Services) async throws -> SweepResult

    /// Creates a step.
    public init(order: Int, run: @escaping @Sendable (Services) async throws -> SweepResult) {
        self.order = order
        self.run = run
    }
}

/// What one area's sweep did.
public struct SweepResult: Sendable {
    /// One line for the server's log (English, as operators grep it).
    public var log: String
    /// One line for the command line, in Chinese.
    public var chinese: String
    /// Counters to add to (`baomi_sweep_declassified_total` …).
    public var counters: [String: Int]
    /// Gauges to set (`baomi_open_findings` …).
    public var gauges: [String: Int]

    /// Creates a result.
    public init(log: String, chinese: String, counters: [String: Int] = [:], gauges: [String: Int] = [:]) {
        self.log = log
        self.chinese = chinese
        self.counters = counters
        self.gauges = gauges
    }
}

/// An area's demo data.
public struct DemoStep: Sendable {
    /// Where it runs in the seeding order (lower first): an area seeds after those it builds on.
    public let order: Int
    /// Seeds the area's demo data on the demo organisation.
    public let run: @Sendable (Services, DemoContext) async throws -> Void

    /// Creates a step.
    public init(order: Int, run: @escaping @Sendable (Services, DemoContext) async throws -> Void) {
        self.order = order
        self.run = run
    }
}

/// The demo organisation as the areas' demo data needs it.
public struct DemoContext: Sendable {
    /// Unit IDs by unit name.
    public let units: [String: String]
    /// Person IDs by user name.
    public let persons: [String: String]
    /// The acting user of each demo account, by user name.
    public let actors: [String: Actor]
    /// Whether to seed the larger sets (a few hundred carriers): the server's demo; tests leave it off to stay fast.
    public let full: Bool

    /// Creates a context.
    public init(units: [String: String], persons: [String: String], actors: [String: Actor], full: Bool) {
        self.units = units
        self.persons = persons
        self.actors = actors
        self.full = full
    }
}
