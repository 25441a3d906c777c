import Carriers
import Foundation
import Kernel
import SQLKit
import Storage

/// 载体 in every status: in stock, lent (some overdue, with their open finding), circulating, carried out, dispatched,
/// under repair, returned, destroyed, lost (with its reported incident); each with its scope and first history entry.
extension BenchSeeder {
    static let carrierTitles = [
        "关于重点产业链项目推进情况的通报", "关于工业投资计划调整的通知", "重点企业运行监测分析报告", "关于专项资金使用情况的报告", "海洋监测数据汇编",
        "关键设备技术参数", "应急预案（修订稿）", "会议纪要", "项目评审意见汇总", "年度保密工作要点",
    ]
    static let originators = ["华南省发展和改革委员会", "华南省工业和信息化厅", "江海市人民政府办公室", "江海市科学技术局", "本单位"]
    static let carrierKinds = ["paper", "electronic", "medium", "device"]
    static let carrierKindWeights = [0.70, 0.15, 0.10, 0.05]
    static let carrierStatuses = ["inStock", "lent", "circulating", "carriedOut", "dispatched", "underRepair", "returned", "destroyed", "lost"]
    static let carrierStatusWeights = [0.55, 0.10, 0.05, 0.03, 0.05, 0.01, 0.105, 0.10, 0.005]

    static let carrierColumns = [
        "id", "unit_id", "number", "kind", "title", "document_number", "originating_unit", "level", "level_rank", "period", "copies", "serials",
        "custodian_person_id", "safe_id", "status", "registered_on", "media_type", "purchased_centrally", "medium_user_person_id", "holder_person_id",
        "due_on", "retained", "created_at", "updated_at",
    ]

