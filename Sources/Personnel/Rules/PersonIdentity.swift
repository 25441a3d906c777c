import Foundation
import Kernel

/// 身份信息 — what the 涉密资格审查表 asks of a person besides name and post: 性别, 出生年月, 民族, 政治面貌, 身份证号.
/// Entered by the file keepers and read only through the file (R-PE-15).
public struct PersonIdentity: Sendable, Hashable, Codable {
    /// 性别: 男 or 女.
    public var gender: String
    /// 出生年月, `YYYY-MM`.
    public var birthMonth: String
    /// 民族 (汉族 …).
    public var ethnicity: String
    /// 政治面貌 (中共党员, 群众 …).
    public var politicalStatus: String
    /// 公民身份号码 — 18 characters (GB 11643).
    public var idNumber: String

    /// Creates the record.
    public init(gender: String, birthMonth: String, ethnicity: String, politicalStatus: String, idNumber: String) {
        self.gender = gender
        self.birthMonth = birthMonth
        self.ethnicity = ethnicity
        self.politicalStatus = politicalStatus
        self.idNumber = idNumber
    }

    /// 出生年月 as the form prints it (1985年3月).
    public var birthMonthChinese: String {
        let parts = birthMonth.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return birthMonth }
        return "\(y)年\(m)月"
    }
}

extension PersonnelRules {
    /// The 政治面貌 a form offers.
    public static let politicalStatuses = [
        "中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员", "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众",
    ]

    /// R-PE-15 / R-PE-2: the identity the keepers enter for the 审查表, each field checked: 性别 男 or 女; 出生年月 a
    /// past month (`1985-03`, `1985-3`, `1985年3月`); 民族 and 政治面貌 named; a 身份证号 of 18 characters whose check
    /// digit is right (GB 11643) and whose birth date and sex agree with the two fields.
    public static func identity(_ input: PersonIdentity, today: Day) throws -> PersonIdentity {
        var r = input
        r.gender = r.gender.trimmingSpacesAndNewlines
        r.ethnicity = r.ethnicity.trimmingSpacesAndNewlines
        r.politicalStatus = r.politicalStatus.trimmingSpacesAndNewlines
        r.idNumber = r.idNumber.trimmingSpacesAndNewlines.uppercased()
        guard ["男", "女"].contains(r.gender) else { throw Refusal.invalid("gender", "性别应为“男”或“女”") }
        guard let (year, month) = birthMonth(r.birthMonth), let first = Day(year: year, month: month, day: 1), !(today < first), year >= 1900 else {
            throw Refusal.invalid("birth_month", "出生年月应为过去的年月，如 1985-03 或 1985年3月")
        }
        r.birthMonth = String(format: "%04d-%02d", year, month)
        guard !r.ethnicity.isEmpty, r.ethnicity.count <= 20 else { throw Refusal.invalid("ethnicity", "请填写民族（不超过20字）") }
        guard politicalStatuses.contains(r.politicalStatus) else {
            throw Refusal.invalid("political_status", "政治面貌应为\(politicalStatuses.joined(separator: "、"))之一")
        }
        let id = Array(r.idNumber.unicodeScalars)
        guard id.count == 18, id[..<17].allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }),
            isDigitOrX(id[17])
        else { throw Refusal.invalid("id_number", "身份证号应为18位（最后一位可为X）") }
        let digits = id[..<17].map { Int($0.value - 48) }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let check = Array("10X98765432")[zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
        guard Character(id[17]) == check else { throw Refusal.invalid("id_number", "身份证号的校验码不正确，请核对") }
        let born = String(String.UnicodeScalarView(id[6..<12]))
        // The birth code is a real day, not after today (GB 11643).
        let idYear = digits[6..<10].reduce(0) { $0 * 10 + $1 }
        guard let bornDay = Day(year: idYear, month: digits[10] * 10 + digits[11], day: digits[12] * 10 + digits[13]), !(today < bornDay) else {
            throw Refusal.invalid("id_number", "身份证号中的出生日期不是有效日期，请核对")
        }
        guard born == String(format: "%04d%02d", year, month) else {
            throw Refusal.invalid("id_number", "身份证号中的出生年月（\(born.prefix(4))年\(Int(born.suffix(2)) ?? 0)月）与所填出生年月不一致")
        }
        guard (digits[16] % 2 == 1) == (r.gender == "男") else { throw Refusal.invalid("id_number", "身份证号的性别位与所填性别不一致") }
        return r
    }

    /// `1985-03`, `1985-3`, `1985/3`, `1985.3` or `1985年3月`: year and month.
    static func birthMonth(_ text: String) -> (Int, Int)? {
        let t = text.trimmingSpacesAndNewlines.replacingOccurrences(of: "月", with: "")
        let parts = t.split(whereSeparator: { "-/.年".contains($0) })
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
        return (y, m)
    }

    private static func isDigitOrX(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) || s == "X" }
}
