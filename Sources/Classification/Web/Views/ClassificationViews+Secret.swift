extension ClassificationViews {
    /// 定密审核表 — a secret's record, its action bar, the knowers, the objections and the history; printable.
    static func secret(_ m: SecretController.DetailModel, _ shell: PageShell) -> HTML {
        """
        \(record(m))
        <nav class="bm-action-bar bm-noprint" aria-label="可办理事项" data-testid="actions">
        \(each: m.actions, actionBarLink)
        <a href="/secrets?derived_from=\(m.id)" class="bm-action bm-action-quiet"><span class="bm-action-label">派生事项</span></a>
        <a href="/secrets/new?source=\(m.id)" class="bm-action bm-action-quiet"><span class="bm-action-label">据此派生定密</span></a>
        </nav>
        <h2>\(if: m.recordKnowers, "知悉人员登记", else: "知悉范围")</h2>
        <table class="table table-sm bm-table" data-testid="knowers">
          <thead><tr><th>姓名</th><th>列入时间</th><th>依据</th></tr></thead>
          <tbody>\(each: m.knowers, knowerRow)</tbody>
        </table>
        <h2>异议</h2>
        <table class="table table-sm bm-table">
          <thead><tr><th>主张密级</th><th>理由</th><th>途径</th><th>状态</th></tr></thead>
          <tbody>\(each: m.objections, objectionRow)</tbody>
        </table>
        <h2>办理记录</h2>
        <table class="table table-sm bm-table">
          <thead><tr><th>时间</th><th>办理人</th><th>事项</th><th>标志</th></tr></thead>
          <tbody>\(each: m.events, eventRow)</tbody>
        </table>
        <p class="bm-sign">承办人签字：＿＿＿＿＿＿　定密责任人签字：＿＿＿＿＿＿　日期：＿＿＿＿＿＿</p>
        """
    }

    /// The record's table (`secret-record`).
    private static func record(_ m: SecretController.DetailModel) -> HTML {
        """
        <table class="table table-sm bm-table bm-form-table" data-testid="secret-record">
          <tr><th>事项名称</th><td colspan="3">\(m.title)</td></tr>
          <tr><th>国家秘密标志</th><td class="bm-marking level-\(m.level)" data-testid="marking">\(m.marking)</td><th>状态</th><td data-testid="status">\(m.status)</td></tr>
          <tr><th>定密依据</th><td>\(m.basis)</td><th>定密权来源</th><td>\(m.authority)</td></tr>
          <tr><th>承办人</th><td>\(m.handler)</td><th>定密责任人</th><td>\(m.officer)</td></tr>
          <tr><th>拟定日期</th><td>\(m.drafted)</td><th>制发（定密）日期</th><td>\(m.issued)</td></tr>
          <tr><th>保密期限届满</th><td>\(m.expiry)</td><th>事项编号</th><td><code>\(m.id)</code></td></tr>
          <tr><th>密点</th><td colspan="3">\(m.secretPoints)</td></tr>
          <tr><th>知悉范围</th><td colspan="3">\(each: m.scope, scopeName)</td></tr>
          <tr><th>标志记录</th><td colspan="3">\(each: m.markings, markingRecord)</td></tr>
          \(m.unclearDue.map(unclearDueRow))
          \(m.decisionDue.map(decisionDueRow))
          \(m.coUnits.map(coUnitsRow))
          \(if: m.needsReview, needsReviewRow)
        </table>
        """
    }

    private static func scopeName(_ name: String) -> HTML { "\(name) " }

    private static func markingRecord(_ marking: String) -> HTML { #"<span class="bm-mark">\#(marking)</span> "# }

    private static func unclearDueRow(_ due: String) -> HTML { #"<tr><th>报送期限</th><td colspan="3">\#(due)前报保密行政管理部门</td></tr>"# }

    private static func decisionDueRow(_ due: String) -> HTML {
        #"<tr><th>决定期限</th><td colspan="3">保密行政管理部门应于\#(due)前作出决定</td></tr>"#
    }

    private static func coUnitsRow(_ units: String) -> HTML { #"<tr><th>联合定密单位</th><td colspan="3">\#(units)</td></tr>"# }

    private static var needsReviewRow: HTML {
        #"<tr><th>复核</th><td colspan="3" class="text-danger" data-testid="needs-review">原事项已变更或上级已纠正，本单位定密责任人须复核</td></tr>"#
    }

    private static func knowerRow(_ k: SecretController.Knower) -> HTML {
        "<tr><td>\(k.name)</td><td>\(k.added)</td><td>\(k.reason)</td></tr>"
    }

    private static func objectionRow(_ o: SecretController.ObjectionRow) -> HTML {
        """
        <tr><td>\(o.claim)</td><td>\(o.reason)</td><td>\(o.route)</td><td>\(o.state)
            \(each: o.actions, objectionAction)</td></tr>
        """
    }

    private static func objectionAction(_ a: ActionLink) -> HTML {
        #"<a href="\#(a.href)" class="btn btn-sm btn-outline-primary bm-noprint" data-action="\#(a.action)" title="\#(a.regulation)">\#(a.label)</a>"#
    }

    private static func eventRow(_ e: SecretController.Event) -> HTML {
        "<tr><td>\(e.at)</td><td>\(e.actor)</td><td>\(e.summary)</td><td>\(e.marking)</td></tr>"
    }
}
