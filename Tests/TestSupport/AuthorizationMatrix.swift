import Accounts
import BaomiApp
import Foundation
import HTTPTypes
import HummingbirdTesting
import Organisation
import Testing

/// R-SY-1: the authorisation table checked over HTTP — every operation of an application, called as every demo identity
/// and anonymously, is turned away at the door exactly when the table says so, and never answers with a 500.
package enum AuthorizationMatrix {
    /// The demo organisation's accounts.
    package static let identities = [
        "sysadmin", "secadmin", "auditor", "chenjun", "lihua", "zhaoqiang", "zhangwei", "wangfang", "liuyang", "zhoumin", "wuhao", "sunli", "hefeng",
        "qianhong", "maling",
    ]

    /// A concrete path for a template: IDs that exist nowhere, and valid values for enumerated segments.
    package static func path(_ template: String) -> String {
        var out = template
        for (name, value) in [("{year}", "2026"), ("{book}", "receipt"), ("{kind}", "roster")] { out = out.replacingOccurrences(of: name, with: value) }
        while let open = out.firstIndex(of: "{"), let close = out[open...].firstIndex(of: "}") {
            out.replaceSubrange(open...close, with: UUID().uuidString.lowercased())
        }
        return "/api/v1" + out
    }

    /// Calls `operations` (every operation of the world's areas when nil) as every identity and anonymously, on the
    /// application `client` drives; returns the number of calls. The table and the OpenAPI document of the world's
    /// areas must list the same operations.
    @discardableResult
    package static func check(_ world: TestWorld, client: any TestClientProtocol, operations only: Set<String>? = nil) async throws -> Int {
        let table = APIAuthorization(areas: world.areas)
        let documented = OpenAPIValidator(areas: world.areas).document["paths"]?.objectValue ?? [:]
        var listed: Set<String> = []
        for (template, item) in documented {
            for method in (item.objectValue ?? [:]).keys { listed.insert("\(method.uppercased()) \(template)") }
        }
        #expect(Set(table.operations) == listed, "the table and the OpenAPI document list different operations")
        var calls = 0
        // Logging out ends the session, so it goes last for each identity.
        let chosen = table.operations.filter { only?.contains($0) ?? true }
        let operations = chosen.filter { $0 != "DELETE /auth/token" } + (chosen.contains("DELETE /auth/token") ? ["DELETE /auth/token"] : [])
        for username in [nil] + identities.map(Optional.some) {
            let roles: Set<Role>?
            let token: String?
            if let username {
                token = try await APITestClient.token(client, username, TestWorld.password(for: username), otp: try await world.otp(username))
                roles = try await world.actor(username).roles
            } else {
                token = nil
                roles = nil
            }
            for operation in operations {
                let parts = operation.split(separator: " ", maxSplits: 1)
                let method = HTTPRequest.Method(String(parts[0]))!
                let body: String? = method == .get || method == .delete ? nil : "{}"
                let r = try await APITestClient.call(client, method, path(String(parts[1])), token: token, body: body)
                calls += 1
                let who = username ?? "anonymous"
                #expect(r.status.code < 500, "\(who) \(operation): \(r.status) \(r.text)")
                let code = (r.object as? [String: [String: Any]])?["error"]?["code"] as? String
                let turnedAway = r.status == .forbidden && (code == "accounts.role_not_allowed" || code == "accounts.forbidden")
                switch table.admits(operation, roles: roles) {
                case .some(true):
                    #expect(!turnedAway && r.status != .unauthorized, "\(who) may call \(operation) but was turned away: \(r.text)")
                case .some(false):
                    if username == nil {
                        #expect(r.status == .unauthorized, "anonymous \(operation): \(r.status)")
                    } else {
                        #expect(turnedAway, "\(who) may not call \(operation) but got \(r.status) \(r.text)")
                    }
                case .none:
                    Issue.record("\(operation) is not in the table")
                }
            }
        }
        #expect(calls == (identities.count + 1) * operations.count)
        return calls
    }
}
