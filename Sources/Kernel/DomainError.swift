import Foundation

/// How a refusal maps onto the edges (HTTP status, CLI exit). The mapping itself lives in one place per edge.
public enum FailureKind: String, Sendable, Codable {
    /// 400 — a field is invalid; `field` names it.
    case validation
    /// 401 — not logged in, bad credentials, session expired.
    case unauthenticated
    /// 403 — the action is not allowed for this account; only where existence is not secret.
    case forbidden
    /// 404 — missing, or not visible (R-KS-4: a denied read looks exactly like a missing record).
    case notFound
    /// 409 — conflicts with the current state (duplicate, wrong status, locked account).
    case conflict
}

/// A refusal by a rule of the domain. Every area's error enum conforms, so the edges can render
/// any of them the same way: a stable machine `code`, the `ruleID` it enforces, the `field` at fault
/// and a Chinese `message` for the user.
public protocol DomainError: Error, Sendable {
    /// Stable machine code for the API, e.g. `marking.period_over_limit`.
    var code: String { get }
    /// The RULEBOOK rule the refusal enforces (`R-DU-1`), if any.
    var ruleID: String? { get }
    /// The input field at fault, if the refusal is about one field.
    var field: String? { get }
    /// The message shown to users, in Simplified Chinese, naming the rule where there is one.
    var message: String { get }
    /// How edges map the refusal.
    var kind: FailureKind { get }
}

extension DomainError {
    /// The message with the rule ID appended in brackets — what the UI shows.
    public var messageWithRule: String {
        guard let ruleID else { return message }
        return "\(message)（\(ruleID)）"
    }
}

/// A generic refusal for cases that belong to no richer enum (e.g. a missing record).
public struct Refusal: DomainError, Equatable {
    /// Stable machine code for the API, e.g. `not_found`.
    public let code: String
    /// The RULEBOOK rule the refusal enforces, if any.
    public let ruleID: String?
    /// The input field at fault, if the refusal is about one field.
    public let field: String?
    /// The message shown to users, in Simplified Chinese.
    public let message: String
    /// How edges map the refusal (HTTP status, CLI exit).
    public let kind: FailureKind

    /// Creates a refusal.
    public init(code: String, ruleID: String? = nil, field: String? = nil, message: String, kind: FailureKind) {
        self.code = code
        self.ruleID = ruleID
        self.field = field
        self.message = message
        self.kind = kind
    }

    /// The one answer for "missing or not yours to see" (R-KS-4, R-SY-2): identical in both cases.
    public static let notFound = Refusal(code: "not_found", message: "记录不存在", kind: .notFound)

    /// A field-level validation refusal.
    public static func invalid(_ field: String, _ message: String, rule: String? = nil, code: String = "validation.invalid") -> Refusal {
        Refusal(code: code, ruleID: rule, field: field, message: message, kind: .validation)
    }
}
