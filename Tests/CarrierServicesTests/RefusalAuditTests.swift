import Accounts
import Areas
import Audit
import CarrierServices
import Carriers
import Classification
import ClassificationServices
import Kernel
import Organisation
import OrganisationServices
import Storage
import TestSupport
import Testing

/// Issue 10, item 4: every refused attempt that names a rule is written to the audit log the same way, whatever the area.
@Suite("拒绝留痕 — one audit path for refusals")
struct RefusalAuditTests {
    @Test("R-SY-3 R-CL-4 R-CA-6 a refusal by a rule is audited as a denied attempt, the same way in 定密 and 载体")
    func refusalsAudited() async throws {
        try await TestWorld.with { world in
            let zhangwei = try await world.actor("zhangwei")
            var unanswered = FourQuestions.allNo
            unanswered.lawRequiresDisclosure = nil
            await #expect(throws: ClassificationError.self) {
                _ = try await world.services.classification.draft(
                    zhangwei, DraftRequest(title: "未答四问", basis: .unclear, marking: "秘密★1年", scope: [], secretPoints: "x", questions: unanswered))
            }
            let wangfang = try await world.actor("wangfang")
            let low = try await world.services.carriers.registerSafe(wangfang, name: "秘密柜", location: "科室", level: .secret, topSecretOnly: false)
            let serials = try CarrierRules.serials(copies: 1)
            let carrier = try await world.services.carriers.receive(
                wangfang,
                CarrierInput(kind: .paper, title: "机密来文", documentNumber: "文〔2026〕1号", originatingUnit: "某单位", marking: "机密★10年", copies: 1),
                check: CarrierRules.ReceiptCheck(
                    packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: serials, foundSerials: serials, markedLevel: .confidential,
                    listedLevel: .confidential, addresseeMatches: true)
            ).carrier
            await #expect(throws: Refusal.self) { _ = try await world.services.carriers.store(wangfang, carrierID: carrier.id, safeID: low.id) }
            let denied = try await world.services.audit.browse(.system, AuditFilter(outcome: .denied)).items
            let draft = try #require(denied.first { $0.record.action == "secret.draft" })
            #expect(draft.record.actorName == "zhangwei" && draft.record.detail?.contains("R-CL-4") == true)
            let store = try #require(denied.first { $0.record.action == "carrier.store" })
            #expect(store.record.targetID == carrier.id && store.record.detail?.contains("R-CA-6") == true)
            // Nothing of the refused draft was kept.
            #expect(try await world.services.classification.everything(zhangwei, filter: SecretFilter(search: "未答四问")).isEmpty)
        }
    }
}
