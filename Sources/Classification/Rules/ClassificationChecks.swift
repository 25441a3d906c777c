import Accounts
import Kernel

/// The refusals of the 定密 area that concern what a form or a request names — a unit, an item, a person, a word from a
/// vocabulary — decided here so that the service only loads, calls, saves and audits, and the web form and the API
/// share one wording. Each names its rule.
public enum ClassificationChecks {
    /// R-CL-3 / R-CL-7 / R-AU-5 / R-AU-6 / R-RP-2: a matter, an objection or a filing goes to the administration its
    /// route names; without one in the unit tree it cannot go anywhere.
    public static func administration(_ id: String?, level: AdministrationLevel?, rule: String) throws -> String {
        guard let id else {
            let which = level.map { "\($0.chinese)保密行政管理部门" } ?? "本单位的同级保密行政管理部门"
            throw Refusal.invalid("unit", "未找到应受理的\(which)（请系统管理员完善单位隶属关系）", rule: rule)
        }
        return id
    }

    /// R-AU-5 (DM 15): an empty roster is not filed.
    public static func roster(_ officers: [Officer]) throws {
        guard !officers.isEmpty else { throw Refusal.invalid("officers", "本单位尚无在任的定密责任人，无需报备空名单", rule: "R-AU-5") }
    }

    /// R-AU-6: an empty catalogue is not filed.
    public static func catalogue(_ items: [CatalogueItem]) throws {
        guard !items.isEmpty else { throw Refusal.invalid("catalogue", "一览表尚无条目", rule: "R-AU-6") }
    }

    /// R-CL-8: an administration returning a filing writes what must be corrected.
    public static func filingReply(accept: Bool, reply: String) throws {
        if !accept, reply.isBlank { throw Refusal.invalid("reply", "退回备案须写明纠正意见", rule: "R-CL-8") }
    }

    /// R-AU-2: a grant is applied for from another unit that exists (a superior or an administration).
    public static func grantor(_ grantorUnitID: String, exists: Bool, applicantUnitID: String) throws {
        guard grantorUnitID != applicantUnitID, exists else {
            throw Refusal.invalid("grantor_unit_id", "请选择作出授权的上级机关或保密行政管理部门", rule: "R-AU-2")
        }
    }

    /// R-AU-6: a catalogue basis names an item of the drafter's own unit.
    public static func catalogueItem(_ item: CatalogueItem?, of unitID: String) throws -> CatalogueItem {
        guard let item, item.unitID == unitID else { throw Refusal.invalid("catalogue_item_id", "所选一览表条目不存在或不属于本单位", rule: "R-AU-6") }
        return item
    }

    /// R-AU-6: revising a catalogue item says why (e.g. the 保密事项范围 changed).
    public static func revisionReason(_ reason: String) throws {
        guard !reason.isBlank else { throw Refusal.invalid("reason", "修订一览表条目须说明修订理由（如保密事项范围调整）", rule: "R-AU-6") }
    }

    /// R-AU-6: a catalogue item states its 保密期限.
    public static func cataloguePeriod(_ marking: Marking) throws -> SecrecyPeriod {
        guard let period = marking.period else { throw Refusal.invalid("marking", "一览表条目须写明保密期限", rule: "R-AU-6") }
        return period
    }

    /// R-CL-5: every co-unit of a joint classification exists.
    public static func coUnits(_ ids: [String], existing: Set<String>) throws {
        guard ids.allSatisfy(existing.contains) else { throw Refusal.invalid("co_unit_ids", "联合定密的协办单位不存在", rule: "R-CL-5") }
    }

    /// R-AU-5: a draft goes to a 定密责任人 in office of the secret's unit.
    public static func reviewer(_ appointments: [Officer], unitID: String, on day: Day) throws {
        guard appointments.contains(where: { $0.unitID == unitID && $0.isInOffice(on: day) }) else {
            throw Refusal.invalid("officer_person_id", "所选人员不是本单位在任的定密责任人", rule: "R-AU-5")
        }
    }

    /// R-KS-4: a person joins a knowledge scope only when their clearance covers the level.
    public static func clearance(of name: String, tier: ClearanceTier, covers level: Level) throws {
        guard tier.covers(.stateSecret(level)) else {
            throw Refusal(
                code: "classification.scope_above_clearance", ruleID: "R-KS-4", field: "person_id",
                message: "\(name)的涉密等级（\(tier.chinese)）不足以知悉\(level.chinese)级事项", kind: .validation)
        }
    }

    /// R-DC-1: the conclusions an annual review may record.
    public static let annualReviewResults = ["继续保密", "需要变更", "需要解密"]

    /// R-DC-1: an annual review's conclusion is one of `annualReviewResults`.
    public static func annualReviewResult(_ result: String) throws -> String {
        guard annualReviewResults.contains(result) else {
            throw Refusal.invalid("result", "审查结论应为：\(annualReviewResults.joined(separator: "、"))", rule: "R-DC-1")
        }
        return result
    }

    /// R-AU-3 / R-AU-5: a 定密权限 chosen on a form or sent by the API (`field` names it).
    public static func cap(_ code: String?, field: String = "cap", what: String, rule: String) throws -> Level {
        guard let cap = code.flatMap(Level.init(code:)) else { throw Refusal.invalid(field, "请选择\(what)", rule: rule) }
        return cap
    }

    /// R-AU-3: a grant or an application states how long it runs (its first and its last day).
    public static func validUntil(_ day: Day?, what: String) throws -> Day {
        guard let day else { throw Refusal.invalid("valid_until", "请填写\(what)", rule: "R-AU-3") }
        return day
    }

    /// R-CL-6: the ground of a derived classification, from its form value.
    public static func derivationGround(_ raw: String?) throws -> DerivationGround {
        guard let ground = DerivationGround(rawValue: raw ?? "") else { throw Refusal.invalid("ground", "请选择派生情形", rule: "R-CL-6") }
        return ground
    }

    /// R-CL-1 / R-CL-6: the basis a form or a request names — 原始定密 on a catalogue item (`catalogue`), 派生定密 from a
    /// source on a ground (`derived`; no ground given means `identical`), or 不明确事项 (`unclear`).
    public static func basis(_ kind: String?, itemID: String?, sourceID: String?, ground: String?) throws -> ClassificationBasis {
        switch kind ?? "" {
        case "catalogue": return .catalogue(itemID: itemID ?? "")
        case "derived":
            let ground = (ground ?? "").isEmpty ? DerivationGround.identical : try derivationGround(ground)
            return .derived(sourceID: sourceID ?? "", ground: ground)
        case "unclear": return .unclear
        default: throw Refusal.invalid("basis", "请选择定密依据（catalogue、derived 或 unclear）", rule: "R-CL-1")
        }
    }

    /// R-CL-1: a review decision is approve, amend or reject.
    public static func unknownDecision(_ raw: String?) -> Refusal {
        Refusal.invalid("decision", "审核意见应为 approve（同意）、amend（修改后同意）或 reject（不同意），收到：\(raw ?? "")", rule: "R-CL-1")
    }
}
