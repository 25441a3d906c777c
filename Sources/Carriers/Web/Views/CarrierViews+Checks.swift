/// 清点与清退 — the scheduled counts and returns: what is due this period, the
/// count form (for a 保密员), and the counts recorded.
extension CarrierViews {
    static func checks(_ m: CarrierController.ChecksModel, _ shell: PageShell) -> HTML {
        """
        <h2>本期应做的清点、清退</h2>
        <table class="table table-sm bm-table" data-testid="checks">
          <thead><tr><th>事项</th><th>期间</th><th>截止</th><th>完成情况</th></tr></thead>
          <tbody>\(each: m.checks, checksDueRow)</tbody>
        </table>
        \(if: m.isClerk, checksCountForm(m, shell))
        <h2>清点记录</h2>
        <table class="table table-sm bm-table" data-testid="counts">
          <thead><tr><th>事项</th><th>期间</th><th>日期</th><th>应在册</th><th>未清点到</th><th>账外</th><th>清点人</th></tr></thead>
          <tbody>\(each: m.counts, checksCountRow)</tbody>
        </table>
        """
    }

    private static func checksDueRow(_ c: CarrierController.CheckRow) -> HTML {
        "<tr><td>\(c.title)</td><td>\(c.period)</td><td>\(c.due)</td><td>\(c.done ?? "未完成")</td></tr>"
    }

    /// The count form: the check, what was found (every carrier held, ticked), what was found outside the register.
    private static func checksCountForm(_ m: CarrierController.ChecksModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/carriers/checks" class="bm-form bm-noprint" data-testid="count-form">
          \(Components.csrf(shell.csrf))
          <label>清点类别<select name="check" class="form-select">\(each: m.checks, checksOption)</select></label>
          <p>勾选已清点到（在柜或经核实在持有人处）的载体：</p>
          <table class="table table-sm bm-table">
            <thead><tr><th>清点到</th><th>编号</th><th>国家秘密标志</th><th>标题</th><th>持有/保管</th><th>状态</th></tr></thead>
            <tbody>\(each: m.held, checksHeldRow)</tbody>
          </table>
          <label>账外发现的载体（编号或标题，顿号分隔）<input type="text" name="unexpected" class="form-control"></label>
          <label>说明<input type="text" name="note" class="form-control"></label>
          <button class="btn btn-primary">登记清点结果</button>
        </form>
        """
    }

    private static func checksOption(_ c: CarrierController.CheckRow) -> HTML {
        #"<option value="\#(c.check)"\#(if: c.selected, " selected")>\#(c.title)（\#(c.period)）</option>"#
    }

    private static func checksHeldRow(_ r: CarrierController.Row) -> HTML {
        """
        <tr><td><input type="checkbox" name="found" value="\(r.id)" checked></td><td>\(r.number)</td><td class="bm-marking level-\(r.level)">\(r.marking)</td>\
        <td>\(r.title)</td><td>\(r.holder)</td><td>\(r.status)</td></tr>
        """
    }

    private static func checksCountRow(_ c: CarrierController.CountRow) -> HTML {
        """
        <tr><td>\(c.title)</td><td>\(c.period)</td><td>\(c.day)</td><td>\(c.expected)</td><td>\(c.missing)</td><td>\(c.unexpected)</td><td>\(c.by)</td></tr>
        """
    }
}
