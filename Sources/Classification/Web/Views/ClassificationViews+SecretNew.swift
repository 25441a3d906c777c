extension ClassificationViews {
    /// 拟定密级 — the drafting form: the basis (一览表, derived or unclear), the marking, the scope, the co-units and the
    /// four questions.
    static func secretNew(_ m: SecretController.DraftModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/secrets" class="bm-form bm-wide">
          \(Components.csrf(shell.csrf))
          <label>事项名称<input type="text" name="title" value="\(m.title)" required class="form-control"></label>
          \(basisFieldset(m))
          <label>拟定国家秘密标志（派生定密时沿用原事项）<input type="text" name="marking" value="\(m.marking)" placeholder="如 机密★10年" class="form-control"></label>
          <label>密点<textarea name="secret_points" rows="2" class="form-control">\(m.secretPoints)</textarea></label>
          <fieldset><legend>知悉范围（承办人自动列入）</legend>
            \(each: m.persons, scopeBox)
          </fieldset>
          <fieldset><legend>联合定密的协办单位（本单位为主办单位；无则不选）</legend>
            \(each: m.units, coUnitBox)
          </fieldset>
          <fieldset><legend>不得定密的情形（须逐项回答）</legend>
            \(each: m.questions, question)
          </fieldset>
          <p class="bm-hint">自拟定之时起即按拟定密级采取保密措施。</p>
          <button type="submit" class="btn btn-primary">保存拟定意见</button>
        </form>
        """
    }

    /// 定密依据: the catalogue item, or the source of a derived secret (checked when deriving), or an unclear matter.
    private static func basisFieldset(_ m: SecretController.DraftModel) -> HTML {
        """
        <fieldset><legend>定密依据</legend>
            <label class="bm-check"><input type="radio" name="basis" value="catalogue"\(if: m.source == nil, " checked")> 依据国家秘密事项一览表</label>
            <select name="catalogue_item_id" class="form-select">\(Components.choices(m.items))</select>
            <label class="bm-check"><input type="radio" name="basis" value="derived"\(if: m.source != nil, " checked")> 派生定密：原事项编号</label>
            <input type="text" name="source_id" value="\(m.source)" class="form-control">
            <select name="ground" class="form-select"><option value="">派生情形</option>\(Components.options(m.grounds))</select>
            <label class="bm-check"><input type="radio" name="basis" value="unclear"> 不明确事项（10个工作日内报保密行政管理部门确定）</label>
          </fieldset>
        """
    }

    private static func scopeBox(_ o: SecretController.Option) -> HTML {
        #"<label class="bm-check"><input type="checkbox" name="scope" value="\#(o.value)"> \#(o.label)</label>"#
    }

    private static func coUnitBox(_ o: SecretController.Option) -> HTML {
        #"<label class="bm-check"><input type="checkbox" name="co_unit" value="\#(o.value)"\#(if: o.selected, " checked")> \#(o.label)</label>"#
    }

    private static func question(_ o: SecretController.Option) -> HTML {
        """
        <div class="bm-question">\(o.label)
              <label class="bm-check"><input type="radio" name="\(o.value)" value="no"> 否</label>
              <label class="bm-check"><input type="radio" name="\(o.value)" value="yes"> 是</label></div>
        """
    }
}
