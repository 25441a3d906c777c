import Foundation
import Kernel
import Organisation

/// Each step of a carrier's life as a pure transition: the carrier as it is, who acts, the form's input → the carrier as
/// it becomes, or the refusal. Each first asks `check(_:on:by:today:)`, so a step the page does not offer is refused
/// the same way here; the service loads, calls one of these, saves and audits.
extension CarrierRules {
    /// R-CA-6 / R-CA-13: into an approved safe of the carrier's own unit, of at least its level; 绝密 apart.
    public static func stored(_ carrier: Carrier, in safe: Safe?, by viewer: CarrierViewer, today: Day) throws -> Carrier {
        try check(.store, on: carrier, by: viewer, today: today)
        guard let safe, safe.unitID == carrier.unitID else { throw Refusal.invalid("safe_id", "请选择本单位登记的保密柜", rule: "R-CA-6") }
        try checkStorage(level: carrier.level, safe: safe)
        var next = carrier
        next.safeID = safe.id
        return next
    }

    /// R-CA-4: to one reader inside the leader's scope, only once the last reader has returned it; 绝密 in a reading room.
    public static func circulated(
        _ carrier: Carrier, to readerPersonID: String, scope: Set<String>, readingRoom: String?, by viewer: CarrierViewer, today: Day
    ) throws -> Carrier {
        try check(.circulate, on: carrier, by: viewer, today: today)
        try checkCirculation(
            reader: readerPersonID, leaderScope: scope, currentHolder: carrier.holderPersonID, level: carrier.level, readingRoom: readingRoom)
        var next = carrier
        next.status = .circulating
        next.holderPersonID = readerPersonID
        return next
    }

    /// R-CA-4 / R-CA-5 / R-CA-9 / R-CA-12: back with the 保密员 from a reader, a borrower, a trip or repair.
    public static func takenBack(_ carrier: Carrier, by viewer: CarrierViewer, today: Day) throws -> Carrier {
        try check(.takeBack, on: carrier, by: viewer, today: today)
        var next = carrier
        next.status = .inStock
        next.holderPersonID = nil
        next.dueOn = nil
        return next
    }

    /// R-CA-5 / R-KS-4 / R-MD-2: lent with a leader's approval (`approver` is the approving leader's name, see
    /// `approver(_:isLeader:unitID:for:)`) until a day after today, to a person in the scope whose clearance covers the
    /// level; a medium never to another unit.
    public static func lent(
        _ carrier: Carrier, to borrower: Person?, scope: Set<String>, approver: String?, due: Day?, by viewer: CarrierViewer, today: Day
    ) throws -> Carrier {
        try check(.lend, on: carrier, by: viewer, today: today)
        try checkLoan(approvedBy: approver, due: due, today: today)
        guard let borrower, scope.contains(borrower.id), borrower.tier.covers(.stateSecret(carrier.level)) else {
            throw Refusal.invalid("borrower", "借阅人不在知悉范围内或涉密等级不够", rule: "R-KS-4")
        }
        if carrier.kind == .medium { try checkLendMedium(toUnitID: borrower.unitID, ownUnitID: carrier.unitID) }
        var next = carrier
        next.status = .lent
        next.holderPersonID = borrower.id
        next.dueOn = due
        return next
    }

    /// R-CA-9 / R-KS-4: carried out by a person in the scope with a leader's approval; the carrier and whoever goes with
    /// them are counted for 绝密's two persons; abroad never for 绝密, others with an exit permit.
    public static func carriedOut(
        _ carrier: Carrier, by holder: Person?, scope: Set<String>, approver: String?, companions: [String], abroad: Bool, exitPermit: String?,
        viewer: CarrierViewer, today: Day
    ) throws -> (carrier: Carrier, persons: [String]) {
        try check(.carryOut, on: carrier, by: viewer, today: today)
        guard let holder, scope.contains(holder.id) else { throw Refusal.invalid("holder", "携带人须在知悉范围内", rule: "R-KS-4") }
        let going = [holder.name] + companions.filter { !$0.isBlank && $0 != holder.name }
        try checkCarryOut(level: carrier.level, approvedBy: approver, companions: going, abroad: abroad, exitPermit: exitPermit)
        var next = carrier
        next.status = .carriedOut
        next.holderPersonID = holder.id
        return (next, going)
    }

