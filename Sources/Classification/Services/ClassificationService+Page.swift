import Accounts
import Audit
import Classification
import Foundation
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 定密审核表 — everything the secret's page shows, read together.
public struct SecretRecordPage: Sendable {
    /// The secret, with its scope.
    public let secret: SecretMatter
    /// Its history.
    public let events: [SecretEvent]
    /// What the viewer may do now: the actions whose forms would go through (`checkAction` decides alike).
    public let offer: SecretActionOffer
    /// R-KS-2: who knows it, when and why each was added.
    public let knowers: [ScopeMember]
    /// The objections raised on it (R-CL-7).
    public let objections: [ObjectionRecord]
}

extension ClassificationService {
    /// R-KS-4 / R-SY-2 / R-SY-3: the secret's page in one read, the secret read once. A refused read (hidden or missing
    /// alike: the same statements, the same entry) and a read of 机密/绝密 are audited after the read has closed and
    /// before anything is returned (`Services.appendAudit`), so the page never holds the writer.
    public func recordPage(_ actor: Actor, id: String) async throws -> SecretRecordPage {
        let day = today
        let services = services
        let kind = ClassificationStore.recordKind
        let outcome: Result<SecretRecordPage, Refused> = try await services.database.read { db in
            guard let found = try await ClassificationStore.forRead(id: id, on: db) else {
                return .failure(Refused(entry: services.deniedRead(actor, recordKind: kind, id: id, level: nil)))
            }
            // R-CL-7: while an objection claims a higher level, reads are checked against that level (as lists are) —
            // the check `visibleSecret` makes through `authorizeRead`.
            if let refusal = services.readRefusal(
                actor, recordKind: kind, id: id, sensitivity: .stateSecret(found.protection), scope: found.scope, auditLevel: found.level.code)
            {
                return .failure(Refused(entry: refusal))
            }
            let secret = try ClassificationStore.secret(from: found.row, scope: found.scope)
            var offer = SecretActionOffer(onSecret: [], onObjections: [:])
            if let me = actor.person, actor.viewer.personID != nil { offer = try await self.offer(on: secret, to: me, actor, today: day, on: db) }
            return .success(
                SecretRecordPage(
                    secret: secret, events: try await ClassificationStore.events(id, on: db), offer: offer,
                    knowers: try await ClassificationStore.knowers(secretID: id, on: db),
                    objections: try await ClassificationStore.objections(secretID: id, on: db)))
        }
        switch outcome {
        case .failure(let refused):
            try await services.appendAudit(refused.entry)
            throw Refusal.notFound
        case .success(let page):
            if let entry = services.grantedRead(actor, recordKind: kind, id: id, level: page.secret.level) {
                try await services.appendAudit(entry)
            }
            return page
        }
    }

    /// A read refused (R-SY-2), with the entry that records it.
    struct Refused: Error {
        let entry: AuditRecord
    }
}
