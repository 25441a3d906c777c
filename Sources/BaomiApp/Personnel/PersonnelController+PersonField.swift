import Foundation
import Hummingbird
import Kernel
import Organisation
import PersonnelServices

extension PersonnelController {
    /// The person a form names. The choices list a unit's first 500 people by name; anyone can also be typed in
    /// `person_name` — 姓名, or 姓名（职务） among namesakes — and is found by an index at any size of unit. A typed
    /// name wins over the list.
    func chosenPerson(_ form: FormData, _ actor: Actor) async throws -> String {
        let typed = (form["person_name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !typed.isEmpty else { return form["person_id"] ?? "" }
        var name = typed
        var post: String?
        if let open = typed.firstIndex(where: { $0 == "（" || $0 == "(" }), typed.hasSuffix("）") || typed.hasSuffix(")") {
            name = String(typed[..<open]).trimmingCharacters(in: .whitespaces)
            post = String(typed[typed.index(after: open)..<typed.index(before: typed.endIndex)]).trimmingCharacters(in: .whitespaces)
        }
        var found = try await services.personnel.staff(named: name, actor)
        if let post { found = found.filter { $0.post == post } }
        guard !found.isEmpty else { throw Refusal.invalid("person_name", "本单位没有“\(typed)”这名人员") }
        guard found.count == 1 else {
            throw Refusal.invalid(
                "person_name",
                "本单位有\(found.count)名“\(name)”，请写成“姓名（职务）”：" + found.prefix(5).map { "\($0.name)（\($0.post)）" }.joined(separator: "、"))
        }
        return found[0].id
    }
}
