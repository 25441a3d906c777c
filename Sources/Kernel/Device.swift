/// 设备类别 — the class of a computer or information device (R-DV-1).
public enum DeviceClass: String, Sendable, Hashable, Codable, CaseIterable {
    /// 涉密计算机、涉密信息设备
    case classified
    /// 内部计算机（非涉密，与互联网隔离）
    case `internal`
    /// 互联网计算机
    case internet

    /// The Chinese name, as the register and refusals say it.
    public var chinese: String {
        switch self {
        case .classified: "涉密计算机"
        case .internal: "内部计算机"
        case .internet: "互联网计算机"
        }
    }
}

/// What the devices register says of one computer or device, as other areas need it: whose it is, its class, its level
/// and whether it is filed with the administration (R-DV-1, R-DV-8). Carriers ask before a carrier is produced on it or a
/// medium is written from it (R-DV-10, R-MD-2).
public struct DeviceFacts: Sendable, Hashable {
    /// The device's ID.
    public let id: String
    /// Its number in the register (设备编号).
    public let number: String
    /// The unit that registered it.
    public let unitID: String
    /// Its class.
    public let deviceClass: DeviceClass
    /// Its level (密级), for a classified device; nil otherwise.
    public let level: Level?
    /// Whether it is filed with the administration (备案, R-DV-8).
    public let filed: Bool

    /// Creates the facts of one device.
    public init(id: String, number: String, unitID: String, deviceClass: DeviceClass, level: Level?, filed: Bool) {
        self.id = id
        self.number = number
        self.unitID = unitID
        self.deviceClass = deviceClass
        self.level = level
        self.filed = filed
    }
}
