/// 绝密级密件阅读登记 — the printable reader log of a 绝密 carrier.
extension CarrierViews {
    static func readerLog(_ m: CarrierController.ReaderLogModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table bm-form-table">
          <tr><th>载体编号</th><td>\(m.number)</td><th>国家秘密标志</th><td>\(m.marking)</td></tr>
          <tr><th>标题</th><td>\(m.title)</td><th>文号</th><td>\(m.documentNumber)</td></tr>
        </table>
        <table class="table table-sm bm-table" data-testid="reader-log">
          <thead><tr><th>序号</th><th>阅读人</th><th>文号</th><th>阅文地点</th><th>借出时间</th><th>退回时间</th><th>阅读人签字</th></tr></thead>
          <tbody>\(each: m.rows, { readerLogRow($0, documentNumber: m.documentNumber) })</tbody>
        </table>
        <p class="bm-sign">保密员签字：＿＿＿＿＿＿　日期：＿＿＿＿＿＿</p>
        """
    }

    /// A reader's line; the 文号 column is the carrier's own (a row has none).
    private static func readerLogRow(_ r: CarrierController.ReaderRow, documentNumber: String) -> HTML {
        """
        <tr><td>\(r.seq)</td><td>\(r.reader)</td><td>\(documentNumber)</td><td>\(r.room)</td><td>\(r.out)</td><td>\(r.back)</td><td></td></tr>
        """
    }
}
