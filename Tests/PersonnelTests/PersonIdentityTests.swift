import Kernel
import Personnel
import Testing

/// R-PE-15 / R-PE-2: the 审查表's identity fields, each checked as the keepers enter them.
@Suite("身份信息 — the 审查表's identity fields")
struct PersonIdentityTests {
    let today = Day(year: 2026, month: 11, day: 23)!

    func identity(
        gender: String = "男", birth: String = "1985-03", ethnicity: String = "汉族", political: String = "中共党员", id: String = "110101198503120017"
    ) -> PersonIdentity {
        PersonIdentity(gender: gender, birthMonth: birth, ethnicity: ethnicity, politicalStatus: political, idNumber: id)
    }

    func field(_ i: PersonIdentity) -> String {
        do {
            _ = try PersonnelRules.identity(i, today: today)
            return "allowed"
        } catch let e as Refusal {
            return e.field ?? e.code
        } catch { return "\(error)" }
    }

    @Test("R-PE-15 a consistent identity is kept, its month written 1985-03 however it was typed; an 18-digit number ending in X is one")
    func accepted() throws {
        #expect(try PersonnelRules.identity(identity(birth: "1985年3月"), today: today).birthMonth == "1985-03")
        #expect(try PersonnelRules.identity(identity(birth: "1985-3"), today: today).birthMonthChinese == "1985年3月")
        #expect(field(identity(gender: "女", id: "110101198503120025")) == "allowed")
        #expect(try PersonnelRules.identity(identity(id: " 110101198503120017 "), today: today).idNumber == "110101198503120017")
    }

    @Test("R-PE-15 each field refused names itself: sex, a future or malformed month, the check digit, a number whose birth month or sex disagree")
    func refused() {
        #expect(field(identity(gender: "未知")) == "gender")
        #expect(field(identity(birth: "2027-01")) == "birth_month")
        #expect(field(identity(birth: "85-3")) == "birth_month")
        #expect(field(identity(ethnicity: " ")) == "ethnicity")
        #expect(field(identity(political: "党员")) == "political_status")
        #expect(field(identity(id: "11010119850312001")) == "id_number")
        #expect(field(identity(id: "110101198503120018")) == "id_number", "wrong check digit")
        #expect(field(identity(birth: "1985-04")) == "id_number", "the number's birth month is March")
        #expect(field(identity(gender: "女")) == "id_number", "the number's sex digit is a man's")
        // 31 February 1985, its check digit right: no real birth day.
        #expect(field(identity(birth: "1985-02", id: "110101198502310011")) == "id_number")
    }
}
