extension ClassificationViews {
    /// 标志检查 — the text to check and, once checked, its findings (or that it is clean).
    static func markings(_ m: MarkingController.Model, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/markings" class="bm-form">
          \(Components.csrf(shell.csrf))
          <label>粘贴文本，检查其中的国家秘密标志<textarea name="text" rows="8" class="form-control">\(m.text)</textarea></label>
          <button type="submit" class="btn btn-primary">检查</button>
        </form>
        \(if: m.checked, markingsResult(m))
        """
    }

    /// Clean, or the findings' table.
    private static func markingsResult(_ m: MarkingController.Model) -> HTML { m.clean ? cleanNote : findingsTable(m) }

    private static var cleanNote: HTML { #"<div class="alert alert-success">未发现不规范的国家秘密标志。</div>"# }

    private static func findingsTable(_ m: MarkingController.Model) -> HTML {
        """
        <table class="table table-sm bm-table">
          <thead><tr><th>位置</th><th>原文</th><th>问题</th><th>依据</th><th>建议</th></tr></thead>
          <tbody>\(each: m.findings, findingRow)</tbody>
        </table>
        """
    }

    private static func findingRow(_ f: MarkingController.Finding) -> HTML {
        """
        <tr><td>第\(f.line)行第\(f.column)列</td><td><code>\(f.found)</code></td><td>\(f.message)</td><td>\(f.rule)</td><td>\(f.suggestion.map(suggestionCode))</td></tr>
        """
    }

    private static func suggestionCode(_ suggestion: String) -> HTML { "<code>\(suggestion)</code>" }
}
