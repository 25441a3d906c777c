import Foundation
import Kernel

/// Field validation shared by the services: every refusal names the field (in the API) and says why in Chinese.
package enum Validate {
    /// Trims and checks a text field's length.
    package static func text(_ value: String?, field: String, label: String, min: Int = 1, max: Int = 200) throws -> String {
        let trimmed = (value ?? "").trimmingSpacesAndNewlines
        if trimmed.count < min {
            throw Refusal.invalid(field, min <= 1 ? "\(label)不能为空" : "\(label)至少\(min)个字符", code: "validation.required")
        }
        if trimmed.count > max {
            throw Refusal.invalid(field, "\(label)不得超过\(max)个字符", code: "validation.too_long")
        }
        return trimmed
    }

    /// An optional text field: empty becomes "".
    package static func optionalText(_ value: String?, field: String, label: String, max: Int = 200) throws -> String {
        let trimmed = (value ?? "").trimmingSpacesAndNewlines
        if trimmed.count > max {
            throw Refusal.invalid(field, "\(label)不得超过\(max)个字符", code: "validation.too_long")
        }
        return trimmed
    }

    /// A user name: 3–32 characters of letters, digits, `.`, `_`, `-`.
    package static func username(_ value: String?) throws -> String {
        let name = try text(value, field: "username", label: "用户名", min: 3, max: 32)
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
        guard name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw Refusal.invalid("username", "用户名只能包含字母、数字和 . _ -", code: "validation.format")
        }
        return name
    }

    /// A day in `YYYY-MM-DD`.
    package static func day(_ value: String?, field: String, label: String) throws -> Day {
        guard let value, let day = Day(iso: value.trimmingSpaces) else {
            throw Refusal.invalid(field, "\(label)应为 YYYY-MM-DD 格式的日期", code: "validation.format")
        }
        return day
    }
}
