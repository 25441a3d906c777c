import Mustache

/// A page model as the templates read it: every struct becomes a dictionary of its fields, once, before rendering.
///
/// swift-mustache finds a `{{name}}` by reflecting the object (`Mirror`, a scan of every field), at each use and again
/// for each object up the context stack when the name is not there; on a register page that was three quarters of the
/// time (issue 12). A dictionary answers in one hash. A nil field is left out, as reflection treated it (the lookup
/// goes on up the stack), so a page renders byte for byte as before (`PageRenderingTests`).
enum TemplateModel {
    /// `value` with its structs (and theirs) as dictionaries; leaves — text, numbers, flags, enums, values with their
    /// own `description` — as they are.
    static func box(_ value: Any) -> Any {
        switch value {
        case is String, is Substring, is Bool, is Int, is Int64, is Double: return value
        case let dictionary as [String: Any]: return dictionary.mapValues(box)
        case is MustacheLambda, is MustacheCustomRenderable, is MustacheParent: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return value }
            return box(wrapped)
        case .collection:
            // Before the `description` test below: an array has one too.
            return mirror.children.map { box($0.value) }
        case .struct where !(value is CustomStringConvertible):
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let field = unwrapped(child.value) else { continue }
                fields[label] = box(field)
            }
            return fields
        default:
            return value
        }
    }

    /// The value an optional holds, nil for none; any other value as it is.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
