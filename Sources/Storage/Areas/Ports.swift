import Accounts
import Foundation
import Kernel
import Organisation
import SQLKit

/// R-PE-16: one area's answer to "what does this person still hold?" — carriers today; devices, system accounts and
/// area access as those areas come. The departure gate asks every registered holder; the count is the whole system's,
/// the items only those the viewer may know (R-KS-4).
public protocol HoldingsPort: Sendable {
    /// The refusal's field and the prefix of its code (`carriers` → `carriers_outstanding`).
    var field: String { get }
    /// What the count is of, as the gate and its refusal say it after the number (`件涉密载体、介质未清退或移交`).
    var what: String { get }
    /// How many the person still holds, across the whole system and whatever anyone may know, read on `db` (inside
    /// the caller's transaction when it writes).
    func count(ofPerson personID: String, on db: any SQLDatabase) async throws -> Int
    /// Of those, what `actor` may know: how many (up to `Keyset.countCap`) and the first ones, each a line of the gate.
    func visible(_ actor: Actor, ofPerson personID: String, services: Services) async throws -> (count: Int, items: [HeldItem])
}

/// One thing a person still holds, as the departure gate lists it to someone who may know it.
public struct HeldItem: Sendable, Hashable {
    /// The record's ID.
    public let id: String
    /// Its number in its register (载体编号 …).
    public let number: String
    /// Its title.
    public let title: String
    /// Where it stands, in Chinese.
    public let status: String

    /// Creates an item.
    public init(id: String, number: String, title: String, status: String) {
        self.id = id
        self.number = number
        self.title = title
        self.status = status
    }
}

/// 备案 — a kind of document a unit files with its secrecy administration. The kinds belong to the areas that file them
/// (`AreaRegistration.filingKinds`); the filing mechanism stores the code.
public struct FilingKind: RawRepresentable, Sendable, Hashable, Codable {
    /// The stored code (`grant`, `personnel_roster` …); encoded as the bare code.
    public let rawValue: String

    /// The kind with this code.
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A filing kind with the name the queues show, and who in the filing unit reads the copy filed.
public struct FilingKindName: Sendable, Hashable {
    /// The kind.
    public let kind: FilingKind
    /// Its Chinese name (`涉密人员名单`).
    public let chinese: String
    /// Who in the unit reads the copy filed: nil for those who manage the unit (its leaders and 保密办); a set of roles
    /// for a filing that only they may read (R-PE-15: the 涉密人员名单 is its keepers').
    public let readers: Set<Role>?

    /// Names a kind.
    public init(_ kind: FilingKind, _ chinese: String, readers: Set<Role>? = nil) {
        self.kind = kind
        self.chinese = chinese
        self.readers = readers
    }
}

/// The filing mechanism: records a filing of a registered kind with the unit's same-level administration, inside the
/// caller's transaction, and audits it. Answered by the one area that keeps the filings.
public protocol FilingPort: Sendable {
    /// Files `content` as a filing of `kind` for `unitID`; refused naming `rule` when the unit has no administration
    /// to file with.
    func file(
        _ services: Services, actor: Actor, kind: FilingKind, unitID: String, rule: String, summary: String, content: String,
        on db: any SQLDatabase
    ) async throws
}

/// A course a training register keeps (定密培训 …); the codes belong to the area that keeps the register.
public struct TrainingCourse: RawRepresentable, Sendable, Hashable {
    /// The stored code (`classification` …).
    public let rawValue: String

    /// The course with this code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 定密培训 — the training a 定密责任人 must have (R-AU-5, R-TR-3).
    public static let classification = TrainingCourse(rawValue: "classification")
}

/// R-TR-3: the training register's answer to "when did this person last pass this course?", read on `db` inside the
/// caller's transaction. Answered by the one area that keeps the register; without one, nobody has a registered course.
public protocol TrainingPort: Sendable {
    /// The latest day the person passed `course`, in the unit or outside it; nil when the register has none.
    func lastPassed(_ course: TrainingCourse, personID: String, on db: any SQLDatabase) async throws -> Day?
}
