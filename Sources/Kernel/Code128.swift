/// Code 128 (set B) barcodes for labels: register numbers are printable ASCII. Renders as SVG, so a label prints
/// sharp on any printer and scans with any handheld reader; no package or network is needed.
public enum Code128 {
    /// The 107 symbol patterns (values 0–105 and the stop symbol without its final bar), 1 = bar, 0 = space.
    static let patterns: [String] = [
        "11011001100", "11001101100", "11001100110", "10010011000", "10010001100", "10001001100", "10011001000", "10011000100",
        "10001100100", "11001001000", "11001000100", "11000100100", "10110011100", "10011011100", "10011001110", "10111001100",
        "10011101100", "10011100110", "11001110010", "11001011100", "11001001110", "11011100100", "11001110100", "11101101110",
        "11101001100", "11100101100", "11100100110", "11101100100", "11100110100", "11100110010", "11011011000", "11011000110",
        "11000110110", "10100011000", "10001011000", "10001000110", "10110001000", "10001101000", "10001100010", "11010001000",
        "11000101000", "11000100010", "10110111000", "10110001110", "10001101110", "10111011000", "10111000110", "10001110110",
        "11101110110", "11010001110", "11000101110", "11011101000", "11011100010", "11011101110", "11101011000", "11101000110",
        "11100010110", "11101101000", "11101100010", "11100011010", "11101111010", "11001000010", "11110001010", "10100110000",
        "10100001100", "10010110000", "10010000110", "10000101100", "10000100110", "10110010000", "10110000100", "10011010000",
        "10011000010", "10000110100", "10000110010", "11000010010", "11001010000", "11110111010", "11000010100", "10001111010",
        "10100111100", "10010111100", "10010011110", "10111100100", "10011110100", "10011110010", "11110100100", "11110010100",
        "11110010010", "11011011110", "11011110110", "11110110110", "10101111000", "10100011110", "10001011110", "10111101000",
        "10111100010", "11110101000", "11110100010", "10111011110", "10111101110", "11101011110", "11110101110", "11010000100",
        "11010010000", "11010011100",
    ]
    static let startB = 104
    static let stop = "1100011101011"

    /// The module pattern of `text` in code set B with its checksum, or nil when `text` is empty or has a character
    /// outside printable ASCII (space to `~`).
    public static func modules(_ text: String) -> String? {
        var values = [startB]
        for scalar in text.unicodeScalars {
            guard (32...126).contains(scalar.value) else { return nil }
            values.append(Int(scalar.value) - 32)
        }
        guard values.count > 1 else { return nil }
        let checksum = values.enumerated().reduce(0) { $0 + $1.element * max($1.offset, 1) } % 103
        return (values + [checksum]).map { patterns[$0] }.joined() + stop
    }

    /// An SVG of the barcode with a quiet zone of ten modules each side, `module` pixels per module.
    public static func svg(_ text: String, module: Int = 2, height: Int = 48) -> String? {
        guard let bits = modules(text) else { return nil }
        let quiet = 10
        let width = (bits.count + 2 * quiet) * module
        var rects = ""
        var run = 0
        var start = 0
        for (i, bit) in bits.enumerated() {
            if bit == "1" {
                if run == 0 { start = i }
                run += 1
            }
            if bit == "0" || i == bits.count - 1, run > 0 {
                rects += "<rect x=\"\((start + quiet) * module)\" y=\"0\" width=\"\(run * module)\" height=\"\(height)\"/>"
                run = 0
            }
        }
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"条码\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><g fill=\"#000\">\(rects)</g></svg>"
    }
}
