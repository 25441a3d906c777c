import Classification
import Foundation
import Kernel
import OrganisationServices
import Storage

/// Text encodings of classification values for the database (one schema, portable types).
package enum ClassificationCodec {
    package static func period(_ p: SecrecyPeriod?) -> String? { p?.rendered }

    package static func period(_ text: String?, level: Level) -> SecrecyPeriod? {
        guard let text, !text.isEmpty else { return nil }
        return (try? Marking.parse("\(level.chinese)★\(text)"))?.period ?? .condition(text)
    }

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
