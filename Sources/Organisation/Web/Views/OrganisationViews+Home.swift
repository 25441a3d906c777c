extension OrganisationViews {
    /// 待办 — today, a note when there is nothing to do, one item a task.
    static func home(_ m: HomeController.Model, _ shell: PageShell) -> HTML {
        """
        <p class="bm-today">今天是 \(m.today)</p>
        \(if: m.empty, homeEmpty)
        <ul class="bm-todos">
        \(each: m.items, homeItem)
        </ul>
        """
    }

    private static let homeEmpty: HTML = #"<p class="bm-empty">暂无待办事项。</p>"#

    private static func homeItem(_ item: HomeController.Item) -> HTML {
        """
          <li class="\(if: item.urgent, "urgent")">
            <a href="\(item.link)">\(item.title)</a>
            <span class="bm-detail">\(item.detail)</span>
            \(item.due.map(homeDue))
          </li>
        """
    }

    private static func homeDue(_ due: String) -> HTML { #"<span class="bm-due">期限：\#(due)</span>"# }
}
