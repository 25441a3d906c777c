import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import NIOCore
import Prometheus

/// Prometheus metrics (issue 11, item 9): requests and latency by route and status (Hummingbird's `MetricsMiddleware`
/// through swift-metrics), the daily sweep's duration and findings. `/metrics` answers only on loopback or with the
/// operator token (`BAOMI_METRICS_TOKEN`); anyone else gets the same 404 as for a page that does not exist.
enum BaomiMetrics {
    /// The registry every swift-metrics metric of this process goes to.
    static let registry = PrometheusCollectorRegistry()

    /// Installs the registry as the process's metrics backend, once.
    static let installed: Void = { MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry)) }()
}

/// `GET /metrics` in the Prometheus text format.
struct MetricsController {
    /// The operator's token; nil when only loopback may read.
    let token: String?

    func register(on router: Router<AppRequestContext>) {
        router.get("/metrics") { request, context in
            guard Self.mayRead(remote: context.remoteAddress, authorization: request.headers[.authorization], token: token) else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: BaomiMetrics.registry.emitToBuffer())))
        }
    }

    /// Loopback, or the operator's bearer token (compared in constant time).
    static func mayRead(remote: String?, authorization: String?, token: String?) -> Bool {
        if let remote, remote == "127.0.0.1" || remote == "::1" { return true }
        guard let token, !token.isEmpty, let authorization, authorization.hasPrefix("Bearer ") else { return false }
        return FormData.constantTimeEquals(String(authorization.dropFirst("Bearer ".count)), token)
    }
}