    mutating func seedCarriers(_ sink: BulkSink) async throws {
        let layout = self.layout
        let options = self.options
        let total = options.carriers
        let dueCount = options.dueToday - options.dueToday / 2
        let dueEvery = dueCount > 0 ? max(1, total / dueCount) : 0
        let clerkUser = SeedID.make(SeedID.user, 0)
        let now = self.nowMillis
        progress.begin("载体 carriers (+知悉范围 scopes, 办理记录 history, 核查 findings)")
        var numbers: [String: Int] = [:]
        var done = 0
        var rows = 0
        while done < total {
            let lo = done
            let hi = min(total, done + Self.batchRecords)
            let used = numbers
            let (written, next) = try await sink.batch { db in
                var numbers = used
                var carriers = TableWriter("carriers", Self.carrierColumns)
                var scope = TableWriter("knowledge_scope", Self.scopeColumns, rowsPerStatement: 1000)
                var events = TableWriter("carrier_events", ["id", "carrier_id", "seq", "at", "actor_name", "kind", "summary"])
                var findings = TableWriter("carrier_findings", ["id", "unit_id", "carrier_id", "rule", "message", "first_seen"])
                var incidents = TableWriter(
                    "carrier_incidents", ["id", "carrier_id", "unit_id", "kind", "summary", "discovered_at", "report_due_at", "reported_at", "created_at"])
                let today = layout.today
                for i in lo..<hi {
                    var rng = SeedRandom(seed: options.seed, stream: 6, index: i)
                    let u = layout.carriers.unit(of: i)
                    let persons = layout.persons.count[u]
                    let kind = rng.pick(Self.carrierKinds, weights: Self.carrierKindWeights)
                    let level = layout.levels.count > 1 && rng.chance(0.4) ? Level.confidential : Level.secret
                    let due = dueEvery > 0 && i % dueEvery == 0 && i / dueEvery < dueCount
                    var status = due ? "lent" : rng.pick(Self.carrierStatuses, weights: Self.carrierStatusWeights)
                    if status == "underRepair" && (kind == "paper" || kind == "electronic") { status = "inStock" }
                    let held = !["returned", "destroyed", "dispatched", "lost"].contains(status)
                    // R-CA-10: what is still held was registered this year, or archived (retained) from earlier years.
                    let retained = held && rng.chance(0.15)
                    let registered =
                        held && !retained
                        ? Day(year: today.year, month: 1, day: 1)!.adding(days: rng.int(0...(today - Day(year: today.year, month: 1, day: 1)!)))
                        : today.adding(days: -rng.int(1...1400))
                    let prefix = kind == "medium" ? "JZ" : "ZT"
                    let key = "\(u)|\(prefix)|\(registered.year)"
                    let sequence = (numbers[key] ?? 0) + 1
                    numbers[key] = sequence
                    let cleared = layout.cleared(for: level, count: persons)
                    let holder = ["lent", "circulating", "carriedOut"].contains(status) ? rng.int(3...max(3, cleared - 1)) : nil
                    let overdue = status == "lent" && !due && rng.chance(0.1)
                    let dueOn: Day? =
                        status != "lent"
                        ? nil : due ? today.adding(days: -1) : overdue ? today.adding(days: -rng.int(2...60)) : today.adding(days: rng.int(1...30))
                    let copies = kind == "paper" ? rng.int(1...3) : 1
                    let safe = level == .confidential ? 0 : rng.int(0...1)
                    let id = SeedID.make(SeedID.carrier, i)
                    let unitID = SeedID.make(SeedID.unit, u)
                    let created = Self.millis(registered, i)
                    let number = "\(prefix)-" + CarrierRules.registerNumber(year: registered.year, sequence: sequence)
                    let mediumUser =
                        kind == "medium" ? SQLText.q(SeedID.make(SeedID.person, layout.person(u, holder ?? rng.int(3...max(3, cleared - 1))))) : "NULL"
                    try await carriers.add(
                        [
                            SQLText.q(id), SQLText.q(unitID), SQLText.q(number),
                            SQLText.q(kind), SQLText.q("\(Self.carrierTitles[i % Self.carrierTitles.count])（\(i - layout.carriers.start[u] + 1)）"),
                            SQLText.q("江〔\(registered.year)〕\(i % 997 + 1)号"), SQLText.q(Self.originators[i % Self.originators.count]), SQLText.q(level.code),
                            String(level.rawValue), SQLText.q(["3年", "5年", "10年"][i % 3]), String(copies),
                            SQLText.q((1...copies).map { String(format: "%03d", $0) }.joined(separator: "\u{1F}")),
                            SQLText.q(SeedID.make(SeedID.person, layout.person(u, 0))), SQLText.q(SeedID.make(SeedID.safe, u * 4 + safe)), SQLText.q(status),
                            SQLText.q(day: registered), kind == "medium" ? "'U盘'" : "NULL", kind == "medium" ? "1" : "NULL", mediumUser,
                            holder.map { SQLText.q(SeedID.make(SeedID.person, layout.person(u, $0))) } ?? "NULL", SQLText.q(day: dueOn), retained ? "1" : "0",
                            SQLText.n(created), SQLText.n(created + Int64(rng.int(0...86_400_000))),
                        ], on: db)
                    // R-KS-1: the 保密员 (custodian) is in every carrier's scope, with the holder and a few readers.
                    var members: Set<Int> = [0]
                    if let holder { members.insert(holder) }
                    for m in rng.distinct(rng.int(1...6), below: cleared) { members.insert(m) }
                    for m in members.sorted() {
                        try await scope.add(
                            [
                                "'carrier'", SQLText.q(id), SQLText.q(SeedID.make(SeedID.person, layout.person(u, m))), SQLText.q(clerkUser), "'登记时确定'",
                                SQLText.n(created), String(registered.year * 10_000 + registered.month * 100 + registered.day), SQLText.q(number),
                            ], on: db)
                    }
                    try await events.add(
                        [
                            SQLText.q(SeedID.make(SeedID.carrierEvent, i)), SQLText.q(id), "1", SQLText.n(created),
                            SQLText.q(Self.personName(layout.person(u, 0))), "'receive'",
                            SQLText.q("收文登记：来文单位\(Self.originators[i % Self.originators.count])，\(copies)份"),
                        ], on: db)
                    if overdue, let dueOn {
                        // R-CA-5: the finding the nightly sweep would have opened the day after the loan ran out.
                        try await findings.add(
                            [
                                SQLText.q(SeedID.make(SeedID.finding, i)), SQLText.q(unitID), SQLText.q(id), "'R-CA-5'",
                                SQLText.q("借阅逾期未还（应于\(dueOn.chinese)归还）"), SQLText.q(day: dueOn.adding(days: 1)),
                            ], on: db)
                    }
                    if status == "lost" {
                        try await incidents.add(
                            [
                                SQLText.q(SeedID.make(SeedID.incident, i)), SQLText.q(id), SQLText.q(unitID), "'lost'", "'清点时发现丢失，已报告'",
                                SQLText.n(created + 86_400_000), SQLText.n(created + 2 * 86_400_000), SQLText.n(created + 90_000_000), SQLText.n(now),
                            ], on: db)
                    }
                }
                try await carriers.flush(on: db)
                try await scope.flush(on: db)
                try await events.flush(on: db)
                try await findings.flush(on: db)
                try await incidents.flush(on: db)
                return (carriers.written + scope.written + events.written + findings.written + incidents.written, numbers)
            }
            numbers = next
            rows += written
            done = hi
            progress.step("carriers", done: done, total: total, rows: rows)
        }
        report.seconds["carriers"] = progress.end("载体", rows: rows)
        report.rows["carriers"] = total
    }
}
