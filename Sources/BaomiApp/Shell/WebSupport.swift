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
package func csrfForm(_ request: Request, _ context: AppRequestContext) async throws -> FormData {
    let form = try await FormData.from(request)
    try form.checkCSRF(context)
    return form
}

/// The refusals a form shows again, with their rule, for its user to correct: input the rules refuse, a step the
/// record's state does not allow now, a role or permission the user lacks. A record not found (or not to be known,
/// R-KS-4) and every other error go to the one error mapping.
let refusalsShownOnForm: Set<FailureKind> = [.validation, .conflict, .forbidden]

/// The one idiom of a form's POST: `body` does the work and answers; a refusal the form shows
/// (`refusalsShownOnForm`) comes back through `again`, which shows the form again with it; anything else goes to the
/// one error mapping.
package func refusable(_ body: () async throws -> Response, again: (any DomainError) async throws -> Response) async throws -> Response {
    do {
        return try await body()
    } catch let error as any DomainError where refusalsShownOnForm.contains(error.kind) {
        return try await again(error)
    }
}

/// The same, for a form page that takes the refusal's message (with its rule) and the status to answer with.
package func refusable(_ body: () async throws -> Response, again: (String, HTTPResponse.Status) async throws -> Response) async throws
    -> Response
{
    try await refusable(body) { (error: any DomainError) in try await again(error.messageWithRule, ErrorMapping.status(error.kind)) }
}

/// One POST route per action on a record (STYLE 3): the CSRF-checked form, the acting user and the record's ID (the
/// path parameter `param`) go to `perform`, which calls one service operation and answers; a refusal comes back
/// through `refused`, which shows the action's form again with it (`refusable`).
func actionRoute(
    _ router: Router<AppRequestContext>, _ path: String, param: String,
    perform: @escaping @Sendable (AppRequestContext, FormData, Organisation.Actor, String) async throws -> Response,
    refused: @escaping @Sendable (AppRequestContext, String, FormData, any DomainError) async throws -> Response
) {
    router.post(RouterPath(path)) { request, context in
        let id = try context.parameters.require(param)
        let form = try await csrfForm(request, context)
        let actor = try context.actor()
        return try await refusable {
            try await perform(context, form, actor, id)
        } again: { (error: any DomainError) in
            try await refused(context, id, form, error)
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
