import Accounts
import Audit
import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import Kernel
import Organisation
import SQLKit
import Storage

/// The demo organisation — units, departments, staff with their accounts, 涉密通知 — that the other areas' demo data
/// builds on (`DemoSeeder` in `Areas` seeds them all, in order).
///
/// Every demo business account shares one password — random and printed once, or `BAOMI_DEMO_PASSWORD`.
/// It is hashed once, so seeding stays well under a second.
public enum OrganisationDemo {
    /// A demo login.
    public struct Login: Sendable {
        /// The user name to log in with.
        public let username: String
        /// The person's name (姓名).
        public let name: String
        /// The account's roles.
        public let roles: [Role]
        /// 涉密人员等级 — the person's clearance tier.
        public let tier: ClearanceTier
        /// The name of the person's unit.
        public let unit: String
        /// R-DV-3: on a 绝密 system, the authenticator URL of the account's one-time codes.
        public let otpURL: String?
    }

    /// What was seeded.
    public struct Report: Sendable {
        /// The one password of every demo business account.
        public let password: String
        /// The demo logins, for the newcomer's first screen.
        public let logins: [Login]
    }

    /// The seeded organisation as the other areas' demo data needs it.
    public struct Seeded: Sendable {
        /// The logins and password.
        public let report: Report
        /// Unit IDs by unit name.
        public let units: [String: String]
        /// Person IDs by user name.
        public let persons: [String: String]
        /// The acting user of each demo account, by user name.
        public let actors: [String: Actor]
    }

    struct PersonSpec {
        let username: String, name: String, unit: String, dept: String?, post: String, title: String, tier: ClearanceTier, roles: [Role]
    }

    static let units: [(name: String, kind: UnitKind, parent: String?, region: String)] = [
        ("国家保密局", .administration(.national), nil, "北京"),
        ("华南省国家保密局", .administration(.provincial), "国家保密局", "华南省"),
        ("华南省发展和改革委员会", .provincialOrgan, "华南省国家保密局", "华南省"),
        ("江海市国家保密局", .administration(.city), "华南省国家保密局", "江海市"),
        ("江海市工业和信息化局", .cityOrgan, "江海市国家保密局", "江海市"),
        ("江海市海洋科学研究所", .institution, "江海市国家保密局", "江海市"),
        ("江海精密制造有限公司", .enterprise, "江海市国家保密局", "江海市"),
        ("江海市新湾区保密局", .administration(.county), "江海市国家保密局", "新湾区"),
    ]

    static let departments: [(unit: String, name: String)] = [
        ("江海市工业和信息化局", "办公室"), ("江海市工业和信息化局", "保密办"), ("江海市工业和信息化局", "规划科"),
        ("江海市工业和信息化局", "科技与装备科"), ("江海市海洋科学研究所", "综合处"), ("江海市海洋科学研究所", "第一研究室"),
        ("江海精密制造有限公司", "保密办"), ("江海精密制造有限公司", "军品研制部"), ("江海市国家保密局", "督查科"), ("华南省国家保密局", "定密管理处"),
    ]

    static let people: [PersonSpec] = [
        .init(username: "chenjun", name: "陈军", unit: "江海市工业和信息化局", dept: "办公室", post: "局长", title: "局长", tier: .core, roles: [.leader, .classifier]),
        .init(username: "lihua", name: "李华", unit: "江海市工业和信息化局", dept: "规划科", post: "定密责任人", title: "副局长", tier: .core, roles: [.classifier, .leader]),
        .init(
            username: "zhaoqiang", name: "赵强", unit: "江海市工业和信息化局", dept: "规划科", post: "科长", title: "科长", tier: .important, roles: [.departmentHead, .handler]),
        .init(username: "zhangwei", name: "张伟", unit: "江海市工业和信息化局", dept: "规划科", post: "规划编制", title: "科员", tier: .important, roles: [.handler]),
        .init(username: "wangfang", name: "王芳", unit: "江海市工业和信息化局", dept: "保密办", post: "保密员", title: "科员", tier: .core, roles: [.secrecyClerk]),
        .init(username: "liuyang", name: "刘洋", unit: "江海市工业和信息化局", dept: "保密办", post: "保密办主任", title: "主任", tier: .important, roles: [.secrecyOffice]),
        .init(username: "zhoumin", name: "周敏", unit: "江海市工业和信息化局", dept: "科技与装备科", post: "项目管理", title: "科员", tier: .general, roles: [.handler]),
        .init(username: "wuhao", name: "吴昊", unit: "江海市工业和信息化局", dept: "办公室", post: "文印", title: "职员", tier: .none, roles: [.handler]),
        .init(username: "sunli", name: "孙丽", unit: "江海市国家保密局", dept: "督查科", post: "督查员", title: "科长", tier: .important, roles: [.administrationStaff]),
        .init(username: "hefeng", name: "何峰", unit: "江海市海洋科学研究所", dept: "第一研究室", post: "研究员", title: "主任", tier: .important, roles: [.handler, .classifier]),
        .init(username: "zhengli", name: "郑丽", unit: "江海市海洋科学研究所", dept: "综合处", post: "保密员", title: "科员", tier: .important, roles: [.secrecyClerk]),
        .init(
            username: "qianhong", name: "钱红", unit: "华南省国家保密局", dept: "定密管理处", post: "定密管理", title: "处长", tier: .important,
            roles: [.administrationStaff]),
        .init(username: "maling", name: "马玲", unit: "江海精密制造有限公司", dept: "保密办", post: "保密员", title: "专员", tier: .important, roles: [.secrecyClerk]),
    ]

