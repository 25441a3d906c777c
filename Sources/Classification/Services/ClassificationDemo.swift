import Accounts
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密 demo data: authority, a grant, officers, a catalogue, and secrets in every state.
///
/// Current steps go through `ClassificationService` like a user would; historical secrets (issued years ago,
/// declassified, extended) are written with their history directly, since the service only acts "today".
public enum ClassificationDemo {
    static let catalogue: [(code: String, name: String, level: Level, period: SecrecyPeriod, scope: String)] =
        [
            ("GX-01", "全市工业和信息化发展规划中尚未公布的重点项目布局", .confidential, .years(10), "局领导、规划科"),
            ("GX-02", "重点产业链招商引资谈判底线和策略", .confidential, .years(5), "局领导、投资促进科"),
            ("GX-03", "国防科技工业配套项目的名称、地点和规模", .confidential, .years(20), "局领导、科技与装备科"),
            ("GX-04", "工业投资计划中的未公开资金安排", .secret, .years(3), "局领导、规划科、财务科"),
            ("GX-05", "重要物资储备的品种、数量和布局", .confidential, .years(10), "局领导、经济运行科"),
            ("GX-06", "工业领域关键信息基础设施的安全防护方案", .secret, .years(10), "局领导、信息化科"),
            ("GX-07", "应急状态下工业产品调拨方案", .secret, .years(5), "局领导、经济运行科"),
            ("GX-08", "企业技术改造专项中涉及军品的项目清单", .confidential, .years(10), "局领导、科技与装备科"),
            ("GX-09", "年度重点工业项目审批过程中的评审意见", .secret, .years(2), "局领导、规划科"),
            ("GX-10", "无线电频率指配中的涉军频段资料", .confidential, .years(20), "局领导、无线电管理科"),
        ]
        + (11...40).map { n in
            let subjects = [
                "重点企业生产经营异常情况的内部分析", "产业安全审查中的企业核心数据", "涉密科研项目的立项与经费安排", "重大装备国产化替代方案",
                "关键零部件供应链风险评估", "重要工业控制系统漏洞信息", "产业园区安全保卫方案", "重点项目审批中的部门会商意见",
            ]
            let level: Level = n % 3 == 0 ? .confidential : .secret
            return (String(format: "GX-%02d", n), "\(subjects[n % subjects.count])（第\(n)项）", level, level == .confidential ? .years(10) : .years(5), "局领导、相关科室")
        }

