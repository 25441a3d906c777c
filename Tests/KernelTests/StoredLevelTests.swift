import Kernel
import Testing

@Suite("存储的密级 — stored levels fail closed")
struct StoredLevelTests {
    @Test("R-LV-1 R-KS-4 a record's stored level that cannot be read counts as 绝密; every readable code reads as itself")
    func record() {
        for level in Level.allCases { #expect(Level.stored(level.code) == level) }
        for garbage in ["", "TOP_SECRET", "绝密", "secret ", "4"] { #expect(Level.stored(garbage) == .topSecret) }
    }

    @Test("R-AU-1 a stored ceiling that cannot be read grants least: 秘密")
    func ceiling() {
        for level in Level.allCases { #expect(Level.storedCeiling(level.code) == level) }
        #expect(Level.storedCeiling("top-secret") == .secret)
    }
}
