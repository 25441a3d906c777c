extension PersonnelViews {
    /// 导入涉密人员名单和培训记录 — the upload form and, after an import, its report.
    static func importPage(_ m: PersonnelController.ImportModel, _ shell: PageShell) -> HTML {
        """
        <p>名单的列：\(m.rosterColumns)。培训记录的列：\(m.trainingColumns)。文件可为 CSV（UTF-8）或 Excel、WPS 保存的工作簿（.xlsx，读取第一个工作表）；姓名须为本单位已登记的人员。</p>
        <form method="post" action="/personnel/import" enctype="multipart/form-data" class="bm-filter bm-noprint" data-testid="import-form">\(Components.csrf(shell.csrf))
          <label>内容<select name="kind" class="form-select form-select-sm">\(Components.options(m.kinds))</select></label>
          <label>方式<select name="mode" class="form-select form-select-sm">\(Components.options(m.modes))</select></label>
          <label>文件<input type="file" name="file" accept=".csv,.xlsx" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-primary">导入</button></form>
        \(m.report.map(importReport))
        """
    }

    private static func importReport(_ r: PersonnelController.ImportReport) -> HTML {
        """
        <div class="alert \(if: r.clean, "alert-success", else: "alert-warning")" data-testid="import-report">共 \(r.rows) 行，无误 \(r.accepted) 行，已导入 \(r.imported) 行。\(if: r.problemTotal > r.problems.count, Components.problemsCut(shown: r.problems.count, total: r.problemTotal))</div>
        <table class="table table-sm bm-table" data-testid="import-problems"><thead><tr><th>行</th><th>问题</th></tr></thead>
        <tbody>\(each: r.problems, problemRow)</tbody></table>
        """
    }

    private static func problemRow(_ p: PersonnelController.ImportProblem) -> HTML { "<tr><td>\(p.line)</td><td>\(p.message)</td></tr>" }
}
