extension PersonnelViews {
    /// 涉密岗位与任用 — the posts and their form, then the three steps: 资格审查, 承诺书、责任书, 任用.
    static func appoint(_ m: PersonnelController.AppointModel, _ shell: PageShell) -> HTML {
        """
        <h3>涉密岗位</h3>
        <table class="table table-sm bm-table" data-testid="posts"><thead><tr><th>岗位</th><th>涉及最高密级</th><th>涉密等级</th><th>要害部门部位</th><th>岗位职责</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(each: m.posts, postRow)</tbody></table>
        \(postForm(m, shell.csrf))
        <h3>一、涉密资格审查</h3>
        \(reviewForm(m, shell.csrf))
        <h3>二、保密承诺书、责任书</h3>
        \(commitmentForm(m, shell.csrf))
        <h3>三、任用</h3>
        \(appointForm(m, shell.csrf))
        """
    }

    private static func postRow(_ p: PersonnelController.PostRow) -> HTML {
        """
        <tr><td>\(p.name)\(p.abolished.map(abolishedMark))</td><td>\(p.level)</td><td>\(p.tier)</td><td>\(if: p.keyPart, "是", else: "否")</td><td>\(p.roles)</td>\
        <td class="bm-noprint"><a href="\(p.href)" data-testid="post-link">调整、撤销</a></td></tr>
        """
    }

    private static func abolishedMark(_ text: String) -> HTML { #"<span class="badge text-bg-secondary ms-1">\#(text)</span>"# }

    private static func postForm(_ m: PersonnelController.AppointModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/posts" class="bm-filter bm-noprint" data-testid="post-form">\(Components.csrf(csrf))
          <label>岗位名称<input type="text" name="name" class="form-control form-control-sm"></label>
          <label>涉及最高密级<select name="highest_level" class="form-select form-select-sm">\(Components.choices(m.levels))</select></label>
          <label class="bm-check"><input type="checkbox" name="key_part" value="1"> 要害部门部位</label>
          <label>岗位职责<select name="roles" multiple class="form-select form-select-sm">\(Components.choices(m.roles))</select></label>
          <button class="btn btn-sm btn-primary">登记涉密岗位</button></form>
        """
    }

    private static func reviewForm(_ m: PersonnelController.AppointModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/reviews" class="bm-form bm-noprint" data-testid="review-form">\(Components.csrf(csrf))
          \(personChooser(m.people))
          <label>拟任岗位<select name="post_id" class="form-select form-select-sm">\(Components.choices(m.postOptions))</select></label>
          <label>审查类别<select name="kind" class="form-select form-select-sm">\(Components.choices(m.reviewKinds))</select></label>
          <fieldset><legend>审查条件（符合的打勾）</legend>\(each: m.conditions, condition)</fieldset>
          <label>配偶、直系亲属在国（境）外学习、工作、定居情况<input type="text" name="relatives_abroad" class="form-control form-control-sm"></label>
          <label>组织人事部门意见<input type="text" name="personnel_opinion" class="form-control form-control-sm"></label>
          <label>保密工作机构意见<input type="text" name="secrecy_opinion" class="form-control form-control-sm"></label>
          <label>审批的单位领导<input type="text" name="decided_by" class="form-control form-control-sm"></label>
          <label class="bm-check"><input type="checkbox" name="passed" value="1" checked> 审查通过</label>
          <button class="btn btn-sm btn-primary">登记审查结论</button></form>
        """
    }

    /// One of the review's conditions, ticked.
    private static func condition(_ c: PersonnelController.Opt) -> HTML {
        #"<label class="bm-check"><input type="checkbox" name="\#(c.value)" value="1" checked> \#(c.label)</label><br>"#
    }

    private static func commitmentForm(_ m: PersonnelController.AppointModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/commitments" class="bm-filter bm-noprint" data-testid="commitment-form">\(Components.csrf(csrf))
          \(personChooser(m.people))
          <label>文书<select name="kind" class="form-select form-select-sm">\(Components.choices(m.commitmentKinds))</select></label>
          <label>备注<input type="text" name="note" class="form-control form-control-sm" placeholder="原件存放处"></label>
          <button class="btn btn-sm btn-primary">登记已签订</button></form>
        """
    }

    private static func appointForm(_ m: PersonnelController.AppointModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/appointments" class="bm-filter bm-noprint" data-testid="appoint-form">\(Components.csrf(csrf))
          \(personChooser(m.people))
          <label>涉密岗位<select name="post_id" class="form-select form-select-sm">\(Components.choices(m.postOptions))</select></label>
          <label>涉密等级<select name="tier" class="form-select form-select-sm">\(Components.choices(m.tiers))</select></label>
          <button class="btn btn-sm btn-primary">任用</button></form>
        """
    }
}
