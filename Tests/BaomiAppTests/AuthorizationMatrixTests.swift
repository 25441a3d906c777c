import Accounts
import Areas
import BaomiApp
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import Storage
import TestSupport
import Testing

/// Issue 9: one authorisation table — every operation × every role — lives in the code (`APIAuthorization`), and
/// this test calls every operation as every demo identity (and anonymously) to prove the server keeps it.
@Suite("权限矩阵 — every API operation × every demo identity")
struct AuthorizationMatrixTests {
    static let identities = [
        "sysadmin", "secadmin", "auditor", "chenjun", "lihua", "zhaoqiang", "zhangwei", "wangfang", "liuyang", "zhoumin", "wuhao", "sunli", "hefeng",
        "qianhong", "maling",
    ]

    /// A concrete path for a template: IDs that exist nowhere, and valid values for enumerated segments.
    static func path(_ template: String) -> String {
        var out = template
        for (name, value) in [("{year}", "2026"), ("{book}", "receipt"), ("{kind}", "roster")] { out = out.replacingOccurrences(of: name, with: value) }
        while let open = out.firstIndex(of: "{"), let close = out[open...].firstIndex(of: "}") {
            out.replaceSubrange(open...close, with: UUID().uuidString.lowercased())
        }
        return "/api/v1" + out
    }

    @Test("Issue 9: R-SY-1 every operation × every role answers as APIAuthorization says — refused at the door, or past it; never a 500")
    func matrix() async throws {
        let contract = OpenAPIValidator.standard
        var documented: Set<String> = []
        for (template, item) in contract.document["paths"]?.objectValue ?? [:] {
            for method in (item.objectValue ?? [:]).keys { documented.insert("\(method.uppercased()) \(template)") }
        }
        #expect(Set(APIAuthorization.standard.operations) == documented, "the table and the OpenAPI document list different operations")
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                var calls = 0
                // Logging out ends the session, so it goes last for each identity.
                let operations = APIAuthorization.standard.operations.filter { $0 != "DELETE /auth/token" } + ["DELETE /auth/token"]
                for username in [nil] + Self.identities.map(Optional.some) {
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
                        let r = try await APITestClient.call(client, method, Self.path(String(parts[1])), token: token, body: body)
                        calls += 1
                        let who = username ?? "anonymous"
                        #expect(r.status.code < 500, "\(who) \(operation): \(r.status) \(r.text)")
                        let code = (r.object as? [String: [String: Any]])?["error"]?["code"] as? String
                        let turnedAway = r.status == .forbidden && (code == "accounts.role_not_allowed" || code == "accounts.forbidden")
                        switch APIAuthorization.standard.admits(operation, roles: roles) {
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
                #expect(calls == (Self.identities.count + 1) * operations.count)
            }
        }
    }
}
