import Accounts
import Kernel
import Personnel
import Testing

@Suite("涉密人员 — departures, trips, events")
struct DepartureTravelTests {
    func departure(months: Int, leavingOn: Day = today, consent: String = "") -> Departure {
        Departure(id: "d1", personID: "p1", unitID: "u1", kind: .leaveJob, leavingOn: leavingOn, declearingMonths: months, earlyConsent: consent)
    }

    func allDone(_ d: Departure, post p: SecretPost) -> Departure {
        var x = d
        for item in PersonnelRules.requiredItems(post: p) where item.recordedByHand { x.done[item] = "已办" }
        return x
    }

    @Test("R-PE-7 the 脱密期 floors — 核心 2 years, 重要 1 year, 一般 6 months — and every checklist item before completion")
    func floorsAndChecklist() throws {
        #expect(
            code { _ = try PersonnelRules.opened(departure(months: 23), person: serving(.core), post: post(.topSecret), today: today) }
                == "personnel.declearing_too_short R-PE-7")
        #expect(code { _ = try PersonnelRules.opened(departure(months: 24), person: serving(.core), post: post(.topSecret), today: today) } == "allowed")
        #expect(
            code { _ = try PersonnelRules.opened(departure(months: 11), person: serving(.important), post: post(), today: today) }
                == "personnel.declearing_too_short R-PE-7")
        #expect(
            code { _ = try PersonnelRules.opened(departure(months: 5), person: serving(.general), post: post(.secret), today: today) }
                == "personnel.declearing_too_short R-PE-7")
        #expect(code { _ = try PersonnelRules.opened(departure(months: 6), person: serving(.general), post: post(.secret), today: today) } == "allowed")
        let opened = try PersonnelRules.opened(departure(months: 12), person: serving(), post: post(), today: today)
        let facts = PersonnelRules.GateFacts(held: [], leavingCommitments: [.leaving])
        #expect(
            code { _ = try PersonnelRules.completed(opened, person: serving(), post: post(), facts: facts, today: today) }
                == "personnel.checklist_incomplete R-PE-7")
        let (done, person) = try PersonnelRules.completed(allDone(opened, post: post()), person: serving(), post: post(), facts: facts, today: today)
        #expect(done.completedOn == today && done.done[.carriersCleared] != nil)
        #expect(person.status == .declearing && person.tier == .none && person.declearingUntil == today.adding(months: 12))
        #expect(PersonnelRules.declearingEnded(person, today: today.adding(months: 12)) == nil)
        #expect(PersonnelRules.declearingEnded(person, today: today.adding(months: 12).adding(days: 1))?.status == .cleared)
        #expect(code { _ = try PersonnelRules.recorded(done, item: .approval, note: "x", post: post()) } == "personnel.departure_closed R-PE-7")
        #expect(code { _ = try PersonnelRules.recorded(opened, item: .carriersCleared, note: "x", post: post()) } == "validation.invalid")
    }

    /// What the carrier area answers for a leaver holding `n` carriers.
    static func carriers(_ n: Int) -> Holding { Holding(field: "carriers", what: "件涉密载体、介质未清退或移交", count: n) }

    @Test("R-PE-16 the gate refuses while anything is outstanding, naming only the number")
    func gate() throws {
        let opened = allDone(try PersonnelRules.opened(departure(months: 12), person: serving(), post: post(), today: today), post: post())
        let held = PersonnelRules.GateFacts(held: [Self.carriers(3)], leavingCommitments: [.leaving])
        do {
            _ = try PersonnelRules.completed(opened, person: serving(), post: post(), facts: held, today: today)
            Issue.record("completed with 3 carriers out")
        } catch let e as Refusal {
            #expect(e.ruleID == "R-PE-16" && e.message.contains("尚有3件"))
        }
        #expect(
            code {
                _ = try PersonnelRules.completed(
                    opened, person: serving(), post: post(),
                    facts: .init(held: [Self.carriers(0), Holding(field: "devices", what: "台涉密设备未清退", count: 1)], leavingCommitments: [.leaving]),
                    today: today)
            }
                == "personnel.devices_outstanding R-PE-16")
    }

    @Test("R-PE-8 a 保密员 before two years needs the 保密组织's consent, and hands over before leaving")
    func clerkTenure() throws {
        let clerkPost = post(roles: [.secrecyClerk])
        let recent = serving(appointedOn: today.adding(months: -18))
        #expect(code { _ = try PersonnelRules.opened(departure(months: 12), person: recent, post: clerkPost, today: today) } == "personnel.clerk_tenure R-PE-8")
        #expect(
            code { _ = try PersonnelRules.opened(departure(months: 12, consent: "保密委员会2026年第3次会议同意"), person: recent, post: clerkPost, today: today) }
                == "allowed")
        #expect(
            code { _ = try PersonnelRules.opened(departure(months: 12), person: serving(appointedOn: today.adding(years: -2)), post: clerkPost, today: today) }
                == "allowed")
        var d = allDone(try PersonnelRules.opened(departure(months: 12), person: serving(), post: clerkPost, today: today), post: clerkPost)
        d.done[.clerkHandover] = nil
        let facts = PersonnelRules.GateFacts(held: [], leavingCommitments: [.clerkLeaving])
        #expect(
            code { _ = try PersonnelRules.completed(d, person: serving(), post: clerkPost, facts: facts, today: today) } == "personnel.clerk_handover R-PE-8")
        d.done[.clerkHandover] = "已移交"
        d.done[.certificateReturned] = nil
        #expect(
            code { _ = try PersonnelRules.completed(d, person: serving(), post: clerkPost, facts: facts, today: today) }
                == "personnel.certificate_unreturned R-PE-13")
    }

    func trip(_ purpose: TripPurpose = .official, delegation: String = "", approval: String = "") -> Trip {
        Trip(
            id: "t1", personID: "p1", unitID: "u1", purpose: purpose, destination: "新加坡", reason: "学术会议", departOn: today.adding(days: 10),
            returnOn: today.adding(days: 15),
            delegation: delegation, personnelOpinion: "同意", secrecyOpinion: "同意", declearingApproval: approval)
    }

    @Test("R-PE-5 only a 单位领导 or 部门负责人 decides, never on their own trip, and opinions close with the decision")
    func tripGates() throws {
        #expect(code { try PersonnelRules.checkApprover([.secrecyClerk, .handler]) } == "personnel.trip_approver R-PE-5")
        #expect(code { try PersonnelRules.checkApprover([.departmentHead]) } == "allowed")
        #expect(PersonnelRules.mayApproveTrips([.leader]) && !PersonnelRules.mayApproveTrips([.personnelOffice]))
        let applied = try PersonnelRules.applied(trip(), person: serving(), carrierLevels: [], topSecretDevice: false, today: today)
        #expect(code { try PersonnelRules.checkNotOwn(applied, approverPersonID: applied.personID) } == "personnel.trip_self_approval R-PE-5")
        #expect(code { try PersonnelRules.checkNotOwn(applied, approverPersonID: "p-other") } == "allowed")
        #expect(code { try PersonnelRules.checkState(.opinion, on: applied, today: today) } == "allowed")
        var decided = applied
        decided.status = .approved
        #expect(code { try PersonnelRules.checkState(.opinion, on: decided, today: today) } == "personnel.trip_state R-PE-5")
    }

    @Test("R-PE-5 R-PE-15 the steps a keeper may take on a trip follow its course; others take none")
    func tripActions() throws {
        let keeper = FileViewer(personID: "k1", unitID: "u1", roles: [.secrecyClerk])
        var t = try PersonnelRules.applied(trip(), person: serving(), carrierLevels: [], topSecretDevice: false, today: today)
        t.unitID = "u1"
        #expect(PersonnelRules.allowed(on: t, by: keeper, today: today) == [.opinion, .educate])
        #expect(PersonnelRules.allowed(on: t, by: FileViewer(personID: "h1", unitID: "u1", roles: [.handler]), today: today).isEmpty)
        #expect(
            PersonnelRules.refusal(.opinion, on: t, by: FileViewer(personID: "k2", unitID: "u2", roles: [.secrecyClerk]), today: today)?.code == "not_found")
        t.status = .abroad
        t.departOn = today.adding(days: 3)
        #expect(PersonnelRules.refusal(.returned, on: t, by: keeper, today: today)?.code == "personnel.trip_state")
        #expect(PersonnelRules.allowed(on: t, by: keeper, today: today.adding(days: 3)) == [.returned])
    }

    @Test("R-PE-7 a departure is opened for a 涉密人员 with none in progress")
    func departureOpenable() throws {
        #expect(code { _ = try PersonnelRules.checkOpenable(person: nil, inProgress: nil) } == "validation.invalid R-PE-7")
        #expect(code { _ = try PersonnelRules.checkOpenable(person: serving(), inProgress: departure(months: 24)) } == "personnel.departure_open R-PE-7")
        #expect(try PersonnelRules.checkOpenable(person: serving(), inProgress: nil).personID == serving().personID)
    }

    @Test("R-PE-5 approval by the right authority, education before departure, a return report after")
    func travel() throws {
        let applied = try PersonnelRules.applied(trip(.private), person: serving(), carrierLevels: [], topSecretDevice: false, today: today)
        #expect(code { _ = try PersonnelRules.departed(applied, today: today) } == "personnel.trip_unapproved R-PE-5")
        #expect(
            code {
                _ = try PersonnelRules.approved(
                    applied, approverName: "赵强", approverRoles: [.departmentHead], keyPart: true, clerk: false, secrecyOrgConsent: "")
            }
                == "personnel.trip_approver R-PE-5")
        #expect(
            code { _ = try PersonnelRules.approved(applied, approverName: "陈军", approverRoles: [.leader], keyPart: false, clerk: true, secrecyOrgConsent: "") }
                == "personnel.clerk_trip_consent R-PE-5")
        #expect(
            code {
                _ = try PersonnelRules.approved(
                    applied, approverName: "赵强", approverRoles: [.departmentHead], keyPart: false, clerk: false, secrecyOrgConsent: "", sameDepartment: false)
            }
                == "personnel.trip_department R-PE-5")
        var approved = try PersonnelRules.approved(
            applied, approverName: "赵强", approverRoles: [.departmentHead], keyPart: false, clerk: false, secrecyOrgConsent: "")
        #expect(code { _ = try PersonnelRules.departed(approved, today: today) } == "personnel.trip_uneducated R-PE-5")
        approved.educatedOn = today
        let abroad = try PersonnelRules.departed(approved, today: today.adding(days: 10))
        let back = try PersonnelRules.returned(abroad, on: today.adding(days: 15), today: today.adding(days: 15))
        #expect(PersonnelRules.reportDue(back) == today.adding(days: 25))
        #expect(try PersonnelRules.reported(back, report: "未发生涉密情况", today: today.adding(days: 16)).status == .reported)
        #expect(
            code { _ = try PersonnelRules.applied(trip(), person: serving(), carrierLevels: [], topSecretDevice: false, today: today.adding(days: 11)) }
                == "validation.invalid")
    }

    @Test("R-PE-11 no 绝密 carrier or device abroad; a delegation names its secrecy person")
    func topSecretAbroad() {
        #expect(
            code { _ = try PersonnelRules.applied(trip(), person: serving(), carrierLevels: [.secret, .topSecret], topSecretDevice: false, today: today) }
                == "personnel.top_secret_abroad R-PE-11")
        #expect(
            code { _ = try PersonnelRules.applied(trip(), person: serving(), carrierLevels: [], topSecretDevice: true, today: today) }
                == "personnel.top_secret_abroad R-PE-11")
        #expect(
            code { _ = try PersonnelRules.applied(trip(), person: serving(), carrierLevels: [.confidential], topSecretDevice: false, today: today) }
                == "allowed")
        #expect(
            code { _ = try PersonnelRules.applied(trip(delegation: "赴新加坡考察团"), person: serving(), carrierLevels: [], topSecretDevice: false, today: today) }
                == "personnel.delegation_secrecy_person R-PE-11")
        // The carriers the application lists leave only as carried out by the traveller under an exit permit (R-CA-9).
        var ready = trip()
        ready.carrierIDs = ["c1", "c2"]
        ready.status = .approved
        ready.approvedBy = "陈军"
        ready.educatedOn = today
        #expect(code { _ = try PersonnelRules.departed(ready, today: today, carriedAbroad: ["c1"]) } == "personnel.trip_carriers R-PE-11")
        #expect(code { _ = try PersonnelRules.departed(ready, today: today, carriedAbroad: ["c1", "c2"]) } == "allowed")
    }

    @Test("R-PE-7 a trip during the 脱密期 needs its recorded approval")
    func declearingTrip() {
        var p = serving()
        p.status = .declearing
        #expect(
            code { _ = try PersonnelRules.applied(trip(.private), person: p, carrierLevels: [], topSecretDevice: false, today: today) }
                == "personnel.declearing_trip R-PE-7")
        #expect(
            code {
                _ = try PersonnelRules.applied(trip(.private, approval: "原单位2026年6月批准"), person: p, carrierLevels: [], topSecretDevice: false, today: today)
            } == "allowed")
    }

    @Test("R-PE-6 an event is due in 5 working days — not 7 calendar days when a holiday falls between — and opens a 变动复审 for a serving person")
    func events() throws {
        let calendar = WorkCalendar(years: [CalendarYear(year: 2026, holidays: [], makeupWorkdays: [])])
        let friday = Day(year: 2026, month: 6, day: 12)!
        #expect(try PersonnelRules.eventDue(.foreignContact, occurredOn: friday, calendar: calendar) == Day(year: 2026, month: 6, day: 19)!)
        // 端午节 on Friday 19 June: the fifth working day is Monday 22 June, seven calendar days would be the 19th.
        let holiday = HolidaySpan(name: "端午节", from: Day(year: 2026, month: 6, day: 19)!, to: Day(year: 2026, month: 6, day: 21)!)
        let dragonBoat = WorkCalendar(years: [CalendarYear(year: 2026, holidays: [holiday], makeupWorkdays: [])])
        #expect(try PersonnelRules.eventDue(.foreignContact, occurredOn: friday, calendar: dragonBoat) == Day(year: 2026, month: 6, day: 22)!)
        // A makeup Saturday counts as a working day: the fifth is Thursday 18 June.
        let makeup = WorkCalendar(years: [CalendarYear(year: 2026, holidays: [holiday], makeupWorkdays: [Day(year: 2026, month: 6, day: 13)!])])
        #expect(try PersonnelRules.eventDue(.foreignContact, occurredOn: friday, calendar: makeup) == Day(year: 2026, month: 6, day: 18)!)
        let e = ReportableEvent(
            id: "e", personID: "p1", unitID: "u1", kind: .relativesAbroad, occurredOn: friday, reportedOn: friday, dueOn: friday.adding(days: 7),
            details: "女儿赴英留学")
        let reported = try PersonnelRules.reportedEvent(e, person: serving(), today: today)
        #expect(reported.changeReviewOpened && reported.reportedOn == today)
        var gone = serving()
        gone.status = .cleared
        #expect(!(try PersonnelRules.reportedEvent(e, person: gone, today: today)).changeReviewOpened)
        var late = reported
        late.dueOn = friday
        #expect(late.late)
    }

    @Test("R-PE-12 an approach is reported onward at once; a 保密员's foreign spouse means leaving the post")
    func approach() throws {
        let calendar = WorkCalendar(years: [CalendarYear(year: 2026, holidays: [], makeupWorkdays: [])])
        #expect(try PersonnelRules.eventDue(.approach, occurredOn: today, calendar: calendar) == today)
        let e = ReportableEvent(
            id: "e", personID: "p1", unitID: "u1", kind: .approach, occurredOn: today, reportedOn: today, dueOn: today, details: "境外人员以咨询为名索要资料")
        #expect(!PersonnelRules.onwardOverdue(e, today: today))
        #expect(PersonnelRules.onwardOverdue(e, today: today.adding(days: 1)))
        #expect(code { _ = try PersonnelRules.onwardReported(e, to: " ", today: today) } == "personnel.onward_recipients R-PE-12")
        let onward = try PersonnelRules.onwardReported(e, to: "上级机关、市公安局、市国家安全局、市国家保密局", today: today)
        #expect(!PersonnelRules.onwardOverdue(onward, today: today.adding(days: 1)))
        #expect(PersonnelRules.clerkMustLeave(.spouseForeign, post: post(roles: [.secrecyClerk])))
        #expect(!PersonnelRules.clerkMustLeave(.spouseForeign, post: post()))
        #expect(
            code {
                _ = try PersonnelRules.appointed(
                    personID: "p1", to: post(roles: [.secrecyClerk]), tier: .important,
                    facts: .init(
                        review: review(), commitments: [.pledge],
                        certificate: Certificate(number: "1", issuer: "局", issuedOn: today, validUntil: today.adding(years: 3)), spouseForeign: true),
                    today: today)
            } == "personnel.clerk_spouse_foreign R-PE-12")
    }
}
