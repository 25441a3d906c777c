extension ClassificationViews {
    /// 办理事项 — one action's focused form on a secret: the secret in brief, the regulation, and the fields of this
    /// action only (`form.<action>`).
    static func secretAction(_ m: SecretController.ActionModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table bm-form-table" data-testid="secret-summary">
          <tr><th>事项名称</th><td>\(m.title)</td><th>国家秘密标志</th><td class="bm-marking level-\(m.level)">\(m.marking)</td><th>状态</th><td>\(m.status)</td></tr>
        </table>
        <p class="bm-regulation" data-testid="regulation">依据：\(m.regulation)</p>
        <form method="post" action="/secrets/\(m.id)/\(m.action)" class="bm-form" data-testid="action-form">
          \(Components.csrf(shell.csrf))
          \(m.objectionID.map(objectionField))
          \(reviewFields(m))
          \(changeFields(m))
          \(objectionFields(m))
          <div class="bm-form-actions">
            <button type="submit" class="btn btn-primary" data-testid="perform">\(m.label)</button>
            <a href="/secrets/\(m.id)" class="btn btn-outline-secondary">返回</a>
          </div>
        </form>
        """
    }

    /// Whether the form of `key` (the action with `-` as `_`) is the one shown.
    private static func shows(_ m: SecretController.ActionModel, _ key: String) -> Bool { m.form[key] ?? false }

    private static func objectionField(_ id: String) -> HTML { #"<input type="hidden" name="objection_id" value="\#(id)">"# }

    /// The drafting and review forms: submit, approve, amend, reject, refer, report.
    private static func reviewFields(_ m: SecretController.ActionModel) -> HTML {
        """
        \(if: shows(m, "submit"), submitFields(m))
        \(if: shows(m, "approve"), approveFields(m))
        \(if: shows(m, "amend"), amendFields)
        \(if: shows(m, "reject"), rejectFields)
        \(if: shows(m, "refer"), referFields)
        \(if: shows(m, "report"), reportFields)
        """
    }

    /// The objection's later forms: answer, appeal, decide_appeal.
    private static func objectionFields(_ m: SecretController.ActionModel) -> HTML {
        """
        \(if: shows(m, "answer"), answerFields)
        \(if: shows(m, "appeal"), appealFields)
        \(if: shows(m, "decide_appeal"), decideAppealFields)
        """
    }

    /// The forms between report and answer, in this order: object, annual_review, widen, decide, change,
    /// declassify, recheck, correct.
    private static func changeFields(_ m: SecretController.ActionModel) -> HTML {
        """
        \(if: shows(m, "object"), objectFields)
        \(if: shows(m, "annual_review"), annualReviewFields(m))
        \(if: shows(m, "widen"), widenFields(m))
        \(if: shows(m, "decide"), decideFields)
        \(if: shows(m, "change"), changeMarkingFields)
        \(if: shows(m, "declassify"), declassifyFields)
        \(if: shows(m, "recheck"), recheckFields)
        \(if: shows(m, "correct"), correctFields)
        """
    }

    private static func submitFields(_ m: SecretController.ActionModel) -> HTML {
        #"<label>审核的定密责任人<select name="officer_person_id" class="form-select">\#(Components.choices(m.officers))</select></label>"#
    }

    private static func approveFields(_ m: SecretController.ActionModel) -> HTML { "<p>同意按“\(m.marking)”定密。</p>" }

    private static var amendFields: HTML {
        """
        <label>修改为（国家秘密标志）<input type="text" name="marking" placeholder="如 秘密★5年" class="form-control"></label>
          <label>修改理由<input type="text" name="reason" class="form-control"></label>
        """
    }

    private static var rejectFields: HTML { #"<label>不同意的理由<input type="text" name="reason" class="form-control"></label>"# }

    private static var referFields: HTML { "<p>本单位无相应定密权：已采取保密措施，报上级机关确定。</p>" }

    private static var reportFields: HTML { "<p>报保密行政管理部门确定。</p>" }

    private static var objectFields: HTML {
        """
        <label>主张的密级和期限<input type="text" name="marking" placeholder="如 机密★10年" class="form-control"></label>
          <label>理由<input type="text" name="reason" class="form-control"></label>
        """
    }

    private static func annualReviewFields(_ m: SecretController.ActionModel) -> HTML {
        """
        <label>审查结论<select name="result" class="form-select">\(each: m.results, resultOption)</select></label>
          <label>审查意见<input type="text" name="note" class="form-control"></label>
        """
    }

    private static func resultOption(_ result: String) -> HTML { "<option>\(result)</option>" }

    private static func widenFields(_ m: SecretController.ActionModel) -> HTML {
        """
        <label>扩大知悉范围至<select name="person_id" class="form-select">\(Components.choices(m.candidates))</select></label>
          <label>理由<input type="text" name="reason" class="form-control"></label>
          <label>原定密单位同意文号（本单位人员由单位负责人批准时留空）<input type="text" name="consent" class="form-control"></label>
        """
    }

    private static var decideFields: HTML {
        """
        <label>确定为（国家秘密标志；留空为不属于国家秘密）<input type="text" name="marking" placeholder="如 秘密★5年" class="form-control"></label>
          <label>理由<input type="text" name="reason" class="form-control"></label>
        """
    }

    private static var changeMarkingFields: HTML {
        """
        <label>变更后的国家秘密标志<input type="text" name="marking" placeholder="如 机密★15年" class="form-control"></label>
          <label>变更（延期）理由<input type="text" name="reason" class="form-control"></label>
        """
    }

    private static var declassifyFields: HTML {
        """
        <label>解密理由<input type="text" name="reason" class="form-control"></label>
          <label>长期事项：中央机关批准文号<input type="text" name="central_approval" class="form-control"></label>
        """
    }

    private static var recheckFields: HTML {
        #"<label>复核意见<input type="text" name="note" placeholder="如：已按新标志更改载体" class="form-control"></label>"#
    }

    private static var correctFields: HTML {
        """
        <label>纠正为（国家秘密标志）<input type="text" name="marking" placeholder="如 秘密★5年" class="form-control"></label>
          <label class="bm-check"><input type="checkbox" name="revoke" value="1"> 撤销定密</label>
          <label>纠正理由<input type="text" name="reason" class="form-control"></label>
        """
    }

    private static var answerFields: HTML { #"<label>答复意见<input type="text" name="decision" class="form-control"></label>"# }

    private static var appealFields: HTML { "<p>申请保密行政管理部门确定；确定前按所主张的最高密级保护。</p>" }

    private static var decideAppealFields: HTML { #"<label>确定意见<input type="text" name="decision" class="form-control"></label>"# }
}
