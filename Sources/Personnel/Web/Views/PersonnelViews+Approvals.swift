extension PersonnelViews {
    /// 出国（境）审批 — the applications awaiting the approver, each with the opinions entered and the decision.
    static func approvals(_ m: PersonnelController.ApprovalsModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table" data-testid="approvals">
          <thead><tr><th>姓名</th><th>因公/因私</th><th>前往国家或地区</th><th>事由</th><th>日期</th><th>团组</th><th class="bm-noprint">审批</th></tr></thead>
          <tbody>\(m.rows.map { approvalRow($0, shell.csrf) })</tbody>
        </table>
        \(if: m.rows.isEmpty, "<p>没有待审批的出国（境）申请。</p>")
        """
    }

    private static func approvalRow(_ r: PersonnelController.ApprovalRow, _ csrf: String) -> HTML {
        """
        <tr><td>\(r.person)</td><td>\(r.purpose)</td><td>\(r.destination)</td><td>\(r.reason)</td><td>\(r.dates)</td><td>\(r.delegation)</td>
          <td class="bm-noprint"><form method="post" action="/personnel/approvals/\(r.id)" class="bm-inline">\(Components.csrf(csrf))
            \(if: r.needsPersonnel, personnelOpinionInput(), else: personnelOpinionShown(r.personnelOpinion))
            \(if: r.needsSecrecy, secrecyOpinionInput(), else: secrecyOpinionShown(r.secrecyOpinion))
            <input type="text" name="secrecy_org_consent" placeholder="保密组织同意（保密员因私出境）" class="form-control form-control-sm">
            <button class="btn btn-sm btn-primary">批准</button></form>
            <form method="post" action="/personnel/approvals/\(r.id)/refuse" class="bm-inline" data-testid="trip-refuse">\(Components.csrf(csrf))
            <input type="text" name="refusal_reason" placeholder="不予批准的理由" class="form-control form-control-sm" required maxlength="500">
            <button class="btn btn-sm btn-outline-danger">不予批准</button></form></td></tr>
        """
    }

    private static func personnelOpinionShown(_ text: String) -> HTML { #"<div class="small">组织人事部门意见：\#(text)</div>"# }

    private static func personnelOpinionInput() -> HTML {
        #"<input type="text" name="personnel_opinion" placeholder="组织人事部门意见（尚未填写）" class="form-control form-control-sm">"#
    }

    private static func secrecyOpinionShown(_ text: String) -> HTML { #"<div class="small">保密工作机构意见：\#(text)</div>"# }

    private static func secrecyOpinionInput() -> HTML {
        #"<input type="text" name="secrecy_opinion" placeholder="保密工作机构意见（尚未填写）" class="form-control form-control-sm">"#
    }
}
