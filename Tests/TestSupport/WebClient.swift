import BaomiApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A minimal browser for router tests: keeps cookies, reads CSRF tokens from forms.
package struct WebClient {
    package let client: any TestClientProtocol
    package var cookies: [String: String] = [:]

    package init(_ client: any TestClientProtocol) {
        self.client = client
    }

    package struct Page {
        package let status: HTTPResponse.Status
        package let headers: HTTPFields
        package let body: String

        package var location: String? { headers[.location] }

        /// The value of the first hidden input named `name`.
        package func hidden(_ name: String) -> String? {
            guard let range = body.range(of: "name=\"\(name)\" value=\"") else { return nil }
            let rest = body[range.upperBound...]
            return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
        }

        package var csrf: String? { hidden("_csrf") }
    }

    package mutating func request(
        _ uri: String, method: HTTPRequest.Method = .get, form: [(String, String)]? = nil, headers extra: HTTPFields = [:], body raw: String? = nil
    ) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        var body: ByteBuffer? = raw.map { ByteBuffer(string: $0) }
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            body = ByteBuffer(string: form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&"))
        }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || field.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    package mutating func get(_ uri: String) async throws -> Page {
        try await request(uri)
    }

    /// Posts a form with the CSRF token taken from `page`.
    package mutating func post(_ uri: String, _ fields: [(String, String)], csrfFrom page: Page) async throws -> Page {
        try await request(uri, method: .post, form: [("_csrf", page.csrf ?? "")] + fields)
    }

    /// Logs in through the login form; returns the response to the POST.
    @discardableResult
    package mutating func login(_ username: String, _ password: String, otp: String? = nil) async throws -> Page {
        let form = try await get("/login")
        var fields = [("_login", form.hidden("_login") ?? ""), ("username", username), ("password", password)]
        if let otp { fields.append(("otp", otp)) }
        return try await request("/login", method: .post, form: fields)
    }
}

/// Builds the router application for a test world, with the world's areas.
package func testApplication(_ world: TestWorld) async throws -> some ApplicationProtocol {
    let views = try await Views.load(areas: world.areas)
    return Application(router: buildRouter(areas: world.areas, services: world.services, views: views, secureCookies: false))
}
