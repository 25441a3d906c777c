import Kernel

/// Password and login policy of a deployment (R-SY-4 applying R-DV-3).
public struct PasswordPolicy: Sendable, Hashable {
    /// The highest level the deployment processes; it sets the password rules.
    public let systemLevel: Level
    /// Failed logins before the account locks (R-DV-3: 3).
    public let maxFailedLogins: Int

    /// Creates the policy for a deployment level.
    public init(systemLevel: Level, maxFailedLogins: Int = 3) {
        self.systemLevel = systemLevel
        self.maxFailedLogins = maxFailedLogins
    }

    /// R-DV-3: 秘密 ≥ 8 characters, 机密 ≥ 10; 绝密 uses one-time codes on top of a password of ≥ 10.
    public var minimumLength: Int {
        switch systemLevel {
        case .secret: 8
        case .confidential, .topSecret: 10
        }
    }

    /// R-DV-3: at 绝密, logins need a one-time password (TOTP) as well.
    public var requiresOneTimePassword: Bool { systemLevel == .topSecret }

    /// R-SY-4 / R-DV-3: checks length and at least two of upper case, lower case, digits, symbols.
    public func validate(_ password: String, field: String = "password") throws(AccountsError) {
        if password.count < minimumLength {
            throw .weakPassword(field: field, reason: "长度不足\(minimumLength)位（\(systemLevel.chinese)级系统要求）")
        }
        if password.count > 128 {
            throw .weakPassword(field: field, reason: "长度不得超过128位")
        }
        if characterClasses(in: password) < 2 {
            throw .weakPassword(field: field, reason: "须至少包含大写字母、小写字母、数字、符号中的两类")
        }
    }

    /// Counts the character classes present: upper case, lower case, digits, symbols.
    func characterClasses(in password: String) -> Int {
        var upper = false, lower = false, digit = false, symbol = false
        for scalar in password.unicodeScalars {
            switch scalar {
            case "A"..."Z": upper = true
            case "a"..."z": lower = true
            case "0"..."9": digit = true
            default: symbol = true
            }
        }
        return [upper, lower, digit, symbol].filter { $0 }.count
    }
}
