import Accounts
import Kernel
import Personnel
import Testing

let today = Day(year: 2026, month: 6, day: 15)!

func post(_ level: Level = .confidential, keyPart: Bool = false, roles: [Role] = [], id: String = "post1") -> SecretPost {
    SecretPost(
        id: id, unitID: "u1", departmentID: nil, name: "规划编制", highestLevel: level, keyPart: keyPart, roles: roles,
        validFrom: Day(year: 2020, month: 1, day: 1)!)
}

func review(passed: Bool = true, postID: String = "post1", eligibility: Eligibility = .allMet) -> Review {
    Review(
        id: "r1", personID: "p1", postID: postID, kind: .preAppointment, eligibility: eligibility, personnelOpinion: "同意", secrecyOpinion: "同意",
        decidedBy: "陈军", passed: passed, reviewedOn: today)
}

func code(_ body: () throws -> Void) -> String {
    do {
        try body()
        return "allowed"
    } catch let e as Refusal {
        return [e.code, e.ruleID].compactMap { $0 }.joined(separator: " ")
    } catch { return "\(error)" }
}

func serving(_ tier: ClearanceTier = .important, appointedOn: Day = Day(year: 2020, month: 1, day: 1)!) -> ClearedPerson {
    ClearedPerson(personID: "p1", unitID: "u1", postID: "post1", tier: tier, appointedOn: appointedOn)
}

@Suite("涉密人员 — posts, tiers, reviews and appointment")
struct PersonnelRulesTests {
    @Test("R-PE-1 a post's tier is fixed by its highest level: 绝密 核心, 机密 重要, 秘密 一般")
    func tierFromLevel() {
        #expect(post(.topSecret).tier == .core)
        #expect(post(.confidential).tier == .important)
        #expect(post(.secret).tier == .general)
        #expect(ClearanceTier.core.rank > ClearanceTier.important.rank && ClearanceTier.general.rank > ClearanceTier.none.rank)
    }

    @Test("R-PE-10 a tier never exceeds the post's; no tier without a post; 非涉密 always allowed")
    func tierWithinPost() {
        #expect(code { try PersonnelRules.checkTier(.core, post: post(.confidential), status: .serving) } == "personnel.tier_above_post R-PE-10")
        #expect(code { try PersonnelRules.checkTier(.general, post: nil, status: nil) } == "personnel.no_post R-PE-10")
        #expect(code { try PersonnelRules.checkTier(.general, post: post(), status: .declearing) } == "personnel.no_post R-PE-10")
        #expect(code { try PersonnelRules.checkTier(.important, post: post(.confidential), status: .serving) } == "allowed")
        #expect(code { try PersonnelRules.checkTier(.none, post: nil, status: nil) } == "allowed")
        #expect(PersonnelRules.needsChangeReview(from: serving(), postID: "post2", tier: .important))
        #expect(PersonnelRules.needsChangeReview(from: serving(), postID: "post1", tier: .general))
        #expect(!PersonnelRules.needsChangeReview(from: serving(), postID: "post1", tier: .important))
    }

