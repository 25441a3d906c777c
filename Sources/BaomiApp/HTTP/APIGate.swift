import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import NIOFoundationEssentialsCompat
import Organisation
import OrganisationServices
import Storage

/// The door of `/api/v1`: every request passes these checks, in this order, before any handler runs —
/// so nothing expensive happens for a caller who may not make the call, and the OpenAPI document is the contract:
///
/// 1. the operation exists (404) and takes this method (405, with `Allow`);
/// 2. a session, unless the operation is public (401) — before the body is read, so anonymous callers cost nothing;
/// 3. an initial or reset password has been changed (403 `accounts.password_change_required`, as on the web);
/// 4. the caller's roles may ever make this call (`APIAuthorization`, 403 `accounts.role_not_allowed`);
/// 5. path and query parameters match their schemas (400, naming the parameter);
/// 6. the body is within the operation's limit (`x-body-limit`, 413 naming the limit) and matches its schema:
///    types, required and unknown fields, enums, ranges, lengths, patterns and dates (400, naming the field).
struct APIGate: RouterMiddleware {
    typealias Context = AppRequestContext
    let contract: OpenAPIValidator
    /// Who may ever call each operation: the shell's and every area's.
    let authorization: APIAuthorization

    static let prefix = "/api/v1"
    /// The body limit of an operation that names none.
    static let defaultBodyLimit = 64 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let fullPath = request.uri.path
        guard fullPath.hasPrefix(Self.prefix + "/") || fullPath == Self.prefix else { return try await next(request, context) }
        let path = String(fullPath.dropFirst(Self.prefix.count))
        if path == "/openapi.json" && request.method == .get { return try await next(request, context) }
        guard let (template, item) = contract.pathItem(for: path) else { throw TransportRefusal.noSuchOperation }
        let method = request.method.rawValue.lowercased()
        guard let operation = item[method] else {
            let allowed = ["get", "put", "post", "delete", "patch"].filter { item[$0] != nil }.map { $0.uppercased() }
            throw TransportRefusal.methodNotAllowed(allowed)
        }
        let key = "\(request.method.rawValue) \(template)"
        let access = authorization.table[key] ?? .nobody
        if access != .anonymous {
            guard let session = context.session else { throw Unauthenticated() }
            if session.mustChangePassword && !APIAuthorization.allowedBeforePasswordChange.contains(key) {
                throw AccountsError.passwordChangeRequired
            }
            guard access.admits(session.actor.roles) else { throw APIAuthorization.refusal(access) }
        }
        try checkParameters(operation, template: template, path: path, request: request)
        guard let bodySpec = operation["requestBody"] else { return try await next(request, context) }
        // The document states each limit on the request body (`requestBody.x-body-limit`, issue 11 #10).
        let limit = bodySpec["x-body-limit"]?.int ?? operation["x-body-limit"]?.int ?? Self.defaultBodyLimit
        var request = request
        let buffer = try await collectBody(request, limit: limit)
        request.body = .init(buffer: buffer)
        guard let schema = bodySpec["content"]?["application/json"]?["schema"] else { return try await next(request, context) }
        let value: JSONValue
        do {
            value = try JSONValue.parse(Data(buffer: buffer))
        } catch {
            throw TransportRefusal.contract("body", "请求体不是有效的 JSON", code: "validation.json")
        }
        if let first = contract.problems(value, against: schema, at: "").first {
            let field = first.field.isEmpty ? "body" : first.field
            throw TransportRefusal.contract(field, "字段 \(field)：\(first.message)")
        }
        return try await next(request, context)
    }

    /// Path and query parameters against their schemas; a query parameter the operation does not take is refused.
    private func checkParameters(_ operation: JSONValue, template: String, path: String, request: Request) throws {
        let declared = operation["parameters"]?.arrayValue ?? []
        let pathValues = contract.pathParameters(template: template, path: path)
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        for parameter in declared {
            guard let name = parameter["name"]?.string, let schema = parameter["schema"] else { continue }
            let raw: String?
            switch parameter["in"]?.string {
            case "path": raw = pathValues[name]
            case "query": raw = query.removeValue(forKey: name)
            default: continue
            }
            guard let raw else {
                if parameter["required"]?.bool == true { throw TransportRefusal.contract(name, "缺少参数 \(name)", code: "validation.required") }
                continue
            }
            let value: JSONValue =
                switch contract.resolve(schema)["type"]?.string {
                case "integer": Int(raw).map(JSONValue.int) ?? .string(raw)
                case "boolean": raw == "true" ? .bool(true) : raw == "false" ? .bool(false) : .string(raw)
                default: .string(raw)
                }
            if let first = contract.problems(value, against: schema, at: name).first {
                throw TransportRefusal.contract(name, "参数 \(name)：\(first.message)", code: "validation.parameter")
            }
        }
        if let unknown = query.keys.sorted().first {
            throw TransportRefusal.contract(unknown, "未知参数 \(unknown)（接口文档中没有此参数）", code: "validation.parameter")
        }
    }
}

/// Refusals of the transport itself, each with its own HTTP status: a path or method that does not exist,
/// or a body over its limit. They are the caller's mistakes, so they are never logged as server errors.
struct TransportRefusal: DomainError, Equatable {
    let code: String
    let message: String
    let status: HTTPResponse.Status
    var field: String? = nil
    var allow: [String] = []
    var ruleID: String? { nil }
    var kind: FailureKind { status == .notFound ? .notFound : .validation }

    /// A request that breaks the published contract (400): a field or parameter of the wrong type, missing, unknown,
    /// out of its range or pattern, or a body that is not JSON. A request that keeps the contract but is refused by a
    /// rule of the domain is a 422 instead.
    static func contract(_ field: String, _ message: String, code: String = "validation.schema") -> TransportRefusal {
        TransportRefusal(code: code, message: message, status: .badRequest, field: field)
    }

    static let noSuchOperation = TransportRefusal(code: "api.no_such_operation", message: "没有这个接口（见 /api/v1/openapi.json）", status: .notFound)

    static func methodNotAllowed(_ allow: [String]) -> TransportRefusal {
        TransportRefusal(
            code: "api.method_not_allowed", message: "此接口不支持该请求方法，可用：\(allow.joined(separator: "、"))", status: .methodNotAllowed, allow: allow)
    }

    static func tooLarge(limit: Int) -> TransportRefusal {
        TransportRefusal(code: "request.too_large", message: "请求体超过上限（\(Self.size(limit))）", status: .contentTooLarge, field: "body")
    }

    /// A byte count as a Chinese reader writes it: 64 KB, 20 MB.
    static func size(_ bytes: Int) -> String {
        bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes / 1024) KB"
    }
}
