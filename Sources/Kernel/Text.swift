import Foundation

extension String {
    /// Empty once spaces are trimmed: what a required text field must not be.
    public var isBlank: Bool { trimmingCharacters(in: .whitespaces).isEmpty }
}

extension Optional where Wrapped == String {
    /// Missing, or empty once spaces are trimmed.
    public var isBlank: Bool { self?.isBlank ?? true }
}
