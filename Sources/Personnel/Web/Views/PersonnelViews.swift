/// The 涉密人员 pages as Swift views.
enum PersonnelViews {
    /// 人员: the unit's people to choose from, or a name typed (the same in every form that names a person).
    static func personChooser(_ people: [PersonnelController.Opt]) -> HTML {
        """
        <label>人员<select name="person_id" class="form-select form-select-sm">\(Components.choices(people))</select></label>\
        <label>或输入姓名<input type="text" name="person_name" maxlength="40" placeholder="不在列表中的人员：姓名或姓名（职务）" class="form-control form-control-sm"></label>
        """
    }

    /// A file line's cells, one `<td>` each.
    static func cells(_ line: FileModel.Line) -> HTML {
        var out = HTML.empty
        for text in line.cells { out.append(cell(text)) }
        return out
    }

    /// A file line as a table row of its cells.
    static func cellsRow(_ line: FileModel.Line) -> HTML { "<tr>\(cells(line))</tr>" }

    /// One `<td>` of text.
    static func cell(_ text: String) -> HTML { "<td>\(text)</td>" }
}

extension PersonnelController.Opt: SelectOption {}
