import Accounts
import Carriers
import ClassificationServices
import Foundation
import Kernel
import OrganisationServices
import SQLKit
import Storage

/// 排序 — the orders a user may choose for the carrier register (keyset-paged, issue 11).
public enum CarrierOrder: String, Sendable, CaseIterable {
    /// 最新登记在前 — newest registration first (the default).
    case newest
    /// 按编号 — by register number.
    case number
    /// 按归还日期 — by the day a loan is due back (loans without one last).
    case due

    /// The label on the register's order menu.
    public var chinese: String {
        switch self {
        case .newest: "最新登记在前"
        case .number: "按编号"
        case .due: "按应还日期"
        }
    }
}

/// Filters of the carrier register.
public struct CarrierFilter: Sendable, Hashable {
    /// Only carriers in this unit's register (id); nil or empty for every unit.
    public var unitID: String?
    /// Only carriers of this kind.
    public var kind: CarrierKind?
    /// Only carriers in this status.
    public var status: CarrierStatus?
    /// Only carriers whose marking has this level.
    public var level: Level?
    /// Only carriers held by this person (lent, circulating or carried out).
    public var holderPersonID: String?
    /// Only carriers whose title, register number or 文号 contains this text.
    public var search: String?
    /// The year the carriers entered the register (R-CA-10: a year's carriers are returned by the end of the next Q1).
    public var registeredYear: Int?

    /// Creates a filter; with every field nil it matches the whole register.
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
    /// When, in milliseconds since 1970.
    public var at: Int64
    /// The display name of whoever acted.
    public var actorName: String
    /// What happened: `receive`, `produce`, `lend`, `dispatch`, `destroy` ….
    public var kind: String
    /// One line in Chinese describing the step.
    public var summary: String
}

/// One line of a paper register (收文、发文、复印、销毁).
public struct RegisterEntry: Sendable, Hashable, Codable {
    /// Which register.
    public enum Book: String, Sendable, Hashable, Codable, CaseIterable {
        case receipt, dispatch, copy, destruction

        /// The Chinese name of the book, as printed.
        public var chinese: String {
            switch self {
            case .receipt: "收文登记簿"
            case .dispatch: "发文登记簿"
            case .copy: "复印登记"
            case .destruction: "销毁清单"
            }
        }
    }

    /// Which register the line is in.
    public var book: Book
    /// 收文编号 / 发文编号 / 复印编号 / 销毁编号: `2026-0007`.
    public var number: String
    /// The carrier the line is about (record id).
    public var carrierID: String
    /// The day of the receipt, dispatch, copy or destruction.
    public var onDay: Day
    /// 来文单位 / 收件单位 / 复印件接收人 / 销毁方式.
    public var counterpart: String
    /// 份数 — the copies received, sent, made or destroyed.
    public var copies: Int
    /// 份号 of those copies.
    public var serials: [String]
    /// 批准人.
    public var approver: String
    /// 经办、签收、监销人.
    public var handledBy: String
    /// A free remark, e.g. the 文号, the dispatch channel or the original's details.
    public var note: String
    /// The carrier's own register number, title, 文号 and level (the printed books show them).
    public var carrierNumber: String = ""
    /// The carrier's title (标题).
    public var title: String = ""
    /// The carrier's 文号.
    public var documentNumber: String = ""
    /// The carrier's 密级.
    public var level: Level = .secret
    /// The day the carrier left the register (清退 or 销毁): the 复印登记's 清退日期.
    public var closedOn: Day?
}
