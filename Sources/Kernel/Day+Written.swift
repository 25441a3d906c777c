import Foundation

extension Day {
    /// A date as a spreadsheet or a person writes it in an imported file: `2025-03-01`, `2025-3-1`, `2025/3/1`,
    /// `2025.3.1` or `2025年3月1日`, each optionally followed by a time (`2025/3/1 14:30`, `2025-03-01T00:00:00`); or an
    /// Excel serial number (`45717`, its fraction the time of day) in the 1900 date system, or the 1904 one when the
    /// workbook says so, within 20,000–80,000 so that a plain count is never read as a date. Nil for anything else.
    public init?(written text: String, date1904: Bool = false) {
        if let iso = Day(iso: text) {
            self = iso
            return
        }
        let scalars = Array(text.trimmingSpacesAndNewlines.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        if let serial = Double(String(String.UnicodeScalarView(scalars))) {
            // The range first: a number too large for Int is no date (and must not trap converting it).
            guard serial.isFinite, serial >= 20_000, serial < 80_000 else { return nil }
            self.init(serial: serial, date1904: date1904)
            return
        }
        var i = 0
        func number(_ maxDigits: Int) -> Int? {
            var n = 0
            var digits = 0
            while i < scalars.count, digits < maxDigits, let d = Day.digit(scalars[i]) {
                n = n * 10 + d
                digits += 1
                i += 1
            }
            return digits == 0 ? nil : n
        }
        func separator(_ allowed: Set<Unicode.Scalar>) -> Unicode.Scalar? {
            guard i < scalars.count, allowed.contains(scalars[i]) else { return nil }
            defer { i += 1 }
            return scalars[i]
        }
        guard let year = number(4), i == 4, let first = separator(["-", "/", ".", "年"]), let month = number(2) else { return nil }
        let second: Set<Unicode.Scalar> = first == "年" ? ["月"] : [first]
        guard separator(second) != nil, let day = number(2) else { return nil }
        if first == "年" { _ = separator(["日"]) }
        // What follows may only be a time of day.
        if i < scalars.count {
            guard scalars[i] == " " || scalars[i] == "T" else { return nil }
            let time = scalars[(i + 1)...]
            guard time.allSatisfy({ Day.digit($0) != nil || ":.+-Z ".unicodeScalars.contains($0) }) else { return nil }
        }
        self.init(year: year, month: month, day: day)
    }

    /// An ASCII or a full-width digit (Chinese input methods type both).
    static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: Int(s.value - 0x30)
        case 0xFF10...0xFF19: Int(s.value - 0xFF10)
        default: nil
        }
    }

    /// The day an Excel serial number shows, its fraction (the time of day) rounded to the millisecond first as Excel
    /// does before it formats a value — 45716.99999999999 is 1 March 2025, not 28 February — in the 1900 date system
    /// (counting its non-existent 29 February 1900) or the 1904 one; nil outside Excel's range (up to 9999-12-31).
    public init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        let whole = Int(((serial * 86_400_000).rounded() / 86_400_000).rounded(.down))
        self.init(daysSinceEpoch: date1904 ? whole - Day.excelEpochOffset1904 : whole - Day.excelEpochOffset1900 + (whole < 61 ? 1 : 0))
    }

    /// Days between Excel's 1900 epoch (serial 0 = 1899-12-30, past its leap-year bug) and 1970-01-01.
    public static let excelEpochOffset1900 = 25_569
    /// Days between Excel's 1904 epoch (serial 0 = 1904-01-01) and 1970-01-01.
    public static let excelEpochOffset1904 = 24_107
}

extension Int {
    /// A whole number as a spreadsheet writes it: `4`, or `4.0` from a number cell; nil for a fraction, or beyond a
    /// billion either way.
    public init?(written text: String) {
        if let n = Int(text) {
            self = n
            return
        }
        guard let d = Double(text), d.isFinite, d == d.rounded(), abs(d) < 1e9 else { return nil }
        self = Int(d)
    }
}
