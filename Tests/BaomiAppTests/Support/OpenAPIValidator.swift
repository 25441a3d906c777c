import Foundation

/// A JSON value with its exact type (JSONSerialization blurs booleans and numbers on Linux).
indirect enum JSONValue: Decodable, Sendable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
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

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    subscript(_ key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var bool: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    var objectValue: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
}

/// Checks JSON responses against the OpenAPI 3 document the server publishes (a subset of JSON Schema:
/// type, properties, required, additionalProperties false, items, enum, nullable, $ref).
struct OpenAPIValidator {
    let document: JSONValue

    init(json: Data) throws {
        document = try JSONValue.parse(json)
    }

    /// The schema for a response, or nil if the document does not describe it.
    func responseSchema(path: String, method: String, status: Int) -> JSONValue? {
        guard let paths = document["paths"]?.objectValue else { return nil }
        // Literal paths win over templated ones (/calendar/working-days before /calendar/{year}).
        for (template, item) in paths.sorted(by: { !$0.key.contains("{") && $1.key.contains("{") }) where matches(template: template, path: path) {
            if let schema = item[method.lowercased()]?["responses"]?[String(status)]?["content"]?["application/json"]?["schema"] {
                return schema
            }
        }
        return nil
    }

    private func matches(template: String, path: String) -> Bool {
        let t = template.split(separator: "/"), p = path.split(separator: "/")
        guard t.count == p.count else { return false }
        return zip(t, p).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard let ref = schema["$ref"]?.string else { return schema }
        let name = ref.split(separator: "/").last.map(String.init) ?? ""
        return document["components"]?["schemas"]?[name] ?? .object([:])
    }

    /// Problems found validating `value` against `schema` (empty when it conforms).
    func validate(_ value: JSONValue, against raw: JSONValue, at path: String = "$") -> [String] {
        let schema = resolve(raw)
        if case .null = value {
            return schema["nullable"]?.bool == true ? [] : ["\(path): null not allowed"]
        }
        var problems: [String] = []
        switch schema["type"]?.string {
        case "object":
            guard let object = value.objectValue else { return ["\(path): expected object"] }
            let properties = schema["properties"]?.objectValue ?? [:]
            for case .string(let key) in schema["required"]?.arrayValue ?? [] where object[key] == nil {
                problems.append("\(path).\(key): required")
            }
            for (key, v) in object {
                if let sub = properties[key] {
                    problems += validate(v, against: sub, at: "\(path).\(key)")
                } else if schema["additionalProperties"]?.bool == false {
                    problems.append("\(path).\(key): not in schema")
                }
            }
        case "array":
            guard let array = value.arrayValue else { return ["\(path): expected array"] }
            if let items = schema["items"] {
                for (i, v) in array.enumerated() { problems += validate(v, against: items, at: "\(path)[\(i)]") }
            }
        case "string":
            guard case .string(let s) = value else { return ["\(path): expected string"] }
            if let allowed = schema["enum"]?.arrayValue?.compactMap(\.string), !allowed.contains(s) { problems.append("\(path): \(s) not in enum") }
        case "integer":
            guard case .int = value else { return ["\(path): expected integer"] }
        case "boolean":
            guard case .bool = value else { return ["\(path): expected boolean"] }
        default:
            break
        }
        return problems
    }
}
