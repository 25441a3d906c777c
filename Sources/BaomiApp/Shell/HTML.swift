/// HTML that is safe to send: the literal parts of a view are trusted markup, and every value interpolated into them is
/// escaped — `<` `>` `&` `"` `'` as `&lt;` `&gt;` `&amp;` `&quot;` `&#39;` — unless it is `HTML` itself. Forgetting to
/// escape is not possible: a `String` goes in escaped, other types only through the interpolations below.
///
///     let row: HTML = "<tr><td><a href=\"/carriers/\(c.id)\">\(c.number)</a></td></tr>"
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The markup, UTF-8.
    public private(set) var bytes: [UInt8]

    /// Nothing.
    public static let empty = HTML(bytes: [])

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// Markup written in the source: trusted as it is.
    public init(stringLiteral literal: StaticString) {
        bytes = Array(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// A view's markup with its values escaped.
    public init(stringInterpolation: Interpolation) { bytes = stringInterpolation.bytes }

    /// Markup that is already safe though not built here (a vendored fragment …): said so at the call.
    public init(trusted markup: String) { bytes = Array(markup.utf8) }

    /// Text as HTML: escaped.
    public init(text: String) {
        bytes = []
        Self.escape(text, into: &bytes)
    }

    /// The markup as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `other`.
    public mutating func append(_ other: HTML) { bytes.append(contentsOf: other.bytes) }

    /// Both, one after the other.
    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(bytes: lhs.bytes + rhs.bytes) }

    /// Escapes `text` onto `out`: runs without any of the five characters are copied whole.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x40, let entity = entity(byte) else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    private static func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// The interpolations a view may use: text (escaped), HTML (as it is), numbers, lists of HTML, and parts shown
    /// only when a condition holds. Anything else does not compile.
    public struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8]

        /// Room for the literal text and a few bytes per value.
        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes = []
            bytes.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        /// Markup written in the source.
        public mutating func appendLiteral(_ literal: StaticString) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
        }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { HTML.escape(text, into: &bytes) }

        /// Text if there is some: escaped; nothing when nil.
        public mutating func appendInterpolation(_ text: String?) { if let text { HTML.escape(text, into: &bytes) } }

        /// Markup: as it is.
        public mutating func appendInterpolation(_ html: HTML) { bytes.append(contentsOf: html.bytes) }

        /// Markup if there is some; nothing when nil.
        public mutating func appendInterpolation(_ html: HTML?) { if let html { bytes.append(contentsOf: html.bytes) } }

        /// A whole number.
        public mutating func appendInterpolation(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }

        /// Markup pieces, one after another.
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { bytes.append(contentsOf: part.bytes) } }

        /// Each item as `row` writes it, one after another.
        public mutating func appendInterpolation<S: Sequence>(each items: S, _ row: (S.Element) -> HTML) {
            for item in items { bytes.append(contentsOf: row(item).bytes) }
        }

        /// `html` when `condition` holds; nothing otherwise.
        public mutating func appendInterpolation(if condition: Bool, _ html: @autoclosure () -> HTML) {
            if condition { bytes.append(contentsOf: html().bytes) }
        }

        /// `then` when `condition` holds, `else` otherwise.
        public mutating func appendInterpolation(if condition: Bool, _ then: @autoclosure () -> HTML, else other: @autoclosure () -> HTML) {
            bytes.append(contentsOf: (condition ? then() : other()).bytes)
        }
    }
}