    /// Seeds the 定密 demo on the demo organisation; `units` by name, `persons` and `actors` by user name (`OrganisationDemo.Seeded`).
    public static func seed(_ s: Services, units: [String: String], persons: [String: String], actors: [String: Actor]) async throws {
        let agency = units["江海市工业和信息化局"]!
        let institute = units["江海市海洋科学研究所"]!
        let day = s.clock.today
        try await s.classification.setOwnAuthority(.system, unitID: units["华南省发展和改革委员会"]!, cap: .topSecret, basis: "省级机关依法享有定密权")
        try await s.classification.setOwnAuthority(.system, unitID: agency, cap: .confidential, basis: "华南省国家保密局确认（华保〔2024〕8号）")
        _ = try await s.classification.decideGrant(
            .system, grantorUnitID: agency,
            grant: Grant(
                id: "", grantorUnitID: agency, granteeUnitID: institute, cap: .secret, matterScope: "海洋监测网络建设中产生的涉密技术资料",
                validFrom: day.adding(days: -300), validUntil: day.adding(days: 800)),
            basis: "国家秘密定密管理暂行规定第八条", reasons: "该所经常产生秘密级国家秘密")
        // Their training date is the 定密培训 the personnel demo recorded before (R-TR-3).
        _ = try await s.classification.appointOfficer(.system, unitID: agency, personID: persons["chenjun"]!, kind: .statutory, cap: .confidential)
        _ = try await s.classification.appointOfficer(.system, unitID: agency, personID: persons["lihua"]!, kind: .designated, cap: .confidential)
        _ = try await s.classification.appointOfficer(.system, unitID: institute, personID: persons["hefeng"]!, kind: .designated, cap: .secret)
        var items: [String: CatalogueItem] = [:]
        for entry in catalogue {
            let item = try await s.classification.saveCatalogueItem(
                .system,
                CatalogueItem(
                    id: "", unitID: agency, code: entry.code, name: entry.name, level: entry.level, period: entry.period, scope: entry.scope,
                    productionLevel: "市级", sourceDocument: "工业和信息化工作中国家秘密及其密级具体范围的规定"))
            items[entry.code] = item
        }
        let core: Set<String> = [persons["wangfang"]!, persons["chenjun"]!, persons["lihua"]!]
        func scope(_ names: String...) -> [String] { Array(core.union(names.compactMap { persons[$0] })) }
        let zhangwei = actors["zhangwei"]!, zhaoqiang = actors["zhaoqiang"]!, lihua = actors["lihua"]!
        // Current work through the service: a draft, one in review, one approved, one derived, one unclear matter.
        _ = try await s.classification.draft(
            zhangwei,
            DraftRequest(
                title: "2027年重点产业链招商谈判方案", basis: .catalogue(itemID: items["GX-02"]!.id), marking: "机密★5年",
                scope: scope("zhaoqiang"), secretPoints: "谈判底价与让步区间", questions: .allNo))
        let review = try await s.classification.draft(
            zhangwei,
            DraftRequest(
                title: "江海市先进制造业集群布局调整方案", basis: .catalogue(itemID: items["GX-01"]!.id), marking: "机密★10年",
                scope: scope("zhaoqiang"), secretPoints: "第三部分拟选址地块", questions: .allNo))
        _ = try await s.classification.submit(zhangwei, secretID: review.id, officerPersonID: persons["lihua"]!)
        let approved = try await s.classification.draft(
            zhaoqiang,
            DraftRequest(
                title: "某型装备配套企业技术改造项目清单", basis: .catalogue(itemID: items["GX-08"]!.id), marking: "机密★10年",
                scope: scope("zhangwei"), secretPoints: "项目名称与承担单位", questions: .allNo))
        _ = try await s.classification.submit(zhaoqiang, secretID: approved.id, officerPersonID: persons["lihua"]!)
        let inForce = try await s.classification.review(lihua, secretID: approved.id, decision: .approve)
        _ = try await s.classification.draft(
            zhangwei,
            DraftRequest(
                title: "技术改造项目清单（科室执行摘要）", basis: .derived(sourceID: inForce.id, ground: .summarises), marking: "",
                scope: [], secretPoints: "摘录项目名称", questions: .allNo))
        _ = try await s.classification.draft(
            zhangwei,
            DraftRequest(
                title: "新型储能材料产业化路线（不明确事项）", basis: .unclear, marking: "秘密★5年", scope: scope(),
                secretPoints: "关键工艺参数", questions: .allNo))
        // The administrations' side: an unclear matter reported, an objection appealed, filings and an application.
        let reported = try await s.classification.draft(
            zhangwei,
            DraftRequest(
                title: "海上风电并网关键设备国产化评估（不明确事项）", basis: .unclear, marking: "秘密★3年", scope: scope("zhaoqiang"),
                secretPoints: "设备缺口清单", questions: .allNo))
        _ = try await s.classification.reportUnclear(zhangwei, secretID: reported.id)
        let objection = try await s.classification.raiseObjection(
            zhaoqiang, secretID: inForce.id, claimedLevel: .secret, claimedPeriod: nil, reason: "项目清单已在行业内半公开，定为机密过高")
        try await s.classification.appealObjection(zhaoqiang, objectionID: objection.id)
        let liuyang = actors["liuyang"]!
        _ = try await s.classification.fileRoster(liuyang, unitID: agency)
        _ = try await s.classification.fileCatalogue(liuyang, unitID: agency)
        _ = try await s.classification.fileStatistics(liuyang, from: Day(year: day.year, month: 1, day: 1)!, to: day)
        _ = try await s.classification.applyForGrant(
            .system, applicantUnitID: units["江海精密制造有限公司"]!, grantorUnitID: agency, cap: .secret, matterScope: "某型装备配套零部件研制中产生的涉密事项",
            validFrom: day, validUntil: day.adding(years: 3), basis: "国家秘密定密管理暂行规定第九条", reasons: "承担配套任务，经常产生秘密级国家秘密")
        // History: secrets issued in earlier years, written with their records.
        let frozenItems = items
        let scopes = [Set(scope("zhangwei", "liuyang")), Set(scope("zhaoqiang", "liuyang"))]
        try await s.database.transaction { db in
            let titles = [
                "年度工业投资资金安排（内部）", "经济运行监测重点企业名单", "重要物资储备布局调整", "关键信息基础设施防护方案", "应急工业产品调拨预案",
                "无线电涉军频段指配资料", "军民融合项目评审意见", "重点园区扩区方案", "产业基金投向建议", "重大项目选址比选报告",
            ]
            for index in 0..<180 {
                let entry = catalogue[index % catalogue.count]
                let item = frozenItems[entry.code]!
                let issue = day.adding(days: -(20 + index * 19))
                let years = index % 4 == 0 ? 1 : (entry.period == .years(20) ? 10 : 3)
                var secret = SecretMatter(
                    id: IDs.make(), unitID: agency, title: "\(titles[index % titles.count])（\(issue.year)-\(index + 1)号）",
                    basis: .catalogue(itemID: item.id), level: entry.level, period: .years(years), issueDate: issue, draftedOn: issue,
                    scope: scopes[index % 2], secretPoints: "见正文标注", handlerPersonID: persons["zhangwei"]!,
                    officerPersonID: persons["lihua"]!, authority: .own(.confidential), status: .inForce, markings: ["\(entry.level.chinese)★\(years)年"])
                if let expiry = secret.expiry, expiry <= day {
                    secret.status = .declassified
                    secret.declassifiedOn = expiry
                    secret.markings.append("解密（\(expiry.chinese)，\(DeclassificationKind.expired.chinese)）")
                }
                try await ClassificationStore.save(secret, at: s.nowMillis, addedBy: "demo", reason: "演示数据", on: db)
                try await ClassificationStore.event(
                    secret.id, at: s.nowMillis, actor: "李华", kind: "review", summary: "定密责任人审核同意：\(secret.markings[0])", marking: secret.markings[0], on: db)
                if secret.status == .declassified {
                    try await ClassificationStore.event(
                        secret.id, at: s.nowMillis, actor: "系统", kind: "declassify", summary: DeclassificationKind.expired.chinese,
                        marking: secret.markings.last!, on: db)
                }
            }
        }
    }
}
