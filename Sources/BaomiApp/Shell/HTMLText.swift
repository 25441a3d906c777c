import Mustache

/// The pages' escaping: what swift-mustache's HTML content type does — `<` `>` `&` `"` `'` as `&lt;` `&gt;` `&amp;`
/// `&quot;` `&#39;` — over the UTF-8 bytes instead of one `Character` at a time through a dictionary (issue 12: a
/// tenth of the web register's time). Text with none of the five comes back as it is, without a copy. The templates
/// select it by a `CONTENT_TYPE` line `Views.load` puts at the head of each; `{{…}}` escapes by construction as before.
struct HTMLText: MustacheContentType {
    /// The name the templates' `{{% CONTENT_TYPE: … }}` line gives.
    static let name = "BAOMI_HTML"

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { $0 < 0x40 && replacement($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if byte < 0x40, let entity = replacement(byte) {
                    out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                } else {
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func replacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
