extension ClassificationViews {
    /// 备案 — a filing's printout: what was filed, by whom, with whom, and the administration's reply.
    static func filing(_ m: SupervisionController.FilingModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table bm-form-table" data-testid="filing">
          <tr><th>备案类别</th><td>\(m.kind)</td><th>状态</th><td>\(m.status)</td></tr>
          <tr><th>报备单位</th><td>\(m.unit)</td><th>受理机关</th><td>\(m.filedWith)</td></tr>
          <tr><th>报备日期</th><td>\(m.filedOn)</td><th>报备人</th><td>\(m.filedBy)</td></tr>
          <tr><th>内容</th><td colspan="3">\(each: m.lines, filingLine)</td></tr>
          \(if: m.reply != nil, replyRow(m))
        </table>
        <p class="bm-sign">报备单位（盖章）：＿＿＿＿＿＿　受理机关（盖章）：＿＿＿＿＿＿　日期：＿＿＿＿＿＿</p>
        """
    }

    private static func filingLine(_ line: String) -> HTML { "\(line)<br>" }

    /// 审查意见 with who gave it (shown when there is a reply).
    private static func replyRow(_ m: SupervisionController.FilingModel) -> HTML {
        #"<tr><th>审查意见</th><td colspan="3">\#(m.reply)（\#(m.repliedBy)）</td></tr>"#
    }
}
