import Accounts
import Foundation
import Kernel
import Storage

/// 涉密通知 — the foundation's sample protected record.
public struct ClassifiedNotice: Sendable, Hashable, Codable {
    /// The notice's record id.
    public var id: String
    /// The author's unit, which owns the notice.
    public var unitID: String
    /// 标题 — the notice's title.
    public var title: String
    /// 正文 — the notice's text.
    public var body: String
    /// The state-secret level of the marking; every reader's clearance must cover it (R-KS-4).
    public var sensitivity: Sensitivity
    /// The rendered marking, e.g. `机密★10年` (R-LV-2).
    public var marking: String
    /// 制发日期 — the secrecy period counts from it (R-DU-2).
    public var issuedOn: Day
    /// The person who drafted it; always in its knowledge scope.
    public var authorPersonID: String
    /// When it was stored, in milliseconds since 1970.
    public var createdAt: Int64
}
