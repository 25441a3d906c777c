import Accounts
import Foundation
import Kernel
import SQLKit
import Storage

/// Units, departments, persons, safes, authority, officers, catalogue items and the benchmark accounts.
extension BenchSeeder {
    static let departments = ["办公室", "保密办", "综合处", "业务一处", "业务二处"]
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红文斌辉宇鹏飞欣怡晨浩然")
    static let unitNames = ["工业和信息化局", "发展和改革委员会", "科学技术局", "财政局", "交通运输局", "海洋科学研究所", "精密制造有限公司", "电子研究院"]
    static let unitKinds = ["city_organ", "city_organ", "city_organ", "city_organ", "city_organ", "institution", "enterprise", "institution"]

    /// A person's name, the same for the same index.
    static func personName(_ i: Int) -> String {
        let s = surnames[i % surnames.count]
        let a = givenNames[(i / surnames.count) % givenNames.count]
        let b = givenNames[(i / 7 + i / (surnames.count * givenNames.count)) % givenNames.count]
        return String(s) + String(a) + (i % 3 == 0 ? "" : String(b))
    }

    static func unitName(_ u: Int) -> String {
        switch u {
        case 0: "江海市国家保密局"
        case 1: "江海市工业和信息化局"
        default: "江海市\(unitNames[u % unitNames.count])（\(u)）"
        }
    }

