/// 收文登记 / 密件制作登记 — entering a carrier: the carrier, who may know it, the
/// medium, and the production's approval or the receipt's check.
extension CarrierViews {
    static func entry(_ m: CarrierController.EntryModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/carriers/new" class="bm-form" data-testid="carrier-entry">
          \(Components.csrf(shell.csrf))
          <input type="hidden" name="mode" value="\(m.mode)">
          \(entryCarrier(m))
          <fieldset><legend>知悉范围（单位领导确定）</legend>
          \(each: m.persons, entryScopeBox)
          </fieldset>
          <fieldset><legend>移动存储介质（仅介质填写）</legend>
          <label>介质类型<input type="text" name="media_type" placeholder="U盘、移动硬盘、光盘" class="form-control"></label>
          <label>使用人<select name="medium_user" class="form-select"><option value="">—</option>\(Components.choices(m.persons))</select></label>
          <label class="bm-check"><input type="checkbox" name="purchased_centrally" value="1"> 由单位保密组织统一购置</label>
          </fieldset>
          \(if: m.produce, entryProduction(m), else: entryReceipt(m))
          <button type="submit" class="btn btn-primary">\(if: m.produce, "登记制作", else: "签收并登记收文")</button>
        </form>
        """
    }

    /// The carrier's own fields.
    private static func entryCarrier(_ m: CarrierController.EntryModel) -> HTML {
        """
        <fieldset><legend>载体</legend>
          <label>类别<select name="kind" class="form-select">\(Components.options(m.kinds))</select></label>
          <label>标题<input type="text" name="title" value="\(m.title)" class="form-control" required></label>
          <label>文号<input type="text" name="document_number" value="\(m.documentNumber)" class="form-control"></label>
          <label>\(if: m.produce, "制发单位", else: "来文单位")<input type="text" name="originating_unit" value="\(m.originatingUnit)" class="form-control"></label>
          <label>国家秘密标志（\(if: m.produce, "留空则按所载事项确定", else: "按文件首页所标")）<input type="text" name="marking" value="\(m.marking)" placeholder="如 机密★10年" class="form-control"></label>
          <label>所载国家秘密事项（可多选）<select name="secret_id" multiple size="4" class="form-select">\(Components.options(m.secrets))</select></label>
          <label>份数<input type="number" name="copies" value="\(m.copies)" min="1" max="999" class="form-control"></label>
          <label>份号（留空按 001、002… 编）<input type="text" name="serials" value="\(m.serials)" class="form-control"></label>
          </fieldset>
        """
    }

    private static func entryScopeBox(_ o: CarrierController.Option) -> HTML {
        #"<label class="bm-check"><input type="checkbox" name="scope" value="\#(o.value)"\#(if: o.selected, " checked")> \#(o.label)</label>"#
    }

    /// 制作审批 (R-CA-1).
    private static func entryProduction(_ m: CarrierController.EntryModel) -> HTML {
        """
        <fieldset><legend>制作审批</legend>
          <label>批准领导<select name="approved_by" class="form-select"><option value="">—</option>\(Components.choices(m.approvers))</select></label>
          <label>制作设备<select name="equipment" class="form-select">\(Components.options(m.equipment))</select></label>
          \(if: m.devices, entryDevice(m.deviceNumber))
          <label>批准份数<input type="number" name="approved_copies" min="1" max="999" class="form-control"></label>
          <label class="bm-check"><input type="checkbox" name="marking_applied" value="1"> 已同时作出国家秘密标志</label>
          <label>中间材料、残次品<select name="waste" class="form-select">\(Components.options(m.waste))</select></label>
          </fieldset>
        """
    }

    private static func entryDevice(_ deviceNumber: String) -> HTML {
        """
        <label>制作所用涉密计算机编号<input name="device_number" maxlength="64" class="form-control" value="\(deviceNumber)" placeholder="按设备台账核对；填写后以台账为准"></label>
        """
    }

    /// 签收核对 (R-CA-2).
    private static func entryReceipt(_ m: CarrierController.EntryModel) -> HTML {
        """
        <fieldset><legend>签收核对</legend>
          <label class="bm-check"><input type="checkbox" name="package_intact" value="1"> 包装完整</label>
          <label>发文清单所列份数<input type="number" name="expected_copies" min="1" max="999" class="form-control"></label>
          <label>清单所列份号<input type="text" name="expected_serials" class="form-control"></label>
          <label>清单所列密级<select name="listed_level" class="form-select">\(Components.options(m.levels))</select></label>
          <label class="bm-check"><input type="checkbox" name="addressee_matches" value="1"> 收件单位名称无误</label>
          </fieldset>
        """
    }
}
