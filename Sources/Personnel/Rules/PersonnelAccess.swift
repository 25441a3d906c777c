import Accounts
import Foundation
import Kernel

/// Who reads a personnel file (R-PE-15).
public struct FileViewer: Sendable {
    /// The viewer's person, if the account has one.
    public var personID: String?
    /// The viewer's unit.
    public var unitID: String?
    /// The viewer's roles.
    public var roles: Set<Role>

    /// Creates a viewer.
    public init(personID: String?, unitID: String?, roles: Set<Role>) {
        self.personID = personID
        self.unitID = unitID
        self.roles = roles
    }

    /// The roles that keep the files: the 组织人事部门 and the 保密工作机构 (保密办, 保密员).
    public static let keepers: Set<Role> = [.personnelOffice, .secrecyOffice, .secrecyClerk]

    /// Whether the viewer keeps the files of their unit.
    public var keepsFiles: Bool { !roles.isDisjoint(with: Self.keepers) }
}

extension PersonnelRules {
    /// R-PE-15 / R-SY-1: the person themself, or the 组织人事部门 and 保密工作机构 of the person's unit; a 三员 account
    /// reads no file by virtue of its role.
    public static func mayReadFile(ofPerson personID: String, unitID: String, by viewer: FileViewer) -> Bool {
        if viewer.personID == personID { return true }
        if viewer.roles.contains(where: \.isAdministrator) { return false }
        return viewer.keepsFiles && viewer.unitID == unitID
    }

    /// R-PE-15: the same, as a refusal that looks like a missing record (R-KS-4).
    public static func checkFile(ofPerson personID: String, unitID: String, by viewer: FileViewer) throws {
        guard mayReadFile(ofPerson: personID, unitID: unitID, by: viewer) else { throw Refusal.notFound }
    }

    /// R-PE-15: registers of the area (trips, events, reviews, departures) are kept by the same keepers.
    public static func checkKeeper(_ viewer: FileViewer) throws {
        if let refusal = keeperRefusal(viewer) { throw refusal }
    }

    /// R-PE-15: the same, as the refusal or nil — for a decision that returns it (the offers).
    public static func keeperRefusal(_ viewer: FileViewer) -> Refusal? {
        guard viewer.keepsFiles, viewer.unitID != nil else {
            return Refusal(
                code: "personnel.keepers_only", ruleID: "R-PE-15", message: "涉密人员档案和登记只由组织人事部门、保密工作机构管理", kind: .forbidden)
        }
        return nil
    }
}
