extension ClassificationViews {
    /// 下级单位定密工作 — an administration's filings to review, unclear matters to decide and objections appealed.
    static func supervision(_ m: SupervisionController.Model, _ shell: PageShell) -> HTML {
        """
        <p>\(m.administration)：下级单位报备的材料、报请确定的不明确事项和申请确定的异议。仅显示本人知悉范围内的国家秘密事项。</p>
        <h2>备案材料　<small>待审查 <span data-testid="open-filings">\(m.openFilings)</span> 份</small></h2>
        <table class="table table-sm bm-table" data-testid="filings">
          <thead><tr><th>报备单位</th><th>类别</th><th>内容</th><th>报备日期</th><th>报备人</th><th>状态</th><th class="bm-noprint">审查</th></tr></thead>
          <tbody>\(filingReviewRows(m, csrf: shell.csrf))</tbody>
        </table>
        <h2>不明确事项（收到后10个工作日内作出决定）</h2>
        <table class="table table-sm bm-table" data-testid="unclear">
          <thead><tr><th>事项</th><th>报送单位</th><th>拟定标志</th><th>报送日期</th><th>决定期限</th></tr></thead>
          <tbody>\(each: m.unclear, unclearRow)</tbody>
        </table>
        <h2>申请确定的异议</h2>
        <table class="table table-sm bm-table" data-testid="appeals">
          <thead><tr><th>事项</th><th>定密单位</th><th>主张密级</th><th>异议理由</th><th>原定密单位答复</th><th>申请日期</th></tr></thead>
          <tbody>\(each: m.appeals, appealRow)</tbody>
        </table>
        """
    }

    private static func filingReviewRows(_ m: SupervisionController.Model, csrf: String) -> [HTML] {
        m.filings.map { filingReviewRow($0, csrf: csrf) }
    }

    private static func filingReviewRow(_ f: SupervisionController.FilingRow, csrf: String) -> HTML {
        """
        <tr><td>\(f.unit)</td><td>\(f.kind)</td><td><a href="/filings/\(f.filingID)">\(f.summary)</a></td><td>\(f.filedOn)</td><td>\(f.filedBy)</td>
            <td>\(f.status)\(f.reply.map(replyNote))</td>
            <td class="bm-noprint">\(if: f.open, reviewForm(f, csrf: csrf))</td></tr>
        """
    }

    private static func replyNote(_ reply: String) -> HTML { "<br><small>\(reply)</small>" }

    /// 予以备案 or 退回纠正, with the reply.
    private static func reviewForm(_ f: SupervisionController.FilingRow, csrf: String) -> HTML {
        """
        <form method="post" action="/supervision/filings/\(f.filingID)" class="bm-inline">\(Components.csrf(csrf))
              <select name="decision" class="form-select form-select-sm"><option value="accept">予以备案</option><option value="return">退回纠正</option></select>
              <input type="text" name="reply" placeholder="审查意见（退回时必填）" class="form-control form-control-sm"><button class="btn btn-sm btn-primary">办理</button></form>
        """
    }

    private static func unclearRow(_ u: SupervisionController.UnclearRow) -> HTML {
        """
        <tr\(if: u.overdue, overdueClass)><td><a href="/secrets/\(u.secretID)">\(u.title)</a></td><td>\(u.unit)</td><td>\(u.marking)</td><td>\(u.reported)</td>
            <td>\(u.due)\(if: u.overdue, " <strong>已逾期</strong>")</td></tr>
        """
    }

    private static var overdueClass: HTML { #" class="table-danger""# }

    private static func appealRow(_ a: SupervisionController.AppealRowView) -> HTML {
        """
        <tr><td><a href="/secrets/\(a.secretID)">\(a.title)</a></td><td>\(a.unit)</td><td>\(a.claim)</td><td>\(a.reason)</td><td>\(a.answer)</td><td>\(a.appealed)</td></tr>
        """
    }
}
