import Accounts
import Foundation
import Kernel
import Storage

/// 涉密通知 — the foundation's sample protected record.
public struct ClassifiedNotice: Sendable, Hashable, Codable {
    public var id: String
    public var unitID: String
    public var title: String
    public var body: String
    public var sensitivity: Sensitivity
    public var marking: String
    public var issuedOn: Day
    public var authorPersonID: String
    public var createdAt: Int64
}
