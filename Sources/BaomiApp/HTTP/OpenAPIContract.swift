import Foundation

/// A JSON value with its exact type (JSONSerialization blurs booleans and numbers on Linux).
public indirect enum JSONValue: Codable, Sendable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    /// Decodes any JSON value, keeping booleans, integers and other numbers apart.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? c.decode(Int.self) {
            self = .int(i)
        } else if let d = try? c.decode(Double.self) {
            self = .double(d)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value as it is.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    /// Parses a JSON document.
    public static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    /// A member of an object.
    public subscript(_ key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text of a string value; nil for any other kind of value.
    public var string: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The value of a boolean; nil for any other kind of value.
    public var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The value of an integer; nil for any other kind of value (a number with a fraction is a `double`).
    public var int: Int? { if case .int(let i) = self { return i } else { return nil } }
    /// The members of an object; nil for any other kind of value.
    public var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    /// The elements of an array; nil for any other kind of value.
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
}

/// One way a value breaks its schema: the field (dotted path from the body, `body` for the whole) and why, in Chinese.
public struct ContractProblem: Sendable, Hashable, CustomStringConvertible {
    /// Where the value is: a dotted path from the body, `[i]` for an array element.
    public let field: String
    /// Why it breaks the schema, in Chinese.
    public let message: String
    /// `field: message` on one line.
    public var description: String { "\(field): \(message)" }
}

/// The OpenAPI 3 document the server publishes, used both ways: the server checks every request against it before any
/// work (types, required and unknown fields, enums, ranges, lengths, patterns, dates), and tests check every response.
///
/// The subset of JSON Schema understood: type, properties, required, additionalProperties false, items, enum, nullable,
/// minimum/maximum, minLength/maxLength, maxItems, pattern, format date, $ref.
public struct OpenAPIValidator: Sendable {
    /// The whole OpenAPI document, parsed.
    public let document: JSONValue
    private let patterns: [String: NSRegularExpressionBox]
    /// The path templates split once (the gate matches every request against them), most literal segments first.
    private let templates: [(segments: [String], template: String, item: JSONValue)]

    /// The document of the standard areas.
    public static let standard = OpenAPIValidator(areas: Area.standard)

    /// The document of an application built from `areas` (`OpenAPIFragment.document(areas:)`).
    public init(areas: [Area]) {
        self.init(document: OpenAPIFragment.document(areas: areas))
    }

    /// Parses an OpenAPI document.
    public init(json: Data) throws {
        self.init(document: try JSONValue.parse(json))
    }

    /// Takes an OpenAPI document, compiling its patterns and ordering its path templates once.
    public init(document: JSONValue) {
        self.document = document
        var found: [String: NSRegularExpressionBox] = [:]
        Self.collectPatterns(document, into: &found)
        patterns = found
        // Literal templates win over templated ones (`/calendar/working-days` before `/calendar/{year}`).
        templates = (document["paths"]?.objectValue ?? [:])
            .map { (template, item) in
                (segments: template.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init), template: template, item: item)
            }
            .sorted { a, b in
                let (la, lb) = (a.segments.filter { !$0.hasPrefix("{") }.count, b.segments.filter { !$0.hasPrefix("{") }.count)
                return la != lb ? la > lb : a.template < b.template
            }
    }

    private static func collectPatterns(_ value: JSONValue, into found: inout [String: NSRegularExpressionBox]) {
        switch value {
        case .object(let o):
            if let p = o["pattern"]?.string, found[p] == nil, let re = try? NSRegularExpression(pattern: p) { found[p] = NSRegularExpressionBox(re) }
            for v in o.values { collectPatterns(v, into: &found) }
        case .array(let a): for v in a { collectPatterns(v, into: &found) }
        default: break
        }
    }

    /// The schema for a response, or nil if the document does not describe it.
    public func responseSchema(path: String, method: String, status: Int) -> JSONValue? {
        guard let item = pathItem(for: path)?.item else { return nil }
        return item[method.lowercased()]?["responses"]?[String(status)]?["content"]?["application/json"]?["schema"]
    }

    /// The path template and path item matching a concrete path (below the server URL). Literal templates win over
    /// templated ones (`/calendar/working-days` before `/calendar/{year}`).
    public func pathItem(for path: String) -> (template: String, item: JSONValue)? {
        let p = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for t in templates where t.segments.count == p.count && zip(t.segments, p).allSatisfy({ $0.hasPrefix("{") ? !$1.isEmpty : $0 == $1 }) {
            return (t.template, t.item)
        }
        return nil
    }

    /// The values of a template's `{name}` segments in a concrete path.
    public func pathParameters(template: String, path: String) -> [String: String] {
        var out: [String: String] = [:]
        let t = template.split(separator: "/", omittingEmptySubsequences: false)
        let p = path.split(separator: "/", omittingEmptySubsequences: false)
        for (a, b) in zip(t, p) where a.hasPrefix("{") {
            out[String(a.dropFirst().dropLast())] = String(b).removingPercentEncoding ?? String(b)
        }
        return out
    }

    func resolve(_ schema: JSONValue) -> JSONValue {
        guard let ref = schema["$ref"]?.string else { return schema }
        let name = ref.split(separator: "/").last.map(String.init) ?? ""
        return document["components"]?["schemas"]?[name] ?? .object([:])
    }

    /// Problems found validating `value` against `schema` (empty when it conforms), as `field: message` lines.
    public func validate(_ value: JSONValue, against raw: JSONValue, at path: String = "$") -> [String] {
        problems(value, against: raw, at: path).map(\.description)
    }

    /// Problems found validating `value` against `schema` (empty when it conforms).
    public func problems(_ value: JSONValue, against raw: JSONValue, at path: String) -> [ContractProblem] {
        let schema = resolve(raw)
        func problem(_ message: String) -> [ContractProblem] { [ContractProblem(field: path, message: message)] }
        if case .null = value {
            return schema["nullable"]?.bool == true ? [] : problem("不能为 null")
        }
        var found: [ContractProblem] = []
        let sub: (String) -> String = { path == "" ? $0 : "\(path).\($0)" }
        switch schema["type"]?.string {
        case "object":
            guard let object = value.objectValue else { return problem("应为对象") }
            let properties = schema["properties"]?.objectValue ?? [:]
            for case .string(let key) in schema["required"]?.arrayValue ?? [] where object[key] == nil {
                found.append(ContractProblem(field: sub(key), message: "缺少必填字段"))
            }
            for key in object.keys.sorted() {
                let v = object[key]!
                if let s = properties[key] {
                    found += problems(v, against: s, at: sub(key))
                } else if schema["additionalProperties"]?.bool == false {
                    found.append(ContractProblem(field: sub(key), message: "未知字段（接口文档中没有此字段）"))
                }
            }
        case "array":
            guard let array = value.arrayValue else { return problem("应为数组") }
            if let max = schema["maxItems"]?.int, array.count > max { return problem("最多 \(max) 项") }
            if let min = schema["minItems"]?.int, array.count < min { return problem("至少 \(min) 项") }
            if let items = schema["items"] {
                for (i, v) in array.enumerated() { found += problems(v, against: items, at: "\(path)[\(i)]") }
            }
        case "string":
            guard case .string(let s) = value else { return problem("应为字符串") }
            if let allowed = schema["enum"]?.arrayValue?.compactMap(\.string), !allowed.contains(s) {
                return problem("取值应为 \(allowed.joined(separator: "、")) 之一")
            }
            if let max = schema["maxLength"]?.int, s.count > max { return problem("长度不得超过 \(max) 个字符") }
            if let min = schema["minLength"]?.int, s.count < min { return problem(min == 1 ? "不能为空" : "长度至少 \(min) 个字符") }
            if let p = schema["pattern"]?.string, let re = patterns[p]?.expression,
                re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil
            {
                return problem(schema["format"]?.string == "date" ? "应为日期（YYYY-MM-DD）" : "格式不正确")
            }
        case "integer":
            guard case .int(let i) = value else { return problem("应为整数") }
            if let min = schema["minimum"]?.int, i < min { return problem("不得小于 \(min)") }
            if let max = schema["maximum"]?.int, i > max { return problem("不得大于 \(max)") }
        case "boolean":
            guard case .bool = value else { return problem("应为 true 或 false") }
        default:
            break
        }
        return found
    }
}

/// `NSRegularExpression` is immutable and thread-safe once built.
struct NSRegularExpressionBox: @unchecked Sendable {
    let expression: NSRegularExpression
    init(_ expression: NSRegularExpression) { self.expression = expression }
}
