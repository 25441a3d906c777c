import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import OrganisationServices
import Storage

/// Login, logout and password change.
struct LoginController {
    let services: Services
    let views: Views
    let secureCookies: Bool

    static let loginCSRFCookie = "baomi_login_csrf"

    struct LoginModel: Sendable {
        let username: String
        let loginToken: String
        let requiresOTP: Bool
        let systemLevel: String
    }

    struct PasswordModel: Sendable {
        let required: Bool
        let minimumLength: Int
    }

    /// Login, logout and password change: the routes a browser reaches before (and to leave) a session.
    func register(on router: Router<AppRequestContext>) {
        router.get("/login", use: showLogin)
        router.post("/login", use: logIn)
        router.post("/logout", use: logOut)
        router.get("/account/password", use: showPasswordForm)
        router.post("/account/password", use: changePassword)
    }

    /// The login form. Its anti-forgery token is the one already in the browser's cookie when there is one, so a
    /// second tab (or a redirected request for a missing favicon) does not invalidate a form already shown.
    private func loginPage(
        _ request: Request, username: String, error: String?, flash: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let existing = request.cookies[Self.loginCSRFCookie]?.value
        let token = existing.flatMap { $0.count == 32 && $0.allSatisfy(\.isHexDigit) ? $0 : nil } ?? IDs.token(bytes: 16)
        var response = views.page(
            OrganisationViews.login, title: "登录", session: nil, path: "/login",
            content: LoginModel(
                username: username, loginToken: token, requiresOTP: services.passwordPolicy.requiresOneTimePassword,
                systemLevel: services.passwordPolicy.systemLevel.chinese),
            flash: flash, error: error, status: status)
        response.addCookie(Cookies.set(Self.loginCSRFCookie, token, secure: secureCookies))
        return response
    }
}

extension LoginController {
    /// `GET /login`: the login form (登录), with a notice when the session timed out (R-SY-4).
    private func showLogin(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let query = FormData.query(request)
        return loginPage(
            request, username: "", error: nil, flash: query["expired"] != nil ? "会话已超时，请重新登录（R-SY-4）" : nil)
    }

    /// `POST /login`: checks the login form's anti-forgery token, opens a web session and sets its cookie; a refused
    /// login shows the form again (403 for a bad token, 401 for bad credentials).
    private func logIn(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let form = try await FormData.from(request)
        // Login CSRF: double-submit of a random token held in a cookie set by GET /login.
        guard let sent = form["_login"], let cookie = request.cookies[Self.loginCSRFCookie]?.value,
            FormData.constantTimeEquals(sent, cookie)
        else {
            return loginPage(request, username: form["username"] ?? "", error: AccountsError.csrfRejected.message, status: .forbidden)
        }
        do {
            let opened = try await services.auth.login(
                username: form["username"] ?? "", password: form["password"] ?? "", otp: form["otp"], kind: .web,
                remote: context.remoteAddress)
            var response = Response.redirect(to: "/")
            response.addCookie(Cookies.set(AuthMiddleware.cookieName, opened.token, secure: secureCookies))
            response.addCookie(Cookies.clear(Self.loginCSRFCookie, secure: secureCookies))
            return response
        } catch let error as AccountsError {
            return loginPage(request, username: form["username"] ?? "", error: error.messageWithRule, status: .unauthorized)
        }
    }

    /// `POST /logout`: closes the session (退出) and clears its cookie, then to the login form.
    private func logOut(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try await csrfForm(request, context)
        if let session = context.session { try await services.auth.logout(session) }
        var response = Response.redirect(to: "/login")
        response.addCookie(Cookies.clear(AuthMiddleware.cookieName, secure: secureCookies))
        return response
    }

    /// `GET /account/password`: the password form (修改口令); `required` when the password must be changed first.
    private func showPasswordForm(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        _ = try context.actor()
        return views.page(
            OrganisationViews.password, title: "修改口令", session: context.session, path: "/account/password",
            content: PasswordModel(required: FormData.query(request)["required"] != nil, minimumLength: services.passwordPolicy.minimumLength),
            flash: FormData.query(request)["required"] != nil ? "首次登录或口令被重置，请先修改口令" : nil)
    }

    /// `POST /account/password`: changes the user's own password; a refused change shows the form again.
    private func changePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let form = try await csrfForm(request, context)
        return try await refusable {
            try await services.auth.changePassword(actor, old: form["old_password"] ?? "", new: form["new_password"] ?? "", confirm: form["confirm"] ?? "")
            return views.page(
                OrganisationViews.password, title: "修改口令", session: context.session, path: "/account/password",
                content: PasswordModel(required: false, minimumLength: services.passwordPolicy.minimumLength), flash: "口令已修改")
        } again: { message, status in
            views.page(
                OrganisationViews.password, title: "修改口令", session: context.session, path: "/account/password",
                content: PasswordModel(required: false, minimumLength: services.passwordPolicy.minimumLength), error: message, status: status)
        }
    }
}
