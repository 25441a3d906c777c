import Foundation
import Storage

/// A part of the `/api/v1` description: some operations and the schemas they name. The shell and every area hand over
/// theirs (`Area.openAPI`; the app's own are `Public/openapi/<part>.json`, written by `scripts/gen-openapi.py`), and
/// the document a server publishes and enforces is their union.
public struct OpenAPIFragment: Sendable {
    /// Path templates below `/api/v1` and their operations.
    public let paths: [String: JSONValue]
    /// The schemas the operations name (`#/components/schemas/<name>`); a part may name a schema of a part before it.
    public let schemas: [String: JSONValue]
    /// The rest of the document (the version, the title, the servers, the security scheme): the shell's alone.
    let frame: [String: JSONValue]

    /// A fragment of these paths and schemas.
    public init(paths: [String: JSONValue] = [:], schemas: [String: JSONValue] = [:]) {
        self.paths = paths
        self.schemas = schemas
        frame = [:]
    }

    /// Parses a fragment: an object with `paths` and `schemas`; anything else in it is the document's frame.
    public init(json: Data) throws {
        var members = try JSONValue.parse(json).objectValue ?? [:]
        paths = members.removeValue(forKey: "paths")?.objectValue ?? [:]
        schemas = members.removeValue(forKey: "schemas")?.objectValue ?? [:]
        frame = members
    }

    /// One of the app's own fragments (`Public/openapi/<part>.json`, a resource of every build).
    static func bundled(_ part: String) -> OpenAPIFragment {
        guard let url = Bundle.module.url(forResource: "Public/openapi/\(part)", withExtension: "json"), let data = try? Data(contentsOf: url),
            let fragment = try? OpenAPIFragment(json: data)
        else { fatalError("Public/openapi/\(part).json is missing from the app's resources") }
        return fragment
    }

    /// The shell's operations (signing in and out, the account's own page and password, the 待办) and the frame.
    static let shell = bundled("shell")

    /// Its operations, "METHOD /template" as the authorisation table names them.
    public var operations: Set<String> {
        var found: Set<String> = []
        for (template, item) in paths {
            for method in (item.objectValue ?? [:]).keys where Self.methods.contains(method) { found.insert("\(method.uppercased()) \(template)") }
        }
        return found
    }

    private static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The document of an application built from `areas`: the shell's frame, operations and schemas, then every
    /// area's. A path or a schema two parts define is a programming error and stops the process, as does an area whose
    /// operations are not exactly those its authorisation table lists.
    public static func document(areas: [Area]) -> JSONValue {
        precondition(shell.operations == Set(APIAuthorization.shell.keys), "the shell's OpenAPI operations and its authorisation entries differ")
        var paths = shell.paths
        var schemas = shell.schemas
        for area in areas {
            precondition(
                area.openAPI.operations == Set(area.authorization.keys),
                "area \(area.registration.name): its OpenAPI operations and its authorisation entries differ")
            paths.merge(area.openAPI.paths) { _, _ in preconditionFailure("an API path described by two areas (\(area.registration.name))") }
            schemas.merge(area.openAPI.schemas) { _, _ in preconditionFailure("an API schema described by two areas (\(area.registration.name))") }
        }
        var document = shell.frame
        var components = document["components"]?.objectValue ?? [:]
        components["schemas"] = .object(schemas)
        document["components"] = .object(components)
        document["paths"] = .object(paths)
        return .object(document)
    }
}
