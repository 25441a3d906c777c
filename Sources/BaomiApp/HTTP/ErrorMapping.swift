import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Logging

/// The one place where refusals become HTTP statuses (STYLE 11). No stack trace or SQL ever leaves.
enum ErrorMapping {
    /// The status for a refusal kind.
    static func status(_ kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .validation: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }

    /// Any error as a domain error: unknown errors become an opaque 500 (logged, never shown).
    static func domainError(_ error: any Error) -> any DomainError {
        if let e = error as? any DomainError { return e }
        if error is Unauthenticated {
            return Refusal(code: "accounts.unauthenticated", message: "请先登录", kind: .unauthenticated)
        }
        return Refusal(code: "internal", message: "服务器内部错误，请联系系统管理员（详情已记入日志）", kind: .conflict)
    }

    /// The JSON error body of the API: `{"error": {"code", "rule", "field", "message"}}`.
    static func jsonResponse(_ error: any Error, logger: Logger) -> Response {
        let e = domainError(error)
        var status = status(e.kind)
        if e.code == "internal" {
            logger.error("unhandled error: \(String(reflecting: error))")
            status = .internalServerError
        } else if let http = error as? any HTTPResponseError, !(error is any DomainError) {
            status = http.status
        }
        let body = APIErrorBody(error: .init(code: e.code, rule: e.ruleID, field: e.field, message: e.messageWithRule))
        return JSON.response(body, status: status)
    }
}

/// The API's error document.
struct APIErrorBody: Codable, Sendable {
    struct Detail: Codable, Sendable {
        let code: String
        let rule: String?
        let field: String?
        let message: String
    }

    let error: Detail
}

/// JSON responses.
enum JSON {
    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return e
    }()

    static let decoder: JSONDecoder = {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }()

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
