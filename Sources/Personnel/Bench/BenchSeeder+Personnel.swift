import Foundation
import Kernel
import SQLKit
import Storage

/// 涉密人员 at scale (issue 12): three posts per unit; most persons cleared (in post, in their 脱密期 or past it) with
/// their review and commitment; a year of classes with attendance and the kept hours (some under the floor); trips in
/// every state (some return reports overdue); reportable events; departures, completed and open.
extension BenchSeeder {
    static let personnelTables = [
        "cleared_persons", "personnel_reviews", "commitments", "training_attendance", "training_hours", "trips", "reportable_events", "departures",
    ]
    static let tripStatuses = ["reported", "returned", "approved", "applied", "abroad"]
    static let tripStatusWeights = [0.80, 0.05, 0.05, 0.05, 0.05]
    static let destinations = ["新加坡", "德国", "日本", "香港", "澳门", "法国", "美国", "泰国"]

    /// Writes the personnel registers of every unit but the administration.
    mutating func seedPersonnel(_ sink: BulkSink) async throws {
        let layout = self.layout
        let options = self.options
        let now = self.nowMillis
        let top = layout.levels.contains(.confidential) ? "confidential" : "secret"
        let topTier = top == "confidential" ? "important" : "general"
        progress.begin("涉密人员 personnel (posts, reviews, commitments, training, trips, events, departures)")
        var rows = 0
        for u in 1..<layout.units {
            rows += try await sink.batch { db in
                let unit = SeedID.make(SeedID.unit, u)
                let today = layout.today
                var posts = TableWriter("secret_posts", ["id", "unit_id", "name", "highest_level", "tier", "key_part", "roles", "valid_from", "created_at"])
                let postSpecs = [("机要岗", top, topTier, 1, "secrecy_clerk"), ("业务岗", "secret", "general", 0, "handler"), ("综合岗", top, topTier, 0, "handler")]
                for (k, spec) in postSpecs.enumerated() {
                    try await posts.add(
                        [
                            SQLText.q(SeedID.make(SeedID.post, u * 3 + k)), SQLText.q(unit), SQLText.q(spec.0), SQLText.q(spec.1), SQLText.q(spec.2),
                            String(spec.3),
                            SQLText.q(spec.4), SQLText.q(day: today.adding(days: -2_000)), SQLText.n(now),
                        ], on: db)
                }
                try await posts.flush(on: db)
                var cleared = TableWriter(
                    "cleared_persons",
                    [
                        "person_id", "unit_id", "post_id", "tier", "appointed_on", "status", "next_review_on", "declearing_from", "declearing_until",
                        "updated_at",
                    ])
                var reviews = TableWriter(
                    "personnel_reviews",
                    [
                        "id", "person_id", "unit_id", "post_id", "kind", "eligibility", "relatives_abroad", "personnel_opinion", "secrecy_opinion",
                        "decided_by",
                        "passed", "reviewed_on", "review_trigger", "created_at",
                    ])
                var commitments = TableWriter("commitments", ["id", "person_id", "unit_id", "kind", "signed_on", "note", "created_at"])
                var attendance = TableWriter("training_attendance", ["class_id", "person_id", "present", "passed"], rowsPerStatement: 1000)
                var hours = TableWriter("training_hours", ["person_id", "year", "hours", "pre_post_hours"], rowsPerStatement: 1000)
                var trips = TableWriter(
                    "trips",
                    [
                        "id", "person_id", "unit_id", "purpose", "destination", "reason", "depart_on", "return_on", "delegation", "delegation_secrecy_person",
                        "personnel_opinion", "secrecy_opinion", "approved_by", "educated_on", "carrier_ids", "returned_on", "report_due_on", "return_report",
                        "reported_on", "declearing_approval", "status", "created_at", "updated_at",
                    ])
                var events = TableWriter(
                    "reportable_events",
                    [
                        "id", "person_id", "unit_id", "kind", "occurred_on", "reported_on", "due_on", "details", "handling", "onward_reported_on",
                        "change_review_opened", "created_at",
                    ])
                var departures = TableWriter(
                    "departures",
                    [
                        "id", "person_id", "unit_id", "kind", "leaving_on", "declearing_months", "done", "destination", "early_consent", "completed_on",
                        "created_at",
                        "updated_at",
                    ])
                // Twelve classes of 4 hours this year.
                var classes = TableWriter("training_classes", ["id", "unit_id", "kind", "held_on", "hours", "content", "form", "organiser", "created_at"])
                for k in 0..<12 {
                    try await classes.add(
                        [
                            SQLText.q(SeedID.make(SeedID.trainingClass, u * 12 + k)), SQLText.q(unit), "'general'",
                            SQLText.q(day: Day(year: today.year, month: 1 + k, day: 10)), "4", "'保密法律法规专题学习'", "'专题讲座'", "'保密办'", SQLText.n(now),
                        ], on: db)
                }
                try await classes.flush(on: db)
                let start = layout.persons.start[u]
                for local in 0..<layout.persons.count[u] {
                    let i = start + local
                    var rng = SeedRandom(seed: options.seed, stream: 12, index: i)
                    // The benchmark accounts (local 0–2) and 85% of the others are cleared.
                    guard local < 3 || rng.chance(0.85) else { continue }
                    let person = SeedID.make(SeedID.person, i)
                    let k = local == 0 ? 0 : rng.int(0...2)
                    let post = SeedID.make(SeedID.post, u * 3 + k)
                    let tier = postSpecs[k].2
                    let roll = local < 3 ? 0 : rng.int(0...99)
                    let status = roll < 90 ? "serving" : roll < 96 ? "declearing" : "cleared"
                    let appointed = today.adding(days: -rng.int(30...3_000))
                    let leaving = today.adding(days: -rng.int(10...700))
                    let until = status == "serving" ? nil : status == "declearing" ? leaving.adding(months: 24) : leaving.adding(months: 6)
                    try await cleared.add(
                        [
                            SQLText.q(person), SQLText.q(unit), SQLText.q(post), SQLText.q(status == "serving" ? tier : "none"), SQLText.q(day: appointed),
                            SQLText.q(status), SQLText.q(day: status == "serving" ? today.adding(days: rng.int(-20...365)) : nil),
                            SQLText.q(day: status == "serving" ? nil : leaving), SQLText.q(day: until), SQLText.n(now),
                        ], on: db)
                    try await reviews.add(
                        [
                            SQLText.q(SeedID.make(SeedID.review, i)), SQLText.q(person), SQLText.q(unit), SQLText.q(post), "'pre_appointment'",
                            "'{\"competence\":true}'", "''", "'同意'", "'同意'", "'单位领导'", "1", SQLText.q(day: appointed.adding(days: -10)), "''", SQLText.n(now),
                        ], on: db)
                    try await commitments.add(
                        [
                            SQLText.q(SeedID.make(SeedID.commitment, i)), SQLText.q(person), SQLText.q(unit), k == 0 ? "'responsibility'" : "'pledge'",
                            SQLText.q(day: appointed.adding(days: -5)), "''", SQLText.n(now),
                        ], on: db)
                    if status == "serving" {
                        // One to four classes: 4–16 hours, so some are under their floor.
                        let attended = rng.int(1...4)
                        let first = rng.int(0...(12 - attended))
                        for c in first..<(first + attended) {
                            try await attendance.add([SQLText.q(SeedID.make(SeedID.trainingClass, u * 12 + c)), SQLText.q(person), "1", "0"], on: db)
                        }
                        try await hours.add([SQLText.q(person), String(today.year), String(attended * 4), "0"], on: db)
                        if rng.chance(0.01) {
                            try await departures.add(
                                [
                                    SQLText.q(SeedID.make(SeedID.departure, i)), SQLText.q(person), SQLText.q(unit), "'leave_job'",
                                    SQLText.q(day: today.adding(days: 14)), "12", "'{}'", "''", "''", "NULL", SQLText.n(now), SQLText.n(now),
                                ], on: db)
                        }
                    } else {
                        try await departures.add(
                            [
                                SQLText.q(SeedID.make(SeedID.departure, i)), SQLText.q(person), SQLText.q(unit), "'leave_job'", SQLText.q(day: leaving),
                                status == "declearing" ? "24" : "6", "'{\"approval\":\"已办\"}'", "''", "''", SQLText.q(day: leaving), SQLText.n(now),
                                SQLText.n(now),
                            ], on: db)
                    }
                    // Trips: one in four cleared persons has one.
                    if rng.chance(0.25) {
                        let tripStatus = rng.pick(Self.tripStatuses, weights: Self.tripStatusWeights)
                        let depart =
                            ["applied", "approved"].contains(tripStatus) ? today.adding(days: rng.int(5...60)) : today.adding(days: -rng.int(10...400))
                        let back = depart.adding(days: rng.int(3...14))
                        let returned = ["returned", "reported"].contains(tripStatus) ? back : nil
                        try await trips.add(
                            [
                                SQLText.q(SeedID.make(SeedID.trip, i)), SQLText.q(person), SQLText.q(unit), rng.chance(0.6) ? "'official'" : "'private'",
                                SQLText.q(Self.destinations[i % Self.destinations.count]), "'学术交流'", SQLText.q(day: depart), SQLText.q(day: back), "''", "''",
                                "'同意'", "'同意'", tripStatus == "applied" ? "NULL" : "'单位领导'",
                                SQLText.q(day: tripStatus == "applied" ? nil : depart.adding(days: -2)),
                                "''", SQLText.q(day: returned), SQLText.q(day: returned?.adding(days: 10)), tripStatus == "reported" ? "'未发生涉密情况'" : "''",
                                SQLText.q(day: tripStatus == "reported" ? returned?.adding(days: 3) : nil), "''", SQLText.q(tripStatus), SQLText.n(now),
                                SQLText.n(now),
                            ], on: db)
                    }
                    if rng.chance(0.05) {
                        let occurred = today.adding(days: -rng.int(1...300))
                        try await events.add(
                            [
                                SQLText.q(SeedID.make(SeedID.reportableEvent, i)), SQLText.q(person), SQLText.q(unit), "'foreign_contact'",
                                SQLText.q(day: occurred),
                                SQLText.q(day: occurred.adding(days: 2)), SQLText.q(day: occurred.adding(days: 7)), "'与境外人员非公务交往'", "'已谈话'", "NULL", "1",
                                SQLText.n(now),
                            ], on: db)
                    }
                }
                for writer in [cleared, reviews, commitments, attendance, hours, trips, events, departures] {
                    var w = writer
                    try await w.flush(on: db)
                }
                return layout.persons.count[u]
            }
            if u % 20 == 0 { progress.step("涉密人员", done: u, total: layout.units - 1, rows: rows) }
        }
        report.seconds["personnel"] = progress.end("涉密人员", rows: rows)
        report.rows["cleared_persons"] = rows
    }
}
