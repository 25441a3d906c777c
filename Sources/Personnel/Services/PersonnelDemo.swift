import Accounts
import CarrierServices
import Carriers
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// 涉密人员 demo data for the 工业和信息化局, entered through `PersonnelService` by the 保密员 `wangfang`: posts, the
/// staff appointed after their reviews and commitments, a training year with people under their floor, a trip whose
/// return report is overdue, reportable events, one departure blocked by an unreturned medium and one completed with
/// its 脱密期 (and, with the carrier register, its 移交清单), one person's identity for the 审查表. Two leavers are invented persons without accounts, so no demo login is locked.
public enum PersonnelDemo {
    /// R-TR-3: the 定密培训 of the spring, before the 定密 demo appoints its officers, whose training date is read from
    /// the register: in the 工业和信息化局 the two officers and a 承办人 pass the exam; in the 海洋科学研究所 its 保密员
    /// records the course its officer passed at the provincial administration.
    public static func seedClassificationTraining(_ s: Services, persons: [String: String], actors: [String: Actor]) async throws {
        let held = s.clock.today.adding(days: -200)
        let passed = [persons["chenjun"]!, persons["lihua"]!, persons["zhangwei"]!]
        _ = try await s.personnel.recordClass(
            actors["wangfang"]!,
            TrainingClass(
                id: "", unitID: "", kind: .classification, heldOn: held, hours: 4, content: "定密权限、程序和标志", form: "讲座及考试", organiser: "局保密办",
                participantIDs: passed, passedIDs: passed))
        _ = try await s.personnel.recordExternal(
            actors["zhengli"]!,
            ExternalCourse(
                id: "", personID: persons["hefeng"]!, kind: .classification, provider: "华南省国家保密局", completedOn: held, hours: 8,
                certificateNumber: "HN-DM-2026-031"))
    }

