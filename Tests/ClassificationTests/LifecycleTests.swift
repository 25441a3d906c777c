import Accounts
import Classification
import Kernel
import Testing

@Suite("定密程序 — drafting and review")
struct LifecycleTests {
    @Test("Issue 9 #4: R-SY-2 nobody drafts above their clearance (一般 drafts 秘密 only; 非涉密 nothing)")
    func draftWithinClearance() throws {
        var input = Fx.input(basis: .unclear)
        input.level = .confidential
        #expect(throws: Refusal.self) {
            try Drafting.draft(input, id: "x", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .general, on: Fx.today)
        }
        input.level = .secret
        #expect(throws: Refusal.self) {
            try Drafting.draft(input, id: "x", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .none, on: Fx.today)
        }
        let ok = try Drafting.draft(input, id: "x", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .general, on: Fx.today)
        #expect(ok.level == .secret)
    }

    @Test("R-CL-1 the 承办人 drafts from a catalogue item; the draft is protected at once; the officer approves with a written record")
    func draftAndApprove() throws {
        let draft = try Fx.draft()
        #expect(draft.status == .draft)
        #expect(draft.status.isProtected)
        #expect(draft.scope.contains(Fx.handler))
        let submitted = try Review.submit(draft)
        let approved = try Review.decide(submitted, decision: .approve, officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        #expect(approved.status == .inForce)
        #expect(approved.officerPersonID == Fx.officerPerson)
        #expect(approved.handlerPersonID == Fx.handler)
        #expect(approved.basis == .catalogue(itemID: "c1"))
        #expect(approved.issueDate == Fx.today)
        #expect(approved.authority == .own(.confidential))
        #expect(approved.markings == ["机密★10年"])
    }

    @Test("R-CL-1 amend and reject need a reason; the 承办人 cannot approve their own draft")
    func amendRejectSelf() throws {
        let submitted = try Review.submit(try Fx.draft())
        #expect(throws: ClassificationError.reasonRequired(field: "reason")) {
            try Review.decide(submitted, decision: .reject(reason: " "), officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        }
        let rejected = try Review.decide(submitted, decision: .reject(reason: "属于工作秘密"), officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        #expect(rejected.status == .rejected)
        #expect(!rejected.status.isProtected)
        let amended = try Review.decide(
            submitted, decision: .amend(level: .secret, period: .years(5), scope: ["p1"], reason: "降低密级"), officer: Fx.officer(), ownCap: .confidential,
            grants: [], on: Fx.today)
        #expect(amended.marking.render() == "秘密★5年")
        #expect(amended.scope == ["p1", Fx.handler])
        var selfOfficer = Fx.officer()
        selfOfficer.personID = Fx.handler
        #expect(throws: ClassificationError.sameHandlerAndOfficer) {
            try Review.decide(submitted, decision: .approve, officer: selfOfficer, ownCap: .confidential, grants: [], on: Fx.today)
        }
        #expect(throws: ClassificationError.self) { try Review.submit(rejected) }
    }

    @Test("R-CL-2 the officer's cap and the unit's authority on that date must both cover the level")
    func capAndAuthority() throws {
        let submitted = try Review.submit(try Fx.draft(level: .confidential))
        #expect(throws: ClassificationError.officerCapTooLow(officer: .secret, level: .confidential)) {
            try Review.decide(submitted, decision: .approve, officer: Fx.officer(cap: .secret), ownCap: .confidential, grants: [], on: Fx.today)
        }
        #expect(throws: ClassificationError.noAuthority(level: .confidential)) {
            try Review.decide(submitted, decision: .approve, officer: Fx.officer(), ownCap: .secret, grants: [], on: Fx.today)
        }
        let grant = Grant(
            id: "g", grantorUnitID: "city", granteeUnitID: Fx.unit, cap: .confidential, matterScope: "产业规划中的涉密事项",
            validFrom: Day(year: 2026, month: 1, day: 1)!, validUntil: Day(year: 2026, month: 12, day: 31)!)
        let viaGrant = try Review.decide(submitted, decision: .approve, officer: Fx.officer(), ownCap: .secret, grants: [grant], on: Fx.today)
        #expect(viaGrant.authority == .grant(id: "g", cap: .confidential))
        #expect(throws: ClassificationError.noAuthority(level: .confidential)) {
            try Review.decide(submitted, decision: .approve, officer: Fx.officer(), ownCap: .secret, grants: [grant], on: Day(year: 2027, month: 1, day: 4)!)
        }
    }

    @Test("R-AU-1 without authority the matter is protected and referred to the superior, which decides with its own authority")
    func referUp() throws {
        let referred = try Review.referUp(try Fx.draft())
        #expect(referred.status == .referredUp)
        #expect(referred.status.isProtected)
        var superiorOfficer = Fx.officer()
        superiorOfficer.unitID = "superior"
        let decided = try Review.decide(
            referred, decision: .approve, officer: superiorOfficer, ownCap: .topSecret, grants: [], on: Fx.today, decidingUnitID: "superior")
        #expect(decided.status == .inForce)
        #expect(decided.authority == .own(.topSecret))
    }

    @Test("R-CL-4 the four questions are answered first, and any yes forbids classification")
    func fourQuestions() throws {
        var input = Fx.input()
        input.questions = FourQuestions(
            publicMustKnow: false, isWorkOrCommercialSecretOrPrivacy: nil, alreadyPublicOrUncontrollable: false, lawRequiresDisclosure: false)
        #expect(throws: ClassificationError.fourQuestionsUnanswered) {
            try Drafting.draft(input, id: "x", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .core, on: Fx.today, catalogueItem: Fx.item)
        }
        for yes in 0..<4 {
            var answers = [false, false, false, false]
            answers[yes] = true
            input.questions = FourQuestions(
                publicMustKnow: answers[0], isWorkOrCommercialSecretOrPrivacy: answers[1], alreadyPublicOrUncontrollable: answers[2],
                lawRequiresDisclosure: answers[3])
            #expect(throws: ClassificationError.self) {
                try Drafting.draft(input, id: "x", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .core, on: Fx.today, catalogueItem: Fx.item)
            }
        }
    }

    @Test("R-CL-6 a derived matter takes its source's level, period, scope and issue date")
    func derived() throws {
        let source = Fx.inForce(level: .confidential, period: .years(10))
        let input = Fx.input(level: .secret, period: .years(1), basis: .derived(sourceID: source.id, ground: .containsSecretPoints))
        let derived = try Drafting.draft(input, id: "d1", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .core, on: Fx.today, source: source)
        #expect(derived.level == .confidential)
        #expect(derived.period == .years(10))
        #expect(derived.issueDate == source.issueDate)
        #expect(derived.expiry == source.expiry)
        #expect(derived.scope.isSuperset(of: source.scope))
        #expect(throws: ClassificationError.derivationWithoutSource) {
            try Drafting.draft(input, id: "d2", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .core, on: Fx.today, source: nil)
        }
        #expect(DerivationGround.allCases.count == 4)
    }

    @Test("R-LV-5 the 密点 must be identified before approval")
    func secretPoints() throws {
        var draft = try Fx.draft()
        draft.secretPoints = " "
        let submitted = try Review.submit(draft)
        #expect(throws: ClassificationError.reasonRequired(field: "secret_points")) {
            try Review.decide(submitted, decision: .approve, officer: Fx.officer(), ownCap: .confidential, grants: [], on: Fx.today)
        }
    }

    @Test("R-KS-1 a secret always has a knowledge scope")
    func scopeRequired() throws {
        let submitted = try Review.submit(try Fx.draft())
        #expect(throws: ClassificationError.emptyScope) {
            try Review.decide(
                submitted, decision: .amend(level: .secret, period: .years(1), scope: [], reason: "缩小"), officer: Fx.officer(), ownCap: .confidential,
                grants: [], on: Fx.today)
        }
        #expect(try Fx.draft().scope.count >= 1)
    }
}

