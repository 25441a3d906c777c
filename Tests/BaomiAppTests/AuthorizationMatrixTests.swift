import BaomiApp
import HummingbirdTesting
import TestSupport
import Testing

/// One authorisation table — every operation × every role — lives in the code (`APIAuthorization`), and this test
/// calls every operation as every demo identity (and anonymously) to prove the server keeps it.
@Suite("权限矩阵 — every API operation × every demo identity")
struct AuthorizationMatrixTests {
    @Test("R-SY-1 every operation × every role answers as APIAuthorization says — refused at the door, or past it; never a 500")
    func matrix() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                let calls = try await AuthorizationMatrix.check(world, client: client)
                #expect(calls == (AuthorizationMatrix.identities.count + 1) * APIAuthorization.standard.operations.count)
            }
        }
    }
}
