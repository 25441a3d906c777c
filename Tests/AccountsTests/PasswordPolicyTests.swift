import Accounts
import Kernel
import Testing

@Suite("口令规则 — password policy")
struct PasswordPolicyTests {
    @Test("R-SY-4 秘密 deployments need at least 8 characters")
    func secretLength() throws {
        let policy = PasswordPolicy(systemLevel: .secret)
        #expect(throws: AccountsError.self) { try policy.validate("Abcdef1") }
        try policy.validate("Abcdef12")
    }

    @Test("R-SY-4 机密 deployments need at least 10 characters")
    func confidentialLength() throws {
        let policy = PasswordPolicy(systemLevel: .confidential)
        #expect(throws: AccountsError.self) { try policy.validate("Abcdefgh1") }
        try policy.validate("Abcdefgh12")
    }

    @Test("R-SY-4 绝密 deployments need one-time passwords as well")
    func topSecretNeedsOTP() {
        #expect(PasswordPolicy(systemLevel: .topSecret).requiresOneTimePassword)
        #expect(!PasswordPolicy(systemLevel: .confidential).requiresOneTimePassword)
        #expect(!PasswordPolicy(systemLevel: .secret).requiresOneTimePassword)
    }

    @Test("R-SY-4 a password needs two character classes", arguments: ["abcdefghijkl", "ABCDEFGHIJKL", "123456789012", "!@#$%^&*()-="])
    func oneClassRefused(password: String) {
        #expect(throws: AccountsError.self) { try PasswordPolicy(systemLevel: .confidential).validate(password) }
    }

    @Test("R-SY-4 two classes suffice", arguments: ["abcdefghij1", "ABCDEFGHIJ-", "12345678901a", "abcdefghij!"])
    func twoClassesAccepted(password: String) throws {
        try PasswordPolicy(systemLevel: .confidential).validate(password)
    }

    @Test("R-SY-4 the refusal names the field and the rule")
    func refusalNamesField() {
        do {
            try PasswordPolicy(systemLevel: .confidential).validate("short", field: "new_password")
            Issue.record("short password accepted")
        } catch {
            #expect(error.field == "new_password")
            #expect(error.ruleID == "R-SY-4")
            #expect(error.message.contains("10"))
        }
    }

    @Test("R-SY-4 accounts lock after 3 failed logins by default")
    func lockThreshold() {
        #expect(PasswordPolicy(systemLevel: .secret).maxFailedLogins == 3)
    }
}
