import BaomiApp
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOFoundationEssentialsCompat
import Testing

/// Calls the API and checks each answer against the OpenAPI document the server serves.
package final class APIChecker {
    package let client: any TestClientProtocol
    package let validator: OpenAPIValidator
    package private(set) var checked = 0

    package init(_ client: any TestClientProtocol) async throws {
        self.client = client
        let doc = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
        #expect(doc.status == .ok)
        validator = try OpenAPIValidator(json: Data(buffer: doc.body))
    }

    /// One call: the status must be `status` and the body must match the documented schema for it.
    @discardableResult
    package func check(_ method: HTTPRequest.Method, _ uri: String, _ token: String?, _ body: String? = nil, expect status: Int) async throws
        -> APITestClient.Result
    {
        let r = try await APITestClient.call(client, method, uri, token: token, body: body)
        #expect(r.status.code == status, "\(method) \(uri): \(r.text)")
        let path = String(uri.split(separator: "?")[0].dropFirst("/api/v1".count))
        let schema = try #require(
            validator.responseSchema(path: path, method: method.rawValue, status: r.status.code), "undocumented: \(method) \(path) \(r.status.code)")
        let problems = validator.validate(try JSONValue.parse(Data(r.text.utf8)), against: schema)
        #expect(problems.isEmpty, "\(method) \(path): \(problems)")
        checked += 1
        return r
    }
}
