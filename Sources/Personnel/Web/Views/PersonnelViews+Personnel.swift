extension PersonnelViews {
    /// 涉密人员名单 — the roster of one status: the status tabs, the filing reminder, the print and filing actions, the
    /// pager and one row a person.
    static func roster(_ m: PersonnelController.ListModel, _ shell: PageShell) -> HTML {
        """
        <nav class="bm-tabs bm-noprint">\(each: m.tabs, tab)</nav>
        \(if: m.filingDue, filingDue())
        <div class="bm-noprint bm-actions">
          <button type="button" class="btn btn-sm btn-outline-secondary" onclick="window.print()">打印名单</button>
          <form method="post" action="/personnel/roster-filing" class="d-inline">\(Components.csrf(shell.csrf))<button class="btn btn-sm btn-primary">登记名单已报备案</button></form>
        </div>
        <h2 class="bm-print-title">涉密人员名单（\(m.status)）</h2>
        <p class="bm-print-only">打印日期：\(m.today)</p>
        \(m.pager.html)
        <table class="table table-sm bm-table" data-testid="roster">
          <thead><tr><th>姓名</th><th>涉密岗位</th><th>岗位涉及最高密级</th><th>涉密等级</th><th>上岗日期</th><th>下次定期复审</th><th>脱密期至</th><th>状态</th></tr></thead>
          <tbody>\(each: m.rows, rosterRow)</tbody>
        </table>
        """
    }

    private static func tab(_ t: PersonnelController.Tab) -> HTML {
        #"<a href="\#(t.href)" class="btn btn-sm \#(if: t.active, "btn-primary", else: "btn-outline-secondary")">\#(t.label)</a> "#
    }

    private static func filingDue() -> HTML {
        #"<div class="alert alert-warning bm-noprint" data-testid="roster-due">涉密人员名单已变动，请打印后报同级保密行政管理部门和出入境管理部门备案。</div>"#
    }

    private static func rosterRow(_ r: PersonnelController.Row) -> HTML {
        """
        <tr><td><a href="/personnel/file/\(r.personID)">\(r.name)</a></td><td>\(r.post)</td><td>\(r.level)</td><td>\(r.tier)</td>\
        <td>\(r.appointed)</td><td>\(r.review)</td><td>\(r.declearing)</td><td>\(r.status)</td></tr>
        """
    }
}
