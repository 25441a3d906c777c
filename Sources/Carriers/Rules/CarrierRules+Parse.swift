import Foundation
import Kernel

/// The carrier vocabularies as a form or a request names them: one parser per rule, used by the pages and the API
/// alike, so each rule is written once.
extension CarrierRules {
    static func parse<T: RawRepresentable>(_ raw: String?, field: String, rule: String, message: String) throws -> T where T.RawValue == String {
        guard let raw, let value = T(rawValue: raw) else { throw Refusal.invalid(field, message, rule: rule) }
        return value
    }

    /// R-CA-1 / R-CA-13: the equipment or printer a carrier is produced on; none chosen is nil (a computer named from
    /// the devices register may decide instead, `productionEquipment`).
    public static func equipment(_ raw: String?) throws -> ProductionEquipment? {
        guard let raw, !raw.isBlank else { return nil }
        return try parse(raw, field: "equipment", rule: "R-CA-1", message: "请选择制作设备或印制单位")
    }

    /// R-CA-1: what became of drafts, proofs and waste.
    public static func waste(_ raw: String?) throws -> WasteHandling {
        try parse(raw, field: "waste", rule: "R-CA-1", message: "请选择中间材料、残次品的处理情况")
    }

    /// R-CA-3: the transfer channel of a dispatch.
    public static func channel(_ raw: String?) throws -> TransferChannel {
        try parse(raw, field: "channel", rule: "R-CA-3", message: "请选择传递渠道")
    }

    /// R-CA-11: the method of a destruction.
    public static func destructionMethod(_ raw: String?) throws -> DestructionMethod {
        try parse(raw, field: "method", rule: "R-CA-11", message: "请选择销毁方式")
    }

    /// R-CA-12: how a carrier is repaired.
    public static func repairMode(_ raw: String?) throws -> RepairMode {
        try parse(raw, field: "mode", rule: "R-CA-12", message: "请选择维修方式")
    }

    /// R-CA-13: the forbidden act attempted.
    public static func forbiddenAction(_ raw: String?) throws -> ForbiddenAction {
        try parse(raw, field: "action", rule: "R-CA-13", message: "请选择禁止行为")
    }

    /// R-CA-10: the scheduled check a count closes.
    public static func scheduledCheck(_ raw: String?) throws -> Check {
        try parse(raw, field: "check", rule: "R-CA-10", message: "请选择清点类别")
    }

    /// R-MD-2: the level of the information written to a medium.
    public static func contentLevel(_ code: String?) throws -> Level {
        guard let code, let level = Level(code: code) else { throw Refusal.invalid("content_level", "请选择写入信息的密级", rule: "R-MD-2") }
        return level
    }
}