@Suite("不明确事项与异议 — unclear matters and objections")
struct UnclearAndObjectionTests {
    let calendar = WorkCalendar(years: CalendarYear.bundled)

    @Test("R-CL-3 reported within 10 working days, decided within 10 more, routed by level and unit kind")
    func unclearClocks() throws {
        let drafted = Day(year: 2026, month: 9, day: 24)!
        // 10 working days across 中秋/国庆 (see WorkCalendarTests): 2026-10-15; 10 more: 10-16, 19..23, 26..29 → 10-29.
        let reportDue = try UnclearMatters.reportDue(draftedOn: drafted, calendar: calendar)
        #expect(reportDue == Day(year: 2026, month: 10, day: 15))
        #expect(try UnclearMatters.decisionDue(reportedOn: reportDue, calendar: calendar) == Day(year: 2026, month: 10, day: 29))
        #expect(UnclearMatters.isOverdue(due: reportDue, today: reportDue.adding(days: 1)))
        #expect(!UnclearMatters.isOverdue(due: reportDue, today: reportDue))
        #expect(UnclearMatters.route(level: .topSecret, drafterKind: .cityOrgan) == .national)
        #expect(UnclearMatters.route(level: .secret, drafterKind: .centralOrgan) == .national)
        #expect(UnclearMatters.route(level: .confidential, drafterKind: .cityOrgan) == .provincial)
        let draft = try Drafting.draft(Fx.input(basis: .unclear), id: "u", unitID: Fx.unit, handlerPersonID: Fx.handler, handlerTier: .core, on: drafted)
        #expect(draft.status == .unclearPendingReport)
        #expect(try UnclearMatters.report(draft).status == .unclearReported)
    }