    @Test("R-PE-2 appointment needs a passed review for the post; a failed condition cannot pass; a failed review removes")
    func reviewGate() throws {
        let facts = { (r: Review?) in PersonnelRules.AppointmentFacts(review: r, commitments: [.pledge]) }
        #expect(
            code { _ = try PersonnelRules.appointed(personID: "p1", to: post(), tier: .important, facts: facts(nil), today: today) }
                == "personnel.review_missing R-PE-2")
        #expect(
            code { _ = try PersonnelRules.appointed(personID: "p1", to: post(), tier: .important, facts: facts(review(passed: false)), today: today) }
                == "personnel.review_missing R-PE-2")
        #expect(
            code { _ = try PersonnelRules.appointed(personID: "p1", to: post(), tier: .important, facts: facts(review(postID: "other")), today: today) }
                == "personnel.review_missing R-PE-2")
        var bad = Eligibility.allMet
        bad.noCriminalRecord = false
        #expect(code { _ = try PersonnelRules.decided(review(eligibility: bad)) } == "personnel.ineligible R-PE-2")
        #expect(code { _ = try PersonnelRules.decided(review(passed: false, eligibility: bad)) } == "allowed")
        let appointed = try PersonnelRules.appointed(personID: "p1", to: post(), tier: .important, facts: facts(review()), today: today)
        #expect(appointed.status == .serving && appointed.nextReviewOn == today.adding(months: 12))
        #expect(PersonnelRules.reviewDue(appointed, today: today.adding(months: 12)))
        #expect(!PersonnelRules.reviewDue(appointed, today: today.adding(months: 12).adding(days: -1)))
        let failed = PersonnelRules.afterReview(appointed, review(passed: false))
        #expect(failed.status == .removed && failed.tier == .none)
    }

    @Test("R-PE-3 the 涉密人员名单 is filed again once it changed after the last filing")
    func rosterFiling() {
        #expect(PersonnelRules.rosterFilingDue(changedAt: 10, filedAt: nil))
        #expect(PersonnelRules.rosterFilingDue(changedAt: 20, filedAt: 10))
        #expect(!PersonnelRules.rosterFilingDue(changedAt: 10, filedAt: 20))
        #expect(!PersonnelRules.rosterFilingDue(changedAt: nil, filedAt: nil))
    }

    @Test("R-PE-4 appointment needs the 承诺书 (key-part posts the 责任书); completing a departure the leaving commitment")
    func commitments() {
        #expect(
            code {
                _ = try PersonnelRules.appointed(
                    personID: "p1", to: post(), tier: .important, facts: .init(review: review(), commitments: []), today: today)
            } == "personnel.commitment_missing R-PE-4")
        #expect(
            code {
                _ = try PersonnelRules.appointed(
                    personID: "p1", to: post(keyPart: true), tier: .important, facts: .init(review: review(), commitments: [.pledge], prePostHours: 16),
                    today: today)
            } == "personnel.commitment_missing R-PE-4")
        var d = Departure(id: "d1", personID: "p1", unitID: "u1", kind: .leaveJob, leavingOn: today, declearingMonths: 12)
        for item in PersonnelRules.requiredItems(post: post()) where item.recordedByHand { d.done[item] = "已办" }
        #expect(
            code {
                _ = try PersonnelRules.completed(d, person: serving(), post: post(), facts: .init(held: [], leavingCommitments: []), today: today)
            }
                == "personnel.leaving_commitment R-PE-4")
    }

    @Test("R-PE-9 removal from the post ends the clearance; late reports and unapproved trips are grounds")
    func removal() throws {
        let removed = try PersonnelRules.removed(serving(), ground: .failedToReport)
        #expect(removed.status == .removed && removed.tier == .none)
        #expect(code { _ = try PersonnelRules.removed(removed, ground: .concealed) } == "personnel.not_serving R-PE-9")
        #expect(PersonnelRules.removalGrounds(lateEvents: 1, unapprovedTrips: 0) == [.failedToReport])
        #expect(PersonnelRules.removalGrounds(lateEvents: 0, unapprovedTrips: 2) == [.unapprovedTravel])
        #expect(PersonnelRules.removalGrounds(lateEvents: 0, unapprovedTrips: 0).isEmpty)
    }

    @Test("R-PE-13 a 保密员 is appointed only with a valid 上岗资格证书")
    func clerkCertificate() {
        let clerkPost = post(roles: [.secrecyClerk])
        let expired = Certificate(
            number: "BM001", issuer: "江海市国家保密局", issuedOn: Day(year: 2020, month: 1, day: 1)!, validUntil: Day(year: 2025, month: 12, day: 31)!)
        let valid = Certificate(
            number: "BM002", issuer: "江海市国家保密局", issuedOn: Day(year: 2025, month: 1, day: 1)!, validUntil: Day(year: 2029, month: 12, day: 31)!)
        func appoint(_ c: Certificate?) -> String {
            code {
                _ = try PersonnelRules.appointed(
                    personID: "p1", to: clerkPost, tier: .important, facts: .init(review: review(), commitments: [.pledge], certificate: c), today: today)
            }
        }
        #expect(appoint(nil) == "personnel.certificate_missing R-PE-13")
        #expect(appoint(expired) == "personnel.certificate_missing R-PE-13")
        #expect(appoint(valid) == "allowed")
    }

    @Test("R-PE-14 a restriction is recorded with the treatment given")
    func rights() {
        let r = RightsRecord(id: "x", personID: "p1", restriction: "脱密期内不得出境", measure: "", recordedOn: today)
        #expect(code { _ = try PersonnelRules.rightsRecord(r) } == "personnel.rights_measure R-PE-14")
        var ok = r
        ok.measure = "发放保密津贴"
        #expect(code { _ = try PersonnelRules.rightsRecord(ok) } == "allowed")
    }

    @Test("R-PE-15 a file is read by the person, the unit's 组织人事部门 and 保密工作机构 — never by a 三员 for the role")
    func fileAccess() {
        func may(_ person: String?, _ unit: String?, _ roles: Set<Role>) -> Bool {
            PersonnelRules.mayReadFile(ofPerson: "p1", unitID: "u1", by: FileViewer(personID: person, unitID: unit, roles: roles))
        }
        #expect(may("p1", "u1", [.handler]))
        #expect(may("p2", "u1", [.personnelOffice]))
        #expect(may("p2", "u1", [.secrecyClerk]))
        #expect(!may("p2", "u2", [.secrecyClerk]))
        #expect(!may("p2", "u1", [.handler, .leader]))
        #expect(!may(nil, nil, [.securityAdmin]))
        #expect(!may(nil, "u1", [.auditor]))
        // The 三员 branch alone: a keeper's role held with a 三员 role reads nobody else's file, nor in its own unit;
        // the person's own file stays theirs.
        #expect(!may("p2", "u1", [.secrecyClerk, .securityAdmin]))
        #expect(!may("p2", "u1", [.personnelOffice, .systemAdmin]))
        #expect(!may("p2", "u1", [.secrecyOffice, .auditor]))
        #expect(may("p1", "u1", [.securityAdmin]))
        #expect(
            code { try PersonnelRules.checkFile(ofPerson: "p1", unitID: "u1", by: FileViewer(personID: "p3", unitID: "u1", roles: [.handler])) } == "not_found")
    }
}
