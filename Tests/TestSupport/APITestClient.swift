import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// JSON calls for API tests.
package enum APITestClient {
    package struct Result {
        package let status: HTTPResponse.Status
        package let text: String

        package var json: [String: [String: Any]] {
            (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: [String: Any]] ?? [:]
        }

        package var object: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) }
    }

    package static func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String?, body: String? = nil) async throws
        -> Result
    {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        return Result(status: response.status, text: String(buffer: response.body))
    }

    package static func token(_ client: any TestClientProtocol, _ username: String, _ password: String, otp: String? = nil) async throws -> String {
        let code = otp.map { #","otp":"\#($0)""# } ?? ""
        let r = try await call(
            client, .post, "/api/v1/auth/token", token: nil, body: #"{"username":"\#(username)","password":"\#(password)"\#(code)}"#)
        let object = try #require(r.object as? [String: Any], "login failed: \(r.text)")
        return try #require(object["token"] as? String)
    }
}
