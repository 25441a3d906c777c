import Foundation

/// Writes an API response's JSON straight into bytes while the value encodes itself.
///
/// Foundation's `JSONEncoder` first builds a tree of every value, converts each key to snake case through `String`
/// operations, sorts each object's keys, then writes the tree: a third of a register page's CPU (issue 12, measured
/// with `perf`). This writer emits each member as it comes, converts keys byte by byte and keeps the order in which a
/// type encodes its members: for a synthesised `Codable` that is the declaration order, the same every time.
/// Dictionaries are the one unordered case; their keys are written sorted, as `JSONEncoder` with `.sortedKeys` did,
/// and unconverted, as `JSONEncoder` leaves dictionary keys.
///
/// Everything else matches `JSON.encoder`: keys in snake case, slashes unescaped, nil members left out, `{}` for a value
/// that encodes nothing, `Date`, `URL`, `Data` and `Decimal` as `JSONEncoder` writes them by default. A value that needs
/// what this writer does not offer (a `superEncoder`, a write to a container already closed) is written by
/// `JSONEncoder` instead. `JSONOutputTests` compares the two, on the API's own DTOs too.
///
/// What it does not do, as no type here needs it: a key written twice stays twice (`JSONEncoder` keeps the last); a
/// dictionary whose `encode(to:)` is called by hand, rather than handed to a container, keeps its hash order.
final class JSONOutput {
    /// One open object or array.
    struct Frame {
        var isObject: Bool
        /// Which container this is: a container written to after it was closed finds another id (or none) here.
        var id: Int
        var count = 0
    }

    /// The bytes written so far.
    var bytes: [UInt8] = []
    /// The open containers, outermost first.
    var frames: [Frame] = []
    /// Set when a value asked for something this writer cannot stream; the caller then falls back to `JSONEncoder`.
    var unsupported = false
    /// The number of frames open when the value being encoded began: its own container, if any, is the next one.
    var base = 0
    /// The id the next container gets.
    private var nextID = 0

