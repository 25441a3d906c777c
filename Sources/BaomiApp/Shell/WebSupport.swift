import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage

extension FormData {
    /// Every state-changing form carries the session's CSRF token in `_csrf`.
    func checkCSRF(_ context: AppRequestContext) throws {
        guard let session = context.session else { throw Unauthenticated() }
        guard let sent = self["_csrf"], Self.constantTimeEquals(sent, session.csrfToken) else {
            throw AccountsError.csrfRejected
        }
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// Reads a form and checks its CSRF token.
func csrfForm(_ request: Request, _ context: AppRequestContext) async throws -> FormData {
    let form = try await FormData.from(request)
    try form.checkCSRF(context)
    return form
}

/// One POST route per action on a record (STYLE 3): the CSRF-checked form, the acting user and the record's ID (the
/// path parameter `param`) go to `perform`, with the request's context for the page it answers with; it calls one
/// service operation. A refusal of one of the `shown` kinds
/// comes back on the record's page with its rule (`refused`); any other error goes to the one error mapping.
func actionRoute(
    _ router: Router<AppRequestContext>, _ path: String, param: String, shown: Set<FailureKind>,
    perform: @escaping @Sendable (AppRequestContext, FormData, Organisation.Actor, String) async throws -> Response,
    refused: @escaping @Sendable (AppRequestContext, String, any DomainError) async throws -> Response
) {
    actionRoute(router, path, param: param, shown: shown, perform: perform, refusedForm: { context, id, _, error in try await refused(context, id, error) })
}

/// The same, for an action whose form page needs what was sent to show the refusal (`refusedForm` gets the form).
func actionRoute(
    _ router: Router<AppRequestContext>, _ path: String, param: String, shown: Set<FailureKind>,
    perform: @escaping @Sendable (AppRequestContext, FormData, Organisation.Actor, String) async throws -> Response,
    refusedForm: @escaping @Sendable (AppRequestContext, String, FormData, any DomainError) async throws -> Response
) {
    router.post(RouterPath(path)) { request, context in
        let id = try context.parameters.require(param)
        let form = try await csrfForm(request, context)
        let actor = try context.actor()
        do {
            return try await perform(context, form, actor, id)
        } catch let error as any DomainError where shown.contains(error.kind) {
            return try await refusedForm(context, id, form, error)
        }
    }
}

/// One action the viewer may take, as a record's action bar shows it: the label, where its focused form is, and the
/// regulation it follows in a 保密员's words (never a rule ID). The bar lists only what the area's domain allows now.
struct ActionLink: Sendable {
    let action: String, href: String, label: String, regulation: String
}

/// Session cookies: HttpOnly, SameSite=Strict, Secure when configured (R-SY-4).
enum Cookies {
    static func set(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> String {
        var cookie = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        if secure { cookie += "; Secure" }
        return cookie
    }

    static func clear(_ name: String, secure: Bool) -> String {
        set(name, "", secure: secure, maxAge: 0)
    }
}

extension Response {
    /// Adds a `Set-Cookie` header.
    mutating func addCookie(_ header: String) {
        headers.append(HTTPField(name: .setCookie, value: header))
    }
}

/// A message from a refusal for display in a form: the Chinese message with the rule.
func displayMessage(_ error: any Error) -> String {
    ErrorMapping.domainError(error).messageWithRule
}
