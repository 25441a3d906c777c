import Accounts
import CarrierServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import Tabular

/// The personnel area in the API: posts, the register, reviews, commitments, appointment, removal, files, trips, events,
/// departures with their gate, the custody hand-over, training (R-PE-1..16, R-TR-1..4, R-KP-4, R-CA-15).
extension APIController {
    struct EmploymentBody: Codable { let occurredOn: String; let employer: String; let employerKind: String; let position: String?; let details: String? }
    struct AfterLeavingReportBody: Codable { let occurredOn: String; let details: String }
    struct IdentityBody: Codable { let gender: String; let birthMonth: String; let ethnicity: String; let politicalStatus: String; let idNumber: String }
    struct PostBody: Codable { let name: String; let departmentId: String?; let highestLevel: String; let keyPart: Bool?; let roles: [String]? }
    struct EligibilityBody: Codable {
        let nationality: Bool; let loyalty: Bool; let competence: Bool; let noCriminalRecord: Bool; let noDrugsOrGambling: Bool; let neverDismissed: Bool
        let neverRemovedForViolation: Bool
    }
    struct PersonnelReviewBody: Codable {
        let personId: String; let postId: String; let kind: String; let eligibility: EligibilityBody; let relativesAbroad: String?
        let personnelOpinion: String; let secrecyOpinion: String; let decidedBy: String; let passed: Bool
    }
    struct CommitmentBody: Codable { let personId: String; let kind: String; let signedOn: String?; let note: String? }
    struct AppointBody: Codable { let personId: String; let postId: String; let tier: String }
    struct RemoveBody: Codable { let ground: String }
    struct TripBody: Codable {
        let personId: String; let purpose: String; let destination: String; let reason: String; let departOn: String; let returnOn: String
        let delegation: String?; let delegationSecrecyPerson: String?; let carrierIds: [String]?; let declearingApproval: String?
        let exitDocuments: String?
    }
    struct ApproveTripBody: Codable { let personnelOpinion: String?; let secrecyOpinion: String?; let secrecyOrgConsent: String? }
    struct RefuseTripBody: Codable { let refusalReason: String }
    struct TripOpinionBody: Codable { let opinion: String }
    struct TripStepBody: Codable { let day: String?; let report: String? }
    struct EventBody: Codable { let personId: String; let kind: String; let occurredOn: String; let details: String }
    struct HandleEventBody: Codable { let handling: String?; let onwardTo: String? }
    struct DepartureBody: Codable {
        let personId: String; let kind: String; let leavingOn: String; let declearingMonths: Int; let destination: String?; let earlyConsent: String?
    }
    struct DepartureItemBody: Codable { let item: String; let note: String }
    struct HandoverBody: Codable { let fromPersonId: String; let toPersonId: String; let leaverSigned: String; let successorSigned: String }
    struct ClassBody: Codable {
        let kind: String; let heldOn: String; let hours: Int; let content: String; let form: String; let organiser: String; let participantIds: [String]
        let absentIds: [String]?; let passedIds: [String]?
    }
    struct ExternalBody: Codable {
        let personId: String; let kind: String; let provider: String; let completedOn: String; let hours: Int; let certificateNumber: String?
        let certificateValidUntil: String?
    }
    struct PlanBody: Codable { let items: [PersonnelDTO.PlanItem] }
    struct RightsBody: Codable { let restriction: String; let measure: String; let recordedOn: String }

    func registerPersonnel(_ api: RouterGroup<AppRequestContext>) {
        api.get("personnel", use: personnelRoster)
        api.get("personnel/posts", use: personnelPosts)
        api.post("personnel/posts", use: createPersonnelPost)
        api.post("personnel/posts/:id", use: updatePersonnelPost)
        api.post("personnel/posts/:id/abolish", use: abolishPersonnelPost)
        api.post("personnel/reviews", use: recordPersonnelReview)
        api.post("personnel/commitments", use: recordPersonnelCommitment)
        api.post("personnel/appointments", use: appointToPost)
        api.post("personnel/:person/rights", use: recordPersonnelRights)
        api.post("personnel/:person/remove", use: removeFromPost)
        api.get("personnel/:person/file", use: personnelFile)
        api.post("personnel/:person/employment", use: recordDeclearingEmployment)
        api.post("personnel/:person/identity", use: recordPersonIdentity)
        api.post("personnel/:person/declearing-violation", use: reportDeclearingViolation)
        api.post("personnel/:person/absconded", use: reportAbsconded)
        api.get("personnel/:person/handovers/:id", use: personnelHandover)
        api.post("personnel/roster-filing", use: filePersonnelRoster)
        api.post("personnel-imports", use: importPersonnel)
        registerPersonnelRecords(api)
    }

    /// `GET personnel`: the 涉密人员名单 of one status (serving unless asked), a page at a time.
    func personnelRoster(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let q = FormData.query(request)
        let status = try Self.parse(PersonnelStatus.self, q["status"] ?? "serving", field: "status")
        let page = try await services.personnel.register(try context.actor(), status: status, page: try Self.pageRequest(q, order: "person"))
        return JSON.response(PagedList(page, PersonnelDTO.RosterLine.init))
    }

