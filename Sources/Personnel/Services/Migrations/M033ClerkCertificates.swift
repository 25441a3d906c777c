import SQLKit
import Storage

/// R-PE-13: the 待办 finds the serving 保密员 whose 上岗资格证书 has run out or runs out within 60 days by an index of
/// the certificates of those serving.
struct M033ClerkCertificates: Migration {
    let id = 33
    let name = "clerk certificates by expiry"

    func prepare(on db: any SQLDatabase) async throws {
        try await run(
            [
                """
                CREATE INDEX cleared_persons_certificate ON cleared_persons(unit_id, cert_valid_until)
                WHERE status = 'serving' AND cert_valid_until IS NOT NULL
                """
            ], on: db)
    }
}
