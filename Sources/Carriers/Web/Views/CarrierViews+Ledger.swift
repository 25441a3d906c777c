/// 个人涉密载体台账 — what a person of the unit holds or keeps.
extension CarrierViews {
    static func ledger(_ m: CarrierController.LedgerModel, _ shell: PageShell) -> HTML {
        """
        <form method="get" action="/carriers/ledger" class="bm-filter bm-noprint"><label>人员<select name="person" class="form-select form-select-sm">\(Components.options(m.persons))</select></label>
          <button class="btn btn-sm btn-primary">查看</button></form>
        \(m.person.map(ledgerPerson))
        \(m.pager.html)
        <table class="table table-sm bm-table" data-testid="ledger">
          <thead><tr><th>编号</th><th>国家秘密标志</th><th>类别</th><th>标题</th><th>文号</th><th>份数</th><th>持有/保管</th><th>状态</th></tr></thead>
          <tbody>\(each: m.rows, ledgerRow)</tbody>
        </table>
        """
    }

    private static func ledgerPerson(_ person: String) -> HTML { "<p>\(person)持有或保管的涉密载体（离岗、离职前须全部交回）</p>" }

    private static func ledgerRow(_ r: CarrierController.Row) -> HTML {
        """
        <tr><td><a href="/carriers/\(r.id)">\(r.number)</a></td><td class="bm-marking level-\(r.level)">\(r.marking)</td><td>\(r.kind)</td>\
        <td>\(r.title)</td><td>\(r.documentNumber)</td><td>\(r.copies)</td><td>\(r.holder)</td><td>\(r.status)</td></tr>
        """
    }
}
