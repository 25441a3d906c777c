import Classification
import Kernel
import SQLKit
import Storage

/// R-IN-4: what 定密 can say of a unit for its self-assessment under IR 58 （五）: unclear matters not reported within
/// their time (R-CL-3), counted over the whole unit.
struct ClassificationIndicators: IndicatorPort {
    func indicators(unitID: String, today: Day, now: Int64, on db: any SQLDatabase) async throws -> [Indicator] {
        [
            Indicator(
                .classification, code: "classification.unclear_overdue", chinese: "不明确事项未在规定期限内报送", rule: "R-CL-3",
                failing: try await ClassificationStore.unclearOverdueCount(unitID: unitID, on: db))
        ]
    }
}
