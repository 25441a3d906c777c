import Accounts
import Carriers
import Classification
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 载体 demo data: safes and a few hundred carriers in every kind and state, entered and moved through
/// `CarrierService` as the 保密员 would, plus an imported paper-era register (last year's, not yet returned).
public enum CarrierDemo {
    static let senders = ["华南省发展和改革委员会", "华南省工业和信息化厅", "江海市人民政府办公室", "江海市发展和改革委员会", "华南省国防科技工业办公室", "江海市国家保密局"]
    static let subjects = [
        "关于重点产业链项目推进情况的通报", "关于工业投资计划调整的通知", "重点企业运行监测分析报告", "关于产业安全审查工作的意见", "军民融合配套项目清单",
        "关于应急物资储备布局的方案", "工业控制系统安全检查情况通报", "关于重大装备国产化替代的会议纪要", "重点园区安全保卫工作方案", "关于专项资金安排的批复",
    ]

    /// Seeds the 载体 demo through `CarrierService` as the 保密员 `wangfang`; `persons` and `actors` by user name.
    public static func seed(_ s: Services, persons: [String: String], actors: [String: Actor]) async throws {
        let c = s.carriers
        let clerk = actors["wangfang"]!
        let chenjun = persons["chenjun"]!
        let staff = ["chenjun", "lihua", "zhaoqiang", "zhangwei"].map { persons[$0]! }
        let general = persons["zhoumin"]!
        let safeSecret = try await c.registerSafe(clerk, name: "1号保密柜", location: "保密室", level: .confidential, topSecretOnly: false)
        let safeLow = try await c.registerSafe(clerk, name: "2号保密柜", location: "规划科", level: .secret, topSecretOnly: false)
        let safeTop = try await c.registerSafe(clerk, name: "绝密专用柜", location: "保密室", level: .topSecret, topSecretOnly: true)
        func check(_ copies: Int, _ level: Level) -> CarrierRules.ReceiptCheck {
            let serials = (try? CarrierRules.serials(copies: copies)) ?? []
            return CarrierRules.ReceiptCheck(
                packageIntact: true, expectedCopies: copies, countedCopies: copies, expectedSerials: serials, foundSerials: serials, markedLevel: level,
                listedLevel: level, addresseeMatches: true)
        }
        var received: [Carrier] = []
        for n in 0..<240 {
            // R-DV-7: the demo holds nothing above the deployment's level (绝密 examples only on a 绝密 system).
            let level: Level = min(n % 20 == 7 ? .topSecret : n % 3 == 0 ? .confidential : .secret, s.systemLevel)
            let marking = level == .topSecret ? "绝密★20年" : level == .confidential ? "机密★10年" : "秘密★\(n % 2 == 0 ? 5 : 3)年"
            let kind: CarrierKind = n % 17 == 5 ? .device : n % 6 == 1 ? .electronic : .paper
            let copies = kind == .paper ? 1 + n % 3 : 1
            let scope = level == .topSecret ? [chenjun, persons["lihua"]!] : Array(staff.prefix(2 + n % 3)) + (level == .secret && n % 4 == 0 ? [general] : [])
            let sender = senders[n % senders.count]
            let input = CarrierInput(
                kind: kind, title: subjects[n % subjects.count] + (kind == .device ? "（配套样机）" : "（\(n + 1)）"),
                documentNumber: "\(String(sender.prefix(2)))〔2026〕\(n + 11)号", originatingUnit: sender, marking: marking, copies: copies, scope: scope)
            let carrier = try await c.receive(clerk, input, check: check(copies, level)).carrier
            let safe = level == .topSecret ? safeTop : level == .confidential ? safeSecret : (n % 2 == 0 ? safeLow : safeSecret)
            received.append(try await c.store(clerk, carrierID: carrier.id, safeID: safe.id))
        }
        // Produced from the unit's own secrets (the marking follows them, R-DU-7).
        let secrets = try await s.classification.everything(clerk, filter: SecretFilter(status: .inForce, unitID: clerk.person?.unitID)).prefix(12)
        for (n, secret) in secrets.enumerated() {
            let made = try await c.produce(
                clerk,
                CarrierInput(
                    kind: n % 4 == 0 ? .electronic : .paper, title: secret.title, documentNumber: "江工信〔2026〕\(80 + n)号", originatingUnit: "江海市工业和信息化局",
                    marking: "", secretIDs: [secret.id], copies: 2), approvedBy: chenjun, equipment: .classifiedEquipment, approvedCopies: 2,
                markingApplied: true, waste: .destroyed)
            received.append(try await c.store(clerk, carrierID: made.id, safeID: (made.level == .secret ? safeLow : safeSecret).id))
        }
        // Removable media (R-MD-1): labelled with level, user and number; some hold information already.
        for n in 0..<24 {
            let level: Level = n % 3 == 0 ? .confidential : .secret
            let user = staff[n % staff.count]
            let medium = try await c.receive(
                clerk,
                CarrierInput(
                    kind: .medium, title: ["涉密U盘", "涉密移动硬盘", "涉密光盘"][n % 3], documentNumber: "", originatingUnit: "江海市工业和信息化局保密办",
                    marking: level == .confidential ? "机密" : "秘密", copies: 1, scope: [user],
                    medium: MediumInfo(mediaType: ["U盘", "移动硬盘", "光盘"][n % 3], purchasedCentrally: true, userPersonID: user)), check: check(1, level)
            ).carrier
            _ = try await c.store(clerk, carrierID: medium.id, safeID: (level == .confidential ? safeSecret : safeLow).id)
            if n % 2 == 0 { _ = try await c.storeOnMedium(clerk, carrierID: medium.id, contentLevel: .secret) }
        }
        let due = s.clock.today.adding(days: 14)
        let ordinary = received.filter { $0.level != .topSecret && $0.kind != .device }
        let top = received.filter { $0.level == .topSecret }
        // Lent, circulating, carried out, dispatched, returned, retained, copied, destroyed, under repair, lost.
        for carrier in ordinary[0..<20] {
            _ = try await c.lend(clerk, carrierID: carrier.id, borrowerPersonID: persons["lihua"]!, approvedBy: chenjun, due: due)
        }
        for carrier in ordinary[20..<30] {
            _ = try await c.circulate(clerk, carrierID: carrier.id, readerPersonID: chenjun, readingRoom: nil)
        }
        for carrier in ordinary[30..<33] {
            _ = try await c.carryOut(
                clerk, carrierID: carrier.id, holderPersonID: persons["lihua"]!, approvedBy: chenjun, companions: [], abroad: false, exitPermit: nil)
        }
        for (n, carrier) in ordinary[33..<41].enumerated() {
            _ = try await c.dispatch(
                clerk, carrierID: carrier.id, recipient: "江海市海洋科学研究所", approvedDistribution: ["江海市海洋科学研究所", "江海精密制造有限公司"],
                channel: n % 2 == 0 ? .confidentialCourier : .dedicatedPerson, outOfTown: false, escorts: [])
        }
        for carrier in ordinary[41..<56] { _ = try await c.returnToIssuer(clerk, carrierID: carrier.id, note: "第三季度清退") }
        for carrier in ordinary[56..<64] { _ = try await c.retain(clerk, carrierID: carrier.id, reason: "已立卷归档") }
        for carrier in ordinary[64..<70] {
            _ = try await c.copy(clerk, carrierID: carrier.id, approvedBy: chenjun, originatorConsent: "来文机关同意（电话记录）", copies: 1, recipient: "李华")
        }
        _ = try await c.destroy(
            clerk, carrierIDs: ordinary[70..<90].map(\.id), approvedBy: chenjun, persons: ["王芳", "刘洋"], method: .destructionCentre)
        if let device = received.first(where: { $0.kind == .device }) {
            _ = try await c.repair(clerk, carrierID: device.id, mode: .supervisedOutsider, supervisor: "刘洋", vendor: nil, offSite: false, dataRecovery: false)
        }
        _ = try await c.reportLoss(clerk, carrierID: ordinary[90].id, kind: "丢失", summary: "清点时未找到，正在查找")
        // 绝密: read in the reading room, one back in the reader log, one destroyed in-house by two persons.
        if top.count >= 2 {
            _ = try await c.circulate(clerk, carrierID: top[0].id, readerPersonID: persons["lihua"]!, readingRoom: "保密室阅文室")
            _ = try await c.takeBack(clerk, carrierID: top[0].id)
            _ = try await c.destroy(clerk, carrierIDs: [top[1].id], approvedBy: chenjun, persons: ["王芳", "刘洋"], method: .shredder)
        }
        // A loan already past due (as if lent weeks ago), for the cross-checks and the borrower's 待办 (R-CA-5).
        try await s.database.transaction { db in
            if let (late, scope) = try await CarrierStore.unchecked(id: ordinary[0].id, on: db) {
                var next = late
                next.dueOn = s.clock.today.adding(days: -3)
                try await CarrierStore.save(next, scope: scope, at: s.nowMillis, addedBy: clerk.userID, reason: "演示数据", on: db)
            }
        }
        // Last year's paper register, imported: not returned by the end of Q1 (R-CA-10), found by the cross-checks.
        var csv = "原登记编号,类别,标题,文号,制发单位,密级标志,份数,份号,登记日期,保密柜,状态,持有人,归还日期,知悉范围\n"
        for n in 1...40 {
            let level = n % 4 == 0 ? "机密★10年" : "秘密★5年"
            csv += "2025-\(String(format: "%04d", n)),纸质密件,\(subjects[n % subjects.count])（2025年第\(n)号）,江府办〔2025〕\(n)号,江海市人民政府办公室,"
            csv += "\(level),1,001,2025-\(String(format: "%02d", 1 + n % 12))-\(String(format: "%02d", 1 + n % 28)),1号保密柜,在库,,,李华、赵强\n"
        }
        _ = try await c.importCSV(clerk, csv, mode: .all)
        // The enterprise's own register.
        if let maling = actors["maling"] {
            let safe = try await c.registerSafe(maling, name: "军品研制部保密柜", location: "军品研制部", level: .confidential, topSecretOnly: false)
            for n in 0..<20 {
                let carrier = try await c.receive(
                    maling,
                    CarrierInput(
                        kind: n % 5 == 0 ? .electronic : .paper, title: "配套产品技术协议（\(n + 1)）", documentNumber: "华国科〔2026〕\(n + 3)号",
                        originatingUnit: "华南省国防科技工业办公室", marking: n % 2 == 0 ? "机密★10年" : "秘密★5年", copies: 1),
                    check: check(1, n % 2 == 0 ? .confidential : .secret)
                ).carrier
                _ = try await c.store(maling, carrierID: carrier.id, safeID: safe.id)
            }
        }
    }
}
