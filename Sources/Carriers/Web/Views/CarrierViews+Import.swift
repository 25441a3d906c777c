import Tabular

/// 导入纸质台账 — importing a paper register from CSV: the upload form, the
/// columns, and the report of the last upload.
extension CarrierViews {
    static func importPage(_ m: CarrierController.ImportModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/carriers/import" enctype="multipart/form-data" class="bm-form bm-noprint" data-testid="import-form">
          \(Components.csrf(shell.csrf))
          <label>CSV 文件（UTF-8，第1行为表头）<input type="file" name="file" accept=".csv,text/csv" class="form-control"></label>
          <label>方式<select name="mode" class="form-select">\(Components.options(m.modes))</select></label>
          <button type="submit" class="btn btn-primary">上传</button>
          <a href="/carriers/import/template.csv" class="btn btn-outline-secondary">下载模板</a>
        </form>
        <p class="bm-hint">可用的列：\(each: m.columns, importColumn)。必填：类别、标题、密级标志、份数、登记日期。状态只接受“在库”“借出”；借出须填持有人和归还日期。导入的载体按本年度顺序重新编号，原登记编号记入办理记录。</p>
        \(m.report.map(importReport))
        """
    }

    private static func importColumn(_ column: String) -> HTML { "\(column) " }

    /// The report: what was read, accepted and written, and each problem by line.
    private static func importReport(_ r: CarrierController.ReportView) -> HTML {
        """
        <div data-testid="import-report">
        <p>\(r.mode)：共 \(r.rows) 行，无误 \(r.accepted) 行，已写入 <strong data-testid="imported">\(r.imported)</strong> 件。\
        \(if: r.written, importNumbers(r.numbers))\(if: !r.written && !r.clean, "有问题，未写入任何记录。")\(if: r.problemTotal > r.problems.count, Components.problemsCut(shown: r.problems.count, total: r.problemTotal))</p>
        <table class="table table-sm bm-table" data-testid="import-problems">
          <thead><tr><th>行号</th><th>字段</th><th>问题</th></tr></thead>
          <tbody>\(each: r.problems, importProblem)</tbody>
        </table>
        </div>
        """
    }

    private static func importNumbers(_ numbers: String) -> HTML { "编号 \(numbers)。" }

    private static func importProblem(_ p: Tabular.Problem) -> HTML {
        "<tr><td>\(p.line)</td><td>\(p.field)</td><td>\(p.message)</td></tr>"
    }
}
