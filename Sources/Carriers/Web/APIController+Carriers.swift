import Accounts
import Areas
import CarrierServices
import Carriers
import ClassificationServices
import Foundation
import Hummingbird
import Kernel
import Organisation
import OrganisationServices
import Storage
import Tabular

/// A carrier in the API.
struct CarrierDTO: Codable, Sendable {
    struct Medium: Codable, Sendable {
        let mediaType: String; let purchasedCentrally: Bool; let userPersonId: String; let contentLevel: String?; let computerIds: [String]
    }
    let id: String; let number: String; let kind: String; let title: String; let documentNumber: String; let originatingUnit: String
    let unitId: String; let marking: String; let level: String; let secretIds: [String]; let copies: Int; let serials: [String]
    let custodianPersonId: String; let safeId: String?; let status: String; let originalId: String?; let registeredOn: String
    let holderPersonId: String?; let dueOn: String?; let retained: Bool; let medium: Medium?

    init(_ c: Carrier) {
        id = c.id; number = c.number; kind = c.kind.rawValue; title = c.title; documentNumber = c.documentNumber; originatingUnit = c.originatingUnit
        unitId = c.unitID; marking = c.marking.render(); level = c.level.code; secretIds = c.secretIDs; copies = c.copies; serials = c.serials
        custodianPersonId = c.custodianPersonID; safeId = c.safeID; status = c.status.rawValue; originalId = c.originalID
        registeredOn = c.registeredOn.iso; holderPersonId = c.holderPersonID; dueOn = c.dueOn?.iso; retained = c.retained
        medium = c.medium.map {
            Medium(
                mediaType: $0.mediaType, purchasedCentrally: $0.purchasedCentrally, userPersonId: $0.userPersonID, contentLevel: $0.contentLevel?.code,
                computerIds: $0.computerIDs)
        }
    }
}

extension APIController {
    struct CarrierEventDTO: Codable { let at: Int64; let actorName: String; let kind: String; let summary: String }
    struct CarrierDetailDTO: Codable { let carrier: CarrierDTO; let scopePersonIds: [String]; let events: [CarrierEventDTO] }
    struct MediumBody: Codable { let mediaType: String; let purchasedCentrally: Bool; let userPersonId: String }
    struct CheckBody: Codable {
        let packageIntact: Bool; let expectedCopies: Int; let expectedSerials: [String]?; let foundSerials: [String]?; let listedLevel: String
        let addresseeMatches: Bool; let countedCopies: Int?
    }
    struct EntryBody: Codable {
        let kind: String; let title: String; let documentNumber: String?; let originatingUnit: String?; let marking: String?; let secretIds: [String]?
        let copies: Int; let serials: [String]?; let scopePersonIds: [String]?; let medium: MediumBody?
        // 收文
        let check: CheckBody?
        // 制作
        let approvedBy: String?; let equipment: String?; let deviceNumber: String?; let approvedCopies: Int?; let markingApplied: Bool?
        let waste: String?
    }
    struct ReceivedDTO: Codable { let carrier: CarrierDTO; let receiptNumber: String }
    struct StoreBody: Codable { let safeId: String }
    struct DispatchBody: Codable {
        let recipient: String; let approvedDistribution: [String]; let channel: String; let outOfTown: Bool?; let escorts: [String]?
    }
    struct DispatchedDTO: Codable { let carrier: CarrierDTO; let dispatchNumber: String; let envelope: String }
    struct CirculateBody: Codable { let readerPersonId: String; let readingRoom: String? }
    struct LendBody: Codable { let borrowerPersonId: String; let approvedBy: String?; let dueOn: String? }
    struct CopyBody: Codable { let approvedBy: String?; let originatorConsent: String?; let copies: Int; let recipient: String }
    struct CarryOutBody: Codable {
        let holderPersonId: String; let approvedBy: String?; let companions: [String]?; let abroad: Bool?; let exitPermit: String?
    }
    struct NoteBody: Codable { let note: String? }
    struct ReasonBody: Codable { let reason: String }
    struct DestroyBody: Codable { let carrierIds: [String]; let approvedBy: String?; let persons: [String]; let method: String; let cipherTelegram: Bool? }
    struct DestroyedDTO: Codable { let lines: [String] }
    struct RepairBody: Codable { let mode: String; let supervisor: String?; let vendor: String?; let offSite: Bool?; let dataRecovery: Bool? }
    struct LossBody: Codable { let kind: String; let summary: String }
    struct IncidentDTO: Codable { let incidentId: String; let reportDueAt: Int64 }
    struct ForbiddenBody: Codable { let action: String }
    struct MediumWriteBody: Codable { let contentLevel: String; let computerNumber: String? }
    struct ReaderDTO: Codable { let reader: String; let readingRoom: String?; let outAt: Int64; let backAt: Int64? }
    struct LabelDTO: Codable { let number: String; let marking: String; let custodian: String; let text: String; let barcodeSvg: String? }
    struct BookLineDTO: Codable {
        let number: String; let carrierId: String; let carrierNumber: String; let onDay: String; let counterpart: String; let documentNumber: String
        let title: String; let level: String; let copies: Int; let serials: [String]; let approver: String; let handledBy: String; let note: String
        let closedOn: String?
    }
    struct SafeDTO: Codable { let id: String; let name: String; let location: String; let level: String; let topSecretOnly: Bool }
    struct SafeBody: Codable { let name: String; let location: String; let level: String; let topSecretOnly: Bool? }
    struct FindingDTO: Codable { let carrierId: String; let number: String; let rule: String; let message: String; let since: String? }
    struct CarrierCountDTO: Codable {
        let id: String; let check: String; let period: String; let onDay: String; let expected: Int; let missing: [String]; let unexpected: [String]
        let handledBy: String; let note: String
        init(_ c: CarrierCount) {
            id = c.id; check = c.check.rawValue; period = c.period; onDay = c.onDay.iso; expected = c.expected; missing = c.missing
            unexpected = c.unexpected; handledBy = c.handledBy; note = c.note
        }
    }
    struct CheckDueDTO: Codable { let check: String; let period: String; let due: String; let done: CarrierCountDTO? }
    struct CountBody: Codable { let check: String; let foundIds: [String]; let unexpected: [String]?; let note: String? }
    struct ImportBody: Codable { let csv: String; let mode: String? }
    struct ImportDTO: Codable {
        let mode: String; let rows: Int; let accepted: Int; let imported: Int; let problems: [CarrierImport.Problem]; let problemTotal: Int
        let numbers: [String]
    }

