extension OrganisationViews {
    /// 审计日志 — the verification's result, the filter, the verify button, the pager and one row a record.
    static func audit(_ m: AuditController.Model, _ shell: PageShell) -> HTML {
        """
        \(m.verification.map { Self.auditVerification($0, intact: m.intact) })
        <form method="get" action="/audit" class="bm-filter">
          <label>操作人<input type="text" name="actor" value="\(m.actor)" class="form-control form-control-sm"></label>
          <label>操作<input type="text" name="action" value="\(m.action)" placeholder="如 login、user." class="form-control form-control-sm"></label>
          <label>结果<select name="outcome" class="form-select form-select-sm"><option value="">全部</option>\(Components.options(m.outcomes, value: \.code, label: \.name, selected: \.selected))</select></label>
          <label>自<input type="date" name="from" value="\(m.from)" class="form-control form-control-sm"></label>
          <label>至<input type="date" name="to" value="\(m.to)" class="form-control form-control-sm"></label>
          <button type="submit" class="btn btn-sm btn-primary">筛选</button>
        </form>
        <form method="post" action="/audit/verify" class="bm-inline bm-noprint">
          <input type="hidden" name="_csrf" value="\(shell.csrf)">
          <button type="submit" class="btn btn-sm btn-outline-dark">校验哈希链</button>
        </form>
        \(m.pager.html)
        <table class="table table-sm bm-table bm-audit">
          <thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th>对象</th><th>密级</th><th>结果</th><th>说明</th><th>哈希</th></tr></thead>
          <tbody>
          \(each: m.rows, auditRow)
          </tbody>
        </table>
        """
    }

    private static func auditVerification(_ text: String, intact: Bool) -> HTML {
        #"<div class="alert \#(if: intact, "alert-success", else: "alert-danger")" data-testid="verification">\#(text)</div>"#
    }

    private static func auditRow(_ r: AuditController.Row) -> HTML {
        """
        <tr class="\(if: r.denied, "table-warning")"><td>\(r.seq)</td><td>\(r.at)</td><td>\(r.actor)</td><td>\(r.action)</td><td>\(r.target)</td>\
        <td>\(r.level)</td><td>\(r.outcome)</td><td>\(r.detail)</td><td><code>\(r.hash)</code></td></tr>
        """
    }
}
