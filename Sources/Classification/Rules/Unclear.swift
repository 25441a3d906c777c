import Accounts
import Kernel

/// 不明确事项 — matters in no scope: reported within 10 working days, decided within 10 (R-CL-3).
public enum UnclearMatters {
    /// R-CL-3: working days allowed to report, and to decide.
    public static let reportDays = 10
    /// R-CL-3: working days the administration has to decide, counted from the report.
    public static let decisionDays = 10

    /// R-CL-3: 绝密, and 机密/秘密 drafted by central organs, go to the national administration; the rest to the
    /// provincial one.
    public static func route(level: Level, drafterKind: UnitKind) -> AdministrationLevel {
        if level == .topSecret || drafterKind == .centralOrgan { return .national }
        return .provincial
    }

    /// R-CL-3 / R-SY-5: the last day to report: 10 working days after drafting.
    public static func reportDue(draftedOn: Day, calendar: WorkCalendar) throws(CalendarError) -> Day {
        try calendar.addWorkingDays(reportDays, to: draftedOn)
    }

    /// R-CL-3 / R-SY-5: the administration's last day to decide: 10 working days after the report.
    public static func decisionDue(reportedOn: Day, calendar: WorkCalendar) throws(CalendarError) -> Day {
        try calendar.addWorkingDays(decisionDays, to: reportedOn)
    }

    /// R-CL-3: the matter is reported; the second clock starts.
    public static func report(_ secret: SecretMatter) throws(ClassificationError) -> SecretMatter {
        guard secret.status == .unclearPendingReport else { throw .wrongStatus(current: secret.status.chinese, operation: "报送不明确事项") }
        var next = secret
        next.status = .unclearReported
        return next
    }

    /// R-CL-3: whether a clock is overdue on `today` (escalated on the 待办 when it is).
    public static func isOverdue(due: Day, today: Day) -> Bool { today > due }

    /// R-CL-3: the last day a clock of `days` working days could start and have run out by `today`. The due day only
    /// grows with the start day, so every matter whose clock started on or before it is overdue and none after it is —
    /// the sweep asks the database for exactly those (an index on the start day) instead of checking every matter.
    public static func lastOverdueStart(days: Int, today: Day, calendar: WorkCalendar) throws(CalendarError) -> Day {
        // Overdue ⇔ at least `days` working days lie in (start, yesterday]: counted walking back from yesterday, so
        // only days before today are looked up. Days of a year not loaded (early January, before the new year's
        // calendar is imported) count as not working: a clock that ends in them waits, as it cannot be computed, and
        // one that ended before them is found.
        let yesterday = today.adding(days: -1)
        var start = yesterday
        var counted = 0
        while counted < days {
            guard yesterday - start <= 366 else { throw .yearNotLoaded(today.year) }
            if (try? calendar.isWorkingDay(start)) ?? false { counted += 1 }
            start = start.adding(days: -1)
        }
        return start
    }
}

/// 异议 — an objection to a classification (R-CL-7).
public struct Objection: Sendable, Hashable, Codable {
    /// The id of the secret objected to.
    public var secretID: String
    /// The person id of whoever raised it.
    public var raisedBy: String
    /// The level claimed instead; nil if the level is not disputed.
    public var claimedLevel: Level?
    /// The period claimed instead; nil if the period is not disputed.
    public var claimedPeriod: SecrecyPeriod?
    /// Why the classification is thought wrong; required.
    public var reason: String

    /// Creates an objection.
    public init(secretID: String, raisedBy: String, claimedLevel: Level?, claimedPeriod: SecrecyPeriod?, reason: String) {
        self.secretID = secretID
        self.raisedBy = raisedBy
        self.claimedLevel = claimedLevel
        self.claimedPeriod = claimedPeriod
        self.reason = reason
    }
}

/// The rules of objections (R-CL-7).
public enum Objections {
    /// R-CL-7: an objection claims something different from the current terms.
    public static func check(_ objection: Objection, against secret: SecretMatter) throws(ClassificationError) {
        let differentLevel = objection.claimedLevel.map { $0 != secret.level } ?? false
        let differentPeriod = objection.claimedPeriod.map { $0 != secret.period } ?? false
        guard differentLevel || differentPeriod else { throw .objectionWithoutClaim }
        guard !objection.reason.isBlank else { throw .reasonRequired(field: "reason") }
    }

    /// R-CL-7: first to the originating unit; if unanswered or disputed, 绝密 and central organs' items to the
    /// national administration, the others to the provincial one.
    public static func appealRoute(level: Level, originatorKind: UnitKind) -> AdministrationLevel {
        if level == .topSecret || originatorKind == .centralOrgan { return .national }
        return .provincial
    }

    /// R-CL-7: until decided, the matter is protected at the highest level claimed (or held).
    public static func protectionLevel(current: Level, pending: [Objection]) -> Level {
        ([current] + pending.compactMap(\.claimedLevel)).max()!
    }
}
