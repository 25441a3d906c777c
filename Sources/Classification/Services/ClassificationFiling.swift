import Kernel
import Organisation
import SQLKit
import Storage

extension FilingKind {
    /// R-AU-3: a grant, filed by the grantor.
    public static let grant = FilingKind(rawValue: "grant")
    /// R-AU-3: a grant, filed by the grantee with its same-level administration.
    public static let granteeGrant = FilingKind(rawValue: "grantee_grant")
    /// R-AU-3: a revocation, filed by the grantor.
    public static let revocation = FilingKind(rawValue: "revocation")
    /// R-AU-3: a revocation, filed by the grantee.
    public static let granteeRevocation = FilingKind(rawValue: "grantee_revocation")
    /// R-AU-5: the roster of 定密责任人 (DM 15).
    public static let roster = FilingKind(rawValue: "roster")
    /// R-AU-6: the 国家秘密事项一览表.
    public static let catalogue = FilingKind(rawValue: "catalogue")
    /// R-RP-2: the 定密工作统计 for a period.
    public static let statistics = FilingKind(rawValue: "statistics")

    /// The kinds 定密 files, with the names the queues show.
    public static let classificationKinds: [FilingKindName] = [
        FilingKindName(.grant, "定密授权（授权机关备案）"),
        FilingKindName(.granteeGrant, "定密授权（被授权机关备案）"),
        FilingKindName(.revocation, "撤销定密授权（授权机关备案）"),
        FilingKindName(.granteeRevocation, "撤销定密授权（被授权机关备案）"),
        FilingKindName(.roster, "定密责任人名单"),
        FilingKindName(.catalogue, "国家秘密事项一览表"),
        FilingKindName(.statistics, "定密工作统计"),
    ]
}

/// The filing mechanism (`FilingPort`): 定密 keeps the filings and the administration's answers, and files for any
/// area a document of a kind that area registered.
struct ClassificationFiling: FilingPort {
    func file(
        _ services: Services, actor: Actor, kind: FilingKind, unitID: String, rule: String, summary: String, content: String,
        on db: any SQLDatabase
    ) async throws {
        let c = ClassificationService(services: services)
        try await c.file(
            actor, kind: kind, unitID: unitID, subjectID: nil, filedWith: try await c.filingTarget(of: unitID, rule: rule, on: db), summary: summary,
            content: content, on: db)
    }
}
