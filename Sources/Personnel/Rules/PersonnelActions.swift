import Accounts
import Foundation
import Kernel

/// A step on one application abroad (出国（境）) as the trips register offers it: one route each
/// (`/personnel/trips/:id/<rawValue>`). The approval itself is the approvers' (their own page, `PersonnelRules.approved`).
public enum TripAction: String, CaseIterable, Sendable, Hashable {
    /// 填写意见 — the 组织人事部门's or the 保密工作机构's opinion, before the decision.
    case opinion
    /// 行前保密教育.
    case educate
    /// 登记出境.
    case depart
    /// 登记回国（境）.
    case returned = "return"
    /// 回国报告.
    case report

    /// The button label a keeper knows.
    public var chinese: String {
        switch self {
        case .opinion: "填写意见"
        case .educate: "行前保密教育"
        case .depart: "登记出境"
        case .returned: "登记回国（境）"
        case .report: "回国报告"
        }
    }
}

/// "May this keeper take this step on this trip now": one decision for the service that enforces it and the register
/// that offers it.
extension PersonnelRules {
    /// R-PE-5 / R-PE-15: nil when `viewer` may take `action` on `trip` today, otherwise exactly the refusal the step
    /// throws. The form's input (the opinion, the report) and the carriers the application lists (R-PE-11, which the
    /// carrier area records) are checked by the step itself.
    public static func refusal(_ action: TripAction, on trip: Trip, by viewer: FileViewer, today: Day) -> Refusal? {
        if let refusal = keeperRefusal(viewer) { return refusal }
        // R-KS-4: another unit's register is not the viewer's to act on; it answers like a missing record.
        guard trip.unitID == viewer.unitID else { return .notFound }
        return stateRefusal(action, on: trip, today: today)
    }

    /// R-PE-5: the part of the decision the trip's own state makes, whoever asks — the order of the steps.
    public static func stateRefusal(_ action: TripAction, on trip: Trip, today: Day) -> Refusal? {
        switch action {
        case .opinion:
            return trip.status == .applied ? nil : refusal("trip_state", "R-PE-5", "该申请已审批（\(trip.status.chinese)），不再填写意见", kind: .conflict)
        case .educate:
            return trip.status == .applied || trip.status == .approved
                ? nil : refusal("trip_state", "R-PE-5", field: "step", "出国（境）前保密教育应在出发前进行", kind: .conflict)
        case .depart:
            guard trip.status == .approved, trip.approvedBy != nil else { return refusal("trip_unapproved", "R-PE-5", "出国（境）未经批准", kind: .conflict) }
            guard let educated = trip.educatedOn, !(today < educated) else {
                return refusal("trip_uneducated", "R-PE-5", field: "educated_on", "出国（境）前须接受保密教育", kind: .conflict)
            }
            return nil
        case .returned:
            guard trip.status == .abroad else { return refusal("trip_state", "R-PE-5", "该出国（境）记录不在境外（\(trip.status.chinese)）", kind: .conflict) }
            // The return is on a day between the departure and today: none before the departure day.
            return today < trip.departOn ? refusal("trip_state", "R-PE-5", "出发日期（\(trip.departOn.iso)）之前不能登记回国（境）", kind: .conflict) : nil
        case .report:
            return trip.status == .returned ? nil : refusal("trip_state", "R-PE-5", "回国（境）后才能报告（\(trip.status.chinese)）", kind: .conflict)
        }
    }

    /// Throws the refusal of `stateRefusal(_:on:today:)`, if there is one: the step functions' own check.
    public static func checkState(_ action: TripAction, on trip: Trip, today: Day) throws {
        if let refusal = stateRefusal(action, on: trip, today: today) { throw refusal }
    }

    /// The steps `viewer` may take on `trip` today, in the register's order.
    public static func allowed(on trip: Trip, by viewer: FileViewer, today: Day) -> [TripAction] {
        TripAction.allCases.filter { refusal($0, on: trip, by: viewer, today: today) == nil }
    }
}
