import Kernel

/// 保密行政管理部门的层级 — level of a secrecy administration.
public enum AdministrationLevel: String, CaseIterable, Codable, Sendable {
    /// 国家保密行政管理部门
    case national
    /// 省级保密行政管理部门
    case provincial
    /// 设区的市级保密行政管理部门
    case city
    /// 县级保密行政管理部门
    case county

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .national: "国家"
        case .provincial: "省级"
        case .city: "市级"
        case .county: "县级"
        }
    }
}

/// 单位类别 — what kind of body a unit is. R-AU-2 decides who may grant 定密权 by this kind.
public enum UnitKind: Hashable, Codable, Sendable {
    /// 保密行政管理部门 at a level.
    case administration(AdministrationLevel)
    /// 中央国家机关
    case centralOrgan
    /// 省级机关
    case provincialOrgan
    /// 设区的市级、自治州级机关
    case cityOrgan
    /// 其他机关 (county and below)
    case otherOrgan
    /// 企业
    case enterprise
    /// 事业单位
    case institution

    /// Every kind, in the order forms list them.
    public static let all: [UnitKind] = [
        .administration(.national), .administration(.provincial), .administration(.city), .administration(.county),
        .centralOrgan, .provincialOrgan, .cityOrgan, .otherOrgan, .enterprise, .institution,
    ]

    /// Stable code stored in the database and used by the API.
    public var code: String {
        switch self {
        case .administration(let level): "admin_\(level.rawValue)"
        case .centralOrgan: "central_organ"
        case .provincialOrgan: "provincial_organ"
        case .cityOrgan: "city_organ"
        case .otherOrgan: "other_organ"
        case .enterprise: "enterprise"
        case .institution: "institution"
        }
    }

    /// Parses a stable code.
    public init?(code: String) {
        guard let kind = UnitKind.all.first(where: { $0.code == code }) else { return nil }
        self = kind
    }

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .administration(let level): "\(level.chinese)保密行政管理部门"
        case .centralOrgan: "中央国家机关"
        case .provincialOrgan: "省级机关"
        case .cityOrgan: "设区的市级、自治州级机关"
        case .otherOrgan: "其他机关"
        case .enterprise: "企业"
        case .institution: "事业单位"
        }
    }

    /// Whether this unit is a secrecy administration (sees its subordinate units).
    public var isAdministration: Bool {
        if case .administration = self { return true }
        return false
    }
}
