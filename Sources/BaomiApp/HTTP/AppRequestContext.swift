import Areas
import CarrierServices
import ClassificationServices
import HTTPTypes
import Hummingbird
import NIOCore
import Organisation
import OrganisationServices
import Storage

/// The request context: the session (if any) resolved by `AuthMiddleware`, and the client address.
public struct AppRequestContext: RequestContext {
    /// Hummingbird's own per-request state (logger, allocator, route parameters).
    public var coreContext: CoreRequestContextStorage
    /// The authenticated session, set by `AuthMiddleware`.
    public var session: ActiveSession?
    /// The client's IP address.
    public let remoteAddress: String?

    /// A context for a new request: no session yet, the client address read from the channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        session = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The acting user; throws `sessionExpired` when there is none.
    package func actor() throws -> Actor {
        guard let session else { throw Unauthenticated() }
        return session.actor
    }
}

/// Thrown by handlers that need a session when there is none; mapped to a redirect (web) or 401 (API).
struct Unauthenticated: Error {}
