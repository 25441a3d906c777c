import Classification
import Foundation
import Kernel
import OrganisationServices
import Storage
import Synchronization

/// Text encodings of classification values for the database (one schema, portable types).
package enum ClassificationCodec {
    package static func period(_ p: SecrecyPeriod?) -> String? { p?.rendered }

    /// The period stored as `text` (its `rendered` form) for a record of `level`. Every row of a register page has
    /// one, and the same few texts (`10年`, `20年`, …) recur: each is parsed once and kept (`parsedPeriods`).
    package static func period(_ text: String?, level: Level) -> SecrecyPeriod? {
        guard let text, !text.isEmpty else { return nil }
        let key = PeriodKey(text: text, level: level)
        if let known = parsedPeriods.withLock({ $0[key] }) { return known }
        let period = parsePeriod(text, level: level)
        parsedPeriods.withLock { cache in if cache.count < periodCacheLimit { cache[key] = period } }
        return period
    }

    /// `period` without the kept results: the marking parser's reading of `text`, or the text as a condition.
    package static func parsePeriod(_ text: String, level: Level) -> SecrecyPeriod {
        (try? Marking.parse("\(level.chinese)★\(text)"))?.period ?? .condition(text)
    }

    struct PeriodKey: Hashable {
        let text: String
        let level: Level
    }

    /// How many stored texts are kept parsed: conditions are free text, so the cache stops growing at this many.
    static let periodCacheLimit = 1_024
    private static let parsedPeriods = Mutex<[PeriodKey: SecrecyPeriod]>([:])

    package static func authority(_ a: AuthorityBasis?) -> String? {
        switch a {
        case .own(let level)?: "own:\(level.code)"
        case .grant(let id, let cap)?: "grant:\(id):\(cap.code)"
        case nil: nil
        }
    }

    package static func authority(_ text: String?) -> AuthorityBasis? {
        guard let parts = text?.split(separator: ":").map(String.init) else { return nil }
        if parts.count == 2, parts[0] == "own", let level = Level(code: parts[1]) { return .own(level) }
        if parts.count == 3, parts[0] == "grant", let level = Level(code: parts[2]) { return .grant(id: parts[1], cap: level) }
        return nil
    }

    package static func basisKind(_ b: ClassificationBasis) -> String {
        switch b {
        case .catalogue: "catalogue"
        case .derived: "derived"
        case .unclear: "unclear"
        }
    }

    /// Lists stored as text joined by a separator that cannot occur in ids or markings.
    package static let separator = "\u{1F}"

    package static func join(_ items: [String]) -> String { items.joined(separator: separator) }

    package static func split(_ text: String) -> [String] { text.isEmpty ? [] : text.components(separatedBy: separator) }
}
