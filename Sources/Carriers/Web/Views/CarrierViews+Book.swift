/// 登记簿 — a register book for a year: 收文、发文、复印 or 销毁, each with the
/// columns of its paper form.
extension CarrierViews {
    static func book(_ m: CarrierController.BookModel, _ shell: PageShell) -> HTML {
        """
        <form method="get" class="bm-filter bm-noprint"><label>年度<select name="year" class="form-select form-select-sm">\(Components.options(m.years))</select></label>
          <button class="btn btn-sm btn-primary">查看</button> <button type="button" class="btn btn-sm btn-outline-secondary" onclick="window.print()">打印</button></form>
        <p>单位：\(m.unit)　　\(m.year)年度</p>
        <table class="table table-sm bm-table bm-book" data-testid="book">
        \(if: m.receipt, bookReceipt(m.lines))
        \(if: m.dispatch, bookDispatch(m.lines))
        \(if: m.copy, bookCopy(m.lines))
        \(if: m.destruction, bookDestruction(m.lines))
        </table>
        <p class="bm-sign">登记人：＿＿＿＿＿＿　审核：＿＿＿＿＿＿</p>
        """
    }

    /// 收文登记簿.
    private static func bookReceipt(_ lines: [CarrierController.BookLine]) -> HTML {
        """
          <thead><tr><th>收文编号</th><th>收文日期</th><th>来文单位</th><th>文号</th><th>标题</th><th>密级</th><th>份数</th><th>份号</th><th>签收人</th><th>载体编号</th><th>备注</th></tr></thead>
          <tbody>\(each: lines, bookReceiptLine)</tbody>
        """
    }

    private static func bookReceiptLine(_ l: CarrierController.BookLine) -> HTML {
        """
        <tr><td>\(l.number)</td><td>\(l.day)</td><td>\(l.counterpart)</td><td>\(l.documentNumber)</td><td>\(l.title)</td><td>\(l.level)</td>\
        <td>\(l.copies)</td><td>\(l.serials)</td><td>\(l.handledBy)</td><td>\(l.carrierNumber)</td><td></td></tr>
        """
    }

    /// 发文登记簿.
    private static func bookDispatch(_ lines: [CarrierController.BookLine]) -> HTML {
        """
          <thead><tr><th>发文编号</th><th>发文日期</th><th>文号</th><th>标题</th><th>密级</th><th>份数</th><th>份号</th><th>收件单位</th><th>传递方式</th><th>经办、护送人</th><th>载体编号</th></tr></thead>
          <tbody>\(each: lines, bookDispatchLine)</tbody>
        """
    }

    private static func bookDispatchLine(_ l: CarrierController.BookLine) -> HTML {
        """
        <tr><td>\(l.number)</td><td>\(l.day)</td><td>\(l.documentNumber)</td><td>\(l.title)</td><td>\(l.level)</td><td>\(l.copies)</td>\
        <td>\(l.serials)</td><td>\(l.counterpart)</td><td>\(l.note)</td><td>\(l.handledBy)</td><td>\(l.carrierNumber)</td></tr>
        """
    }

    /// 复印登记.
    private static func bookCopy(_ lines: [CarrierController.BookLine]) -> HTML {
        """
          <thead><tr><th>编号</th><th>复印日期</th><th>文件标题</th><th>文号</th><th>密级</th><th>复印份数</th><th>批准领导</th><th>签收人</th><th>清退日期</th><th>复印件编号</th></tr></thead>
          <tbody>\(each: lines, bookCopyLine)</tbody>
        """
    }

    private static func bookCopyLine(_ l: CarrierController.BookLine) -> HTML {
        """
        <tr><td>\(l.number)</td><td>\(l.day)</td><td>\(l.title)</td><td>\(l.documentNumber)</td><td>\(l.level)</td><td>\(l.copies)</td>\
        <td>\(l.approver)</td><td>\(l.counterpart)</td><td>\(l.closed)</td><td>\(l.carrierNumber)</td></tr>
        """
    }

    /// 销毁清单.
    private static func bookDestruction(_ lines: [CarrierController.BookLine]) -> HTML {
        """
          <thead><tr><th>序号</th><th>销毁日期</th><th>载体编号</th><th>标题</th><th>文号</th><th>密级</th><th>份数</th><th>份号</th><th>销毁方式</th><th>批准人</th><th>监销人</th></tr></thead>
          <tbody>\(each: lines, bookDestructionLine)</tbody>
        """
    }

    private static func bookDestructionLine(_ l: CarrierController.BookLine) -> HTML {
        """
        <tr><td>\(l.number)</td><td>\(l.day)</td><td>\(l.carrierNumber)</td><td>\(l.title)</td><td>\(l.documentNumber)</td><td>\(l.level)</td>\
        <td>\(l.copies)</td><td>\(l.serials)</td><td>\(l.counterpart)</td><td>\(l.approver)</td><td>\(l.handledBy)</td></tr>
        """
    }
}
