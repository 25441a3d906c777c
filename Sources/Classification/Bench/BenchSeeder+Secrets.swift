import Foundation
import Kernel
import SQLKit
import Storage

/// 国家秘密事项 in every status, each with a knowledge scope of 5–50 persons of its unit and a first history entry.
extension BenchSeeder {
    static let secretTopics = [
        "重点产业链招商谈判方案", "先进制造业集群布局调整方案", "技术改造项目清单", "专项资金分配方案", "海洋监测网络建设方案", "重点企业运行监测分析",
        "应急物资储备计划", "关键设备采购计划", "科研项目立项评审意见", "年度工作计划（内部讨论稿）",
    ]
    static let secretStatuses = ["inForce", "declassified", "draft", "inReview", "rejected", "referredUp", "unclearPendingReport", "unclearReported"]
    static let secretWeights = [0.60, 0.22, 0.05, 0.04, 0.03, 0.02, 0.02, 0.02]

    static let secretColumns = [
        "id", "unit_id", "title", "basis_kind", "catalogue_item_id", "level", "level_rank", "period", "issue_date", "expiry", "drafted_on",
        "secret_points", "handler_person_id", "officer_person_id", "authority", "status", "markings", "declassified_on", "reported_on",
        "last_reviewed_year", "needs_review", "created_at", "updated_at",
    ]
    /// A scope row keeps its record's place in the register's order (`ScopedRegister`: `order_at`, `order_text`).
    static let scopeColumns = ["record_kind", "record_id", "person_id", "added_by", "reason", "added_at", "order_at", "order_text"]
    static let secretEventColumns = ["id", "secret_id", "seq", "at", "actor_name", "kind", "summary", "marking"]

    /// Milliseconds of 09:00 China time on `day`, plus `offset` ms (unique-ish instants in a day).
    static func millis(_ day: Day, _ offset: Int) -> Int64 {
        Int64(day.daysSinceEpoch) * 86_400_000 + 3_600_000 + Int64(offset % 30_000_000)
    }

