extension OrganisationViews {
    /// 角色与涉密等级 — the accounts' business roles (a 三员 account shows its role only) and the persons' tiers, each
    /// list with its pager.
    static func security(_ m: SecurityController.Model, _ shell: PageShell) -> HTML {
        """
        <h2>账号角色</h2>
        <p class="bm-hint">三员账号不得兼任业务角色；一个账号不得兼任两种三员角色。</p>
        \(m.accountsPager.html)
        <table class="table table-sm bm-table">
          <thead><tr><th>用户名</th><th>姓名</th><th>角色</th></tr></thead>
          <tbody>
          \(m.accounts.map { Self.securityAccount($0, csrf: shell.csrf) })
          </tbody>
        </table>
        <h2>人员涉密等级</h2>
        <p class="bm-hint">涉密等级决定可知悉的最高密级：核心→绝密，重要→机密，一般→秘密。</p>
        \(m.personsPager.html)
        <table class="table table-sm bm-table">
          <thead><tr><th>姓名</th><th>单位</th><th>岗位</th><th>涉密等级</th></tr></thead>
          <tbody>
          \(m.persons.map { Self.securityPerson($0, csrf: shell.csrf) })
          </tbody>
        </table>
        """
    }

    private static func securityAccount(_ a: SecurityController.AccountRow, csrf: String) -> HTML {
        """
          <tr>
            <td>\(a.username)</td><td>\(a.displayName)</td>
            <td>
              \(securityRoles(a, csrf: csrf))
            </td>
          </tr>
        """
    }

    /// A 三员 account's role as a badge; a business account's roles as a form of boxes.
    private static func securityRoles(_ a: SecurityController.AccountRow, csrf: String) -> HTML {
        if let administrator = a.administrator {
            return #"<span class="badge text-bg-dark">\#(administrator)</span>"#
        }
        return """
              <form method="post" action="/security/users/\(a.id)/roles" class="bm-roles">
                <input type="hidden" name="_csrf" value="\(csrf)">
                \(each: a.boxes, securityRoleBox)
                <button type="submit" class="btn btn-sm btn-outline-primary">保存</button>
              </form>
            """
    }

    private static func securityRoleBox(_ b: SecurityController.RoleBox) -> HTML {
        #"<label class="bm-check"><input type="checkbox" name="role" value="\#(b.code)"\#(if: b.checked, " checked")> \#(b.name)</label>"#
    }

    private static func securityPerson(_ p: SecurityController.PersonRow, csrf: String) -> HTML {
        """
          <tr><td>\(p.name)</td><td>\(p.unit)</td><td>\(p.post)</td>
            <td><form method="post" action="/security/persons/\(p.id)/tier" class="bm-inline">
              <input type="hidden" name="_csrf" value="\(csrf)">
              <select name="tier" class="form-select form-select-sm">\(Components.options(p.tiers, value: \.code, label: \.name, selected: \.selected))</select>
              <button type="submit" class="btn btn-sm btn-outline-primary">设定</button>
            </form></td></tr>
        """
    }
}
