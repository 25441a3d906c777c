import Carriers

/// A carrier's step pages, one per action over `CarrierController.ActionModel`: the shared head, then the action's form
/// when it may be taken now.
extension CarrierViews {
    typealias ActionModel = CarrierController.ActionModel

    /// The head of every step page: the carrier the action is about, the regulation, and a way back when the action may
    /// not be taken now.
    static func actionHead(_ m: ActionModel) -> HTML {
        """
        <table class="table table-sm bm-table bm-form-table bm-action-head" data-testid="carrier-record">
          <tr><th>载体编号</th><td data-testid="number">\(m.number)</td><th>国家秘密标志</th><td class="bm-marking level-\(m.level)" data-testid="marking">\(m.marking)</td></tr>
          <tr><th>标题</th><td colspan="3">\(m.title)</td></tr>
          <tr><th>类别</th><td>\(m.kind)</td><th>状态</th><td data-testid="status">\(m.status)\(m.holder.map(actionHeadHolder))</td></tr>
        </table>
        <p class="bm-regulation" data-testid="regulation">\(m.regulation)</p>
        \(if: !m.allowed, actionHeadBack(m.id))
        """
    }

    private static func actionHeadHolder(_ holder: String) -> HTML { "（\(holder)）" }

    private static func actionHeadBack(_ id: String) -> HTML {
        #"<p><a href="/carriers/\#(id)" class="btn btn-sm btn-outline-secondary" data-testid="back">返回</a></p>"#
    }

    /// An action's page: the head, then (when allowed) the form posting to `/carriers/<id>/<path>` with `fields`.
    private static func actionPage(_ m: ActionModel, _ shell: PageShell, _ path: String, _ fields: (ActionModel) -> HTML) -> HTML {
        let form: HTML = m.allowed ? actionForm(m, shell, path, fields(m)) : .empty
        return """
            \(actionHead(m))
            \(form)
            """
    }

    private static func actionForm(_ m: ActionModel, _ shell: PageShell, _ path: String, _ fields: HTML) -> HTML {
        """
        <form method="post" action="/carriers/\(m.id)/\(path)" class="bm-form" data-testid="action-form">\(Components.csrf(shell.csrf))
          \(fields)
          <div class="bm-actions"><button type="submit" class="btn btn-primary">\(m.chinese)</button>
          <a href="/carriers/\(m.id)" class="btn btn-outline-secondary" data-testid="back">返回</a></div>
        </form>
        """
    }

    // MARK: The pages, one per action

    /// The page of one step of a carrier's life: the head, then its form posting to `/carriers/<id>/<action>`.
    static func action(_ action: CarrierAction) -> @Sendable (ActionModel, PageShell) -> HTML {
        { m, shell in actionPage(m, shell, action.rawValue, fields(action)) }
    }

    /// The fields of a step's form.
    private static func fields(_ action: CarrierAction) -> (ActionModel) -> HTML {
        switch action {
        case .carryOut: carryOutFields
        case .circulate: circulateFields
        case .copy: copyFields
        case .destroy: destroyFields
        case .dispatch: dispatchFields
        case .lend: lendFields
        case .loss: lossFields
        case .mediumWrite: mediumWriteFields
        case .repair: repairFields
        case .retain: retainFields
        case .returnToIssuer: returnFields
        case .store: storeFields
        case .takeBack: takeBackFields
        }
    }

    // MARK: Each action's fields

    private static func carryOutFields(_ m: ActionModel) -> HTML {
        """
        <label>携带人<select name="holder" class="form-select">\(Components.options(m.persons))</select></label>
          <label>批准领导<select name="approved_by" class="form-select"><option value="">—</option>\(Components.options(m.approvers))</select></label>
          <label>同行人（绝密须二人以上，顿号分隔）<input type="text" name="companions" value="\(m.typed.companions)" class="form-control"></label>
          <label class="bm-check"><input type="checkbox" name="abroad" value="1"\(if: m.typed.abroad, " checked")> 出境</label>
          <label>出境许可证号<input type="text" name="exit_permit" value="\(m.typed.exitPermit)" class="form-control"></label>
        """
    }

    private static func circulateFields(_ m: ActionModel) -> HTML {
        """
        <label>传阅给<select name="reader" class="form-select">\(Components.options(m.persons))</select></label>
          <label>阅文地点\(if: m.topSecret, "（绝密必填）")<input type="text" name="reading_room" value="\(m.typed.readingRoom)" class="form-control"></label>
        """
    }

