import Accounts
import Carriers
import ClassificationServices
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// Filters of the carrier register.
public struct CarrierFilter: Sendable, Hashable {
    public var unitID: String?
    public var kind: CarrierKind?
    public var status: CarrierStatus?
    public var level: Level?
    public var holderPersonID: String?
    public var search: String?
    /// The year the carriers entered the register (R-CA-10: a year's carriers are returned by the end of the next Q1).
    public var registeredYear: Int?

    public init(
        unitID: String? = nil, kind: CarrierKind? = nil, status: CarrierStatus? = nil, level: Level? = nil, holderPersonID: String? = nil,
        search: String? = nil,
        registeredYear: Int? = nil
    ) {
        self.registeredYear = registeredYear
        self.unitID = unitID
        self.kind = kind
        self.status = status
        self.level = level
        self.holderPersonID = holderPersonID
        self.search = search
    }
}

/// A carrier's history entry.
public struct CarrierEvent: Sendable, Hashable, Codable {
    public var at: Int64
    public var actorName: String
    public var kind: String
    public var summary: String
}

/// One line of a paper register (收文、发文、复印、销毁).
public struct RegisterEntry: Sendable, Hashable, Codable {
    /// Which register.
    public enum Book: String, Sendable, Hashable, Codable, CaseIterable {
        case receipt, dispatch, copy, destruction

        public var chinese: String {
            switch self {
            case .receipt: "收文登记簿"
            case .dispatch: "发文登记簿"
            case .copy: "复印登记"
            case .destruction: "销毁清单"
            }
        }
    }

    public var book: Book
    /// 收文编号 / 发文编号 / 复印编号 / 销毁编号: `2026-0007`.
    public var number: String
    public var carrierID: String
    public var onDay: Day
    /// 来文单位 / 收件单位 / 复印件接收人 / 销毁方式.
    public var counterpart: String
    public var copies: Int
    public var serials: [String]
    /// 批准人.
    public var approver: String
    /// 经办、签收、监销人.
    public var handledBy: String
    public var note: String
    /// The carrier's own register number, title, 文号 and level (the printed books show them).
    public var carrierNumber: String = ""
    public var title: String = ""
    public var documentNumber: String = ""
    public var level: Level = .secret
    /// The day the carrier left the register (清退 or 销毁): the 复印登记's 清退日期.
    public var closedOn: Day?
}
