import Kernel

/// 载体类别 — what kind of thing holds the secret.
public enum CarrierKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 纸质密件 — paper documents and materials.
    case paper
    /// 电子文件 — electronic files.
    case electronic
    /// 涉密移动存储介质 — U盘, disks, optical discs, tapes, cards (R-MD-1).
    case medium
    /// 密品、涉密设备 — classified products and devices.
    case device

    /// The Chinese name shown in the register and forms.
    public var chinese: String {
        switch self {
        case .paper: "纸质密件"
        case .electronic: "电子文件"
        case .medium: "移动存储介质"
        case .device: "密品/设备"
        }
    }
}

/// Where a carrier is in its life.
public enum CarrierStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 在库 — in the custodian's safe.
    case inStock
    /// 传阅中 — out with a reader in circulation (R-CA-4).
    case circulating
    /// 借出 — borrowed (R-CA-5).
    case lent
    /// 携带外出 — carried out of the office (R-CA-9).
    case carriedOut
    /// 已发出 — dispatched or in transfer (R-CA-2, R-CA-3).
    case dispatched
    /// 维修中 (R-CA-12).
    case underRepair
    /// 已清退 — returned to the issuing unit (R-CA-10).
    case returned
    /// 已销毁 (R-CA-11): read-only history from now on.
    case destroyed
    /// 丢失、被盗 — an incident is open (R-CA-14).
    case lost

    /// The Chinese name shown in the register and forms.
    public var chinese: String {
        switch self {
        case .inStock: "在库"
        case .circulating: "传阅中"
        case .lent: "借出"
        case .carriedOut: "携带外出"
        case .dispatched: "已发出"
        case .underRepair: "维修中"
        case .returned: "已清退"
        case .destroyed: "已销毁"
        case .lost: "丢失/被盗"
        }
    }

    /// Whether the carrier is still held by the unit (counted at 清点, R-CA-10).
    public var isHeld: Bool { ![.returned, .destroyed, .dispatched, .lost].contains(self) }

    /// R-CA-11: a destroyed (or returned, or lost) carrier is history: nothing more may be done with it.
    public var isFinal: Bool { [.destroyed, .returned, .lost].contains(self) }
}

/// 存放场所 — an approved safe (电脑保密文件柜) with the highest level it may hold (R-CA-6).
public struct Safe: Sendable, Hashable, Codable {
    /// The safe's record id.
    public var id: String
    /// The id of the unit that keeps the safe.
    public var unitID: String
    /// The safe's name, e.g. 1号保密柜.
    public var name: String
    /// Where it stands, e.g. 保密室.
    public var location: String
    /// The highest level it is approved for.
    public var level: Level
    /// 绝密单独存放: a safe kept for 绝密 only.
    public var topSecretOnly: Bool

    /// Creates a safe approved up to `level`; `topSecretOnly` reserves it for 绝密.
    public init(id: String, unitID: String, name: String, location: String, level: Level, topSecretOnly: Bool = false) {
        self.id = id
        self.unitID = unitID
        self.name = name
        self.location = location
        self.level = level
        self.topSecretOnly = topSecretOnly
    }
}

/// What only removable media carry (R-MD-1, R-MD-2).
public struct MediumInfo: Sendable, Hashable, Codable {
    /// U盘, 移动硬盘, 光盘, 存储卡 ….
    public var mediaType: String
    /// 统一购置 — bought centrally by the unit's secrecy organisation.
    public var purchasedCentrally: Bool
    /// 使用人 (a person id) — on the label.
    public var userPersonID: String
    /// The highest level of what it holds so far (R-MD-2): never above the medium's own level.
    public var contentLevel: Level?
    /// The unit's classified computers it may be used with (the device register links these, R-MD-2).
    public var computerIDs: [String]

    /// Creates the details of a medium; nothing stored on it yet and no computer linked unless given.
    public init(mediaType: String, purchasedCentrally: Bool, userPersonID: String, contentLevel: Level? = nil, computerIDs: [String] = []) {
        self.mediaType = mediaType
        self.purchasedCentrally = purchasedCentrally
        self.userPersonID = userPersonID
        self.contentLevel = contentLevel
        self.computerIDs = computerIDs
    }
}

/// A classified carrier (国家秘密载体): one register entry, with its copies' serials.
public struct Carrier: Sendable, Hashable, Codable {
    /// The carrier's record id (the register number is `number`).
    public var id: String
    /// 载体编号 — the unit's register number, e.g. `ZT-2026-0001`.
    public var number: String
    /// 载体类别 — paper, electronic file, removable medium or device.
    public var kind: CarrierKind
    /// 标题 — the document's title or the item's name.
    public var title: String
    /// 文号, e.g. `江工信〔2026〕12号`.
    public var documentNumber: String
    /// 制发单位 (by name: received documents come from anywhere).
    public var originatingUnit: String
    /// The unit whose register holds it.
    public var unitID: String
    /// The marking it carries: never lower than its secrets' (R-DU-7).
    public var marking: Marking
    /// The state secrets it carries, when they are in this system.
    public var secretIDs: [String]
    /// 份数 and the 份号 of each copy.
    public var copies: Int
    /// 份号 — the copy serials, one per copy (`001`, `002` …).
    public var serials: [String]
    /// 保管人.
    public var custodianPersonID: String
    /// 存放场所 — the approved safe it is kept in (R-CA-6); nil while in none (a fresh copy, or once out of the safe).
    public var safeID: String?
    /// Where it is in its life: 在库, 借出, 已销毁 ….
    public var status: CarrierStatus
    /// For a copy or excerpt: the carrier it was made from (R-CA-7).
    public var originalID: String?
    /// 登记日期 — the day it entered the register (received, produced, copied).
    public var registeredOn: Day
    /// For removable media (R-MD-1).
    public var medium: MediumInfo?
    /// The holder while lent, circulating or carried out (the per-person ledger).
    public var holderPersonID: String?
    /// The due day while lent (R-CA-5).
    public var dueOn: Day?
    /// Whether it has been archived (立卷归档) or its use extended with the issuer's agreement (R-CA-10).
    public var retained: Bool

    /// Creates a register entry; by default in stock, carrying no secret in this system, not lent and not retained.
    public init(
        id: String, number: String, kind: CarrierKind, title: String, documentNumber: String, originatingUnit: String, unitID: String, marking: Marking,
        secretIDs: [String] = [], copies: Int, serials: [String], custodianPersonID: String, safeID: String? = nil, status: CarrierStatus = .inStock,
        originalID: String? = nil, registeredOn: Day, medium: MediumInfo? = nil, holderPersonID: String? = nil, dueOn: Day? = nil, retained: Bool = false
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.title = title
        self.documentNumber = documentNumber
        self.originatingUnit = originatingUnit
        self.unitID = unitID
        self.marking = marking
        self.secretIDs = secretIDs
        self.copies = copies
        self.serials = serials
        self.custodianPersonID = custodianPersonID
        self.safeID = safeID
        self.status = status
        self.originalID = originalID
        self.registeredOn = registeredOn
        self.medium = medium
        self.holderPersonID = holderPersonID
        self.dueOn = dueOn
        self.retained = retained
    }

    /// 密级 — the level of its marking.
    public var level: Level { marking.level }
}
