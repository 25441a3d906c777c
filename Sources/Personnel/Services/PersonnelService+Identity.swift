import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

extension PersonnelService {
    /// R-PE-15 / R-PE-2: the keepers enter a person's 身份信息 for the 审查表 (性别, 出生年月, 民族, 政治面貌, 身份证号),
    /// each field checked; it is read only through the file. The audit names the fields changed, never their values.
    public func recordIdentity(_ actor: Actor, personID: String, _ input: PersonIdentity) async throws -> PersonIdentity {
        let me = try await keeper(actor)
        let s = services
        let valid = try PersonnelRules.identity(input, today: today)
        return try await gated(actor, "identity", personID) { db in
            _ = try await member(personID, of: me, on: db)
            try await PersonnelStore.save(valid, personID: personID, at: s.nowMillis, on: db)
            try await audit(actor, "identity", id: personID, detail: "登记身份信息", on: db)
            return valid
        }
    }
}
