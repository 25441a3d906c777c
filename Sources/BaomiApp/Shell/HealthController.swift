import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// Operations' probes (issue 11, item 9), answered without a session: `/healthz` says the process serves — no
/// database work, the ceiling the benchmark compares pages with; `/readyz` says it can serve requests — the database
/// answers and its schema is current (otherwise 503, so a load balancer sends no traffic here).
struct HealthController {
    let services: Services

    func register(on router: Router<AppRequestContext>) {
        router.get("/healthz") { _, _ in Self.text("ok", status: .ok) }
        router.get("/readyz") { _, _ in
            do {
                let pending = try await Migrator.pending(services.database, migrations: services.areas.migrations)
                return pending.isEmpty ? Self.text("ready", status: .ok) : Self.text("migrations pending: \(pending)", status: .serviceUnavailable)
            } catch {
                return Self.text("database unavailable", status: .serviceUnavailable)
            }
        }
    }

    static func text(_ body: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body + "\n")))
    }
}
