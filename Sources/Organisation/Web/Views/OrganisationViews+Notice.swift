extension OrganisationViews {
    /// 涉密通知 — one notice as a document: its marking, title, body, author, date and 知悉范围.
    static func notice(_ m: NoticeController.DetailModel, _ shell: PageShell) -> HTML {
        """
        <article class="bm-document">
          <p class="bm-doc-marking">\(m.marking)</p>
          <h2 class="bm-doc-title">\(m.title)</h2>
          <div class="bm-doc-body">\(m.body)</div>
          <p class="bm-doc-meta">起草人：\(m.author)　制发日期：\(m.issued)</p>
          <p class="bm-doc-meta">知悉范围：\(each: m.scope, noticeScopeName)</p>
        </article>
        """
    }

    private static func noticeScopeName(_ name: String) -> HTML { "\(name) " }
}