    mutating func seedOrganisation(_ sink: BulkSink) async throws {
        let layout = self.layout
        let now = self.nowMillis
        let passwordHash = self.passwordHash
        progress.begin("单位、部门、人员 units, departments, persons")
        let rows = try await sink.batch { db in
            var units = TableWriter("units", ["id", "name", "kind", "parent_id", "region", "created_at"])
            var departments = TableWriter("departments", ["id", "unit_id", "name", "created_at"])
            var safes = TableWriter("safes", ["id", "unit_id", "name", "location", "level", "top_secret_only", "created_at"])
            var authority = TableWriter("unit_authority", ["unit_id", "own_cap", "basis", "updated_at"])
            var officers = TableWriter("officers", ["id", "unit_id", "person_id", "kind", "cap", "appointed_on", "trained_on", "created_at"])
            var catalogue = TableWriter(
                "catalogue_items",
                [
                    "id", "unit_id", "code", "name", "level", "period", "allows_long_term", "scope", "production_level", "source_document", "revision",
                    "updated_at",
                ])
            for u in 0..<layout.units {
                let id = SeedID.make(SeedID.unit, u)
                let kind = u == 0 ? "admin_city" : Self.unitKinds[u % Self.unitKinds.count]
                try await units.add(
                    [
                        SQLText.q(id), SQLText.q(Self.unitName(u)), SQLText.q(kind), u == 0 ? "NULL" : SQLText.q(SeedID.make(SeedID.unit, 0)), "'江海市'",
                        SQLText.n(now),
                    ],
                    on: db)
            }
            try await units.flush(on: db)
            for u in 0..<layout.units {
                let id = SeedID.make(SeedID.unit, u)
                for (d, name) in Self.departments.enumerated() {
                    try await departments.add(
                        [SQLText.q(SeedID.make(SeedID.department, u * 8 + d)), SQLText.q(id), SQLText.q(name), SQLText.n(now)], on: db)
                }
            }
            try await departments.flush(on: db)
            var persons = TableWriter(
                "persons", ["id", "unit_id", "department_id", "name", "post", "title", "phone", "email", "tier", "created_at", "updated_at"])
            for u in 0..<layout.units {
                let count = layout.persons.count[u]
                for local in 0..<count {
                    let i = layout.person(u, local)
                    let dept = local == 0 ? 1 : local % Self.departments.count
                    let post = local == 0 ? "保密员" : local == 1 ? "承办人" : local == 2 ? "定密责任人" : "科员"
                    try await persons.add(
                        [
                            SQLText.q(SeedID.make(SeedID.person, i)), SQLText.q(SeedID.make(SeedID.unit, u)),
                            SQLText.q(SeedID.make(SeedID.department, u * 8 + dept)), SQLText.q(Self.personName(i)), SQLText.q(post), "'科员'",
                            SQLText.q(String(format: "0750-%07d", i)), SQLText.q("p\(i)@bench.baomi"),
                            SQLText.q(layout.tier(local: local, count: count).rawValue), SQLText.n(now), SQLText.n(now),
                        ], on: db)
                }
            }
            try await persons.flush(on: db)
            for u in 1..<layout.units {
                let id = SeedID.make(SeedID.unit, u)
                let safeRows: [(String, String, String, Int)] = [
                    ("1号保密柜", "保密室", "confidential", 0), ("2号保密柜", "综合处", "secret", 0), ("绝密专用柜", "保密室", "top_secret", 1),
                ]
                for (k, safe) in safeRows.enumerated() {
                    try await safes.add(
                        [
                            SQLText.q(SeedID.make(SeedID.safe, u * 4 + k)), SQLText.q(id), SQLText.q(safe.0), SQLText.q(safe.1), SQLText.q(safe.2),
                            String(safe.3), SQLText.n(now),
                        ],
                        on: db)
                }
                try await authority.add([SQLText.q(id), "'confidential'", "'江海市国家保密局确认（基准数据）'", SQLText.n(now)], on: db)
                try await officers.add(
                    [
                        SQLText.q(SeedID.make(SeedID.officer, u)), SQLText.q(id), SQLText.q(SeedID.make(SeedID.person, layout.person(u, 2))), "'designated'",
                        "'confidential'", SQLText.q(day: layout.today.adding(days: -400)), SQLText.q(day: layout.today.adding(days: -380)), SQLText.n(now),
                    ], on: db)
                for (k, item) in Self.catalogueItems.enumerated() {
                    try await catalogue.add(
                        [
                            SQLText.q(SeedID.make(SeedID.catalogue, u * 4 + k)), SQLText.q(id), SQLText.q("BM-0\(k + 1)"), SQLText.q(item.name),
                            SQLText.q(item.level.code), SQLText.q("\(item.years)年"), "0", "'单位领导、业务处室'", "'市级'", "'本行业国家秘密及其密级具体范围的规定'", "1",
                            SQLText.n(now),
                        ], on: db)
                }
            }
            var users = TableWriter(
                "users",
                [
                    "id", "username", "display_name", "person_id", "password_hash", "failed_logins", "locked", "must_change_password", "password_changed_at",
                    "created_at",
                ])
            var roles = TableWriter("user_roles", ["user_id", "role"])
            for (k, account) in Self.accounts.enumerated() {
                let person = layout.person(account.unit, account.local)
                let userID = SeedID.make(SeedID.user, k)
                // must_change_password = 0: the accounts work through the API at once (R-SY-4 asks a changed initial password).
                try await users.add(
                    [
                        SQLText.q(userID), SQLText.q(account.username), SQLText.q(Self.personName(person)), SQLText.q(SeedID.make(SeedID.person, person)),
                        SQLText.q(passwordHash), "0", "0", "0", SQLText.n(now), SQLText.n(now),
                    ], on: db)
                for role in account.roles { try await roles.add([SQLText.q(userID), SQLText.q(role.rawValue)], on: db) }
            }
            try await safes.flush(on: db)
            try await authority.flush(on: db)
            try await officers.flush(on: db)
            try await catalogue.flush(on: db)
            try await users.flush(on: db)
            try await roles.flush(on: db)
            return layout.persons.start.last! + layout.persons.count.last! + layout.units * 6
        }
        report.seconds["organisation"] = progress.end("单位、部门、人员", rows: rows)
        report.rows["persons"] = layout.persons.start.last! + layout.persons.count.last!
        report.rows["units"] = layout.units
        report.accounts = Self.accounts.map(\.username)
    }

    /// The benchmark accounts: unit and local person index, roles.
    static let accounts: [(username: String, unit: Int, local: Int, roles: [Role])] = [
        ("bench-clerk", 1, 0, [.secrecyClerk]),
        ("bench-handler", 1, 1, [.handler]),
        ("bench-classifier", 1, 2, [.classifier, .leader]),
        ("bench-admin", 0, 0, [.administrationStaff]),
    ]

    static let catalogueItems: [(name: String, level: Level, years: Int)] = [
        ("尚未公布的重点项目布局", .confidential, 10), ("招商引资谈判底线和策略", .confidential, 5), ("年度工作计划中的敏感事项", .secret, 5),
        ("专项资金分配方案", .secret, 3),
    ]
}
