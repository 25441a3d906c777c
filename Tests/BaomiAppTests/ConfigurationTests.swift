import BaomiApp
import Kernel
import Testing

/// The deployment's settings as the server reads them from its environment (moved from the 定密 flow tests, whose
/// service now lives in its own target).
@Suite("Configuration")
struct ConfigurationTests {
    @Test("R-DC-1 reminder lead times are configured, and a bad setting is refused naming it")
    func reminderConfig() throws {
        let config = try AppConfiguration.fromEnvironment(["BAOMI_REMINDER_DAYS": "60, 15"])
        #expect(config.reminderLeadDays == [60, 15])
        #expect(try AppConfiguration.fromEnvironment([:]).reminderLeadDays == [90, 30])
        #expect(throws: Refusal.self) { try AppConfiguration.fromEnvironment(["BAOMI_REMINDER_DAYS": "soon"]) }
    }
}
