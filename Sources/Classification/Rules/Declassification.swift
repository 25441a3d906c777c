import Kernel

/// Why a secret was declassified.
public enum DeclassificationKind: String, Sendable, Hashable, Codable {
    /// 期限届满、解密时间已到 — automatic (R-DC-2).
    case expired
    /// 解密条件已成就 — automatic once the condition is recorded as met (R-DC-2).
    case conditionMet
    /// 提前解密 by decision (R-DC-2), with a written record.
    case early
    /// 随源解密 — a derived secret declassified with its source (R-DU-6).
    case withSource
    /// 上级纠正 — a superior found the classification wrong and revoked it (R-CL-8).
    case corrected

    /// The Chinese name, written into the 解密 mark.
    public var chinese: String {
        switch self {
        case .expired: "保密期限届满自行解密"
        case .conditionMet: "解密条件成就自行解密"
        case .early: "提前解密"
        case .withSource: "派生事项随原事项解密"
        case .corrected: "上级机关纠正，撤销定密"
        }
    }
}

/// The result of declassifying: the secret, the 解密 mark and who must be told.
public struct DeclassificationOutcome: Sendable, Hashable {
    /// The secret as declassified: status 已解密, the mark added to its markings.
    public var secret: SecretMatter
    /// R-LV-4 / R-DC-4: the 解密 mark made beside the original marking.
    public var mark: String
    /// R-DC-4: the scope is told in writing unless the decision is formally published.
    public var notify: Set<String>
    /// R-DC-5: declassified is not public — publishing still needs pre-publication review.
    public let publicationNeedsReview = true
}

/// Declassification (R-DC-1..6, R-DU-6).
public enum Declassification {
    /// R-DC-2: whether the period has run out or the declassification date has arrived on `day`.
    public static func isDue(_ secret: SecretMatter, on day: Day) -> Bool {
        guard secret.status == .inForce, let terms = secret.terms else { return false }
        return terms.hasExpired(on: day)
    }

    /// R-DC-2 / R-DC-3 / R-DC-4: declassifies a secret.
    ///
    /// - `.expired` only when due; `.conditionMet` only for a condition period.
    /// - `.early` needs a reason (a written record through the officer, R-DC-2); a 长期 secret is never declassified
    ///   by the unit itself but only with the recorded approval of the central organ that set the scope (R-DC-3).
    /// - The 解密 mark goes beside the original; the scope is told unless the decision is published (R-DC-4).
    public static func declassify(
        _ secret: SecretMatter, kind: DeclassificationKind, on day: Day, reason: String = "", centralApproval: String? = nil, published: Bool = false
    ) throws(ClassificationError) -> DeclassificationOutcome {
        guard secret.status == .inForce else { throw .wrongStatus(current: secret.status.chinese, operation: "解密") }
        switch kind {
        case .expired:
            guard isDue(secret, on: day) else { throw .wrongStatus(current: "保密期限未届满", operation: "自行解密") }
        case .conditionMet:
            guard case .condition = secret.period else { throw .wrongStatus(current: "非条件解密事项", operation: "条件成就解密") }
            if reason.isBlank { throw .reasonRequired(field: "reason") }
        case .early, .corrected:
            if reason.isBlank { throw .reasonRequired(field: "reason") }
        case .withSource:
            break
        }
        if secret.period == .longTerm && kind != .withSource && kind != .corrected {
            guard let approval = centralApproval, !approval.isBlank else {
                throw .longTermNeedsCentralApproval
            }
        }
        var next = secret
        next.status = .declassified
        next.declassifiedOn = day
        let mark = "解密（\(day.chinese)，\(kind.chinese)）"
        next.markings.append(mark)
        return DeclassificationOutcome(secret: next, mark: mark, notify: published ? [] : secret.scope)
    }

    /// R-DU-6: every secret derived, directly or through other derived secrets, from `sourceID` — declassified with
    /// it, and flagged for review when it changes. `edges` maps a derived secret's id to its source's id.
    public static func descendants(of sourceID: String, edges: [String: String]) -> [String] {
        var result: [String] = []
        var frontier = [sourceID]
        var seen: Set<String> = [sourceID]
        while let current = frontier.popLast() {
            for (child, parent) in edges where parent == current && !seen.contains(child) {
                seen.insert(child)
                result.append(child)
                frontier.append(child)
            }
        }
        return result.sorted()
    }

    /// R-DC-1: expiry reminders at the configured lead times (default 90 and 30 days): the lead time reached today.
    public static func reminderDue(expiry: Day, today: Day, leadDays: [Int] = [90, 30]) -> Int? {
        let left = expiry - today
        guard left >= 0 else { return nil }
        return leadDays.sorted().first { left <= $0 }
    }

    /// R-DC-1: every in-force secret is reviewed once a year; due when not reviewed in the current year.
    public static func annualReviewDue(lastReviewedYear: Int?, today: Day) -> Bool {
        (lastReviewedYear ?? 0) < today.year
    }

    /// R-DC-6: secrets in archives transferred to the state archives are reviewed by the originator: the ones still
    /// protected are listed for review.
    public static func archiveReviewList(_ secrets: [SecretMatter], originatorUnitID: String) -> [SecretMatter] {
        secrets.filter { $0.unitID == originatorUnitID && $0.status == .inForce }
    }
}
