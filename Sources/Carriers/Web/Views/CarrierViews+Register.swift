/// The carrier pages as Swift views.
enum CarrierViews {
    /// 国家秘密载体登记 — the register: the filter, the pager and one row a carrier.
    static func register(_ m: CarrierController.ListModel, _ shell: PageShell) -> HTML {
        """
        <form method="get" action="/carriers" class="bm-filter bm-noprint">
          <label>类别<select name="kind" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.kinds))</select></label>
          <label>状态<select name="status" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.statuses))</select></label>
          <label>密级<select name="level" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.levels))</select></label>
          <label>编号、标题或文号<input type="search" name="q" value="\(m.search)" class="form-control form-control-sm"></label>
          <button type="submit" class="btn btn-sm btn-primary">查询</button>
          <button type="submit" formaction="/carriers/export.csv" class="btn btn-sm btn-outline-secondary">导出 CSV</button>
        </form>
        \(m.pager.html)
        <table class="table table-sm bm-table" data-testid="carriers">
          <thead><tr><th>编号</th><th>国家秘密标志</th><th>类别</th><th>标题</th><th>文号</th><th>份数</th><th>保管/持有人</th><th>存放</th><th>状态</th></tr></thead>
          <tbody>\(each: m.rows, row)</tbody>
        </table>
        """
    }

    private static func row(_ r: CarrierController.Row) -> HTML {
        """
        <tr><td><a href="/carriers/\(r.id)">\(r.number)</a></td><td class="bm-marking level-\(r.level)">\(r.marking)</td><td>\(r.kind)</td>\
        <td>\(r.title)</td><td>\(r.documentNumber)</td><td>\(r.copies)</td><td>\(r.holder)</td><td>\(r.place)</td><td>\(r.status)</td></tr>
        """
    }
}
