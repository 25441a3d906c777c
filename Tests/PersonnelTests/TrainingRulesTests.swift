import Kernel
import Personnel
import Testing

@Suite("保密教育培训 — plans, classes, hours, certificates")
struct TrainingRulesTests {
    func cls(_ kind: TrainingKind = .general, participants: [String] = ["p1"], absent: [String] = [], passed: [String] = [], on day: Day = today)
        -> TrainingClass
    {
        TrainingClass(
            id: "c", unitID: "u1", kind: kind, heldOn: day, hours: 4, content: "保密法律法规", form: "讲座", organiser: "保密办", participantIDs: participants,
            absentIDs: absent, passedIDs: passed)
    }

    @Test("R-KP-4 floors: 核心 16 hours, 重要 and 一般 8; 16 hours before a key-part post")
    func floors() {
        #expect(TrainingRules.annualFloor(.core) == 16 && TrainingRules.annualFloor(.important) == 8 && TrainingRules.annualFloor(.general) == 8)
        #expect(TrainingRules.shortfall(hours: 10, tier: .core) == 6)
        #expect(TrainingRules.shortfall(hours: 8, tier: .important) == nil)
        #expect(TrainingRules.floorWarningsDue(today: Day(year: 2026, month: 9, day: 1)!))
        #expect(!TrainingRules.floorWarningsDue(today: Day(year: 2026, month: 8, day: 31)!))
        let facts = { (h: Int) in PersonnelRules.AppointmentFacts(review: review(), commitments: [.responsibility], prePostHours: h) }
        #expect(
            code { _ = try PersonnelRules.appointed(personID: "p1", to: post(keyPart: true), tier: .important, facts: facts(15), today: today) }
                == "personnel.pre_post_training R-KP-4")
        #expect(
            code { _ = try PersonnelRules.appointed(personID: "p1", to: post(keyPart: true), tier: .important, facts: facts(16), today: today) } == "allowed")
    }

    @Test("R-TR-1 a class records date, hours, content, form, organiser, participants and absentees; the plan is due before the year")
    func classes() throws {
        #expect(code { _ = try TrainingRules.validClass(cls(participants: []), today: today) } == "validation.invalid")
        #expect(code { _ = try TrainingRules.validClass(cls(participants: ["p1"], absent: ["p1"]), today: today) } == "validation.invalid")
        #expect(code { _ = try TrainingRules.validClass(cls(on: today.adding(days: 1)), today: today) } == "validation.invalid")
        let ok = try TrainingRules.validClass(cls(participants: ["p2", "p1", "p1"], absent: ["p3"]), today: today)
        #expect(ok.participantIDs == ["p1", "p2"] && ok.absentIDs == ["p3"])
        #expect(TrainingRules.planDueYear(today: today, planned: []) == 2026)
        #expect(TrainingRules.planDueYear(today: today, planned: [2026]) == nil)
        #expect(TrainingRules.planDueYear(today: Day(year: 2026, month: 12, day: 1)!, planned: [2026]) == 2027)
    }

    @Test("R-TR-2 the annual plan holds April's 保密宣传教育月; the reminder comes in March")
    func april() {
        let may = TrainingRules.PlanItem(month: 5, content: "专题讲座", form: "讲座", hours: 4, audience: "全体涉密人员")
        #expect(code { _ = try TrainingRules.validPlan(year: 2027, items: [may]) } == "training.april_missing R-TR-2")
        var april = may
        april.month = 4
        #expect(code { _ = try TrainingRules.validPlan(year: 2027, items: [may, april]) } == "allowed")
        #expect(TrainingRules.aprilReminder(today: Day(year: 2027, month: 3, day: 1)!) && !TrainingRules.aprilReminder(today: today))
    }

    @Test("R-TR-3 who passed a 定密培训 must have sat it")
    func classificationTraining() throws {
        #expect(
            code { _ = try TrainingRules.validClass(cls(.classification, participants: ["p1"], passed: ["p2"]), today: today) }
                == "training.exam_not_participant R-TR-3")
    }

    @Test("R-TR-4 a course outside the unit is recorded with its certificate")
    func external() {
        let e = ExternalCourse(id: "x", personID: "p1", kind: .clerkQualification, provider: "江海市国家保密局", completedOn: today, hours: 24, certificateNumber: "")
        #expect(code { _ = try TrainingRules.validExternal(e, today: today) } == "training.certificate_missing R-TR-4")
        var ok = e
        ok.certificateNumber = "JH-BM-2026-018"
        #expect(code { _ = try TrainingRules.validExternal(ok, today: today) } == "allowed")
        var other = e
        other.kind = .other
        #expect(code { _ = try TrainingRules.validExternal(other, today: today) } == "allowed")
    }
}
