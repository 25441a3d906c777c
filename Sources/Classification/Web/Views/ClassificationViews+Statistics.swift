extension ClassificationViews {
    /// 定密统计 — the period, the counts by level and basis, the other figures, and the form filing them.
    static func statistics(_ m: StatisticsController.Model, _ shell: PageShell) -> HTML {
        """
        <form method="get" action="/secrets/statistics" class="bm-filter bm-noprint">
          <label>自<input type="date" name="from" value="\(m.from)" class="form-control form-control-sm"></label>
          <label>至<input type="date" name="to" value="\(m.to)" class="form-control form-control-sm"></label>
          <button type="submit" class="btn btn-sm btn-primary">统计</button>
          <a href="\(m.csv)" class="btn btn-sm btn-outline-secondary">导出 CSV</a>
        </form>
        <p>统计期间：\(m.from) 至 \(m.to)（仅统计本人知悉范围内的事项）</p>
        <table class="table table-sm bm-table" data-testid="stats">
          <thead><tr><th>密级</th><th>原始定密</th><th>派生定密</th><th>不明确事项</th><th>合计</th></tr></thead>
          <tbody>\(each: m.rows, statisticsRow)</tbody>
        </table>
        \(otherFigures(m))
        <form method="post" action="/secrets/statistics/file" class="bm-inline bm-noprint">\(Components.csrf(shell.csrf))
          <input type="hidden" name="from" value="\(m.from)"><input type="hidden" name="to" value="\(m.to)">
          <button class="btn btn-sm btn-outline-primary">报送同级保密行政管理部门</button></form>
        """
    }

    private static func statisticsRow(_ r: StatisticsController.Row) -> HTML {
        "<tr><td>\(r.level)</td><td>\(r.original)</td><td>\(r.derived)</td><td>\(r.unclear)</td><td>\(r.total)</td></tr>"
    }

    /// 变更, 延长, 解密, officers in office and grants in force.
    private static func otherFigures(_ m: StatisticsController.Model) -> HTML {
        """
        <table class="table table-sm bm-table">
          <tr><th>变更</th><td>\(m.changes)</td><th>延长保密期限</th><td>\(m.extensions)</td><th>解密</th><td>\(m.declassifications)</td></tr>
          <tr><th>在任定密责任人</th><td>\(m.officers)</td><th>有效定密授权</th><td>\(m.grants)</td><th></th><td></td></tr>
        </table>
        """
    }
}
