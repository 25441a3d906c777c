import Accounts
import Audit
import CarrierServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// 涉密人员档案 — one person's file, assembled from every register (R-PE-3, R-PE-15, BJ 24).
public struct PersonnelFile: Sendable {
    /// The person.
    public var person: Person
    /// The standing, if the person was ever cleared.
    public var record: ClearedPerson?
    /// The post.
    public var post: SecretPost?
    /// A pending 变动复审's reason.
    public var changeReview: String?
    /// Reviews, newest first.
    public var reviews: [Review]
    /// Commitments signed.
    public var commitments: [Commitment]
    /// Trips, newest first.
    public var trips: [Trip]
    /// Reportable events, newest first.
    public var events: [ReportableEvent]
    /// Departures.
    public var departures: [Departure]
    /// Hours per year (R-KP-4).
    public var hours: [(year: Int, hours: Int, prePost: Int)]
    /// Courses outside the unit (R-TR-4).
    public var external: [ExternalCourse]
    /// 权益保障: restrictions borne and the treatment given (R-PE-14), newest first.
    public var rights: [RightsRecord]
    /// 移交清单 the person gave or received, newest first (R-CA-15).
    public var handovers: [CarrierHandover]
    /// The names of the other persons of those hand-overs, by id.
    public var handoverNames: [String: String] = [:]
    /// 脱密期管理: employment in the 脱密期, violation and 擅自离职 reports, newest first (IR 53–54).
    public var afterLeaving: [AfterLeavingRecord] = []
    /// 身份信息 for the 审查表, once the keepers entered it (R-PE-15: read only through the file).
    public var identity: PersonIdentity?
}

extension PersonnelService {
    /// R-PE-1 / R-PE-3 / R-PE-15: the 涉密人员 register of the keeper's unit, one status at a time, paged by an index
    /// (`cleared_persons_unit`).
    public func register(_ actor: Actor, status: PersonnelStatus = .serving, page: PageRequest = PageRequest()) async throws -> Page<RosterLine> {
        let me = try await keeper(actor)
        // One statement, the total included (`Keyset.page`): no BEGIN…COMMIT of its own.
        return try await services.database.readSingle { db in
            try await PersonnelStore.register(unitID: me.unitID, status: status, page: page, on: db)
        }
    }

    /// R-PE-15: a person's file — the person themself, or the unit's 组织人事部门 and 保密工作机构; a 三员 reads none.
    /// Every read is audited, a refused one too (it looks like a missing record).
    ///
    /// The file is assembled in one read, the check of who may read it included (on SQLite one reader's snapshot; on
    /// PostgreSQL each statement reads the latest committed state, as in the READ COMMITTED transaction before), and
    /// handed out only once its read is on the record (issue 12: assembled inside the write transaction, every file
    /// read queued behind the one writer).
    public func file(_ actor: Actor, personID: String) async throws -> PersonnelFile {
        let s = services
        let viewer = Self.fileViewer(actor)
        let file: PersonnelFile? = try await services.database.read { db -> PersonnelFile? in
            guard let person = try await OrganisationReads.person(id: personID, on: db),
                PersonnelRules.mayReadFile(ofPerson: personID, unitID: person.unitID, by: viewer)
            else { return nil }
            let (record, post, changeReview) = try await PersonnelStore.standingWithReview(personID: personID, on: db)
            // Most of a file's lists are empty for most persons; one statement says which are not, and only those are read.
            let has = try await PersonnelStore.fileParts(personID: personID, on: db)
            var file = PersonnelFile(
                person: person, record: record, post: post, changeReview: changeReview,
                reviews: has.reviews ? try await PersonnelStore.reviews(personID: personID, on: db) : [],
                commitments: has.commitments ? try await PersonnelStore.commitments(personID: personID, on: db) : [],
                trips: has.trips ? try await PersonnelStore.trips(personID: personID, on: db) : [],
                events: has.events ? try await PersonnelStore.events(personID: personID, on: db) : [],
                departures: has.departures ? try await PersonnelStore.departures(personID: personID, on: db) : [],
                hours: has.hours ? try await PersonnelStore.hours(personID: personID, on: db) : [],
                external: has.external ? try await PersonnelStore.externalCourses(personID: personID, on: db) : [],
                rights: has.rights ? try await PersonnelStore.rights(personID: personID, on: db) : [],
                handovers: try await CarrierReads.handovers(involving: personID, on: db))
            if has.afterLeaving { file.afterLeaving = try await PersonnelStore.afterLeaving(personID: personID, on: db) }
            if has.identity { file.identity = try await PersonnelStore.identity(personID: personID, on: db) }
            if !file.handovers.isEmpty {
                file.handoverNames = try await OrganisationReads.names(of: file.handovers.flatMap { [$0.fromPersonID, $0.toPersonID] }, on: db)
            }
            return file
        }
        guard let file else {
            // Refused or missing, the same answer; the attempt is on the record in its own transaction.
            try await s.appendAudit(
                s.record(actor, "personnel.file.read", target: Self.recordKind, id: personID, outcome: .denied, detail: "无权查阅（R-PE-15）"))
            throw Refusal.notFound
        }
        try await s.appendAudit(s.record(actor, "personnel.file.read", target: Self.recordKind, id: personID))
        return file
    }

