extension PersonnelViews {
    /// 涉密岗位 — one post: how many serve in it, its form while it exists (a change of what it handles opens a 变动复审
    /// for them), and its abolition once nobody serves in it.
    static func post(_ m: PersonnelController.PostModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-form-table" data-testid="post-head">
          <tr><th>岗位名称</th><td>\(m.name)</td><th>涉密等级</th><td>\(m.tier)</td></tr>
          <tr><th>在岗人员</th><td data-testid="post-holders">\(m.holders)人</td><th>状态</th><td>\(m.abolished.map(abolishedText) ?? "在用")</td></tr>
        </table>
        \(if: m.open, postEditForm(m, shell.csrf))
        <p><a href="/personnel/appoint">返回涉密岗位与任用</a></p>
        """
    }

    private static func abolishedText(_ day: String) -> HTML { "已于\(day)撤销" }

    private static func postEditForm(_ m: PersonnelController.PostModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/posts/\(m.id)" class="bm-filter bm-noprint" data-testid="post-edit-form">\(Components.csrf(csrf))
          <label>岗位名称<input type="text" name="name" value="\(m.name)" maxlength="60" class="form-control form-control-sm"></label>
          <label>涉及最高密级<select name="highest_level" class="form-select form-select-sm">\(Components.choices(m.levels))</select></label>
          <label class="bm-check"><input type="checkbox" name="key_part" value="1"\(if: m.keyPart, " checked")> 要害部门部位</label>
          <label>岗位职责<select name="roles" multiple class="form-select form-select-sm">\(Components.choices(m.roles))</select></label>
          <button class="btn btn-sm btn-primary">保存调整</button>
          <span class="form-text">调整涉及最高密级、要害部门部位或岗位职责的，在岗人员须进行变动复审。</span></form>
        <form method="post" action="/personnel/posts/\(m.id)/abolish" class="bm-noprint mt-3" data-testid="post-abolish-form">\(Components.csrf(csrf))
          <button class="btn btn-sm btn-outline-danger">撤销该涉密岗位</button>
          <span class="form-text">岗位中尚有在岗人员的，不能撤销。</span></form>
        """
    }
}
