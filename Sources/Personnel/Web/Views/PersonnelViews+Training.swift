extension PersonnelViews {
    /// 保密教育培训 — who is under the year's floor, the classes held (each with its 培训签到表), and the forms: a class,
    /// the annual plan, a course outside the unit.
    static func training(_ m: PersonnelController.RecordsModel, _ shell: PageShell) -> HTML {
        """
        <h3>\(m.year)年度学时未达要求的涉密人员（\(m.underCount)人）</h3>
        <p class="text-muted">核心涉密人员每年不少于16学时，重要、一般涉密人员不少于8学时；要害部门部位人员上岗前不少于16学时。</p>
        <table class="table table-sm bm-table" data-testid="under-floor"><thead><tr><th>姓名</th><th>涉密等级</th><th>已完成学时</th><th>年度要求</th></tr></thead>
        <tbody>\(each: m.under, underRow)</tbody></table>
        <h3>培训登记</h3>
        <p class="bm-noprint">\(each: m.plans, planLink)</p>
        <table class="table table-sm bm-table" data-testid="classes"><thead><tr><th>培训日期</th><th>类别</th><th>内容</th><th>课时</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(each: m.classes, classRow)</tbody></table>
        <h3 class="bm-noprint">登记培训（培训签到表）</h3>
        \(classForm(m, shell.csrf))
        <h3 class="bm-noprint">年度保密教育培训计划</h3>
        \(planForm(m, shell.csrf))
        <h3 class="bm-noprint">外部培训与证书</h3>
        \(externalForm(m, shell.csrf))
        """
    }

    private static func underRow(_ u: PersonnelController.UnderRow) -> HTML {
        #"<tr><td><a href="/personnel/file/\#(u.personID)">\#(u.name)</a></td><td>\#(u.tier)</td><td>\#(u.hours)</td><td>\#(u.floor)</td></tr>"#
    }

    private static func planLink(_ year: Int) -> HTML {
        #"<a href="/personnel/training/plans/\#(year)/print" data-testid="print-plan" class="btn btn-sm btn-outline-secondary">打印\#(year)年度培训计划</a> "#
    }

    private static func classRow(_ c: PersonnelController.ClassRow) -> HTML {
        """
        <tr><td>\(c.held)</td><td>\(c.kind)</td><td>\(c.content)</td><td>\(c.hours)</td>\
        <td class="bm-noprint"><a href="/personnel/training/classes/\(c.id)/print" data-testid="print-class">培训签到表</a></td></tr>
        """
    }

    /// A class held (培训签到表): its participants, absentees and who passed, chosen or typed.
    private static func classForm(_ m: PersonnelController.RecordsModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/training/classes" class="bm-form bm-noprint" data-testid="class-form">\(Components.csrf(csrf))
          <label>类别<select name="kind" class="form-select form-select-sm">\(Components.choices(m.trainingKinds))</select></label>
          <label>培训日期<input type="date" name="held_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>课时<input type="number" name="hours" min="1" max="40" value="4" class="form-control form-control-sm"></label>
          <label>培训内容<input type="text" name="content" class="form-control form-control-sm"></label>
          <label>培训形式<input type="text" name="form" value="专题讲座" class="form-control form-control-sm"></label>
          <label>组织者<input type="text" name="organiser" value="保密办" class="form-control form-control-sm"></label>
          \(classPeople(m.people))
          <button class="btn btn-sm btn-primary">登记培训</button></form>
        """
    }

    /// 参加人员, 缺席人员, 考试合格: each a multiple choice and names typed.
    private static func classPeople(_ people: [PersonnelController.Opt]) -> HTML {
        """
        <label>参加人员<select name="participant_ids" multiple size="8" class="form-select form-select-sm">\(Components.choices(people))</select></label>\
        <label>或输入姓名（每行一人）<textarea name="participant_names" rows="3" class="form-control form-control-sm" placeholder="姓名或姓名（职务）"></textarea></label>
          <label>缺席人员<select name="absent_ids" multiple size="8" class="form-select form-select-sm">\(Components.choices(people))</select></label>\
        <label>或输入姓名（每行一人）<textarea name="absent_names" rows="3" class="form-control form-control-sm" placeholder="姓名或姓名（职务）"></textarea></label>
          <label>考试合格（定密培训）<select name="passed_ids" multiple size="8" class="form-select form-select-sm">\(Components.choices(people))</select></label>\
        <label>或输入姓名（每行一人）<textarea name="passed_names" rows="3" class="form-control form-control-sm" placeholder="姓名或姓名（职务）"></textarea></label>
        """
    }

    /// 年度保密教育培训计划 (R-TR-1): a row per month.
    private static func planForm(_ m: PersonnelController.RecordsModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/training/plans" class="bm-noprint" data-testid="plan-form">\(Components.csrf(csrf))
          <label>年度<input type="number" name="year" min="2000" max="2100" value="\(m.planYear)" class="form-control form-control-sm"></label>
          <p class="text-muted small">每月一行，不安排的月份内容留空；四月为保密宣传教育月，须安排活动。再次保存即替换该年度计划。</p>
          <table class="table table-sm bm-table"><thead><tr><th>月份</th><th>内容</th><th>形式</th><th>课时</th><th>对象</th></tr></thead>
          <tbody>\(each: m.planRows, planRow)</tbody></table>
          <button class="btn btn-sm btn-primary">保存培训计划</button></form>
        """
    }

    private static func planRow(_ r: PersonnelController.PlanRow) -> HTML {
        """
        <tr><td>\(r.month)月</td>
            <td><input type="text" name="content_\(r.month)" value="\(r.content)" maxlength="200" class="form-control form-control-sm"></td>
            <td><input type="text" name="form_\(r.month)" value="\(r.form)" maxlength="30" class="form-control form-control-sm"></td>
            <td><input type="number" name="hours_\(r.month)" value="\(r.hours)" min="0" max="40" class="form-control form-control-sm"></td>
            <td><input type="text" name="audience_\(r.month)" value="\(r.audience)" maxlength="60" class="form-control form-control-sm"></td></tr>
        """
    }

    /// 外部培训与证书 (R-TR-4, R-PE-13).
    private static func externalForm(_ m: PersonnelController.RecordsModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/training/external" class="bm-form bm-noprint" data-testid="external-form">\(Components.csrf(csrf))
          \(personChooser(m.people))
          <label>类别<select name="kind" class="form-select form-select-sm">\(Components.choices(m.externalKinds))</select></label>
          <label>培训机构<input type="text" name="provider" maxlength="60" class="form-control form-control-sm"></label>
          <label>完成日期<input type="date" name="completed_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>学时<input type="number" name="hours" min="1" max="400" value="8" class="form-control form-control-sm"></label>
          <label>证书编号<input type="text" name="certificate_number" maxlength="60" class="form-control form-control-sm"></label>
          <label>证书有效期至<input type="date" name="certificate_valid_until" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">登记外部培训</button></form>
        """
    }
}