    mutating func seedSecrets(_ sink: BulkSink) async throws {
        let layout = self.layout
        let options = self.options
        let total = options.secrets
        let dueCount = options.dueToday / 2
        let dueEvery = dueCount > 0 ? max(1, total / dueCount) : 0
        let items = Self.catalogueItems.enumerated().filter { layout.levels.contains($0.element.level) }
        let clerkUser = SeedID.make(SeedID.user, 0)
        progress.begin("国家秘密事项 secrets (+知悉范围 scopes, 办理记录 history)")
        var done = 0
        var rows = 0
        while done < total {
            let lo = done
            let hi = min(total, done + Self.batchRecords)
            rows += try await sink.batch { db in
                var secrets = TableWriter("secrets", Self.secretColumns)
                var scope = TableWriter("knowledge_scope", Self.scopeColumns, rowsPerStatement: 1000)
                var events = TableWriter("secret_events", Self.secretEventColumns)
                for i in lo..<hi {
                    var rng = SeedRandom(seed: options.seed, stream: 5, index: i)
                    let u = layout.secrets.unit(of: i)
                    let local = i - layout.secrets.start[u]
                    let persons = layout.persons.count[u]
                    let (k, item) = items[rng.int(0...(items.count - 1))]
                    let level = item.level
                    let due = dueEvery > 0 && i % dueEvery == 0 && i / dueEvery < dueCount
                    var status = due ? "inForce" : rng.pick(Self.secretStatuses, weights: Self.secretWeights)
                    let today = layout.today
                    var drafted = today.adding(days: -rng.int(0...60))
                    var issue: Day?
                    var expiry: Day?
                    var declassified: Day?
                    var reported: Day?
                    var changed = drafted
                    switch status {
                    case "inForce":
                        var start = today.adding(days: -rng.int(0...(item.years * 365 - 3)))
                        if due { start = today.adding(years: -item.years) }
                        var end = start.adding(years: item.years)
                        if end <= today && !due {
                            start = today
                            end = today.adding(years: item.years)
                        }
                        issue = start
                        expiry = due ? today : end
                        changed = start
                        drafted = start.adding(days: -rng.int(1...20))
                    case "declassified":
                        let start = today.adding(days: -(item.years * 365 + rng.int(5...1500)))
                        let end = start.adding(years: item.years)
                        let early = rng.chance(0.2)
                        let off = early ? start.adding(days: rng.int(30...max(31, end - start - 1))) : end
                        issue = start
                        expiry = end
                        declassified = off
                        changed = off
                        drafted = start.adding(days: -rng.int(1...20))
                    case "unclearPendingReport":
                        drafted = today.adding(days: -rng.int(0...3))
                        changed = drafted
                    case "unclearReported":
                        drafted = today.adding(days: -rng.int(1...3))
                        reported = today
                        changed = today
                    default:
                        break
                    }
                    if status == "inForce" && expiry == nil { status = "draft" }
                    let unclear = status.hasPrefix("unclear")
                    let cleared = layout.cleared(for: level, count: persons)
                    let handler = u == 1 && rng.chance(0.1) ? 1 : rng.int(1...(max(1, cleared - 1)))
                    let decided = ["inForce", "declassified", "rejected", "inReview", "referredUp"].contains(status)
                    let marking = "\(level.chinese)★\(item.years)年"
                    let id = SeedID.make(SeedID.secret, i)
                    let created = Self.millis(drafted, i)
                    let handlerName = Self.personName(layout.person(u, handler))
                    try await secrets.add(
                        [
                            SQLText.q(id), SQLText.q(SeedID.make(SeedID.unit, u)),
                            SQLText.q("\(drafted.year)年\(Self.secretTopics[i % Self.secretTopics.count])（第\(local + 1)号）"),
                            unclear ? "'unclear'" : "'catalogue'", unclear ? "NULL" : SQLText.q(SeedID.make(SeedID.catalogue, u * 4 + k)),
                            SQLText.q(level.code), String(level.rawValue), SQLText.q("\(item.years)年"), SQLText.q(day: issue), SQLText.q(day: expiry),
                            SQLText.q(day: drafted), SQLText.q("密点\(k + 1)：\(item.name)"), SQLText.q(SeedID.make(SeedID.person, layout.person(u, handler))),
                            decided ? SQLText.q(SeedID.make(SeedID.person, layout.person(u, 2))) : "NULL",
                            issue != nil ? "'own:confidential'" : "NULL", SQLText.q(status), issue != nil ? SQLText.q(marking) : "''",
                            SQLText.q(day: declassified), SQLText.q(day: reported),
                            status == "inForce" && rng.chance(0.7) ? String(today.year) : "NULL", "0", SQLText.n(created),
                            SQLText.n(Self.millis(changed, i)),
                        ], on: db)
                    // R-KS-1: 5–50 persons cleared for the level (most scopes small), the handler and, in unit 1, mostly the 保密员.
                    let size = 5 + Int(45 * pow(rng.unit(), 3))
                    var members = Set(rng.distinct(min(size, cleared), below: cleared))
                    members.insert(handler)
                    if decided { members.insert(2) }
                    if u == 1 ? rng.chance(0.8) : rng.chance(0.2) { members.insert(0) }
                    for m in members.sorted() {
                        try await scope.add(
                            [
                                "'secret'", SQLText.q(id), SQLText.q(SeedID.make(SeedID.person, layout.person(u, m))), SQLText.q(clerkUser), "'起草时确定'",
                                SQLText.n(created), SQLText.n(created), "''",
                            ], on: db)
                    }
                    try await events.add(
                        [
                            SQLText.q(SeedID.make(SeedID.event, i)), SQLText.q(id), "1", SQLText.n(created), SQLText.q(handlerName), "'draft'",
                            SQLText.q(unclear ? "承办人拟定：不明确事项" : "承办人拟定：原始定密"), SQLText.q(marking),
                        ], on: db)
                }
                try await secrets.flush(on: db)
                try await scope.flush(on: db)
                try await events.flush(on: db)
                return secrets.written + scope.written + events.written
            }
            done = hi
            progress.step("secrets", done: done, total: total, rows: rows)
        }
        report.seconds["secrets"] = progress.end("国家秘密事项", rows: rows)
        report.rows["secrets"] = total
    }
}