    /// R-PE-5 / R-PE-15: the unit's trips, newest departure first (`trips_unit`).
    public func trips(_ actor: Actor, page: PageRequest = PageRequest()) async throws -> Page<Trip> {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.trips(unitID: me.unitID, page: page, on: db) }
    }

    /// R-PE-6 / R-PE-15: the unit's reportable events, newest first (`reportable_events_unit`).
    public func events(_ actor: Actor, page: PageRequest = PageRequest()) async throws -> Page<ReportableEvent> {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.events(unitID: me.unitID, page: page, on: db) }
    }

    /// R-PE-7 / R-PE-15: the unit's departures, newest first (`departures_unit`).
    public func departures(_ actor: Actor, page: PageRequest = PageRequest()) async throws -> Page<Departure> {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.departures(unitID: me.unitID, page: page, on: db) }
    }

    /// R-PE-3: files the 涉密人员名单 (every person in post, with post, level, tier and appointment) with the same-level
    /// administration as a filing of its own kind; the roster is current until it changes again.
    public func fileRoster(_ actor: Actor) async throws {
        let me = try await keeper(actor)
        let s = services
        let day = today
        try await gated(actor, "roster.file", me.unitID) { db in
            let unit = try await OrganisationReads.unit(id: me.unitID, on: db)?.name ?? ""
            let rows = try await PersonnelStore.servingRoster(unitID: me.unitID, on: db)
            var lines = ["单位：\(unit)", "报备日期：\(day.chinese)", "姓名｜涉密岗位｜岗位涉及最高密级｜涉密等级｜上岗日期"]
            for row in rows {
                lines.append([row.name, row.post, row.highestLevel?.chinese ?? "", row.tier?.chinese ?? "", row.appointedOn].joined(separator: "｜"))
            }
            try await s.fileWithAdministration(
                actor, kind: .personnelRoster, unitID: me.unitID, rule: "R-PE-3", summary: "\(unit)涉密人员名单（\(rows.count)人）",
                content: lines.joined(separator: "\n"), on: db)
            try await PersonnelStore.rosterFiled(unitID: me.unitID, at: s.nowMillis, on: db)
            try await audit(actor, "roster.file", id: me.unitID, on: db)
        }
    }

    /// R-PE-3: whether the roster changed since it was last filed.
    public func rosterFilingDue(_ actor: Actor) async throws -> Bool {
        let me = try await keeper(actor)
        let state = try await services.database.readSingle { db in try await PersonnelStore.roster(unitID: me.unitID, on: db) }
        return PersonnelRules.rosterFilingDue(changedAt: state.changed, filedAt: state.filed)
    }
}

extension PersonnelService {
    /// The persons of the keeper's unit with exactly this name (at most 20, by an index) — a form's name field resolved
    /// at any size of unit (R-PE-15: keepers only).
    public func staff(named name: String, _ actor: Actor) async throws -> [Person] {
        let me = try await keeper(actor)
        let trimmed = name.trimmingSpacesAndNewlines
        guard !trimmed.isEmpty else { return [] }
        return try await services.database.read { db in try await OrganisationReads.persons(unitID: me.unitID, named: trimmed, on: db) }
    }

    /// The persons of the keeper's unit bearing any of these names (R-PE-15: keepers only) — a class's list of names.
    public func staff(named names: [String], _ actor: Actor) async throws -> [Person] {
        let me = try await keeper(actor)
        let wanted = Array(Set(names.map { $0.trimmingSpacesAndNewlines }.filter { !$0.isEmpty })).sorted()
        guard !wanted.isEmpty else { return [] }
        return try await services.database.read { db in try await OrganisationReads.persons(unitID: me.unitID, named: wanted, on: db) }
    }

    /// The keeper's unit's people, by name, for the forms' choices (the first 500 by an index; R-PE-15: keepers only).
    public func staff(_ actor: Actor) async throws -> [Person] {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await OrganisationReads.persons(unitID: me.unitID, limit: 500, on: db) }
    }
}
