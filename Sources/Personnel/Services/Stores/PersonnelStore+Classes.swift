import Foundation
import Kernel
import Personnel
import SQLKit
import Storage

/// The training register's reads: classes newest first (`training_classes_unit`), one class with its attendance.
extension PersonnelStore {
    /// Newest class first, then id.
    static let classesNewest = KeysetOrder(name: "held", keys: [("k.held_on", .text), ("k.id", .text)], descending: true)

    /// A class row without its attendance.
    static func trainingClass(from row: any SQLRow) throws -> TrainingClass {
        TrainingClass(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            kind: TrainingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .general,
            heldOn: try day(row, "held_on")!, hours: try row.decode(column: "hours", as: Int.self),
            content: try row.decode(column: "content", as: String.self), form: try row.decode(column: "form", as: String.self),
            organiser: try row.decode(column: "organiser", as: String.self), participantIDs: [])
    }

    /// One page of the unit's classes, newest first.
    static func classes(unitID: String, page: PageRequest, on db: any SQLDatabase) async throws -> Page<TrainingClass> {
        try await Keyset.page(
            select: "k.*", from: "FROM training_classes k WHERE k.unit_id = \(bind: unitID)", order: classesNewest, request: page, on: db,
            decode: trainingClass(from:))
    }

    /// A class of the unit with who attended, who was absent and who passed (`training_attendance` by its key).
    static func trainingClass(id: String, unitID: String, on db: any SQLDatabase) async throws -> TrainingClass? {
        guard let row = try await db.raw("SELECT * FROM training_classes WHERE id = \(bind: id) AND unit_id = \(bind: unitID)").first() else {
            return nil
        }
        var found = try trainingClass(from: row)
        for line in try await db.raw("SELECT person_id, present, passed FROM training_attendance WHERE class_id = \(bind: id) ORDER BY person_id").all() {
            let person = try line.decode(column: "person_id", as: String.self)
            if try line.decode(column: "present", as: Int.self) == 1 { found.participantIDs.append(person) } else { found.absentIDs.append(person) }
            if try line.decode(column: "passed", as: Int.self) == 1 { found.passedIDs.append(person) }
        }
        return found
    }

    /// The unit's classes held between two days (`training_classes_unit`), with who attended each — what an import
    /// compares its rows with, so a file imported twice counts nobody's hours twice.
    static func classes(unitID: String, from: Day, to: Day, on db: any SQLDatabase) async throws -> [(TrainingClass, Set<String>)] {
        let found = try await db.raw(
            "SELECT * FROM training_classes WHERE unit_id = \(bind: unitID) AND held_on >= \(bind: from.iso) AND held_on <= \(bind: to.iso)"
        ).all().map(trainingClass(from:))
        var attended: [String: Set<String>] = [:]
        for chunk in found.map(\.id).chunks() {
            for row in try await db.raw("SELECT class_id, person_id FROM training_attendance WHERE present = 1 AND class_id IN (\(binds: chunk))").all() {
                attended[try row.decode(column: "class_id", as: String.self), default: []].insert(try row.decode(column: "person_id", as: String.self))
            }
        }
        return found.map { ($0, attended[$0.id] ?? []) }
    }
}