    static let notices: [(author: String, title: String, marking: String, issued: String, scope: [String])] = [
        ("lihua", "关于江海市重点产业布局调整方案的通知", "机密★10年", "2026-03-12", ["chenjun", "zhaoqiang", "zhangwei", "wangfang"]),
        ("chenjun", "关于某型装备配套项目选址的决定", "绝密★20年", "2026-05-08", ["lihua", "wangfang"]),
        ("zhaoqiang", "2026年度工业投资计划（内部讨论稿）", "秘密★2027年12月31日", "2026-02-20", ["zhangwei", "zhoumin", "wangfang"]),
        ("zhangwei", "关于专项资金分配方案的说明", "秘密★6个月", "2026-09-01", ["zhaoqiang", "zhoumin"]),
        ("lihua", "关于海洋监测网络建设的批复", "机密★项目竣工验收后解密", "2026-07-15", ["zhaoqiang", "wangfang"]),
        ("wangfang", "2026年第三季度涉密载体清退通知", "秘密★1年", "2026-10-09", ["chenjun", "lihua", "zhaoqiang", "zhangwei", "liuyang"]),
    ]

    /// Seeds the demo organisation unless it is already there. Returns nil if it was seeded before.
    public static func seed(_ services: Services, password given: String?) async throws -> Seeded? {
        let s = services
        let already = try await s.database.read { db in try await OrganisationStore.unit(named: units[0].name, on: db) }
        if already != nil { return nil }
        let password = given ?? IDs.password()
        try s.passwordPolicy.validate(password, field: "BAOMI_DEMO_PASSWORD")
        let hash = Bcrypt.hash(password, cost: s.bcryptCost)
        var unitIDs: [String: String] = [:]
        for u in units {
            let unit = try await s.organisation.createUnit(.system, name: u.name, kind: u.kind, parentID: u.parent.flatMap { unitIDs[$0] }, region: u.region)
            unitIDs[u.name] = unit.id
        }
        var deptIDs: [String: String] = [:]
        for d in departments {
            let dept = try await s.organisation.createDepartment(.system, unitID: unitIDs[d.unit]!, name: d.name)
            deptIDs["\(d.unit)/\(d.name)"] = dept.id
        }
        var actors: [String: Actor] = [:]
        var personIDs: [String: String] = [:]
        var logins: [Login] = []
        for (index, p) in people.enumerated() {
            let person = try await s.organisation.createPerson(
                .system,
                Person(
                    id: "", unitID: unitIDs[p.unit]!, departmentID: p.dept.flatMap { deptIDs["\(p.unit)/\($0)"] }, name: p.name,
                    post: p.post, title: p.title, phone: String(format: "0750-32%05d", 1000 + index), email: "\(p.username)@demo.baomi", tier: p.tier))
            personIDs[p.username] = person.id
            let user = User(
                id: IDs.make(), username: p.username, displayName: p.name, personID: person.id, passwordHash: hash,
                otpSecret: s.passwordPolicy.requiresOneTimePassword ? IDs.token(bytes: 10) : nil,
                failedLogins: 0, locked: false, mustChangePassword: false, roles: Set(p.roles), lastLoginAt: nil)
            try await s.database.transaction { db in
                try await UserStore.insert(user, at: s.nowMillis, on: db)
                try await AuditStore.append(s.record(.system, "user.create", target: "user", id: user.id, detail: "演示数据"), on: db)
            }
            actors[p.username] = Actor(userID: user.id, username: p.username, displayName: p.name, roles: Set(p.roles), person: person)
            logins.append(
                Login(
                    username: p.username, name: p.name, roles: p.roles, tier: p.tier, unit: p.unit,
                    otpURL: user.otpSecret.map { TOTP(secret: $0).createAuthenticatorURL(label: p.username, issuer: "Baomi") }))
        }
        // R-DV-7: no demo record above the deployment's level.
        for n in notices where (try? Marking.parse(n.marking))?.level ?? .topSecret <= s.systemLevel {
            _ = try await s.notices.create(
                actors[n.author]!,
                NewNotice(
                    title: n.title, body: "（演示数据）\(n.title)。正文略。", marking: n.marking, issuedOn: n.issued,
                    scopePersonIDs: n.scope.compactMap { personIDs[$0] }))
        }
        return Seeded(report: Report(password: password, logins: logins), units: unitIDs, persons: personIDs, actors: actors)
    }
}
