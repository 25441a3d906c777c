extension OrganisationViews {
    /// 单位与人员 — the unit tree, the forms for a new unit, department and person, and one page of the directory.
    static func units(_ m: AdminController.UnitsModel, _ shell: PageShell) -> HTML {
        """
        <table class="table table-sm bm-table">
          <thead><tr><th>单位</th><th>类别</th><th>上级</th><th>地区</th><th>内设部门</th></tr></thead>
          <tbody>\(each: m.units, unitRow)</tbody>
        </table>
        <div class="bm-columns">
        \(unitForm(m, csrf: shell.csrf))
        \(departmentForm(m, csrf: shell.csrf))
        \(personForm(m, csrf: shell.csrf))
        </div>
        <h2>人员</h2>
        \(m.pager.html)
        <table class="table table-sm bm-table">
          <thead><tr><th>姓名</th><th>单位</th><th>部门</th><th>岗位</th><th>职务</th><th>涉密等级</th><th>联系电话</th></tr></thead>
          <tbody>\(each: m.persons, unitsPersonRow)</tbody>
        </table>
        """
    }

    private static func unitRow(_ u: AdminController.UnitRow) -> HTML {
        """
        <tr><td>\(u.depth)\(u.name)</td><td>\(u.kind)</td><td>\(u.parent)</td><td>\(u.region)</td><td>\(u.departments)</td></tr>
        """
    }

    private static func unitKindOption(_ k: AdminController.KindOption) -> HTML { #"<option value="\#(k.code)">\#(k.name)</option>"# }

    private static func unitOption(_ u: AdminController.UnitRow) -> HTML { #"<option value="\#(u.id)">\#(u.name)</option>"# }

    private static func departmentOption(_ d: AdminController.DeptOption) -> HTML { #"<option value="\#(d.id)">\#(d.label)</option>"# }

    private static func unitForm(_ m: AdminController.UnitsModel, csrf: String) -> HTML {
        """
        <form method="post" action="/admin/units" class="bm-form">
          <h2>新建单位</h2>
          <input type="hidden" name="_csrf" value="\(csrf)">
          <label>单位名称<input type="text" name="name" required class="form-control"></label>
          <label>单位类别<select name="kind" class="form-select">\(each: m.kinds, unitKindOption)</select></label>
          <label>上级单位<select name="parent_id" class="form-select"><option value="">（无）</option>\(each: m.units, unitOption)</select></label>
          <label>所在地区<input type="text" name="region" class="form-control"></label>
          <button type="submit" class="btn btn-primary">创建单位</button>
        </form>
        """
    }

    private static func departmentForm(_ m: AdminController.UnitsModel, csrf: String) -> HTML {
        """
        <form method="post" action="/admin/departments" class="bm-form">
          <h2>新建部门</h2>
          <input type="hidden" name="_csrf" value="\(csrf)">
          <label>所属单位<select name="unit_id" class="form-select">\(each: m.units, unitOption)</select></label>
          <label>部门名称<input type="text" name="name" required class="form-control"></label>
          <button type="submit" class="btn btn-primary">创建部门</button>
        </form>
        """
    }

    private static func personForm(_ m: AdminController.UnitsModel, csrf: String) -> HTML {
        """
        <form method="post" action="/admin/persons" class="bm-form">
          <h2>登记人员</h2>
          <input type="hidden" name="_csrf" value="\(csrf)">
          <label>所属单位<select name="unit_id" class="form-select">\(each: m.units, unitOption)</select></label>
          <label>所属部门<select name="department_id" class="form-select"><option value="">（无）</option>\(each: m.departments, departmentOption)</select></label>
          <label>姓名<input type="text" name="name" required class="form-control"></label>
          <label>岗位<input type="text" name="post" class="form-control"></label>
          <label>职务<input type="text" name="title" class="form-control"></label>
          <label>联系电话<input type="text" name="phone" class="form-control"></label>
          <label>电子邮箱<input type="email" name="email" class="form-control"></label>
          <p class="bm-hint">涉密等级由安全保密管理员设定。</p>
          <button type="submit" class="btn btn-primary">登记</button>
        </form>
        """
    }

    private static func unitsPersonRow(_ p: AdminController.PersonRow) -> HTML {
        """
        <tr><td>\(p.name)</td><td>\(p.unit)</td><td>\(p.department)</td><td>\(p.post)</td><td>\(p.title)</td><td>\(p.tier)</td><td>\(p.phone)</td></tr>
        """
    }
}
