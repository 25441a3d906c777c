import Foundation
import Kernel

/// 制作 — where and how a carrier is produced (R-CA-1, R-CA-13).
public enum ProductionEquipment: String, Sendable, Hashable, Codable, CaseIterable {
    /// 本单位涉密计算机、涉密打印机
    case classifiedEquipment
    /// 持有《秘密载体复制许可证》的定点单位
    case licensedPrinter
    /// 非涉密计算机或设备 — forbidden (R-CA-13).
    case unclassifiedEquipment
    /// 无资质的印刷、复印单位 — forbidden (R-CA-13).
    case unlicensedPrinter

    /// The Chinese name shown in forms and the production record.
    public var chinese: String {
        switch self {
        case .classifiedEquipment: "本单位涉密设备"
        case .licensedPrinter: "定点复制单位（持许可证）"
        case .unclassifiedEquipment: "非涉密设备"
        case .unlicensedPrinter: "无资质单位"
        }
    }
}

/// What became of drafts, proofs and waste (R-CA-1).
public enum WasteHandling: String, Sendable, Hashable, Codable, CaseIterable {
    case destroyed, registered, none

    /// The Chinese name shown in forms and the production record.
    public var chinese: String {
        switch self {
        case .destroyed: "已销毁"
        case .registered: "已登记管控"
        case .none: "未处理"
        }
    }
}

/// 传递渠道 (R-CA-3).
public enum TransferChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 机要交通
    case confidentialCourier
    /// 邮政机要通信
    case confidentialPost
    /// 本单位保密员或专人专车（同城）
    case dedicatedPerson
    /// 经批准的其他安全渠道
    case approvedSecure
    /// 普通邮政 — forbidden.
    case ordinaryPost
    /// 快递 — forbidden.
    case courierCompany
    /// 明传传真 — forbidden.
    case plainFax
    /// 明码电报 — forbidden.
    case plainTelegram

    /// The Chinese name of the channel, as in forms and the transfer record.
    public var chinese: String {
        switch self {
        case .confidentialCourier: "机要交通"
        case .confidentialPost: "邮政机要通信"
        case .dedicatedPerson: "专人专车直接传递"
        case .approvedSecure: "经批准的安全渠道"
        case .ordinaryPost: "普通邮政"
        case .courierCompany: "快递"
        case .plainFax: "明传传真"
        case .plainTelegram: "明码电报"
        }
    }

    /// R-CA-3 / R-CA-13: the channels that may never carry a secret.
    public var isForbidden: Bool { [.ordinaryPost, .courierCompany, .plainFax, .plainTelegram].contains(self) }
    /// The 机要 channels (the only ones for 绝密 out of town).
    public var isJiyao: Bool { self == .confidentialCourier || self == .confidentialPost }
}

/// 销毁方式 (R-CA-11).
public enum DestructionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// 保密行政管理部门监制的粉碎机（纸屑不大于 2 平方毫米）
    case shredder
    /// 保密行政管理部门指定的造纸厂
    case designatedMill
    /// 保密行政管理部门销毁中心
    case destructionCentre

    /// The Chinese name of the method, as in forms and the destruction record.
    public var chinese: String {
        switch self {
        case .shredder: "保密粉碎机（≤2平方毫米）"
        case .designatedMill: "指定造纸厂监销"
        case .destructionCentre: "保密行政管理部门销毁中心"
        }
    }

    /// Whether the destruction takes place in the unit itself.
    public var isInHouse: Bool { self == .shredder }
}

/// 维修方式 (R-CA-12).
public enum RepairMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// 本单位技术人员
    case inHouse
    /// 外单位人员在现场，本单位人员全程监督
    case supervisedOutsider
    /// 具有保密资质的单位（含数据恢复）
    case qualifiedVendor

    /// The Chinese name of the repair mode, as in forms and the repair record.
    public var chinese: String {
        switch self {
        case .inHouse: "本单位技术人员维修"
        case .supervisedOutsider: "外单位人员现场维修（全程监督）"
        case .qualifiedVendor: "具有保密资质的单位"
        }
    }
}

/// R-CA-13: what is forbidden outright, whatever the approval.
public enum ForbiddenAction: String, Sendable, Hashable, Codable, CaseIterable {
    case give, sell, transfer, discard, unapprovedStorage, unapprovedCarryOut

    /// The Chinese name of the act, as named in the refusal (严禁…).
    public var chinese: String {
        switch self {
        case .give: "赠送"
        case .sell: "出售（含卖给废品收购）"
        case .transfer: "转送他人"
        case .discard: "丢弃"
        case .unapprovedStorage: "未经批准的存放"
        case .unapprovedCarryOut: "未经批准携带外出"
        }
    }
}
