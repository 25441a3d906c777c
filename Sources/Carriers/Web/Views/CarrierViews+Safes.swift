/// 保密柜（存放场所） — the unit's safes and, for a 保密员, the form to register one.
extension CarrierViews {
    static func safes(_ m: CarrierController.SafesModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table" data-testid="safes">
          <thead><tr><th>名称</th><th>位置</th><th>批准存放的最高密级</th><th>绝密单独存放</th><th>在库件数</th></tr></thead>
          <tbody>\(each: m.rows, safesRow)</tbody>
        </table>
        \(if: m.isClerk, safesForm(m, shell))
        """
    }

    private static func safesRow(_ s: CarrierController.SafeRow) -> HTML {
        "<tr><td>\(s.name)</td><td>\(s.location)</td><td>\(s.level)</td><td>\(if: s.apart, "是", else: "否")</td><td>\(s.count)</td></tr>"
    }

    private static func safesForm(_ m: CarrierController.SafesModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/carriers/safes" class="bm-filter bm-noprint">\(Components.csrf(shell.csrf))
          <label>名称<input type="text" name="name" class="form-control form-control-sm"></label>
          <label>位置<input type="text" name="location" class="form-control form-control-sm"></label>
          <label>最高密级<select name="level" class="form-select form-select-sm">\(Components.choices(m.levels))</select></label>
          <label class="bm-check"><input type="checkbox" name="top_secret_only" value="1"> 绝密专用</label>
          <button class="btn btn-sm btn-primary">登记保密柜</button></form>
        """
    }
}
