import Foundation

/// 密级 — the three levels of state secret, ordered 绝密 > 机密 > 秘密 (R-LV-1).
public enum Level: Int, CaseIterable, Comparable, Codable, Sendable {
    /// 秘密
    case secret = 1
    /// 机密
    case confidential = 2
    /// 绝密
    case topSecret = 3

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .secret: "秘密"
        case .confidential: "机密"
        case .topSecret: "绝密"
        }
    }

    /// Parses a Chinese level name.
    public init?(chinese: String) {
        guard let level = Level.allCases.first(where: { $0.chinese == chinese }) else { return nil }
        self = level
    }

    /// Stable code for storage and the API.
    public var code: String {
        switch self {
        case .secret: "secret"
        case .confidential: "confidential"
        case .topSecret: "top_secret"
        }
    }

    /// Parses a stable code.
    public init?(code: String) {
        guard let level = Level.allCases.first(where: { $0.code == code }) else { return nil }
        self = level
    }

    /// A record's level as stored. Fails closed: a code that cannot be read counts as 绝密 everywhere — the record is
    /// then shown to fewest, audited when listed, and nothing takes it abroad or below its level (R-KS-4, R-LV-1).
    public static func stored(_ code: String) -> Level { Level(code: code) ?? .topSecret }

    /// A ceiling as stored — the highest level an authority may classify at (定密权限), or a post's — read so that it
    /// grants least: a code that cannot be read counts as 秘密 for what it allows (R-AU-1).
    public static func storedCeiling(_ code: String) -> Level { Level(code: code) ?? .secret }

    /// R-DU-1: the longest period unless the scope item says otherwise — 绝密 30, 机密 20, 秘密 10 years.
    public var maxYears: Int {
        switch self {
        case .secret: 10
        case .confidential: 20
        case .topSecret: 30
        }
    }

    /// R-DU-5: the period deemed when nothing is marked — the same numbers as R-DU-1.
    public var deemedYears: Int { maxYears }

    /// Orders by gravity: 秘密 < 机密 < 绝密.
    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}

/// R-LV-1: every sensitivity label, of which only three are state secrets. The others — 工作秘密, 商业秘密,
/// 内部, 公开 — are never mixed up with them and never get a ★ marking.
public enum Sensitivity: Hashable, Codable, Sendable {
    /// 国家秘密 at a level.
    case stateSecret(Level)
    /// 工作秘密
    case workSecret
    /// 商业秘密
    case commercialSecret
    /// 内部
    case `internal`
    /// 公开/非密
    case `public`

    /// All labels.
    public static let all: [Sensitivity] = [
        .stateSecret(.topSecret), .stateSecret(.confidential), .stateSecret(.secret), .workSecret, .commercialSecret, .internal, .public,
    ]

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .stateSecret(let level): level.chinese
        case .workSecret: "工作秘密"
        case .commercialSecret: "商业秘密"
        case .internal: "内部"
        case .public: "公开"
        }
    }

    /// Parses a Chinese label (also accepts 非密 for 公开).
    public init?(chinese: String) {
        if chinese == "非密" { self = .public; return }
        guard let s = Sensitivity.all.first(where: { $0.chinese == chinese }) else { return nil }
        self = s
    }

    /// The state-secret level, nil for every other label (R-LV-1).
    public var level: Level? {
        if case .stateSecret(let level) = self { return level }
        return nil
    }

    /// Whether this is one of the three levels of state secret.
    public var isStateSecret: Bool { level != nil }

    /// Stable code.
    public var code: String {
        switch self {
        case .stateSecret(let level): level.code
        case .workSecret: "work_secret"
        case .commercialSecret: "commercial_secret"
        case .internal: "internal"
        case .public: "public"
        }
    }

    /// Parses a stable code.
    public init?(code: String) {
        guard let s = Sensitivity.all.first(where: { $0.code == code }) else { return nil }
        self = s
    }

    /// R-LV-1: only a state secret can carry a ★ marking.
    public func marking(period: SecrecyPeriod?) throws(MarkingError) -> Marking {
        guard let level else { throw .notAStateSecret(chinese) }
        return Marking(level: level, period: period)
    }
}

/// 涉密人员等级 — a person's clearance tier, fixed by the highest level of their post (R-PE-1).
public enum ClearanceTier: String, CaseIterable, Codable, Sendable {
    /// 核心涉密人员 — up to 绝密.
    case core
    /// 重要涉密人员 — up to 机密.
    case important
    /// 一般涉密人员 — up to 秘密.
    case general
    /// 非涉密人员.
    case none

    /// Chinese name.
    public var chinese: String {
        switch self {
        case .core: "核心"
        case .important: "重要"
        case .general: "一般"
        case .none: "非涉密"
        }
    }

    /// Parses a Chinese name.
    public init?(chinese: String) {
        guard let tier = ClearanceTier.allCases.first(where: { $0.chinese == chinese }) else { return nil }
        self = tier
    }

    /// R-PE-1: the highest level this tier may know (核心→绝密, 重要→机密, 一般→秘密, none→nothing).
    public var ceiling: Level? {
        switch self {
        case .core: .topSecret
        case .important: .confidential
        case .general: .secret
        case .none: nil
        }
    }

    /// R-SY-2 / R-KS-4: nobody drafts, handles, receives or approves a state secret their clearance does not cover —
    /// they could not read it afterwards. `who` names the person in the message (“您”, “所选定密责任人”).
    public func require(_ level: Level, field: String, who: String = "您", kind: FailureKind = .forbidden) throws(Refusal) {
        guard covers(.stateSecret(level)) else {
            throw Refusal(
                code: "access.clearance_too_low", ruleID: "R-SY-2", field: field,
                message: "\(who)的涉密等级（\(chinese)）不足以知悉\(level.chinese)级国家秘密", kind: kind)
        }
    }

    /// R-KS-4: whether the tier covers a label. Labels that are not state secrets are covered by every tier.
    public func covers(_ sensitivity: Sensitivity) -> Bool {
        guard let level = sensitivity.level else { return true }
        guard let ceiling else { return false }
        return ceiling >= level
    }
}

extension Level {
    /// R-DV-2 / R-DV-7: a system handles information up to its own level and never above — the deployment's level
    /// (`BAOMI_SYSTEM_LEVEL`), which also sets its password rules (R-DV-3). A record above it is refused, whatever
    /// the caller's clearance.
    public func checkWithin(system: Level, field: String) throws(Refusal) {
        guard self <= system else {
            throw Refusal(
                code: "system.level_above_system", ruleID: "R-DV-7", field: field,
                message: "本系统为\(system.chinese)级，不得存储、处理\(chinese)级国家秘密信息（R-DV-2）", kind: .validation)
        }
    }
}
