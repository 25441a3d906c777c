import Foundation

extension String {
    /// Empty once spaces are trimmed: what a required text field must not be.
    public var isBlank: Bool { trimmingCharacters(in: .whitespaces).isEmpty }
}

extension Optional where Wrapped == String {
    /// Missing, or empty once spaces are trimmed.
    public var isBlank: Bool { self?.isBlank ?? true }
}

/// Formats an instant for tables (China Standard Time).
public func formatMillis(_ millis: Int64?) -> String {
    guard let millis else { return "—" }
    let date = Date(timeIntervalSince1970: Double(millis) / 1000)
    let f = DateFormatter()
    f.locale = Locale(identifier: "zh_CN")
    f.timeZone = TimeZone(identifier: "Asia/Shanghai")
    f.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return f.string(from: date)
}

extension String {
    /// A list typed in one field (份号, 知悉范围, 监销人…): items separated by 、，, ; ； or spaces, blanks dropped.
    public var listItems: [String] { split(whereSeparator: { "、，,;； ".contains($0) }).map(String.init) }
}
