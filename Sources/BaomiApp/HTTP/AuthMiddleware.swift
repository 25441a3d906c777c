import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Logging
import OrganisationServices
import Storage

/// Resolves the session from the `baomi_session` cookie (web) or an `Authorization: Bearer` token (API)
/// and maps every error to a response: JSON under `/api`, a page or a redirect elsewhere.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: Services
    let views: Views

    static let cookieName = "baomi_session"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        let isAPI = path.hasPrefix("/api/")
        var expired = false
        // The API authenticates by bearer token only (no cookies, hence no CSRF exposure); the web by cookie only.
        let token: String? =
            if isAPI {
                request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
            } else {
                request.cookies[Self.cookieName]?.value
            }
        if let token, !token.isEmpty {
            do {
                context.session = try await services.auth.authenticate(token: token, remote: context.remoteAddress)
            } catch AccountsError.sessionExpired {
                expired = true
            }
        }
        if !isAPI, let session = context.session, session.mustChangePassword,
            !path.hasPrefix("/account/password"), !path.hasPrefix("/logout"), !path.hasPrefix("/static/")
        {
            return Response.redirect(to: "/account/password?required=1")
        }
        do {
            if !isAPI {
                // The web takes GET and POST only; every page but the login form and static files needs a session,
                // checked here before any handler reads a body.
                guard request.method == .get || request.method == .post || request.method == .head else {
                    throw TransportRefusal.methodNotAllowed(["GET", "POST"])
                }
                if context.session == nil && !Self.isPublicPage(path) { throw Unauthenticated() }
            }
            var response = try await next(request, context)
            SecurityHeaders.apply(to: &response, isAPI: isAPI)
            return response
        } catch {
            await auditRefusal(error, request: request, context: context)
            var response = errorResponse(error, isAPI: isAPI, expired: expired, context: context)
            SecurityHeaders.apply(to: &response, isAPI: isAPI)
            return response
        }
    }

    /// Pages reachable without a session.
    static func isPublicPage(_ path: String) -> Bool {
        path == "/login" || path.hasPrefix("/static/") || path == "/healthz" || path == "/readyz" || path == "/metrics"
    }

    /// R-SY-1: an attempt at another administrator's work (or any forbidden action) is written to the audit log,
    /// so the 安全审计员 sees the attempt and not only the refusal on the user's screen.
    private func auditRefusal(_ error: any Error, request: Request, context: Context) async {
        guard let actor = context.session?.actor, let domain = error as? any DomainError, domain.kind == .forbidden else { return }
        try? await services.recordRefusal(actor, action: "\(request.method.rawValue) \(request.uri.path)", error: domain)
    }

    private func errorResponse(_ error: any Error, isAPI: Bool, expired: Bool, context: Context) -> Response {
        if isAPI {
            if error is Unauthenticated && expired {
                return ErrorMapping.jsonResponse(AccountsError.sessionExpired, logger: context.logger)
            }
            return ErrorMapping.jsonResponse(error, logger: context.logger)
        }
        let domain = ErrorMapping.domainError(error)
        if domain.kind == .unauthenticated {
            return Response.redirect(to: expired ? "/login?expired=1" : "/login")
        }
        let status = ErrorMapping.httpStatus(error)
        if status == .internalServerError {
            context.logger.error("unhandled error: \(String(reflecting: error))")
            return views.errorPage(status: .internalServerError, message: domain.message, session: context.session)
        }
        var response = views.errorPage(status: status, message: domain.messageWithRule, session: context.session)
        if let t = domain as? TransportRefusal, !t.allow.isEmpty { response.headers[.allow] = t.allow.joined(separator: ", ") }
        return response
    }
}

/// Headers on every response: no framing, no sniffing, no caching of pages that may show secrets.
enum SecurityHeaders {
    static func apply(to response: inout Response, isAPI: Bool) {
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
        }
        if !isAPI {
            response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
            response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; form-action 'self'; frame-ancestors 'none'"
        }
    }
}