    private static func copyFields(_ m: ActionModel) -> HTML {
        """
        <label>批准领导<select name="approved_by" class="form-select"><option value="">—</option>\(Components.options(m.approvers))</select></label>
          <label>原定密机关或制发单位同意（绝密、外单位文件必填，文号）<input type="text" name="originator_consent" value="\(m.typed.originatorConsent)" class="form-control"></label>
          <label>份数<input type="number" name="copies" min="1" max="50" value="\(m.typed.copies)" class="form-control"></label>
          <label>签收人<input type="text" name="recipient" value="\(m.typed.recipient)" class="form-control"></label>
        """
    }

    private static func destroyFields(_ m: ActionModel) -> HTML {
        """
        <label>批准领导<select name="approved_by" class="form-select"><option value="">—</option>\(Components.options(m.approvers))</select></label>
          <label>监销人（二人以上，顿号分隔）<input type="text" name="persons" value="\(m.typed.persons)" class="form-control"></label>
          <label>销毁方式<select name="method" class="form-select">\(Components.options(m.methods))</select></label>
          <label class="bm-check"><input type="checkbox" name="cipher" value="1"\(if: m.typed.cipher, " checked")> 密码电报</label>
        """
    }

    private static func dispatchFields(_ m: ActionModel) -> HTML {
        """
        <label>收件单位<input type="text" name="recipient" value="\(m.typed.recipient)" class="form-control"></label>
          <label>批准的发放范围（单位名称，顿号分隔）<input type="text" name="distribution" value="\(m.typed.distribution)" class="form-control"></label>
          <label>传递渠道<select name="channel" class="form-select">\(Components.options(m.channels))</select></label>
          <label class="bm-check"><input type="checkbox" name="out_of_town" value="1"\(if: m.typed.outOfTown, " checked")> 送往外地</label>
          <label>护送人（绝密须二人，顿号分隔）<input type="text" name="escorts" value="\(m.typed.escorts)" class="form-control"></label>
        """
    }

    private static func lendFields(_ m: ActionModel) -> HTML {
        """
        <label>借阅人<select name="borrower" class="form-select">\(Components.options(m.persons))</select></label>
          <label>批准领导<select name="approved_by" class="form-select"><option value="">—</option>\(Components.options(m.approvers))</select></label>
          <label>归还日期<input type="date" name="due_on" value="\(m.typed.dueOn)" class="form-control"></label>
        """
    }

    private static func lossFields(_ m: ActionModel) -> HTML {
        """
        <label>事件<select name="kind" class="form-select">\(Components.options(m.lossKinds))</select></label>
          <label>经过<input type="text" name="summary" value="\(m.typed.summary)" class="form-control"></label>
        """
    }

    private static func mediumWriteFields(_ m: ActionModel) -> HTML {
        """
        <label>写入信息的密级<select name="content_level" class="form-select">\(Components.options(m.levels))</select></label>
          \(if: m.devices, mediumWriteComputer(m.typed.computerNumber))
        """
    }

    private static func mediumWriteComputer(_ computerNumber: String) -> HTML {
        #"<label>写入所用涉密计算机编号<input name="computer_number" maxlength="64" class="form-control" value="\#(computerNumber)"></label>"#
    }

    private static func repairFields(_ m: ActionModel) -> HTML {
        """
        <label>维修方式<select name="mode" class="form-select">\(Components.options(m.repairModes))</select></label>
          <label>现场监督人<input type="text" name="supervisor" value="\(m.typed.supervisor)" class="form-control"></label>
          <label>维修单位<input type="text" name="vendor" value="\(m.typed.vendor)" class="form-control"></label>
          <label class="bm-check"><input type="checkbox" name="off_site" value="1"\(if: m.typed.offSite, " checked")> 送外维修</label>
          <label class="bm-check"><input type="checkbox" name="data_recovery" value="1"\(if: m.typed.dataRecovery, " checked")> 数据恢复</label>
        """
    }

    private static func retainFields(_ m: ActionModel) -> HTML {
        #"<label>归档或延长使用的依据<input type="text" name="reason" value="\#(m.typed.reason)" class="form-control"></label>"#
    }

    private static func returnFields(_ m: ActionModel) -> HTML {
        #"<label>清退说明<input type="text" name="note" value="\#(m.typed.note)" class="form-control"></label>"#
    }

    private static func storeFields(_ m: ActionModel) -> HTML {
        #"<label>存放于<select name="safe_id" class="form-select">\#(Components.options(m.safes))</select></label>"#
    }

    private static func takeBackFields(_ m: ActionModel) -> HTML {
        "<p>收回后由保密员保管\(m.holder.map(takeBackHolder))。</p>"
    }

    private static func takeBackHolder(_ holder: String) -> HTML { "（现由\(holder)持有）" }
}