    static func parse<T: RawRepresentable>(_ type: T.Type, _ value: String?, field: String) throws -> T where T.RawValue == String {
        guard let value, let parsed = T(rawValue: value) else { throw Refusal.invalid(field, "字段 \(field) 的取值无效") }
        return parsed
    }

    static func level(_ code: String?, field: String) throws -> Level {
        guard let code, let level = Level(code: code) else { throw Refusal.invalid(field, "字段 \(field) 应为 secret、confidential 或 top_secret") }
        return level
    }

    /// The carrier API's route table (the steps on one carrier are in `registerCarrierSteps`).
    func registerCarriers(_ api: RouterGroup<AppRequestContext>) {
        api.get("carriers", use: carriersList)
        api.get("carriers/:id", use: carrierDetail)
        api.post("carriers/receive", use: receiveCarrier)
        api.post("carriers/produce", use: produceCarrier)
        api.post("carriers/destroy", use: destroyCarriers)
        api.get("carriers/:id/reader-log", use: carrierReaderLog)
        api.get("carriers/:id/label", use: carrierLabel)
        api.get("carrier-books/:book", use: carrierBook)
        api.get("ledger/:person", use: carrierLedger)
        api.get("safes", use: safesList)
        api.post("safes", use: createSafe)
        api.get("carrier-findings", use: carrierFindings)
        api.get("carrier-checks", use: carrierChecksDue)
        api.post("carrier-counts", use: recordCarrierCount)
        api.post("carrier-imports", use: importCarriers)
        api.post("carrier-imports/csv", use: importCarrierFile)
    }

    /// The import report as the API answers it: 201 when rows were written, 200 otherwise. A file whose header is
    /// unusable (a required column missing, an unknown or repeated column) is not a register at all: 422
    /// `import.header`, naming every header problem, so a client cannot mistake it for an empty dry run.
    static func imported(_ report: CarrierImportReport) throws -> Response {
        let header = report.problems.filter { $0.field == "header" || $0.field == "file" }
        if !header.isEmpty {
            throw Refusal.invalid("csv", "表头不可用：" + header.map(\.message).joined(separator: "；"), code: "import.header")
        }
        return JSON.response(
            ImportDTO(
                mode: report.mode.rawValue, rows: report.rows, accepted: report.accepted, imported: report.imported,
                problems: report.problems, problemTotal: report.problemTotal, numbers: report.numbers),
            status: report.imported > 0 ? .created : .ok)
    }

    static func input(_ b: EntryBody) throws -> CarrierInput {
        CarrierInput(
            kind: try parse(CarrierKind.self, b.kind, field: "kind"), title: b.title, documentNumber: b.documentNumber ?? "",
            originatingUnit: b.originatingUnit ?? "", marking: b.marking ?? "", secretIDs: b.secretIds ?? [], copies: b.copies, serials: b.serials ?? [],
            scope: b.scopePersonIds ?? [],
            medium: b.medium.map { MediumInfo(mediaType: $0.mediaType, purchasedCentrally: $0.purchasedCentrally, userPersonID: $0.userPersonId) })
    }
}
