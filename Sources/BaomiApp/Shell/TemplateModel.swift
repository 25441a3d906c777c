import Mustache
import Synchronization

/// A page model as the templates read it: every struct becomes a dictionary of its fields, once, before rendering.
///
/// swift-mustache finds a `{{name}}` by reflecting the object (`Mirror`, a scan of every field), at each use and again
/// for each object up the context stack when the name is not there; on a register page that was three quarters of the
/// time (issue 12). A dictionary answers in one hash. A nil field is left out, as reflection treated it (the lookup
/// goes on up the stack), so a page renders byte for byte as before (`PageRenderingTests`).
enum TemplateModel {
    /// `value` with its structs (and theirs) as dictionaries; leaves — text, numbers, flags, enums, values with their
    /// own `description` — as they are.
    static func box(_ value: Any) -> Any { boxed(value) ?? value }

    /// How a type is read: worked out once per type (the protocol tests are most of the cost when done per value).
    private enum Shape {
        case leaf, optional, collection, dictionary, structure
    }

    private static let shapes = Mutex<[ObjectIdentifier: Shape]>([:])

    private static func shape(of value: Any) -> Shape {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let known = shapes.withLock({ $0[type] }) { return known }
        let shape: Shape
        // The display style first: an optional that holds a string also passes `is String`.
        switch Mirror(reflecting: value).displayStyle {
        case .optional: shape = .optional
        case .collection: shape = value is [Any] ? .collection : .leaf
        case .dictionary: shape = value is [String: Any] ? .dictionary : .leaf
        case .struct:
            let leaf =
                value is String || value is Substring || value is MustacheLambda || value is any MustacheCustomRenderable || value is any MustacheParent
                || value is any MustacheCustomRepresentation || value is any MustacheTransformable || value is any CustomStringConvertible
            shape = leaf ? .leaf : .structure
        default: shape = .leaf
        }
        shapes.withLock { $0[type] = shape }
        return shape
    }

    /// The value as the templates read it; nil for an optional that holds none.
    private static func boxed(_ value: Any) -> Any? {
        switch shape(of: value) {
        case .leaf:
            return value
        case .optional:
            return Mirror(reflecting: value).children.first.flatMap { boxed($0.value) }
        case .collection:
            return Mirror(reflecting: value).children.map { boxed($0.value) ?? $0.value }
        case .dictionary:
            return (value as? [String: Any])?.mapValues { boxed($0) ?? $0 } ?? value
        case .structure:
            let mirror = Mirror(reflecting: value)
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let field = boxed(child.value) else { continue }
                fields[label] = field
            }
            return fields
        }
    }
}
