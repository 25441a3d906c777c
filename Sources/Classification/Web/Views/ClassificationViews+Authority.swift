extension ClassificationViews {
    /// 定密权管理 — a unit's own authority, its actions, the officers, the grants, the applications, the catalogue
    /// with its revisions and the filings made.
    static func authority(_ m: AuthorityController.Model, _ shell: PageShell) -> HTML {
        """
        <p>单位：<strong>\(m.unitName)</strong>　本单位定密权：<strong data-testid="own-cap">\(m.ownCap)</strong></p>
        <nav class="bm-action-bar bm-noprint" aria-label="可办理事项" data-testid="actions">
        \(each: m.actions, actionBarLink)
        </nav>
        \(officersAndGrants(m))
        \(applicationsTable(m))
        \(catalogueTables(m))
        <h2>报备记录</h2>
        <table class="table table-sm bm-table" data-testid="filings-made">
          <thead><tr><th>类别</th><th>内容</th><th>报备日期</th><th>状态</th><th>审查意见</th></tr></thead>
          <tbody>\(each: m.filings, filingMadeRow)</tbody>
        </table>
        """
    }

    /// 定密责任人名单 and 定密授权.
    private static func officersAndGrants(_ m: AuthorityController.Model) -> HTML {
        """
        <h2>定密责任人名单</h2>
        <table class="table table-sm bm-table">
          <thead><tr><th>姓名</th><th>类别</th><th>定密权限</th><th>指定日期</th><th>定密培训</th><th>状态</th><th class="bm-noprint">调整</th></tr></thead>
          <tbody>\(officerRows(m))</tbody>
        </table>
        <h2>定密授权</h2>
        <table class="table table-sm bm-table">
          <thead><tr><th>方向</th><th>对方单位</th><th>权限</th><th>事项范围</th><th>期限</th><th>状态</th><th class="bm-noprint">撤销</th></tr></thead>
          <tbody>\(grantRows(m))</tbody>
        </table>
        """
    }

    /// 定密授权申请.
    private static func applicationsTable(_ m: AuthorityController.Model) -> HTML {
        """
        <h2>定密授权申请</h2>
        <table class="table table-sm bm-table" data-testid="applications">
          <thead><tr><th>方向</th><th>对方单位</th><th>申请权限</th><th>事项范围</th><th>期限</th><th>依据</th><th>理由</th><th>状态</th><th class="bm-noprint">决定</th></tr></thead>
          <tbody>\(applicationRows(m))</tbody>
        </table>
        """
    }

    /// 国家秘密事项一览表 and its revisions.
    private static func catalogueTables(_ m: AuthorityController.Model) -> HTML {
        """
        <h2>国家秘密事项一览表</h2>
        <table class="table table-sm bm-table">
          <thead><tr><th>编号</th><th>事项名称</th><th>密级和期限</th><th>知悉范围</th><th>产生层级</th><th>依据</th><th>版本</th></tr></thead>
          <tbody>\(each: m.items, itemRow)</tbody>
        </table>
        <h3>一览表修订记录</h3>
        <table class="table table-sm bm-table" data-testid="revisions">
          <thead><tr><th>版本</th><th>条目</th><th>修订理由</th><th>修订人</th><th>日期</th></tr></thead>
          <tbody>\(each: m.revisions, revisionRow)</tbody>
        </table>
        """
    }

    private static func officerRows(_ m: AuthorityController.Model) -> [HTML] { m.officers.map { officerRow($0, unitID: m.unitID) } }

    private static func officerRow(_ o: AuthorityController.OfficerRow, unitID: String) -> HTML {
        """
        <tr><td>\(o.name)</td><td>\(o.kind)</td><td>\(o.cap)</td><td>\(o.appointed)</td><td>\(o.trained)</td><td>\(o.state)</td>
            <td class="bm-noprint">\(if: o.canRemove, removeOfficerLink(o, unitID: unitID))</td></tr>
        """
    }

    private static func removeOfficerLink(_ o: AuthorityController.OfficerRow, unitID: String) -> HTML {
        #"<a href="/authority/\#(unitID)/remove-officer?officer=\#(o.id)" class="btn btn-sm btn-outline-danger" data-action="remove-officer">调整</a>"#
    }

    private static func grantRows(_ m: AuthorityController.Model) -> [HTML] { m.grants.map { grantRow($0, unitID: m.unitID) } }

    private static func grantRow(_ g: AuthorityController.GrantRow, unitID: String) -> HTML {
        """
        <tr><td>\(g.direction)</td><td>\(g.other)</td><td>\(g.cap)</td><td>\(g.scope)</td><td>\(g.term)</td><td>\(g.state)</td>
            <td class="bm-noprint">\(if: g.canRevoke, revokeLink(g, unitID: unitID))</td></tr>
        """
    }

    private static func revokeLink(_ g: AuthorityController.GrantRow, unitID: String) -> HTML {
        #"<a href="/authority/\#(unitID)/revoke?grant=\#(g.id)" class="btn btn-sm btn-outline-danger" data-action="revoke">撤销</a>"#
    }

    private static func applicationRows(_ m: AuthorityController.Model) -> [HTML] { m.applications.map { applicationRow($0, unitID: m.unitID) } }

    private static func applicationRow(_ a: AuthorityController.ApplicationRow, unitID: String) -> HTML {
        """
        <tr><td>\(a.direction)</td><td>\(a.other)</td><td>\(a.cap)</td><td>\(a.scope)</td><td>\(a.term)</td><td>\(a.basis)</td><td>\(a.reasons)</td><td>\(a.state)</td>
            <td class="bm-noprint">\(if: a.canDecide, decideLink(a, unitID: unitID))</td></tr>
        """
    }

    private static func decideLink(_ a: AuthorityController.ApplicationRow, unitID: String) -> HTML {
        #"<a href="/authority/\#(unitID)/decide-application?application=\#(a.applicationID)" class="btn btn-sm btn-primary" data-action="decide-application">决定</a>"#
    }

    private static func itemRow(_ i: AuthorityController.ItemRow) -> HTML {
        """
        <tr><td>\(i.code)</td><td>\(i.name)</td><td>\(i.marking)</td><td>\(i.scope)</td><td>\(i.production)</td><td>\(i.source)</td><td>\(i.revision)</td></tr>
        """
    }

    private static func revisionRow(_ r: AuthorityController.RevisionRow) -> HTML {
        "<tr><td>\(r.revision)</td><td>\(r.content)</td><td>\(r.reason)</td><td>\(r.by)</td><td>\(r.on)</td></tr>"
    }

    private static func filingMadeRow(_ f: AuthorityController.FilingRow) -> HTML {
        #"<tr><td>\#(f.kind)</td><td><a href="/filings/\#(f.filingID)">\#(f.summary)</a></td><td>\#(f.filedOn)</td><td>\#(f.status)</td><td>\#(f.reply)</td></tr>"#
    }
}
