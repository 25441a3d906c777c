extension ClassificationViews {
    /// 定密权管理 action — one action's focused form for a unit: the regulation, the row it acts on, and the fields of
    /// this action only (`form.<action>`).
    static func authorityAction(_ m: AuthorityController.ActionModel, _ shell: PageShell) -> HTML {
        """
        <p>单位：<strong>\(m.unitName)</strong></p>
        <p class="bm-regulation" data-testid="regulation">依据：\(m.regulation)</p>
        <form method="post" action="/authority/\(m.unitID)/\(m.action)" class="bm-form" data-testid="action-form">
          \(Components.csrf(shell.csrf))
          \(if: m.rowField != nil, rowInput(m))
          \(officerFields(m))
          \(grantFields(m))
          \(catalogueFields(m))
          <div class="bm-form-actions">
            <button type="submit" class="btn btn-primary" data-testid="perform">\(m.label)</button>
            <a href="/authority?unit=\(m.unitID)" class="btn btn-outline-secondary">返回</a>
          </div>
        </form>
        """
    }

    /// Whether the form of `key` (the action with `-` as `_`) is the one shown.
    private static func showsForm(_ m: AuthorityController.ActionModel, _ key: String) -> Bool { m.form[key] ?? false }

    /// The row a row action acts on: the hidden field `rowField` with the row's ID (empty when there is none).
    private static func rowInput(_ m: AuthorityController.ActionModel) -> HTML {
        #"<input type="hidden" name="\#(m.rowField)" value="\#(m.rowID)">"#
    }

    /// The roster's forms: officer, remove_officer, file_roster.
    private static func officerFields(_ m: AuthorityController.ActionModel) -> HTML {
        """
        \(if: showsForm(m, "officer"), appointFields(m))
        \(if: showsForm(m, "remove_officer"), removalFields(m))
        \(if: showsForm(m, "file_roster"), fileRosterFields)
        """
    }

    /// The grants' forms: grant, revoke, apply, decide_application.
    private static func grantFields(_ m: AuthorityController.ActionModel) -> HTML {
        """
        \(if: showsForm(m, "grant"), grantingFields(m))
        \(if: showsForm(m, "revoke"), revokeFields)
        \(if: showsForm(m, "apply"), applyFields(m))
        \(if: showsForm(m, "decide_application"), decideApplicationFields)
        """
    }

    /// The catalogue's forms: catalogue, file_catalogue.
    private static func catalogueFields(_ m: AuthorityController.ActionModel) -> HTML {
        """
        \(if: showsForm(m, "catalogue"), catalogueItemFields)
        \(if: showsForm(m, "file_catalogue"), fileCatalogueFields)
        """
    }

    private static func appointFields(_ m: AuthorityController.ActionModel) -> HTML {
        """
        <label>人员<select name="person_id" class="form-select">\(Components.choices(m.persons))</select></label>
          <label>类别<select name="kind" class="form-select"><option value="designated">指定定密责任人</option><option value="statutory">法定定密责任人</option></select></label>
          <label>定密权限<select name="cap" class="form-select">\(Components.choices(m.levels))</select></label>
          <p class="form-text" data-testid="training-source">定密培训日期取自保密教育培训登记（本单位定密培训考试合格，或登记的外部定密培训）；尚未培训的，任命后须经培训合格方可定密。</p>
        """
    }

    private static func removalFields(_ m: AuthorityController.ActionModel) -> HTML {
        #"<label>调整原因<select name="reason" class="form-select">\#(Components.choices(m.reasons))</select></label>"#
    }

    private static var fileRosterFields: HTML { "<p>将本单位在任定密责任人名单报同级保密行政管理部门备案。</p>" }

    private static func grantingFields(_ m: AuthorityController.ActionModel) -> HTML {
        """
        <label>被授权单位<select name="grantee_unit_id" class="form-select">\(Components.choices(m.units))</select></label>
          <label>定密权限<select name="cap" class="form-select">\(Components.choices(m.levels))</select></label>
          <label>授权事项范围<input type="text" name="matter_scope" class="form-control"></label>
          <label>起<input type="date" name="valid_from" value="\(m.today)" class="form-control"></label>
          <label>止<input type="date" name="valid_until" class="form-control"></label>
          <label>依据<input type="text" name="basis" class="form-control"></label>
          <label>理由<input type="text" name="reasons" class="form-control"></label>
        """
    }

    private static var revokeFields: HTML { #"<label>撤销理由<input type="text" name="reason" class="form-control"></label>"# }

    private static func applyFields(_ m: AuthorityController.ActionModel) -> HTML {
        """
        <label>向<select name="grantor_unit_id" class="form-select">\(Components.choices(m.units))</select></label>
          <label>申请的定密权限<select name="cap" class="form-select">\(Components.choices(m.levels))</select></label>
          <label>事项范围<input type="text" name="matter_scope" class="form-control"></label>
          <label>起<input type="date" name="valid_from" value="\(m.today)" class="form-control"></label>
          <label>止<input type="date" name="valid_until" class="form-control"></label>
          <label>依据<input type="text" name="basis" class="form-control"></label>
          <label>理由<input type="text" name="reasons" class="form-control"></label>
        """
    }

    private static var decideApplicationFields: HTML {
        """
        <label>决定<select name="decision" class="form-select"><option value="grant">作出授权</option><option value="refuse">不予授权</option></select></label>
          <label>意见（不予授权时必填）<input type="text" name="note" class="form-control"></label>
        """
    }

    private static var catalogueItemFields: HTML {
        """
        <label>编号（编号已存在即为修订）<input type="text" name="code" class="form-control"></label>
          <label>事项名称<input type="text" name="name" class="form-control"></label>
          <label>密级和期限<input type="text" name="marking" placeholder="机密★10年" class="form-control"></label>
          <label>知悉范围<input type="text" name="scope" class="form-control"></label>
          <label>产生层级<input type="text" name="production_level" class="form-control"></label>
          <label>依据的保密事项范围<input type="text" name="source_document" class="form-control"></label>
          <label class="bm-check"><input type="checkbox" name="long_term" value="1"> 范围明确规定可为长期</label>
          <label>修订理由<input type="text" name="reason" class="form-control"></label>
        """
    }

    private static var fileCatalogueFields: HTML { "<p>将本单位国家秘密事项一览表报同级保密行政管理部门备案。</p>" }
}
