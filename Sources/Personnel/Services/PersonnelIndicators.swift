import Kernel
import Personnel
import SQLKit
import Storage

/// R-IN-4: what 涉密人员 can say of a unit for its self-assessment under IR 58 （四）: 定期复审 overdue, return reports
/// overdue, approaches not reported onward — each a count over the whole unit.
struct PersonnelIndicators: IndicatorPort {
    func indicators(unitID: String, today: Day, now: Int64, on db: any SQLDatabase) async throws -> [Indicator] {
        [
            Indicator(
                .personnel, code: "personnel.reviews_overdue", chinese: "涉密人员定期复审逾期", rule: "R-PE-2",
                failing: try await PersonnelStore.reviewsDue(unitID: unitID, today: today, on: db)),
            Indicator(
                .personnel, code: "personnel.trip_reports_overdue", chinese: "因私出国（境）返回后未按时报告", rule: "R-PE-5",
                failing: try await PersonnelStore.returnReportsOverdue(unitID: unitID, today: today, on: db)),
            Indicator(
                .personnel, code: "personnel.approaches_unreported", chinese: "被利诱、胁迫等情况未向上报告", rule: "R-PE-12",
                failing: try await PersonnelStore.approachesNotReportedOnward(unitID: unitID, on: db)),
        ]
    }
}
