import Mustache
@_spi(Reflection) import Swift
import Synchronization

/// A page model as the templates read it: every struct becomes a dictionary of its fields, once, before rendering.
///
/// swift-mustache finds a `{{name}}` by reflecting the object (`Mirror`, a scan of every field), at each use and again
/// for each object up the context stack when the name is not there; on a register page that was three quarters of the
/// time (issue 12). A dictionary answers in one hash. A nil field is left out, as reflection treated it (the lookup
/// goes on up the stack), so a page renders byte for byte as before (`PageRenderingTests`).
///
/// A struct's fields are read through its layout — each stored field's name, offset and type, worked out once per type
/// from the runtime's metadata (`_forEachField`) — instead of a `Mirror`, which looks each field's type up by its
/// mangled name on every value (a sixth of the web register's time).
enum TemplateModel {
    /// `value` with its structs (and theirs) as dictionaries; leaves — text, numbers, flags, enums, values with their
    /// own `description` — as they are.
    static func box(_ value: Any) -> Any { boxed(value) ?? value }

    /// A stored field of a struct: where it lies in the value and what it holds.
    private struct Field {
        let name: String
        let offset: Int
        let type: Any.Type
    }

    /// How a type is read: worked out once per type (the protocol tests are most of the cost when done per value).
    private enum Shape {
        case leaf, text, optional, collection, dictionary
        case structure([Field])
    }

    private static let shapes = Mutex<[ObjectIdentifier: Shape]>([:])

    private static func shape(of value: Any) -> Shape {
        let type = Swift.type(of: value)
        let id = ObjectIdentifier(type)
        if let known = shapes.withLock({ $0[id] }) { return known }
        let shape: Shape
        // The display style first: an optional that holds a string also passes `is String`.
        switch Mirror(reflecting: value).displayStyle {
        case .optional: shape = .optional
        case .collection: shape = value is [Any] ? .collection : .leaf
        case .dictionary: shape = value is [String: Any] ? .dictionary : .leaf
        case .struct where value is String:
            shape = .text
        case .struct:
            let leaf =
                value is String || value is Substring || value is MustacheLambda || value is any MustacheCustomRenderable || value is any MustacheParent
                || value is any MustacheCustomRepresentation || value is any MustacheTransformable || value is any CustomStringConvertible
                || value is any CustomReflectable
            shape = leaf ? .leaf : layout(of: type).map(Shape.structure) ?? .leaf
        default: shape = .leaf
        }
        shapes.withLock { $0[id] = shape }
        return shape
    }

    /// The stored fields of a struct type, in declaration order; nil when the runtime cannot list them, or when one is
    /// `weak` or `unowned` (its storage is not a plain value to copy; such a struct is left to swift-mustache's own
    /// reflection, as a leaf). Key paths exist only for plain stored fields, so listing them checks that.
    private static func layout(of type: Any.Type) -> [Field]? {
        func plain<T>(_: T.Type) -> Bool { _forEachFieldWithKeyPath(of: T.self, options: []) { _, _ in true } }
        guard _openExistential(type, do: plain) else { return nil }
        var fields: [Field] = []
        let listed = _forEachField(of: type, options: []) { name, offset, fieldType, _ in
            fields.append(Field(name: String(cString: name), offset: offset, type: fieldType))
            return true
        }
        return listed ? fields : nil
    }

    /// The value as the templates read it; nil for an optional that holds none.
    private static func boxed(_ value: Any) -> Any? {
        switch shape(of: value) {
        case .leaf:
            return value
        case .text:
            return Text(value as! String)
        case .optional:
            return (value as? any OptionalValue)?.wrappedAny.flatMap { boxed($0) }
        case .collection:
            return (value as? [Any])?.map { boxed($0) ?? $0 } ?? value
        case .dictionary:
            return (value as? [String: Any])?.mapValues { boxed($0) ?? $0 } ?? value
        case .structure(let layout):
            return dictionary(of: value, layout)
        }
    }

    /// A struct's fields by name, each boxed in turn; a nil field is left out. The value is taken as its dynamic type
    /// by a cast (an `Any` may hold it inside another existential, which opening it would expose instead).
    private static func dictionary(of value: Any, _ layout: [Field]) -> [String: Any] {
        func read<S>(_: S.Type) -> [String: Any] {
            withUnsafeBytes(of: value as! S) { bytes in
                var fields: [String: Any] = [:]
                fields.reserveCapacity(layout.count)
                for field in layout {
                    if let child = boxed(load(field.type, from: bytes.baseAddress! + field.offset)) { fields[field.name] = child }
                }
                return fields
            }
        }
        return _openExistential(Swift.type(of: value), do: read)
    }

    /// A copy of the value of `type` stored at `address`.
    private static func load(_ type: Any.Type, from address: UnsafeRawPointer) -> Any {
        func copy<T>(_: T.Type) -> Any { address.load(as: T.self) }
        return _openExistential(type, do: copy)
    }
}

/// An optional seen through `Any`: what it holds, if anything.
private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedAny: Any? { self.map { $0 } }
}

/// A text field as the templates read it: rendered (and escaped) as the text itself, found renderable by the first
/// protocol test swift-mustache makes instead of after three more and a `String(describing:)` (issue 12). Sections and
/// transforms treat it as they treat a `String`; a name looked up inside a section over it is not found in it (it has
/// no fields, as a `String` has none) and is looked for further up.
final class Text: MustacheCustomRenderable, MustacheTransformable, MustacheParent, CustomStringConvertible {
    let text: String

    init(_ text: String) { self.text = text }

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }
    func transform(_ name: String) -> Any? { text.transform(name) }
    func child(named: String) -> Any? { nil }
}
