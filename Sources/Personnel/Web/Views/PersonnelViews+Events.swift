extension PersonnelViews {
    /// 重大事项报告 — the register of reported events, each with its handling form, and the form that reports one.
    static func events(_ m: PersonnelController.RecordsModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table" data-testid="events">
          <thead><tr><th>姓名</th><th>事项</th><th>发生日期</th><th>报告期限</th><th>是否按期</th><th>处理情况</th><th class="bm-noprint">办理</th></tr></thead>
          <tbody>\(m.events.map { eventRow($0, shell.csrf) })</tbody>
        </table>
        <h3 class="bm-noprint">登记重大事项报告</h3>
        <form method="post" action="/personnel/events" class="bm-filter bm-noprint" data-testid="event-form">\(Components.csrf(shell.csrf))
          \(personChooser(m.people))
          <label>事项<select name="kind" class="form-select form-select-sm">\(Components.choices(m.eventKinds))</select></label>
          <label>发生（知悉）日期<input type="date" name="occurred_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>情况说明<input type="text" name="details" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">登记报告</button></form>
        """
    }

    private static func eventRow(_ e: PersonnelController.EventRow, _ csrf: String) -> HTML {
        """
        <tr><td>\(e.person)</td><td>\(e.kind)</td><td>\(e.occurred)</td><td>\(e.due)</td><td>\(e.timely)</td><td>\(e.handling)</td>
          <td class="bm-noprint"><form method="post" action="/personnel/events/\(e.id)/handle" class="bm-inline">\(Components.csrf(csrf))
            <input type="text" name="handling" placeholder="处理情况" class="form-control form-control-sm">
            <input type="text" name="onward_to" placeholder="已报告的机关（策反等情况）" class="form-control form-control-sm">
            <button class="btn btn-sm btn-outline-secondary">登记</button></form></td></tr>
        """
    }
}
