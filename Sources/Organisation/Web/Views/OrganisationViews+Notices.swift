extension OrganisationViews {
    /// 涉密通知 — the search, the count and one row a notice.
    static func notices(_ m: NoticeController.ListModel, _ shell: PageShell) -> HTML {
        """
        <form method="get" action="/notices" class="bm-filter">
          <label>标题<input type="search" name="q" value="\(m.search)" class="form-control form-control-sm"></label>
          <button type="submit" class="btn btn-sm btn-primary">查询</button>
          <a href="/notices/new" class="btn btn-sm btn-outline-primary">起草涉密通知</a>
        </form>
        <p data-testid="notice-count">共 \(m.count) 份</p>
        <table class="table table-sm bm-table">
          <thead><tr><th>标志</th><th>标题</th><th>制发日期</th></tr></thead>
          <tbody>\(each: m.rows, noticeRow)</tbody>
        </table>
        """
    }

    private static func noticeRow(_ r: NoticeController.Row) -> HTML {
        #"<tr><td class="bm-marking level-\#(r.level)">\#(r.marking)</td><td><a href="/notices/\#(r.id)">\#(r.title)</a></td><td>\#(r.issued)</td></tr>"#
    }
}