    @Test("R-CL-3 the last overdue start day splits every start day exactly as the clock does (the sweep's indexed read)")
    func lastOverdueStart() throws {
        // Across 中秋/国庆 and a plain stretch: every start day up to the cutoff is overdue, and none after it.
        for today in [Day(year: 2026, month: 10, day: 16)!, Day(year: 2026, month: 10, day: 30)!, Day(year: 2026, month: 11, day: 23)!] {
            let cutoff = try UnclearMatters.lastOverdueStart(days: UnclearMatters.reportDays, today: today, calendar: calendar)
            for offset in -40...0 {
                let start = today.adding(days: offset)
                let overdue = UnclearMatters.isOverdue(due: try UnclearMatters.reportDue(draftedOn: start, calendar: calendar), today: today)
                #expect(overdue == (start <= cutoff), "today \(today.iso), start \(start.iso), cutoff \(cutoff.iso)")
            }
        }
        // 2026-09-24 is due 10-15: overdue from 10-16 on, so it is the cutoff on 10-16.
        #expect(
            try UnclearMatters.lastOverdueStart(days: 10, today: Day(year: 2026, month: 10, day: 16)!, calendar: calendar) >= Day(
                year: 2026, month: 9, day: 24)!)
    }

    @Test("R-CL-7 an objection claims something different; it is protected at the highest level claimed; appeals route by level")
    func objections() throws {
        let secret = Fx.inForce(level: .secret)
        #expect(throws: ClassificationError.objectionWithoutClaim) {
            try Objections.check(Objection(secretID: secret.id, raisedBy: "u2", claimedLevel: .secret, claimedPeriod: nil, reason: "应为秘密"), against: secret)
        }
        let higher = Objection(secretID: secret.id, raisedBy: "u2", claimedLevel: .confidential, claimedPeriod: nil, reason: "涉及重要项目")
        try Objections.check(higher, against: secret)
        #expect(Objections.protectionLevel(current: .secret, pending: [higher]) == .confidential)
        #expect(
            Objections.protectionLevel(
                current: .confidential, pending: [Objection(secretID: "", raisedBy: "", claimedLevel: .secret, claimedPeriod: nil, reason: "x")])
                == .confidential)
        #expect(Objections.appealRoute(level: .topSecret, originatorKind: .cityOrgan) == .national)
        #expect(Objections.appealRoute(level: .secret, originatorKind: .cityOrgan) == .provincial)
    }

    @Test("R-CL-5 joint secrets record the co-units; temporary bodies are classified by the running unit, then its successor")
    func jointAndTemporary() {
        let joint = Responsibility.joint(Fx.inForce(), coUnitIDs: ["u2", Fx.unit, "u3"])
        #expect(joint.coUnitIDs == ["u2", "u3"])
        #expect(Responsibility.classifyingUnit(runningUnitID: "runner", dissolved: false, successorUnitID: "next") == "runner")
        #expect(Responsibility.classifyingUnit(runningUnitID: "runner", dissolved: true, successorUnitID: "next") == "next")
    }

    @Test("R-CL-8 a superior corrects its subordinates' classifications; a unit its own; nobody else's")
    func correction() {
        #expect(Responsibility.mayCorrect(actingUnitID: "city", secretUnitID: "agency", subordinates: ["agency"]))
        #expect(Responsibility.mayCorrect(actingUnitID: "agency", secretUnitID: "agency", subordinates: []))
        #expect(!Responsibility.mayCorrect(actingUnitID: "peer", secretUnitID: "agency", subordinates: ["other"]))
    }
}
