extension OrganisationViews {
    /// 账号管理 — a new account's initial password (shown once), the pager, one row an account with its actions, and
    /// the form for a new account.
    static func users(_ m: AdminController.UsersModel, _ shell: PageShell) -> HTML {
        """
        \(m.created.map(usersCreated))
        \(m.pager.html)
        <table class="table table-sm bm-table">
          <thead><tr><th>用户名</th><th>姓名</th><th>关联人员</th><th>角色</th><th>状态</th><th>最近登录</th><th>操作</th></tr></thead>
          <tbody>
          \(m.users.map { Self.userRow($0, csrf: shell.csrf) })
          </tbody>
        </table>
        <h2>新建账号</h2>
        <form method="post" action="/admin/users" class="bm-form">
          <input type="hidden" name="_csrf" value="\(shell.csrf)">
          <label>用户名<input type="text" name="username" required class="form-control"></label>
          <label>姓名/显示名<input type="text" name="display_name" required class="form-control"></label>
          <label>关联人员（尚无账号的人员，按姓名排列；可在地址中用 person_q 按姓名查找）<select name="person_id" class="form-select"><option value="">（不关联）</option>\(each: m.persons, userPersonOption)</select></label>
          <p class="bm-hint">初始口令由系统随机生成并只显示一次。业务角色由安全保密管理员分配（三员分立）。</p>
          <button type="submit" class="btn btn-primary">创建账号</button>
        </form>
        """
    }

    private static func usersCreated(_ c: AdminController.CreatedModel) -> HTML {
        """
        <div class="alert alert-warning bm-once" data-testid="initial-password">
          账号 <strong>\(c.username)</strong> 的初始口令：<code>\(c.password)</code>（仅显示一次，请当面交付；首次登录须修改）
          \(c.otpURL.map(usersOTP))
        </div>
        """
    }

    private static func usersOTP(_ url: String) -> HTML { "<br>动态口令绑定地址：<code>\(url)</code>" }

    private static let userLockedBadge: HTML = #"<span class="badge text-bg-danger">已锁定</span>"#

    private static let userMustChangeBadge: HTML = #" <span class="badge text-bg-secondary">待改口令</span>"#

    private static func userRow(_ u: AdminController.UserRow, csrf: String) -> HTML {
        """
          <tr>
            <td>\(u.username)</td><td>\(u.displayName)</td><td>\(u.person)</td><td>\(u.roles)</td>
            <td>\(if: u.locked, userLockedBadge, else: "正常")\(if: u.mustChange, userMustChangeBadge)</td>
            <td>\(u.lastLogin)</td>
            <td class="bm-actions">
              \(userLockForm(u, csrf: csrf))
              <form method="post" action="/admin/users/\(u.id)/reset-password"><input type="hidden" name="_csrf" value="\(csrf)"><button class="btn btn-sm btn-outline-secondary">重置口令</button></form>
            </td>
          </tr>
        """
    }

    /// 解锁 for a locked account, 锁定 for an open one.
    private static func userLockForm(_ u: AdminController.UserRow, csrf: String) -> HTML {
        if u.locked {
            return
                #"<form method="post" action="/admin/users/\#(u.id)/unlock"><input type="hidden" name="_csrf" value="\#(csrf)"><button class="btn btn-sm btn-outline-success">解锁</button></form>"#
        }
        return
            #"<form method="post" action="/admin/users/\#(u.id)/lock"><input type="hidden" name="_csrf" value="\#(csrf)"><button class="btn btn-sm btn-outline-danger">锁定</button></form>"#
    }

    private static func userPersonOption(_ p: AdminController.PersonOption) -> HTML { #"<option value="\#(p.id)">\#(p.label)</option>"# }
}
