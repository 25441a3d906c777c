extension ClassificationViews {
    /// 国家秘密事项登记 — the register: the filter, the pager and one row a secret.
    static func secrets(_ m: SecretController.ListModel, _ shell: PageShell) -> HTML {
        """
        <form method="get" action="/secrets" class="bm-filter bm-noprint">
          <label>密级<select name="level" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.levels))</select></label>
          <label>状态<select name="status" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.statuses))</select></label>
          <label>定密依据<select name="basis" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.bases))</select></label>
          <label>N天内到期<input type="number" name="expiring" value="\(m.expiring)" min="0" max="3650" class="form-control form-control-sm"></label>
          <label>派生自（事项编号）<input type="text" name="derived_from" value="\(m.derivedFrom)" class="form-control form-control-sm"></label>
          <label>事项名称<input type="search" name="q" value="\(m.search)" class="form-control form-control-sm"></label>
          <button type="submit" class="btn btn-sm btn-primary">查询</button>
          <a href="/secrets/new" class="btn btn-sm btn-outline-primary">拟定密级</a>
          <a href="/secrets/statistics" class="btn btn-sm btn-outline-secondary">定密统计</a>
        </form>
        \(m.pager.html)
        <table class="table table-sm bm-table">
          <thead><tr><th>国家秘密标志</th><th>事项名称</th><th>定密依据</th><th>状态</th><th>制发日期</th><th>期限届满</th></tr></thead>
          <tbody>\(each: m.rows, secretRow)</tbody>
        </table>
        """
    }

    private static func secretRow(_ r: SecretController.Row) -> HTML {
        """
        <tr><td class="bm-marking level-\(r.level)">\(r.marking)</td><td><a href="/secrets/\(r.id)">\(r.title)</a></td><td>\(r.basis)</td>\
        <td>\(r.status)</td><td>\(r.issued)</td><td>\(r.expiry)</td></tr>
        """
    }
}
