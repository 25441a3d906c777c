/// 载体交叉核查 — the cross-checks' findings, paged.
extension CarrierViews {
    static func findings(_ m: CarrierController.FindingsModel, _ shell: PageShell) -> HTML {
        """
        <p>每次办理时核查该载体，每日检查补上因到期出现的问题：载体密级与所载事项、存放保密柜的密级、借阅逾期、复印审批、绝密级二人在场、介质存储内容、年度清退。</p>
        \(m.pager.html)
        <table class="table table-sm bm-table" data-testid="findings">
          <thead><tr><th>载体编号</th><th>规则</th><th>问题</th><th>首次发现</th></tr></thead>
          <tbody>\(each: m.rows, findingsRow)</tbody>
        </table>
        """
    }

    private static func findingsRow(_ f: CarrierController.FindingRow) -> HTML {
        #"<tr><td><a href="/carriers/\#(f.carrierID)">\#(f.number)</a></td><td>\#(f.rule)</td><td>\#(f.message)</td><td>\#(f.since)</td></tr>"#
    }
}