    /// R-CA-2 / R-CA-3: sent inside the approved distribution by a permitted channel (绝密: 机要 out of town, two escorts).
    public static func dispatched(
        _ carrier: Carrier, to recipient: String, approvedDistribution: [String], channel: TransferChannel, outOfTown: Bool, escorts: [String],
        by viewer: CarrierViewer, today: Day
    ) throws -> Carrier {
        try check(.dispatch, on: carrier, by: viewer, today: today)
        try checkDispatch(recipients: [recipient], approvedDistribution: Set(approvedDistribution))
        try checkTransfer(level: carrier.level, channel: channel, outOfTown: outOfTown, escorts: escorts)
        var next = carrier
        next.status = .dispatched
        next.safeID = nil
        return next
    }

    /// R-CA-10: returned to the issuing unit (清退); it leaves the register as history.
    public static func returned(_ carrier: Carrier, by viewer: CarrierViewer, today: Day) throws -> Carrier {
        try check(.returnToIssuer, on: carrier, by: viewer, today: today)
        var next = carrier
        next.status = .returned
        next.safeID = nil
        return next
    }

    /// R-CA-10: archived or its use extended with the issuer's agreement, with the reason: no longer due for return.
    public static func retained(_ carrier: Carrier, reason: String, by viewer: CarrierViewer, today: Day) throws -> Carrier {
        try check(.retain, on: carrier, by: viewer, today: today)
        if reason.isBlank { throw Refusal.invalid("reason", "请说明归档或经发文机关同意延长使用的情况", rule: "R-CA-10") }
        var next = carrier
        next.retained = true
        return next
    }

    /// R-CA-11: a destruction names at least one carrier.
    public static func checkDestructionList(_ carrierIDs: [String]) throws {
        guard !carrierIDs.isEmpty else { throw Refusal.invalid("carrier_ids", "请选择要销毁的载体", rule: "R-CA-11") }
    }

    /// R-CA-11: destroyed with a leader's approval, by two persons or more, by an approved method; then read-only history.
    public static func destroyed(
        _ carrier: Carrier, approver: String?, persons: [String], method: DestructionMethod, cipherTelegram: Bool, by viewer: CarrierViewer, today: Day
    ) throws -> Carrier {
        try check(.destroy, on: carrier, by: viewer, today: today)
        try checkDestruction(
            level: carrier.level, kind: carrier.kind, isCipherTelegram: cipherTelegram, approvedBy: approver, persons: persons, method: method)
        var next = carrier
        next.status = .destroyed
        next.safeID = nil
        return next
    }

    /// R-CA-12: sent for repair in-house, with a supervised outsider, or to a qualified vendor.
    public static func sentForRepair(
        _ carrier: Carrier, mode: RepairMode, supervisor: String?, vendor: String?, offSite: Bool, dataRecovery: Bool, by viewer: CarrierViewer,
        today: Day
    ) throws -> Carrier {
        try check(.repair, on: carrier, by: viewer, today: today)
        try checkRepair(mode: mode, supervisor: supervisor, vendor: vendor, offSite: offSite, dataRecovery: dataRecovery)
        var next = carrier
        next.status = .underRepair
        return next
    }

    /// R-CA-14: a loss, theft or suspected leak, with what happened: the carrier is lost until found.
    public static func lost(_ carrier: Carrier, summary: String, by viewer: CarrierViewer, today: Day) throws -> Carrier {
        try check(.loss, on: carrier, by: viewer, today: today)
        if summary.isBlank { throw Refusal.invalid("summary", "请简述丢失、被盗或泄密的经过", rule: "R-CA-14") }
        var next = carrier
        next.status = .lost
        return next
    }

    /// R-MD-2: information written to a classified medium, never above the medium's level; it keeps the highest so far.
    public static func written(_ carrier: Carrier, contentLevel: Level, by viewer: CarrierViewer, today: Day) throws -> Carrier {
        try check(.mediumWrite, on: carrier, by: viewer, today: today)
        guard var medium = carrier.medium else { throw Refusal.invalid("carrier_id", "该载体不是移动存储介质", rule: "R-MD-2") }
        try checkStore(contentLevel: contentLevel, onMediumOf: carrier.level)
        medium.contentLevel = max(medium.contentLevel ?? contentLevel, contentLevel)
        var next = carrier
        next.medium = medium
        return next
    }
}
