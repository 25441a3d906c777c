import Accounts
import Audit
import CarrierServices
import Carriers
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// 移交清单 as printed from a file: the record, both persons' names, and a page of its carriers that the reader may know.
public struct HandoverList: Sendable {
    /// The hand-over: both signatures, the date, how many carriers passed.
    public var handover: CarrierHandover
    /// 移交人
    public var fromName: String
    /// 接收人
    public var toName: String
    /// A page of the carriers handed over that the reader may know (R-KS-4), by register number.
    public var lines: Page<Carrier>

    /// How many of the carriers handed over the reader may not know — named only as a number (R-PE-16); nil while the
    /// reader may know more than a count reads (`Keyset.countCap`).
    public var hidden: Int? { lines.totalIsCapped ? nil : max(0, handover.carrierCount - lines.total) }
}

extension PersonnelService {
    /// R-CA-15 / R-PE-15 / R-KS-4: a 移交清单 from the file of the person who gave or received it — readable by whoever
    /// may read that file; its carriers listed only where the reader's clearance and knowledge scope reach, the others
    /// counted. A refused or missing list is the same answer, and the read is on the record as a file read.
    public func handoverList(_ actor: Actor, personID: String, handoverID: String, page: PageRequest = PageRequest()) async throws -> HandoverList {
        let s = services
        let viewer = Self.fileViewer(actor)
        let found: HandoverList? = try await services.database.read { db in
            guard let person = try await OrganisationReads.person(id: personID, on: db),
                PersonnelRules.mayReadFile(ofPerson: personID, unitID: person.unitID, by: viewer),
                let handover = try await CarrierReads.handover(id: handoverID, on: db),
                handover.fromPersonID == personID || handover.toPersonID == personID
            else { return nil }
            let gave = handover.fromPersonID == personID
            let other = try await OrganisationReads.person(id: gave ? handover.toPersonID : handover.fromPersonID, on: db)?.name ?? ""
            let lines = try await CarrierReads.handoverLines(handoverID: handoverID, viewer: actor.viewer, page: page, on: db)
            return HandoverList(handover: handover, fromName: gave ? person.name : other, toName: gave ? other : person.name, lines: lines)
        }
        guard let found else {
            try await s.appendAudit(
                s.record(actor, "personnel.file.read", target: Self.recordKind, id: personID, outcome: .denied, detail: "移交清单：无权查阅或不存在"))
            throw Refusal.notFound
        }
        try await s.appendAudit(s.record(actor, "personnel.file.read", target: Self.recordKind, id: personID, detail: "移交清单\(handoverID)"))
        try await s.auditShown(actor, recordKind: "carrier", shown: found.lines.items.map { ($0.id, $0.level) })
        return found
    }
}

extension PersonnelService {
    /// R-CA-15 / R-PE-8: for a 保密员 (`post`), the newest 移交清单 `personID` gave in this tenure (on or after `since`,
    /// the appointment), and the words the checklist records it by; nil for anyone else.
    static func tenureHandover(
        of personID: String, post: SecretPost?, since: Day?, on db: any SQLDatabase
    ) async throws -> (list: CarrierHandover, text: String)? {
        guard post?.isClerk == true, let list = try await CarrierReads.latestHandover(from: personID, on: db), list.handedOn >= (since ?? list.handedOn) else {
            return nil
        }
        let successor = try await OrganisationReads.person(id: list.toPersonID, on: db)?.name ?? ""
        return (list, "移交清单：\(list.handedOn.iso)移交\(list.carrierCount)件，接收人\(successor)，双方签字")
    }
}
