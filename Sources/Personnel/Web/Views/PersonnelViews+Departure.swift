extension PersonnelViews {
    /// 离岗离职清单 — one departure: its head, the carriers still out and their hand-over, the checklist, and while it
    /// is open the leaving commitment and the completion. The commitments are shown as they are, also when there are
    /// none (the page never said 尚未签订离岗离职保密承诺书).
    static func departure(_ m: PersonnelController.GateModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-form-table">
          <tr><th>姓名</th><td><a href="/personnel/file/\(m.personID)">\(m.person)</a></td><th>类别</th><td>\(m.kind)</td></tr>
          <tr><th>离岗日期</th><td>\(m.leaving)</td><th>脱密期</th><td>\(m.declearing)</td></tr>
          <tr><th>已签订</th><td colspan="3">\(m.commitments)</td></tr>
          \(m.completed.map(completedRow))
        </table>
        <h3>涉密载体、介质清退</h3>
        \(if: m.cleared, clearedNote(), else: outstandingNote(m))
        <table class="table table-sm bm-table" data-testid="visible-carriers"><thead><tr><th>编号</th><th>标题</th><th>状态</th></tr></thead>
        <tbody>\(each: m.visible, cellsRow)</tbody></table>
        \(if: m.open, handoverForm(m, shell.csrf))
        <h3>离岗离职清单</h3>
        <table class="table table-sm bm-table" data-testid="checklist"><thead><tr><th>事项</th><th>办理情况</th><th class="bm-noprint"></th></tr></thead>
        <tbody>\(m.items.map { itemRow($0, m, shell.csrf) })</tbody></table>
        \(if: m.open, closingForms(m, shell.csrf))
        """
    }

    private static func completedRow(_ day: String) -> HTML { #"<tr><th>办结日期</th><td colspan="3">\#(day)</td></tr>"# }

    private static func clearedNote() -> HTML { #"<div class="alert alert-success" data-testid="outstanding">涉密载体、介质已全部清退或移交。</div>"# }

    private static func outstandingNote(_ m: PersonnelController.GateModel) -> HTML {
        """
        <div class="alert alert-warning" data-testid="outstanding">尚有 \(m.outstanding) 件涉密载体、介质未清退或移交\(if: m.someHidden, hiddenNote(m.hidden))。</div>
        """
    }

    private static func hiddenNote(_ hidden: Int) -> HTML { "（其中 \(hidden) 件不在您可知悉的范围内或已由他人持有，不列标题）" }

    /// The custody hand-over (R-CA-15): the successor by name, or chosen among namesakes.
    private static func handoverForm(_ m: PersonnelController.GateModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/departures/\(m.id)/handover" class="bm-filter bm-noprint" data-testid="handover-form">\(Components.csrf(csrf))
          <input type="hidden" name="from_person_id" value="\(m.personID)">
          \(if: m.choosing, namesakes(m.people), else: successorName())
          <label>移交人签字<input type="text" name="leaver_signed" class="form-control form-control-sm"></label>
          <label>接收人签字<input type="text" name="successor_signed" class="form-control form-control-sm"></label>
          <button class="btn btn-sm btn-outline-primary">移交全部保管的载体</button></form>
        """
    }

    private static func successorName() -> HTML {
        #"<label>接收人姓名<input type="text" name="to_name" maxlength="30" class="form-control form-control-sm" data-testid="successor-name"></label>"#
    }

    private static func namesakes(_ people: [PersonnelController.Opt]) -> HTML {
        #"<label>同名人员<select name="to_person_id" class="form-select form-select-sm" data-testid="namesakes">\#(Components.choices(people))</select></label>"#
    }

    /// One checklist item: what was done, or (for an item the system checks) that it is checked on completion; an item
    /// done by hand and not yet done has its form while the departure is open.
    private static func itemRow(_ i: PersonnelController.ItemRow, _ m: PersonnelController.GateModel, _ csrf: String) -> HTML {
        """
        <tr data-item="\(i.value)"><td>\(i.label)</td><td>\(i.done)\(i.record.map(recordLink))\(if: i.done == nil && !i.byHand, "办结时由系统核对")</td>\
        <td class="bm-noprint">\(if: i.byHand && i.done == nil && m.open, itemForm(i.value, m.id, csrf))</td></tr>
        """
    }

    private static func recordLink(_ href: String) -> HTML { #" <a href="\#(href)" data-testid="handover-record">查看、打印移交清单</a>"# }

    private static func itemForm(_ item: String, _ id: String, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/departures/\(id)/items" class="bm-inline">\(Components.csrf(csrf))<input type="hidden" name="item" value="\(item)">
          <input type="text" name="note" placeholder="办理情况" class="form-control form-control-sm"><button class="btn btn-sm btn-outline-secondary">登记</button></form>
        """
    }

    /// The leaving commitment signed, and the completion.
    private static func closingForms(_ m: PersonnelController.GateModel, _ csrf: String) -> HTML {
        """
        <form method="post" action="/personnel/departures/\(m.id)/commitment" class="bm-filter bm-noprint" data-testid="leaving-commitment-form">\(Components.csrf(csrf))
          <input type="hidden" name="person_id" value="\(m.personID)">
          <label>文书<select name="kind" class="form-select form-select-sm"><option value="leaving">离岗离职保密承诺书</option><option value="clerk_leaving">离岗保密协议书（保密员）</option></select></label>
          <button class="btn btn-sm btn-outline-secondary">登记已签订</button></form>
        <form method="post" action="/personnel/departures/\(m.id)/complete" class="bm-noprint" data-testid="complete-form">\(Components.csrf(csrf))
          <button class="btn btn-primary">办结离岗离职手续</button></form>
        """
    }
}
