import Accounts
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Persistence

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