    /// `GET personnel/posts`: the unit's 涉密岗位.
    func personnelPosts(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let posts = try await services.personnel.posts(try context.actor())
        return JSON.response(List(count: posts.count, items: posts.map(PersonnelDTO.Post.init)))
    }

    /// `POST personnel/posts`: registers a 涉密岗位; its tier follows from the highest level it handles (R-PE-1).
    func createPersonnelPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(PostBody.self, request)
        let roles = try (b.roles ?? []).map { try Self.parse(Role.self, $0, field: "roles") }
        let post = try await services.personnel.createPost(
            try context.actor(), name: b.name, departmentID: b.departmentId, highestLevel: try Self.level(b.highestLevel, field: "highest_level"),
            keyPart: b.keyPart ?? false, roles: roles)
        return JSON.response(PersonnelDTO.Post(post), status: .created)
    }

    /// `POST personnel/posts/:id`: edits a 涉密岗位 — never below the tier of those serving in it; a change of what it
    /// handles opens a 变动复审 for them (R-PE-10).
    func updatePersonnelPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(PostBody.self, request)
        let roles = try (b.roles ?? []).map { try Self.parse(Role.self, $0, field: "roles") }
        let post = try await services.personnel.updatePost(
            try context.actor(), postID: context.parameters.require("id"),
            .init(
                name: b.name, departmentID: b.departmentId, highestLevel: try Self.level(b.highestLevel, field: "highest_level"), keyPart: b.keyPart ?? false,
                roles: roles))
        return JSON.response(PersonnelDTO.Post(post))
    }

    /// `POST personnel/posts/:id/abolish`: abolishes a 涉密岗位 nobody serves in (R-PE-10).
    func abolishPersonnelPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(PersonnelDTO.Post(try await services.personnel.abolishPost(try context.actor(), postID: context.parameters.require("id"))))
    }

    /// `POST personnel/reviews`: records a 保密审查 of a person for a post, with its eligibility conditions (R-PE-2).
    func recordPersonnelReview(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(PersonnelReviewBody.self, request)
        let e = b.eligibility
        let review = try await services.personnel.recordReview(
            try context.actor(),
            .init(
                personID: b.personId, postID: b.postId, kind: try Self.parse(ReviewKind.self, b.kind, field: "kind"),
                eligibility: Eligibility(
                    nationality: e.nationality, loyalty: e.loyalty, competence: e.competence, noCriminalRecord: e.noCriminalRecord,
                    noDrugsOrGambling: e.noDrugsOrGambling, neverDismissed: e.neverDismissed, neverRemovedForViolation: e.neverRemovedForViolation),
                relativesAbroad: b.relativesAbroad ?? "", personnelOpinion: b.personnelOpinion, secrecyOpinion: b.secrecyOpinion, decidedBy: b.decidedBy,
                passed: b.passed))
        return JSON.response(PersonnelDTO.Review(review), status: .created)
    }

    /// `POST personnel/commitments`: records a signed 承诺书 or 责任书 (R-PE-4).
    func recordPersonnelCommitment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(CommitmentBody.self, request)
        let c = try await services.personnel.recordCommitment(
            try context.actor(), personID: b.personId, kind: try Self.parse(CommitmentKind.self, b.kind, field: "kind"),
            signedOn: try b.signedOn.map { try day($0, field: "signed_on") }, note: b.note ?? "")
        return JSON.response(PersonnelDTO.Commitment(c), status: .created)
    }

    /// `POST personnel/appointments`: 任用 — appoints a person to a post at a tier (R-PE-10).
    func appointToPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(AppointBody.self, request)
        let tier = try Self.parse(ClearanceTier.self, b.tier, field: "tier")
        let record = try await services.personnel.appoint(try context.actor(), personID: b.personId, postID: b.postId, tier: tier)
        return JSON.response(PersonnelDTO.Cleared(record), status: .created)
    }

    /// `POST personnel/:person/rights`: records a 权益保障 — a restriction borne and its measure (R-PE-14).
    func recordPersonnelRights(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(RightsBody.self, request)
        let r = try await services.personnel.recordRights(
            try context.actor(),
            RightsRecord(
                id: "", personID: try context.parameters.require("person"), restriction: b.restriction, measure: b.measure,
                recordedOn: try day(b.recordedOn, field: "recorded_on")))
        return JSON.response(PersonnelDTO.Rights(r), status: .created)
    }

    /// `POST personnel/:person/remove`: 调离涉密岗位 — removes a person from the post on one of the grounds (R-PE-9).
    func removeFromPost(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(RemoveBody.self, request)
        let record = try await services.personnel.removeFromPost(
            try context.actor(), personID: context.parameters.require("person"),
            ground: try Self.parse(PersonnelRules.RemovalGround.self, b.ground, field: "ground"))
        return JSON.response(PersonnelDTO.Cleared(record))
    }

    /// `GET personnel/:person/file`: the person's file, to whom R-PE-15 allows.
    func personnelFile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        JSON.response(PersonnelDTO.File(try await services.personnel.file(try context.actor(), personID: context.parameters.require("person"))))
    }

    /// `GET personnel/:person/handovers/:id`: a 移交清单 from the file of either person — a page of the carriers the
    /// reader may know, the rest counted (R-CA-15, R-PE-15, R-KS-4).
    func personnelHandover(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let list = try await services.personnel.handoverList(
            try context.actor(), personID: context.parameters.require("person"), handoverID: context.parameters.require("id"),
            page: try Self.pageRequest(FormData.query(request), order: "number"))
        return JSON.response(PersonnelDTO.HandoverList(list))
    }

    /// `POST personnel/:person/identity`: the 审查表's identity fields, entered by a keeper (R-PE-15).
    func recordPersonIdentity(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(IdentityBody.self, request)
        let identity = try await services.personnel.recordIdentity(
            try context.actor(), personID: try context.parameters.require("person"),
            PersonIdentity(gender: b.gender, birthMonth: b.birthMonth, ethnicity: b.ethnicity, politicalStatus: b.politicalStatus, idNumber: b.idNumber))
        return JSON.response(PersonnelDTO.Identity(identity))
    }

    /// `POST personnel/:person/employment`: new employment in the 脱密期, checked against its restrictions (R-PE-7).
    func recordDeclearingEmployment(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let b = try await decodeJSON(EmploymentBody.self, request)
        let r = try await services.personnel.recordEmployment(
            try context.actor(),
            AfterLeavingRecord(
                id: "", personID: try context.parameters.require("person"), kind: .employment, occurredOn: try day(b.occurredOn, field: "occurred_on"),
                employer: b.employer, employerKind: try Self.parse(EmployerKind.self, b.employerKind, field: "employer_kind"), position: b.position ?? "",
                details: b.details ?? ""))
        return JSON.response(PersonnelDTO.AfterLeaving(r), status: .created)
    }

    /// `POST personnel/:person/declearing-violation`: a serious violation in the 脱密期, filed with the administration (IR 54).
    func reportDeclearingViolation(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await reportAfterLeaving(request, context, kind: .violation)
    }

    /// `POST personnel/:person/absconded`: 擅自离职, filed with the administration (IR 54).
    func reportAbsconded(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await reportAfterLeaving(request, context, kind: .absconded)
    }

    /// The two reports of IR 54, one body (`occurred_on`, `details`); 201 with the record.
    private func reportAfterLeaving(_ request: Request, _ context: AppRequestContext, kind: AfterLeavingKind) async throws -> Response {
        let b = try await decodeJSON(AfterLeavingReportBody.self, request)
        let r = try await services.personnel.report(
            try context.actor(),
            AfterLeavingRecord(
                id: "", personID: try context.parameters.require("person"), kind: kind, occurredOn: try day(b.occurredOn, field: "occurred_on"),
                details: b.details))
        return JSON.response(PersonnelDTO.AfterLeaving(r), status: .created)
    }

    /// `POST personnel/roster-filing`: records the 涉密人员名单 filed with the administration (R-PE-3).
    func filePersonnelRoster(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await services.personnel.fileRoster(try context.actor())
        return JSON.response(OK(ok: true), status: .created)
    }

    /// `POST personnel-imports`: R-PE-3 / R-TR-1: a paper-era roster or training record, the file itself as the body (CSV
    /// or XLSX, 16 MB); `file_name` names the file in each imported review's source.
    func importPersonnel(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let actor = try context.actor()
        let q = FormData.query(request)
        let kind = try Self.parse(RosterImport.Kind.self, q["kind"], field: "kind")
        let mode = try Self.parse(CarrierImportMode.self, q["mode"] ?? "dry_run", field: "mode")
        _ = try await services.personnel.staff(actor)
        let buffer = try await request.body.collect(upTo: 16 * 1024 * 1024)
        guard buffer.readableBytes > 0 else { throw TransportRefusal.contract("body", "请求体为空：应为 CSV 文件或 Excel 工作簿") }
        let report = try await services.personnel.importFile(actor, Data(buffer.readableBytesView), kind: kind, mode: mode, fileName: q["file_name"] ?? "")
        let whole = report.problems.filter { $0.field == "header" || $0.field == "file" }
        if !whole.isEmpty { throw Refusal.invalid("file", "文件不可用：" + whole.map(\.message).joined(separator: "；"), code: "import.header") }
        return JSON.response(
            PersonnelImportDTO(
                mode: report.mode.rawValue, kind: report.kind.rawValue, rows: report.rows, accepted: report.accepted, imported: report.imported,
                problems: report.problems, problemTotal: report.problemTotal),
            status: report.imported > 0 ? .created : .ok)
    }

    struct PersonnelImportDTO: Codable {
        let mode: String; let kind: String; let rows: Int; let accepted: Int; let imported: Int; let problems: [RosterImport.Problem]
        let problemTotal: Int
    }
}
