extension PersonnelViews {
    /// 涉密人员档案 — a person's file: the head, each register's lines (with their A4 form where they have one) and,
    /// for the keepers, the 权益保障 form.
    static func file(_ m: FileModel, _ shell: PageShell) -> HTML {
        """
        <div class="bm-noprint bm-actions"><button type="button" class="btn btn-sm btn-outline-secondary" onclick="window.print()">打印档案</button></div>
        <h2 class="bm-print-title">涉密人员档案</h2>
        <table class="table table-sm bm-form-table" data-testid="file-head">
          <tr><th>姓名</th><td>\(m.name)</td><th>状态</th><td data-testid="file-status">\(m.status)</td></tr>
          <tr><th>涉密岗位</th><td>\(m.post)</td><th>涉密等级</th><td>\(m.tier)</td></tr>
          <tr><th>上岗日期</th><td>\(m.appointed)</td><th>下次定期复审</th><td>\(m.nextReview)</td></tr>
          \(m.declearing.map(declearingRow))
          \(m.changeReview.map(changeReviewRow))
        </table>
        \(identity(m, shell.csrf))
        \(fileRecords(m))
        \(fileTraining(m))
        \(if: m.keeps, rightsForm(m, shell.csrf))
        \(afterLeaving(m, shell.csrf))
        """
    }

    /// 脱密期管理 (IR 53–54): the records, and the keepers' forms — employment and a violation for a person in the
    /// 脱密期, 擅自离职 for one serving or leaving.
    private static func afterLeaving(_ m: FileModel, _ csrf: String) -> HTML {
        """
        <h3>脱密期管理</h3>
        <table class="table table-sm bm-table" data-testid="after-leaving"><thead><tr><th>日期</th><th>事项</th><th>内容</th><th>情况</th></tr></thead>
        <tbody>\(each: m.afterLeaving, cellsRow)</tbody></table>
        \(if: m.declearingForms, declearingForms(m, csrf))
        \(if: m.abscondedForm, abscondedForm(m, csrf))
        """
    }

    private static func declearingForms(_ m: FileModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/file/\(m.personID)/employment" class="bm-filter bm-noprint" data-testid="employment-form">\(Components.csrf(csrf))
          <label>就业日期<input type="date" name="occurred_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>就业单位<input type="text" name="employer" maxlength="100" class="form-control form-control-sm"></label>
          <label>单位类别<select name="employer_kind" class="form-select form-select-sm">\(Components.choices(m.employerKinds))</select></label>
          <label>职务<input type="text" name="position" maxlength="50" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">登记脱密期内就业</button></form>
        <form method="post" action="/personnel/file/\(m.personID)/violation" class="bm-filter bm-noprint" data-testid="violation-form">\(Components.csrf(csrf))
          <label>发生日期<input type="date" name="occurred_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>具体情况<input type="text" name="details" maxlength="1000" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-outline-danger">报告保密行政管理部门（脱密期严重违规）</button></form>
        """
    }

    private static func abscondedForm(_ m: FileModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/file/\(m.personID)/absconded" class="bm-filter bm-noprint" data-testid="absconded-form">\(Components.csrf(csrf))
          <label>离开日期<input type="date" name="occurred_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>具体情况<input type="text" name="details" maxlength="1000" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-outline-danger">报告保密行政管理部门（擅自离职）</button></form>
        """
    }

    /// 身份信息 (R-PE-15): as entered, and for the keepers the form that enters it.
    private static func identity(_ m: FileModel, _ csrf: String) -> HTML {
        """
        <h3>身份信息</h3>
        <table class="table table-sm bm-table" data-testid="identity"><thead><tr><th>性别</th><th>出生年月</th><th>民族</th><th>政治面貌</th><th>身份证号</th></tr></thead>
        <tbody>\(each: m.identity, cellsRow)</tbody></table>
        \(if: m.keeps, identityForm(m, csrf))
        """
    }