    /// Encodes `value` as JSON bytes, or throws `Unsupported` when the value needs `JSONEncoder`.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let out = JSONOutput()
        out.bytes.reserveCapacity(4096)
        try out.value(value)
        out.close(downTo: 0)
        if out.unsupported { throw Unsupported() }
        return out.bytes
    }

    /// The value asked for a feature that only `JSONEncoder` offers.
    struct Unsupported: Error {}

    /// For a super encoder: its value could be written after its owner's later members, so `JSONEncoder` takes over.
    func unsupportedEncoder() -> any Encoder {
        unsupported = true
        return JSONOutput()
    }

    // MARK: containers

    /// Opens an object or array at the current position; returns its frame index and id.
    func open(object: Bool) -> (depth: Int, id: Int) {
        bytes.append(object ? UInt8(ascii: "{") : UInt8(ascii: "["))
        nextID += 1
        frames.append(Frame(isObject: object, id: nextID))
        return (frames.count - 1, nextID)
    }

    /// Closes every container deeper than `depth` frames (a nested container its owner has moved past).
    @inline(__always)
    func close(downTo depth: Int) {
        while frames.count > depth {
            let frame = frames.removeLast()
            bytes.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        }
    }

    /// Whether the container (`depth`, `id`) is still open; a write to one already closed is left to `JSONEncoder`.
    @inline(__always)
    private func isOpen(_ depth: Int, _ id: Int) -> Bool {
        guard depth < frames.count, frames[depth].id == id else {
            unsupported = true
            return false
        }
        return true
    }

    /// Starts a member of the object (`depth`, `id`): closes what is open below it, writes the separator and the key.
    func member(_ key: String, at depth: Int, id: Int, convert: Bool = true) {
        guard isOpen(depth, id) else { return }
        close(downTo: depth + 1)
        if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
        bytes.append(UInt8(ascii: "\""))
        if !convert {
            writeEscaped(key)
        } else if !SnakeCase.writePlain(key, into: &bytes) {
            writeEscaped(SnakeCase.converted(key))
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// Starts an element of the array (`depth`, `id`).
    func element(at depth: Int, id: Int) {
        guard isOpen(depth, id) else { return }
        close(downTo: depth + 1)
        if frames[depth].count > 0 { bytes.append(UInt8(ascii: ",")) }
        frames[depth].count += 1
    }

    // MARK: values

    /// Writes any encodable value at the current position.
    func value<T: Encodable>(_ value: T) throws {
        if T.self == String.self {
            string(unsafeBitCast(value, to: String.self))
        } else if T.self == Int.self {
            integer(unsafeBitCast(value, to: Int.self))
        } else if T.self == Int64.self {
            integer(unsafeBitCast(value, to: Int64.self))
        } else if T.self == Bool.self {
            literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false")
        } else if let dictionary = value as? any SortedJSONObject {
            try dictionary.writeSorted(into: self)
        } else if T.self == Date.self {
            try double(unsafeBitCast(value, to: Date.self).timeIntervalSinceReferenceDate)
        } else if T.self == URL.self {
            string(unsafeBitCast(value, to: URL.self).absoluteString)
        } else if T.self == Data.self {
            string(unsafeBitCast(value, to: Data.self).base64EncodedString())
        } else if T.self == Decimal.self {
            bytes.append(contentsOf: unsafeBitCast(value, to: Decimal.self).description.utf8)
        } else {
            let depth = frames.count
            let start = bytes.count
            let outer = base
            base = depth
            defer { base = outer }
            try value.encode(to: self)
            if bytes.count == start { literal("{}") }
            close(downTo: depth)
        }
    }

    /// Writes ASCII text as it is (a literal or a number).
    @inline(__always)
    func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Writes a quoted, escaped string.
    func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        writeEscaped(s)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a signed integer in decimal.
    func integer<I: BinaryInteger>(_ n: I) {
        if n < 0 {
            bytes.append(UInt8(ascii: "-"))
            // The magnitude of the most negative value does not fit the signed type; UInt64 holds every magnitude.
            writeDigits(UInt64(n.magnitude))
        } else {
            writeDigits(UInt64(n))
        }
    }

    private func writeDigits(_ n: UInt64) {
        let start = bytes.count
        var rest = n
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    /// Writes a floating-point number as `JSONEncoder` does: Swift's shortest form, without a trailing ".0".
    func double<F: BinaryFloatingPoint & CustomStringConvertible>(_ d: F) throws {
        guard d.isFinite else {
            throw EncodingError.invalidValue(d, .init(codingPath: [], debugDescription: "JSON has no \(d)"))
        }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// Escapes as `JSONEncoder` does: quote, backslash and control characters; slashes and non-ASCII as they are.
    func writeEscaped(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for (i, b) in utf8.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                default:
                    let hex = { (d: UInt8) in d < 10 ? UInt8(ascii: "0") + d : UInt8(ascii: "a") + d - 10 }
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex(b >> 4), hex(b & 0xF)])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
    }
}

/// A dictionary whose keys are written as an object's keys; `JSONOutput` writes them sorted so that the same
/// dictionary always gives the same bytes.
protocol SortedJSONObject {
    func writeSorted(into out: JSONOutput) throws
}

extension Dictionary: SortedJSONObject where Key: CodingKeyRepresentable, Value: Encodable {
    func writeSorted(into out: JSONOutput) throws {
        // JSONEncoder (swift-foundation of Swift 6.3) leaves a String-keyed dictionary's keys as they are and converts
        // any other kind of key; the keys are sorted as written.
        let convert = Key.self != String.self
        let members = map { member in
            let name = member.key.codingKey.stringValue
            return (convert ? SnakeCase.converted(name) : name, member.value)
        }
        let (depth, id) = out.open(object: true)
        for (name, value) in members.sorted(by: { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }) {
            out.member(name, at: depth, id: id, convert: false)
            try out.value(value)
        }
        out.close(downTo: depth)
    }
}
