import Foundation
import Hummingbird
import Kernel
import Organisation
import PersonnelServices

extension PersonnelController {
    /// A person as typed into a form: 姓名, or 姓名（职务） (full-width or ASCII brackets) to tell namesakes apart.
    static func nameAndPost(_ typed: String) -> (name: String, post: String?) {
        guard let open = typed.firstIndex(where: { $0 == "（" || $0 == "(" }), typed.hasSuffix("）") || typed.hasSuffix(")") else { return (typed, nil) }
        return (
            String(typed[..<open]).trimmingSpaces,
            String(typed[typed.index(after: open)..<typed.index(before: typed.endIndex)]).trimmingSpaces
        )
    }

    /// The person a form names. The choices list a unit's first 500 people by name; anyone can also be typed in
    /// `person_name` — 姓名, or 姓名（职务） among namesakes — and is found by an index at any size of unit. A typed
    /// name wins over the list.
    func chosenPerson(_ form: FormData, _ actor: Actor) async throws -> String {
        let typed = (form["person_name"] ?? "").trimmingSpacesAndNewlines
        guard !typed.isEmpty else { return form["person_id"] ?? "" }
        let (name, post) = Self.nameAndPost(typed)
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

    /// The persons a class form names: chosen in `idField` (a multiple choice of the first 500) and typed in
    /// `namesField` — names separated by lines, commas or 、, each 姓名 or 姓名（职务） — resolved in one read.
    func chosenPersons(_ form: FormData, _ actor: Actor, idField: String, namesField: String) async throws -> [String] {
        var ids = form.all(idField)
        let typed = (form[namesField] ?? "").split(whereSeparator: { "\n\r,，、;；".contains($0) }).map { $0.trimmingSpaces }
            .filter { !$0.isEmpty }
        guard !typed.isEmpty else { return ids }
        guard typed.count <= 5000 else { throw Refusal.invalid(namesField, "一次最多5000人") }
        let byName = Dictionary(grouping: try await services.personnel.staff(named: typed.map { Self.nameAndPost($0).name }, actor), by: \.name)
        var problems: [String] = []
        for entry in typed {
            let (name, post) = Self.nameAndPost(entry)
            let found = (byName[name] ?? []).filter { post == nil || $0.post == post }
            if found.count == 1 { ids.append(found[0].id) } else { problems.append(found.isEmpty ? "没有“\(entry)”" : "“\(name)”有\(found.count)名，请写成“姓名（职务）”") }
        }
        guard problems.isEmpty else { throw Refusal.invalid(namesField, "本单位" + problems.prefix(10).joined(separator: "；")) }
        return ids
    }
}
