import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import Logging

/// The one place where refusals become HTTP statuses (STYLE 11). No stack trace or SQL ever leaves.
public enum ErrorMapping {
    /// The status for a refusal kind. A rule's refusal of a well-formed request is 422; a request that breaks the
    /// published contract is refused earlier with 400 (`TransportRefusal.contract`).
    static func status(_ kind: FailureKind) -> HTTPResponse.Status {
        switch kind {
        case .validation: .unprocessableContent
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        }
    }

    /// Any error as a domain error. The framework's own errors (no route, a bad path parameter, a body over its limit,
    /// `..` in a static path) are the caller's mistakes and keep their status; only an unknown error becomes an opaque
    /// 500 (logged, never shown).
    static func domainError(_ error: any Error) -> any DomainError {
        if let e = error as? any DomainError { return e }
        if error is Unauthenticated {
            return Refusal(code: "accounts.unauthenticated", message: "请先登录", kind: .unauthenticated)
        }
        if let http = error as? any HTTPResponseError, http.status.code < 500 {
            return transport(http.status)
        }
        return Refusal(code: "internal", message: "服务器内部错误，请联系系统管理员（详情已记入日志）", kind: .conflict)
    }

    /// The refusal for a framework status.
    static func transport(_ status: HTTPResponse.Status) -> TransportRefusal {
        switch status {
        case .notFound: TransportRefusal(code: "not_found", message: Refusal.notFound.message, status: .notFound)
        case .methodNotAllowed: TransportRefusal(code: "api.method_not_allowed", message: "不支持该请求方法", status: .methodNotAllowed)
        case .contentTooLarge: TransportRefusal(code: "request.too_large", message: "请求体超过上限", status: .contentTooLarge)
        case .unauthorized: TransportRefusal(code: "accounts.unauthenticated", message: "请先登录", status: .unauthorized)
        default: TransportRefusal(code: "request.invalid", message: "请求格式不正确", status: status.code >= 400 ? status : .badRequest)
        }
    }

    /// The status of any error: its own for transport refusals, by kind for domain refusals, 500 for the unknown.
    public static func httpStatus(_ error: any Error) -> HTTPResponse.Status {
        let e = domainError(error)
        if let t = e as? TransportRefusal { return t.status }
        if e.code == "internal" { return .internalServerError }
        return status(e.kind)
    }

    /// The JSON error body of the API: `{"error": {"code", "rule", "field", "message"}}`.
    static func jsonResponse(_ error: any Error, logger: Logger) -> Response {
        let e = domainError(error)
        let status = httpStatus(error)
        if status == .internalServerError {
            logger.error("unhandled error: \(String(reflecting: error))")
        }
        let body = APIErrorBody(error: .init(code: e.code, rule: e.ruleID, field: e.field, message: e.messageWithRule))
        var response = JSON.response(body, status: status)
        if let t = e as? TransportRefusal, !t.allow.isEmpty { response.headers[.allow] = t.allow.joined(separator: ", ") }
        return response
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

    /// The bytes of `value` as the API writes it: by `JSONOutput`, or by `encoder` for what `JSONOutput` leaves to it.
    static func bytes(_ value: some Encodable) -> [UInt8] {
        if let bytes = try? JSONOutput.encode(value) { return bytes }
        return Array((try? encoder.encode(value)) ?? Data("{}".utf8))
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes(value))))
    }
}