    private static func identityForm(_ m: FileModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/file/\(m.personID)/identity" class="bm-filter bm-noprint" data-testid="identity-form">\(Components.csrf(csrf))
          <label>性别<select name="gender" class="form-select form-select-sm">\(Components.choices(m.genders))</select></label>
          <label>出生年月<input type="month" name="birth_month" value="\(m.birthMonth)" class="form-control form-control-sm"></label>
          <label>民族<input type="text" name="ethnicity" value="\(m.ethnicity)" maxlength="20" placeholder="汉族" class="form-control form-control-sm"></label>
          <label>政治面貌<select name="political_status" class="form-select form-select-sm">\(Components.choices(m.politicalStatuses))</select></label>
          <label>身份证号<input type="text" name="id_number" value="\(m.idNumber)" maxlength="18" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">登记身份信息</button></form>
        """
    }

    private static func declearingRow(_ text: String) -> HTML {
        #"<tr><th>脱密期</th><td colspan="3" data-testid="declearing">\#(text)</td></tr>"#
    }

    private static func changeReviewRow(_ text: String) -> HTML {
        #"<tr><th>待变动复审</th><td colspan="3">\#(text)</td></tr>"#
    }

    /// 保密审查, 承诺书、责任书, 出国（境）, 重大事项报告, 离岗离职: each line with its print link.
    private static func fileRecords(_ m: FileModel) -> HTML {
        """
        <h3>保密审查</h3>
        <table class="table table-sm bm-table"><thead><tr><th>日期</th><th>类别</th><th>结论</th><th>组织人事部门意见</th><th>保密工作机构意见</th><th>单位领导</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(printedLines(m.reviews, "print-review"))</tbody></table>
        <h3>承诺书、责任书</h3>
        <table class="table table-sm bm-table"><thead><tr><th>签订日期</th><th>文书</th><th>备注</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(printedLines(m.commitments, "print-commitment"))</tbody></table>
        <h3>出国（境）</h3>
        <table class="table table-sm bm-table"><thead><tr><th>日期</th><th>因公/因私</th><th>国家或地区</th><th>事由</th><th>审批人</th><th>状态</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(printedLines(m.trips, "print-trip"))</tbody></table>
        <h3>重大事项报告</h3>
        <table class="table table-sm bm-table"><thead><tr><th>报告日期</th><th>事项</th><th>报告时限</th><th>处理情况</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(printedLines(m.events, "print-event"))</tbody></table>
        <h3>离岗离职</h3>
        <table class="table table-sm bm-table"><thead><tr><th>离岗日期</th><th>类别</th><th>脱密期</th><th>办理情况</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(printedLines(m.departures, "print-departure"))</tbody></table>
        <h3>涉密载体移交</h3>
        <table class="table table-sm bm-table" data-testid="handovers"><thead><tr><th>移交日期</th><th>移交/接收</th><th>对方</th><th>载体数量</th><th>双方签字</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(printedLines(m.handovers, "print-handover"))</tbody></table>
        """
    }

    /// 个人学时台账, 外部培训与证书, 权益保障.
    private static func fileTraining(_ m: FileModel) -> HTML {
        """
        <h3>个人学时台账</h3>
        <table class="table table-sm bm-table" data-testid="hours"><thead><tr><th>年度</th><th>学时</th><th>其中岗前培训</th><th>年度要求</th><th>是否达标</th></tr></thead>
        <tbody>\(each: m.hours, cellsRow)</tbody></table>
        <h3>外部培训与证书</h3>
        <table class="table table-sm bm-table"><thead><tr><th>完成日期</th><th>类别</th><th>培训机构</th><th>学时</th><th>证书编号</th></tr></thead>
        <tbody>\(each: m.external, cellsRow)</tbody></table>
        <h3>权益保障</h3>
        <table class="table table-sm bm-table" data-testid="rights"><thead><tr><th>日期</th><th>承担的保密限制</th><th>给予的待遇或补偿</th></tr></thead>
        <tbody>\(each: m.rights, cellsRow)</tbody></table>
        """
    }

    /// Lines with their cells and, where the line has an A4 form, its print link (`testid` names the link).
    private static func printedLines(_ lines: [FileModel.Line], _ testid: HTML) -> HTML {
        var out = HTML.empty
        for line in lines { out.append(printedLine(line, testid)) }
        return out
    }

    private static func printedLine(_ line: FileModel.Line, _ testid: HTML) -> HTML {
        #"<tr>\#(cells(line))<td class="bm-noprint">\#(line.print.map { printLink($0, testid) })</td></tr>"#
    }

    private static func printLink(_ href: String, _ testid: HTML) -> HTML {
        #"<a href="\#(href)" data-testid="\#(testid)">打印</a>"#
    }

    /// 权益保障 (R-PE-14): recorded by the keepers.
    private static func rightsForm(_ m: FileModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/file/\(m.personID)/rights" class="bm-filter bm-noprint" data-testid="rights-form">\(Components.csrf(csrf))
          <label>日期<input type="date" name="recorded_on" value="\(m.today)" class="form-control form-control-sm"></label>
          <label>承担的保密限制<input type="text" name="restriction" maxlength="500" placeholder="如：脱密期内出境、就业受限" class="form-control form-control-sm"></label>
          <label>给予的待遇或补偿<input type="text" name="measure" maxlength="500" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">登记权益保障</button></form>
        """
    }
}
