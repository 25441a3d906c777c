import Kernel

/// What the devices register says decides where a carrier may be produced and from which computer a medium may be
/// written: the caller's word on the equipment is not taken when a computer is named (R-DV-1, R-DV-8, R-DV-10, R-MD-2).
extension CarrierRules {
    /// R-CA-1 / R-CA-13 / R-DV-10: what a carrier is produced on. A computer named from the devices register decides: it
    /// must be a classified computer of the unit, filed and graded at or above the carrier's level; the equipment chosen
    /// is then not taken. Without a named computer, the equipment chosen (a licensed printer …) is checked as before.
    public static func productionEquipment(
        claimed: ProductionEquipment?, deviceNamed: Bool, device: DeviceFacts?, level: Level, unitID: String
    ) throws -> ProductionEquipment {
        guard deviceNamed else {
            guard let claimed else { throw Refusal.invalid("equipment", "请选择制作设备或印制单位", rule: "R-CA-1") }
            return claimed
        }
        let device = try registered(device, unitID: unitID, field: "device_number")
        guard device.deviceClass == .classified else {
            throw refuse(
                "forbidden_equipment", "R-CA-13", "device_number", "严禁使用非涉密计算机或设备制作、复制密件（\(device.number)为\(device.deviceClass.chinese)）",
                kind: .forbidden)
        }
        try checkClassifiedDevice(device, level: level, field: "device_number")
        return .classifiedEquipment
    }

    /// R-MD-2 / R-DV-10: a classified medium is written only from a classified computer of its own unit, filed and graded
    /// at or above what is written — and, where the medium lists the computers it is registered for, one of those.
    public static func checkUse(medium: MediumInfo, unitID: String, computer: DeviceFacts?, contentLevel: Level) throws {
        let computer = try registered(computer, unitID: unitID, field: "computer_number")
        guard computer.deviceClass == .classified, medium.computerIDs.isEmpty || medium.computerIDs.contains(computer.id) else {
            throw refuse("medium_computer", "R-MD-2", "computer_number", "涉密移动存储介质只能在本单位登记的涉密计算机上使用", kind: .forbidden)
        }
        try checkClassifiedDevice(computer, level: contentLevel, field: "computer_number")
    }

    /// R-DV-1: the device as the unit's register has it; a device of another unit is no better known than none.
    static func registered(_ device: DeviceFacts?, unitID: String, field: String) throws -> DeviceFacts {
        guard let device, device.unitID == unitID else { throw refuse("device_unknown", "R-DV-1", field, "本单位设备台账中没有该设备") }
        return device
    }

    /// R-DV-8 / R-DV-10: a classified computer processes or outputs classified information only when filed, and only of
    /// its own level or lower.
    static func checkClassifiedDevice(_ device: DeviceFacts, level: Level, field: String) throws {
        guard device.filed else {
            throw refuse("device_unfiled", "R-DV-8", field, "涉密计算机\(device.number)未向保密行政管理部门备案，不得处理涉密信息、制作载体", kind: .forbidden)
        }
        guard let graded = device.level, graded >= level else {
            throw refuse(
                "device_level", "R-DV-10", field, "\(device.level?.chinese ?? "未定密级的")涉密计算机\(device.number)不得处理、输出\(level.chinese)信息",
                kind: .forbidden)
        }
    }
}
