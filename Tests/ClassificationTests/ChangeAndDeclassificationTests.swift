import Classification
import Kernel
import Testing

@Suite("变更与解密 — change and declassification")
struct ChangeAndDeclassificationTests {
    let issue = Day(year: 2016, month: 12, day: 20)!

    @Test("R-CH-1 a change changes level, period or scope, with a reason")
    func mustChange() throws {
        let secret = Fx.inForce()
        #expect(throws: ClassificationError.nothingChanged) {
            try Changes.change(secret, ChangeRequest(level: secret.level, reason: "复核"), officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        }
        #expect(throws: ClassificationError.reasonRequired(field: "reason")) {
            try Changes.change(secret, ChangeRequest(level: .secret, reason: ""), officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        }
    }

    @Test("R-CH-2 a change goes through an officer with cap and authority, tells the whole old and new scope, and R-LV-4 marks beside the old")
    func procedureAndNotice() throws {
        let secret = Fx.inForce(level: .secret, period: .years(5))
        #expect(throws: ClassificationError.officerCapTooLow(officer: .secret, level: .confidential)) {
            try Changes.change(
                secret, ChangeRequest(level: .confidential, reason: "危害程度变化"), officer: Fx.officer(cap: .secret), ownCap: .confidential, grants: [],
                on: Fx.today)
        }
        let outcome = try Changes.change(
            secret, ChangeRequest(level: .confidential, scope: ["p3"], reason: "危害程度变化"), officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today
        )
        #expect(outcome.secret.level == .confidential)
        #expect(outcome.notify == ["p1", "p3", Fx.handler])
        #expect(outcome.secret.markings == ["秘密★5年", "机密★5年"])
    }

    @Test("R-CH-3 an extension is decided before the period expires; past the item's limit it is reported")
    func extensionRules() throws {
        let secret = Fx.inForce(level: .secret, period: .years(10), issue: issue)  // expires 2026-12-20
        var veteran = Fx.officer()
        veteran.appointedOn = Day(year: 2020, month: 1, day: 1)!
        veteran.trainedOn = Day(year: 2020, month: 2, day: 1)!
        let outcome = try Changes.change(
            Fx.inForce(level: .secret, period: .years(8), issue: issue), ChangeRequest(period: .years(10), reason: "项目延续"), officer: veteran,
            ownCap: .confidential, grants: [], on: Day(year: 2024, month: 12, day: 1)!)
        #expect(outcome.isExtension)
        #expect(!outcome.mustReportExtension)
        #expect(throws: ClassificationError.extensionAfterExpiry(expiry: Day(year: 2024, month: 12, day: 20)!)) {
            try Changes.change(
                Fx.inForce(level: .secret, period: .years(8), issue: issue), ChangeRequest(period: .years(10), reason: "逾期"), officer: veteran,
                ownCap: .confidential, grants: [], on: Day(year: 2024, month: 12, day: 20)!)
        }
        let beyond = try Changes.change(
            secret, ChangeRequest(period: .years(12), reason: "超出范围规定"), officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        #expect(beyond.isExtension)
        #expect(beyond.mustReportExtension)
    }

    @Test("R-DC-2 a secret is declassified automatically on expiry, and early only by a reasoned decision")
    func automaticAndEarly() throws {
        let secret = Fx.inForce(level: .secret, period: .years(10), issue: issue)  // 2026-12-20
        #expect(!Declassification.isDue(secret, on: Day(year: 2026, month: 12, day: 19)!))
        #expect(Declassification.isDue(secret, on: Day(year: 2026, month: 12, day: 20)!))
        #expect(throws: ClassificationError.self) { try Declassification.declassify(secret, kind: .expired, on: Fx.today) }
        let done = try Declassification.declassify(secret, kind: .expired, on: Day(year: 2026, month: 12, day: 20)!)
        #expect(done.secret.status == .declassified)
        #expect(throws: ClassificationError.reasonRequired(field: "reason")) { try Declassification.declassify(secret, kind: .early, on: Fx.today) }
        let early = try Declassification.declassify(secret, kind: .early, on: Fx.today, reason: "已公开发布，无需继续保密")
        #expect(early.secret.declassifiedOn == Fx.today)
    }

    @Test("R-DC-3 a 长期 secret is declassified only with the central organ's recorded approval")
    func longTerm() throws {
        let secret = Fx.inForce(level: .topSecret, period: .longTerm)
        #expect(!Declassification.isDue(secret, on: Day(year: 2099, month: 1, day: 1)!))
        #expect(throws: ClassificationError.longTermNeedsCentralApproval) {
            try Declassification.declassify(secret, kind: .early, on: Fx.today, reason: "范围调整")
        }
        let done = try Declassification.declassify(secret, kind: .early, on: Fx.today, reason: "范围调整", centralApproval: "国保函〔2026〕12号")
        #expect(done.secret.status == .declassified)
    }

    @Test("R-DC-4 the 解密 mark goes beside the original and the scope is told unless published; R-DC-5 publication still needs review")
    func markAndNotice() throws {
        let secret = Fx.inForce(level: .secret, period: .years(10), issue: issue)
        let told = try Declassification.declassify(secret, kind: .expired, on: Day(year: 2026, month: 12, day: 21)!)
        #expect(told.secret.markings.first == "秘密★10年")
        #expect(told.secret.markings.last?.hasPrefix("解密") == true)
        #expect(told.notify == secret.scope)
        #expect(told.publicationNeedsReview)
        let published = try Declassification.declassify(secret, kind: .early, on: Fx.today, reason: "正式公布", published: true)
        #expect(published.notify.isEmpty)
    }

    @Test("R-DU-6 derived secrets, at any depth, are found to declassify with their source")
    func descendants() {
        let edges = ["d1": "s", "d2": "d1", "d3": "s", "x": "other"]
        #expect(Declassification.descendants(of: "s", edges: edges) == ["d1", "d2", "d3"])
        #expect(Declassification.descendants(of: "d1", edges: edges) == ["d2"])
        #expect(Declassification.descendants(of: "x", edges: edges).isEmpty)
    }

    @Test("R-DC-1 reminders at 90 and 30 days and an annual review of every in-force secret")
    func remindersAndReview() {
        let expiry = Day(year: 2027, month: 3, day: 1)!
        #expect(Declassification.reminderDue(expiry: expiry, today: expiry.adding(days: -120)) == nil)
        #expect(Declassification.reminderDue(expiry: expiry, today: expiry.adding(days: -90)) == 90)
        #expect(Declassification.reminderDue(expiry: expiry, today: expiry.adding(days: -30)) == 30)
        #expect(Declassification.reminderDue(expiry: expiry, today: expiry.adding(days: 1)) == nil)
        #expect(Declassification.reminderDue(expiry: expiry, today: expiry.adding(days: -50), leadDays: [60]) == 60)
        #expect(Declassification.annualReviewDue(lastReviewedYear: 2025, today: Fx.today))
        #expect(!Declassification.annualReviewDue(lastReviewedYear: 2026, today: Fx.today))
        #expect(Declassification.annualReviewDue(lastReviewedYear: nil, today: Fx.today))
    }

    @Test("R-DC-6 archives transferred to the state archives list the originator's still-protected secrets for review")
    func archiveReview() throws {
        let a = Fx.inForce()
        var b = Fx.inForce()
        b.id = "b"
        b.status = .declassified
        var c = Fx.inForce()
        c.id = "c"
        c.unitID = "other"
        #expect(Declassification.archiveReviewList([a, b, c], originatorUnitID: Fx.unit).map(\.id) == [a.id])
    }

    @Test("R-KS-3 widening needs the head's approval inside the scope's units and the originator's consent outside; R-KS-2 knowers of 机密/绝密 are recorded")
    func widening() throws {
        let secret = Fx.inForce(level: .confidential)
        #expect(throws: ClassificationError.wideningNeedsApproval(needed: "本机关、单位负责人批准")) {
            try KnowledgeScope.widen(secret, personID: "p7", personUnitID: Fx.unit, scopeUnitIDs: [], approval: nil, reason: "工作需要", on: Fx.today)
        }
        #expect(throws: ClassificationError.wideningNeedsApproval(needed: "原定密机关、单位同意")) {
            try KnowledgeScope.widen(
                secret, personID: "p8", personUnitID: "outside", scopeUnitIDs: [], approval: .headApproval(approverPersonID: "head"), reason: "会商", on: Fx.today
            )
        }
        let (widened, record) = try KnowledgeScope.widen(
            secret, personID: "p7", personUnitID: Fx.unit, scopeUnitIDs: [], approval: .headApproval(approverPersonID: "head"), reason: "工作需要", on: Fx.today)
        #expect(widened.scope.contains("p7"))
        #expect(record.approval == .headApproval(approverPersonID: "head"))
        #expect(KnowledgeScope.mustRecordKnowers(secret))
        #expect(!KnowledgeScope.mustRecordKnowers(Fx.inForce(level: .secret)))
    }

    @Test("R-LV-3 markings go top-left or under the title on documents, on the casing of media and devices; unmarkable means written notice")
    func placement() {
        #expect(MarkingPlacement.paper.chinese.contains("左上角"))
        #expect(MarkingPlacement.medium.chinese.contains("外壳"))
        #expect(MarkingPlacement.requiresWrittenNotice(canBeMarked: false))
        #expect(!MarkingPlacement.requiresWrittenNotice(canBeMarked: true))
    }
}
