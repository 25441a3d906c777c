import Foundation
import Kernel

/// 国家秘密事项一览表条目 — an item of a unit's catalogue, derived from the 保密事项范围 (R-AU-6).
public struct CatalogueItem: Sendable, Hashable, Codable {
    /// The item's record id, kept across revisions.
    public var id: String
    /// The id of the unit whose 一览表 holds the item.
    public var unitID: String
    /// 条目编号
    public var code: String
    /// 事项名称
    public var name: String
    /// 密级
    public var level: Level
    /// 保密期限
    public var period: SecrecyPeriod
    /// What the scope item allows beyond R-DU-1 (its own limit, 长期).
    public var allowance: PeriodAllowance
    /// 知悉范围
    public var scope: String
    /// 产生层级
    public var productionLevel: String
    /// 依据的保密事项范围文件及条目
    public var sourceDocument: String
    /// 修订版本, from 1.
    public var revision: Int

    /// Creates an item; revision 1 with the standard period allowance unless given.
    public init(
        id: String, unitID: String, code: String, name: String, level: Level, period: SecrecyPeriod, allowance: PeriodAllowance = .standard,
        scope: String, productionLevel: String, sourceDocument: String, revision: Int = 1
    ) {
        self.id = id
        self.unitID = unitID
        self.code = code
        self.name = name
        self.level = level
        self.period = period
        self.allowance = allowance
        self.scope = scope
        self.productionLevel = productionLevel
        self.sourceDocument = sourceDocument
        self.revision = revision
    }

    /// The item's marking.
    public var marking: Marking { Marking(level: level, period: period) }
}

/// The rules of the catalogue (R-AU-6).
public enum CatalogueRules {
    /// R-AU-6: an item states name, level, period, knowledge scope, 产生层级 and its source; its period obeys R-DU-1..4
    /// under the item's own allowance.
    public static func validate(_ item: CatalogueItem) throws(ClassificationError) {
        func require(_ text: String, _ field: String, _ what: String) throws(ClassificationError) {
            if text.trimmingSpacesAndNewlines.isEmpty { throw .catalogueIncomplete(field: field, what: what) }
        }
        try require(item.code, "code", "条目编号")
        try require(item.name, "name", "事项名称")
        try require(item.scope, "scope", "知悉范围")
        try require(item.productionLevel, "production_level", "产生层级")
        try require(item.sourceDocument, "source_document", "所依据的保密事项范围")
        do {
            try item.marking.validate(issueDate: nil, allowance: item.allowance)
        } catch {
            throw .catalogueIncomplete(field: "period", what: "符合规定的保密期限（\(error.message)）")
        }
    }

    /// R-AU-6: a revision keeps the id, increments the revision number.
    public static func revise(_ item: CatalogueItem, with changed: CatalogueItem) throws(ClassificationError) -> CatalogueItem {
        var next = changed
        next.id = item.id
        next.unitID = item.unitID
        next.revision = item.revision + 1
        try validate(next)
        return next
    }
}
