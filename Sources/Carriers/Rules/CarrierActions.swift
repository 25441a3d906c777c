import Accounts
import Foundation
import Kernel
import Organisation

/// An action on one carrier, as offered on its page: one page and one route each (`/carriers/:id/<rawValue>`).
public enum CarrierAction: String, CaseIterable, Sendable, Hashable, Codable {
    /// 存入保密柜 (R-CA-6).
    case store
    /// 传阅 (R-CA-4).
    case circulate
    /// 收回 — back from a reader, a borrower, a trip or repair.
    case takeBack = "take-back"
    /// 借出 (R-CA-5).
    case lend
    /// 复印 (R-CA-7).
    case copy
    /// 携带外出 (R-CA-9).
    case carryOut = "carry-out"
    /// 发出 (R-CA-2, R-CA-3).
    case dispatch
    /// 清退 (R-CA-10).
    case returnToIssuer = "return"
    /// 留存 — archived or extended, no longer due for return (R-CA-10).
    case retain
    /// 销毁 (R-CA-11).
    case destroy
    /// 送修 (R-CA-12).
    case repair
    /// 报告丢失、被盗或泄密 (R-CA-14).
    case loss
    /// 写入信息 — information written to a removable medium (R-MD-2).
    case mediumWrite = "medium-write"

    /// The button label a 保密员 knows.
    public var chinese: String {
        switch self {
        case .store: "存入保密柜"
        case .circulate: "传阅"
        case .takeBack: "收回"
        case .lend: "借出"
        case .copy: "复印"
        case .carryOut: "携带外出"
        case .dispatch: "发出"
        case .returnToIssuer: "清退"
        case .retain: "留存"
        case .destroy: "销毁"
        case .repair: "送修"
        case .loss: "报告丢失"
        case .mediumWrite: "写入信息"
        }
    }

    /// The regulation the action follows, in a 保密员's words (shown under the button; no rule IDs here).
    public var regulation: String {
        switch self {
        case .store: "存放在与密级相符的保密柜，绝密级单独存放（《国家秘密载体管理规定》）"
        case .circulate: "在领导确定的知悉范围内直传，绝密级在阅文室阅读并逐人登记"
        case .takeBack: "传阅、借阅、携带外出和送修的载体用毕及时交回保密员保管"
        case .lend: "借阅须经单位领导批准，登记签字，按期归还"
        case .copy: "复制须经批准并登记（《国家秘密载体管理规定》）"
        case .carryOut: "携带外出须经领导批准并登记，绝密级须二人以上同行，出境须持许可证"
        case .dispatch: "在批准的发放范围内发文，经机要渠道传递，登记发文簿"
        case .returnToIssuer: "按发文机关要求清退，上年度密件于第一季度末前清退完毕"
        case .retain: "已立卷归档或经发文机关同意延长使用的，登记后不再清退"
        case .destroy: "销毁须经领导批准，登记造册，二人以上监销，绝密级在本单位销毁"
        case .repair: "由本单位人员维修；外单位人员须全程监督，数据恢复送有资质的单位"
        case .loss: "丢失、被盗或泄密须立即报告，24小时内报保密行政管理部门"
        case .mediumWrite: "涉密介质只能存储不高于其密级的信息"
        }
    }

    /// Whether only the register's keepers (保密员, 保密办) take this action; anyone of the unit may report a loss.
    public var needsRegisterKeeper: Bool { self != .loss }
}

/// Who asks to act on a carrier: what the rules of `CarrierRules.refusal(_:on:by:today:)` need to know.
public struct CarrierViewer: Sendable, Hashable {
    /// The person behind the account; nil for an administrator or an account without a person.
    public var personID: String?
    /// The person's unit (单位); nil without a person.
    public var unitID: String?
    /// The account's roles.
    public var roles: Set<Role>

    /// Creates a viewer from its parts.
    public init(personID: String?, unitID: String?, roles: Set<Role>) {
        self.personID = personID
        self.unitID = unitID
        self.roles = roles
    }

    /// The viewer of an acting user; an administrator (三员) acts for no person (R-SY-1).
    public init(_ actor: Actor) {
        self.init(personID: actor.viewer.personID, unitID: actor.viewer.personID == nil ? nil : actor.person?.unitID, roles: actor.roles)
    }

    /// Whether the viewer keeps the unit's carrier register: the 保密员 or the 保密办.
    public var keepsRegister: Bool { !roles.isDisjoint(with: [.secrecyClerk, .secrecyOffice]) }
}