    /// Seeds the area; `persons` and `actors` by user name. `carriers`: the carrier demo is seeded too, so the blocked
    /// leaver's medium joins it (without it the carrier register stays empty, as the carrier tests expect).
    public static func seed(_ s: Services, persons: [String: String], actors: [String: Actor], carriers: Bool) async throws {
        let p = s.personnel
        let clerk = actors["wangfang"]!
        let unitID = clerk.person!.unitID
        let today = s.clock.today
        func level(_ l: Level) -> Level { min(l, s.systemLevel) }
        let specs: [(key: String, name: String, level: Level, keyPart: Bool, roles: [Role])] = [
            ("leader", "局领导", .topSecret, false, [.leader, .classifier]),
            ("planning", "规划编制", .confidential, false, [.handler]),
            ("section", "规划科科长", .confidential, false, [.departmentHead]),
            ("clerk", "保密员", .topSecret, true, [.secrecyClerk]),
            ("office", "保密办主任", .confidential, false, [.secrecyOffice]),
            ("project", "项目管理", .secret, false, [.handler]),
        ]
        var posts: [String: SecretPost] = [:]
        for spec in specs {
            posts[spec.key] = try await p.createPost(
                clerk, name: spec.name, departmentID: nil, highestLevel: level(spec.level), keyPart: spec.keyPart, roles: spec.roles)
        }
        // The 保密员's and the 保密办主任's certificates (R-PE-13) and the key-part post's 16 hours (R-KP-4) come before the appointment.
        let wangfang = persons["wangfang"]!
        _ = try await p.recordExternal(
            clerk,
            ExternalCourse(
                id: "", personID: wangfang, kind: .clerkQualification, provider: "江海市国家保密局", completedOn: today, hours: 24,
                certificateNumber: "JH-BM-2026-018", certificateValidUntil: today.adding(years: 3)))
        _ = try await p.recordExternal(
            clerk,
            ExternalCourse(
                id: "", personID: persons["liuyang"]!, kind: .clerkQualification, provider: "江海市国家保密局", completedOn: today, hours: 24,
                certificateNumber: "JH-BM-2026-007", certificateValidUntil: today.adding(years: 3)))
        _ = try await p.recordClass(
            clerk,
            TrainingClass(
                id: "", unitID: unitID, kind: .prePost, heldOn: today, hours: 16, content: "要害部门部位保密管理制度、载体和设备管理", form: "集中培训", organiser: "局保密办",
                participantIDs: [wangfang]))
        let leaverA = try await s.organisation.createPerson(
            .system, Person(id: "", unitID: unitID, departmentID: nil, name: "钱伟", post: "规划编制", title: "科员"))
        let leaverB = try await s.organisation.createPerson(
            .system, Person(id: "", unitID: unitID, departmentID: nil, name: "孙涛", post: "项目管理", title: "科员"))
        let staff: [(String, String, ClearanceTier)] = [
            (persons["chenjun"]!, "leader", .core), (persons["lihua"]!, "leader", .core), (persons["zhaoqiang"]!, "section", .important),
            (persons["zhangwei"]!, "planning", .important), (wangfang, "clerk", .core), (persons["liuyang"]!, "office", .important),
            (persons["zhoumin"]!, "project", .general), (leaverA.id, "planning", .important), (leaverB.id, "project", .general),
        ]
        for (person, key, tier) in staff {
            let post = posts[key]!
            _ = try await p.recordCommitment(clerk, personID: person, kind: post.keyPart ? .responsibility : .pledge, signedOn: today, note: "原件存保密办")
            _ = try await p.recordReview(
                clerk,
                .init(
                    personID: person, postID: post.id, kind: .preAppointment, eligibility: .allMet, personnelOpinion: "符合涉密人员条件", secrecyOpinion: "同意",
                    decidedBy: "陈军", passed: true))
            let effective = tier.rank <= post.tier.rank ? tier : post.tier
            _ = try await p.appoint(clerk, personID: person, postID: post.id, tier: effective)
        }
        // A training year: one class, one absentee; with the 定密培训 of the spring (`seedClassificationTraining`) everyone
        // is still under the floor.
        let cleared = staff.map(\.0)
        _ = try await p.recordClass(
            clerk,
            TrainingClass(
                id: "", unitID: unitID, kind: .general, heldOn: today, hours: 4, content: "《保守国家秘密法》及实施条例解读", form: "专题讲座", organiser: "局保密办",
                participantIDs: cleared.filter { $0 != persons["zhoumin"]! }, absentIDs: [persons["zhoumin"]!]))
        _ = try await p.savePlan(
            clerk, year: today.year,
            items: [
                .init(month: 4, content: "保密宣传教育月：警示教育片、知识竞赛", form: "集中学习", hours: 4, audience: "全体干部职工"),
                .init(month: 6, content: "定密培训及考试", form: "讲座及考试", hours: 4, audience: "定密责任人、承办人"),
                .init(month: 10, content: "涉密人员年度保密教育", form: "专题讲座", hours: 8, audience: "全体涉密人员"),
            ])
        // A trip back from abroad whose return report is overdue (its dates moved into the past: history before the demo).
        var trip = try await p.applyTrip(
            clerk,
            .init(
                personID: persons["zhangwei"]!, purpose: .private, destination: "新加坡", reason: "探亲", departOn: today, returnOn: today,
                exitDocuments: "因私护照 E12345678（单位集中保管）"))
        trip = try await p.approveTrip(actors["chenjun"]!, tripID: trip.id, personnelOpinion: "同意", secrecyOpinion: "同意，行前已进行保密提醒", secrecyOrgConsent: "")
        trip = try await p.tripStep(clerk, tripID: trip.id, .educate, day: today)
        trip = try await p.tripStep(clerk, tripID: trip.id, .depart, day: today)
        trip = try await p.tripStep(clerk, tripID: trip.id, .returned, day: today)
        let tripID = trip.id
        try await s.database.transaction { db in
            let back = today.adding(days: -20)
            try await PersonnelStore.backdate(
                tripID: tripID, departOn: today.adding(days: -30), returnOn: back, educatedOn: today.adding(days: -31), returnedOn: back,
                reportDueOn: back.adding(days: PersonnelRules.returnReportDays), on: db)
        }
        _ = try await p.applyTrip(
            clerk,
            .init(
                personID: persons["zhaoqiang"]!, purpose: .official, destination: "德国", reason: "参加工业展览会", departOn: today.adding(days: 30),
                returnOn: today.adding(days: 37), delegation: "江海市工业考察团", delegationSecrecyPerson: "赵强", exitDocuments: "因公护照 P0012345"))
        // R-PE-5: an application the leader refused, with the reason.
        let refused = try await p.applyTrip(
            clerk,
            .init(
                personID: persons["zhoumin"]!, purpose: .private, destination: "日本", reason: "旅游", departOn: today.adding(days: 14),
                returnOn: today.adding(days: 20)))
        _ = try await p.refuseTrip(actors["chenjun"]!, tripID: refused.id, reason: "所在项目处于攻关阶段，暂缓因私出境")
        // Reportable events: one opening a 变动复审.
        _ = try await p.reportEvent(clerk, personID: persons["zhoumin"]!, kind: .relativesAbroad, occurredOn: today, details: "女儿赴英国留学（演示数据）")
        // The 审查表's identity fields of one person (R-PE-15), printed on his review.
        _ = try await p.recordIdentity(
            clerk, personID: persons["zhangwei"]!,
            PersonIdentity(gender: "男", birthMonth: "1985-03", ethnicity: "汉族", politicalStatus: "中共党员", idNumber: "110101198503120017"))
        // A departure completed, with its 脱密期 (R-PE-7); with the carrier register, the medium the leaver used is
        // handed to a successor first, on a 移交清单 both sign (R-CA-15).
        if carriers {
            _ = try await s.carriers.receive(
                clerk,
                CarrierInput(
                    kind: .medium, title: "规划编制用涉密U盘", documentNumber: "", originatingUnit: "江海市工业和信息化局保密办", marking: "秘密", copies: 1,
                    scope: [leaverA.id, wangfang], medium: MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: leaverA.id)),
                check: CarrierRules.ReceiptCheck(
                    packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: ["001"], foundSerials: ["001"], markedLevel: .secret,
                    listedLevel: .secret, addresseeMatches: true))
            _ = try await s.carriers.handOver(clerk, fromPersonID: leaverA.id, toPersonID: persons["zhangwei"]!, leaverSigned: "钱伟", successorSigned: "张伟")
        }
        _ = try await p.recordCommitment(clerk, personID: leaverA.id, kind: .leaving, signedOn: today, note: "原件存组织人事部门")
        let done = try await p.openDeparture(clerk, .init(personID: leaverA.id, kind: .leaveJob, leavingOn: today, declearingMonths: 12, destination: "江海市某企业"))
        for item in PersonnelRules.requiredItems(post: posts["planning"]) where item.recordedByHand {
            _ = try await p.recordDepartureItem(clerk, departureID: done.id, item: item, note: "已办理（演示数据）")
        }
        _ = try await p.completeDeparture(clerk, departureID: done.id)
        // A departure blocked: the leaver still uses a removable medium (R-PE-16).
        if carriers {
            _ = try await s.carriers.receive(
                clerk,
                CarrierInput(
                    kind: .medium, title: "涉密U盘", documentNumber: "", originatingUnit: "江海市工业和信息化局保密办", marking: "秘密", copies: 1, scope: [leaverB.id],
                    medium: MediumInfo(mediaType: "U盘", purchasedCentrally: true, userPersonID: leaverB.id)),
                check: CarrierRules.ReceiptCheck(
                    packageIntact: true, expectedCopies: 1, countedCopies: 1, expectedSerials: ["001"], foundSerials: ["001"], markedLevel: .secret,
                    listedLevel: .secret, addresseeMatches: true))
        }
        _ = try await p.recordCommitment(clerk, personID: leaverB.id, kind: .leaving, signedOn: today, note: "原件存组织人事部门")
        _ = try await p.openDeparture(
            clerk, .init(personID: leaverB.id, kind: .transfer, leavingOn: today.adding(days: 14), declearingMonths: 6, destination: "江海市科技局"))
    }
}
