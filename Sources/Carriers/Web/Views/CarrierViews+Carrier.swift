/// 载体 — one carrier's page: its record, the action bar, the 绝密 reader log and the
/// history.
extension CarrierViews {
    static func carrier(_ m: CarrierController.DetailModel, _ shell: PageShell) -> HTML {
        """
        \(detailRecord(m))
        <nav class="bm-action-bar bm-noprint" data-testid="carrier-actions" aria-label="可办理事项">
          \(each: m.actions, detailActionLink)
          <a href="/carriers/\(m.id)/label" class="bm-action bm-action-quiet"><span class="bm-action-label">打印标签</span></a>
          \(if: m.topSecret, detailReaderLogLink(m.id))
        </nav>
        \(if: m.topSecret, detailReaders(m.readers))
        <h2>办理记录</h2>
        <table class="table table-sm bm-table" data-testid="history">
          <thead><tr><th>时间</th><th>办理人</th><th>事项</th></tr></thead>
          <tbody>\(each: m.events, detailEventRow)</tbody>
        </table>
        """
    }

    /// The record table: the carrier's fields, the original (of a copy), what it carries, who may know it.
    private static func detailRecord(_ m: CarrierController.DetailModel) -> HTML {
        """
        <table class="table table-sm bm-table bm-form-table" data-testid="carrier-record">
          <tr><th>载体编号</th><td data-testid="number">\(m.number)</td><th>国家秘密标志</th><td class="bm-marking level-\(m.level)" data-testid="marking">\(m.marking)</td></tr>
          <tr><th>标题</th><td colspan="3">\(m.title)</td></tr>
          <tr><th>类别</th><td>\(m.kind)</td><th>状态</th><td data-testid="status">\(m.status)</td></tr>
          <tr><th>文号</th><td>\(m.documentNumber)</td><th>制发单位</th><td>\(m.originatingUnit)</td></tr>
          <tr><th>份数</th><td>\(m.copies)</td><th>份号</th><td>\(m.serials)</td></tr>
          <tr><th>保管人</th><td>\(m.custodian)</td><th>存放</th><td data-testid="place">\(m.place)</td></tr>
          <tr><th>登记日期</th><td>\(m.registered)</td><th>持有人</th><td data-testid="holder">\(m.holder ?? "—")\(m.due.map(detailDue))</td></tr>
          \(detailOriginal(m))
          <tr><th>所载事项</th><td colspan="3">\(each: m.secrets, detailSecret)</td></tr>
          <tr><th>知悉范围</th><td colspan="3">\(each: m.scope, detailScopeName)</td></tr>
          \(m.medium.map(detailMedium))
          \(if: m.retained, detailRetained())
        </table>
        """
    }

    private static func detailDue(_ due: String) -> HTML { "（\(due)前归还）" }

    /// `{{#original}}`: the original's row, when this carrier is a copy (its number read from the page, nothing when nil).
    private static func detailOriginal(_ m: CarrierController.DetailModel) -> HTML {
        guard let original = m.original else { return .empty }
        return #"<tr><th>原件</th><td colspan="3"><a href="/carriers/\#(original)">\#(m.originalNumber)</a>（复制件）</td></tr>"#
    }

    private static func detailSecret(_ secret: String) -> HTML { "\(secret)<br>" }

    private static func detailScopeName(_ name: String) -> HTML { "\(name) " }

    private static func detailMedium(_ medium: String) -> HTML { #"<tr><th>介质标识</th><td colspan="3">\#(medium)</td></tr>"# }

    private static func detailRetained() -> HTML { #"<tr><th>清退</th><td colspan="3">已归档或经发文机关同意延长使用，不再清退</td></tr>"# }

    private static func detailActionLink(_ a: ActionLink) -> HTML {
        """
        <a href="\(a.href)" class="bm-action" data-action="\(a.action)" title="\(a.regulation)"><span class="bm-action-label">\(a.label)</span><span class="bm-action-rule">\(a.regulation)</span></a>

        """
    }

    private static func detailReaderLogLink(_ id: String) -> HTML {
        #"<a href="/carriers/\#(id)/reader-log" class="bm-action bm-action-quiet"><span class="bm-action-label">阅读登记（绝密）</span></a>"#
    }

    /// The 绝密 carrier's reader log (R-CA-4).
    private static func detailReaders(_ readers: [CarrierController.ReaderRow]) -> HTML {
        """
        <h2>阅读登记</h2>
        <table class="table table-sm bm-table" data-testid="reader-log">
          <thead><tr><th>序号</th><th>阅读人</th><th>阅文地点</th><th>借出时间</th><th>退回时间</th></tr></thead>
          <tbody>\(each: readers, detailReaderRow)</tbody>
        </table>
        """
    }

    private static func detailReaderRow(_ r: CarrierController.ReaderRow) -> HTML {
        "<tr><td>\(r.seq)</td><td>\(r.reader)</td><td>\(r.room)</td><td>\(r.out)</td><td>\(r.back)</td></tr>"
    }

    private static func detailEventRow(_ e: CarrierController.Event) -> HTML {
        "<tr><td>\(e.at)</td><td>\(e.actor)</td><td>\(e.summary)</td></tr>"
    }
}