/// "May this viewer take this action on this carrier now": one decision for the service that enforces it and the page
/// that offers it.
extension CarrierRules {
    /// The part of the decision that needs no carrier: a business account of a person, and for every action but a loss
    /// report the unit's 保密员 or 保密办. Checked before anything is loaded.
    public static func refusal(_ action: CarrierAction, by viewer: CarrierViewer) -> Refusal? {
        guard viewer.personID != nil, viewer.unitID != nil else {
            return Refusal(code: "carrier.no_person", message: "只有关联了人员的业务账号才能办理载体事项", kind: .forbidden)
        }
        if action.needsRegisterKeeper && !viewer.keepsRegister {
            return Refusal(code: "carrier.clerk_required", message: "载体登记和流转由保密员或保密办办理", kind: .forbidden)
        }
        return nil
    }

    /// R-CA-11 (history is read-only), R-CA-4 (direct circulation), R-CA-10 (retention), R-MD-2 (media only), R-KS-4
    /// (another unit's carrier is not there): nil when `viewer` may take `action` on `carrier` today, otherwise exactly
    /// the refusal the service throws. The form's input is checked by each step's own function.
    public static func refusal(_ action: CarrierAction, on carrier: Carrier, by viewer: CarrierViewer, today: Day) -> Refusal? {
        if let refusal = refusal(action, by: viewer) { return refusal }
        // R-KS-4: another unit's register is not the viewer's to act on; it answers like a missing carrier.
        guard carrier.unitID == viewer.unitID else { return .notFound }
        let status = carrier.status
        if status.isFinal {
            let message = action == .loss ? "该载体\(status.chinese)" : "该载体\(status.chinese)，只保留历史记录，不能再办理"
            return Refusal(code: "carrier.final", ruleID: "R-CA-11", field: nil, message: message, kind: .conflict)
        }
        func notInStock(_ message: String, rule: String? = nil) -> Refusal? {
            status == .inStock ? nil : Refusal(code: "carrier.not_in_stock", ruleID: rule, field: nil, message: message, kind: .conflict)
        }
        switch action {
        case .store: return notInStock("载体\(status.chinese)，不能存入保密柜")
        case .circulate:
            guard status == .inStock || status == .circulating else { return notInStock("载体\(status.chinese)，不能传阅", rule: "R-CA-4") }
            return carrier.holderPersonID == nil ? nil : notReturned
        case .takeBack:
            guard [.circulating, .lent, .carriedOut, .underRepair].contains(status) else {
                return Refusal(code: "carrier.not_out", message: "载体\(status.chinese)，无需收回", kind: .conflict)
            }
            return nil
        case .lend: return notInStock("载体\(status.chinese)，不能借出")
        case .copy: return notInStock("载体\(status.chinese)，不能复印")
        case .carryOut: return notInStock("载体\(status.chinese)，不能携带外出")
        case .dispatch: return notInStock("载体\(status.chinese)，不能发出")
        case .returnToIssuer: return notInStock("载体\(status.chinese)，须先收回再清退")
        case .retain:
            if carrier.retained {
                return Refusal(code: "carrier.already_retained", ruleID: "R-CA-10", field: nil, message: "该载体已登记留存，不再清退", kind: .conflict)
            }
            return notInStock("载体\(status.chinese)，须先收回再登记留存")
        case .destroy: return notInStock("\(carrier.number)\(status.chinese)，须先收回再销毁")
        case .repair: return notInStock("载体\(status.chinese)，须先收回再送修")
        case .loss: return nil
        case .mediumWrite:
            guard carrier.medium != nil else { return Refusal.invalid("carrier_id", "该载体不是移动存储介质", rule: "R-MD-2") }
            return notInStock("载体\(status.chinese)，须先收回再登记写入")
        }
    }

    /// R-CA-4: direct circulation — the last reader returns the carrier to the 保密员 before the next one gets it.
    static let notReturned = refuse("not_returned", "R-CA-4", "reader", "须直传：上一位阅读人退回保密员后才能传给下一位", kind: .conflict)

    /// Throws the refusal of `refusal(_:on:by:today:)`, if there is one.
    public static func check(_ action: CarrierAction, on carrier: Carrier, by viewer: CarrierViewer, today: Day) throws {
        if let refusal = refusal(action, on: carrier, by: viewer, today: today) { throw refusal }
    }

    /// The actions `viewer` may take on `carrier` today, in the order of the page's action bar.
    public static func allowed(on carrier: Carrier, by viewer: CarrierViewer, today: Day) -> [CarrierAction] {
        CarrierAction.allCases.filter { refusal($0, on: carrier, by: viewer, today: today) == nil }
    }
}
