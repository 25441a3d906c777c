extension PersonnelViews {
    /// 离岗离职 — the register of departures and the form that opens one.
    static func departures(_ m: PersonnelController.DeparturesModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table" data-testid="departures">
          <thead><tr><th>姓名</th><th>类别</th><th>离岗日期</th><th>脱密期</th><th>办理情况</th></tr></thead>
          <tbody>\(each: m.rows, departureRow)</tbody>
        </table>
        <h3 class="bm-noprint">办理离岗离职</h3>
        <form method="post" action="/personnel/departures" class="bm-filter bm-noprint" data-testid="departure-form">\(Components.csrf(shell.csrf))
          \(personChooser(m.people))
          <label>类别<select name="kind" class="form-select form-select-sm">\(Components.choices(m.kinds))</select></label>
          <label>离岗日期<input type="date" name="leaving_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>脱密期（月；核心不少于24，重要不少于12，一般不少于6）<input type="number" name="declearing_months" min="1" max="60" value="12" class="form-control form-control-sm"></label>
          <label>去向<input type="text" name="destination" class="form-control form-control-sm"></label>
          <label>保密组织同意（保密员任职不满两年）<input type="text" name="early_consent" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">开始办理</button></form>
        """
    }

    private static func departureRow(_ r: PersonnelController.DepartureRow) -> HTML {
        """
        <tr><td><a href="/personnel/departures/\(r.id)">\(r.person)</a></td><td>\(r.kind)</td><td>\(r.leaving)</td><td>\(r.declearing)</td><td>\(r.state)</td></tr>
        """
    }
}
