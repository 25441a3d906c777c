/// The shell every page shares (layout): the header with the user's badge, the top menu and the open area's menu, the
/// title, the flash and the error, the page's own body, the footer.
enum Layout {
    static func page(_ shell: PageShell, body: HTML) -> HTML {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(shell.title) · 保密管理系统</title>
        <link rel="stylesheet" href="/static/vendor/bootstrap/bootstrap.min.css">
        <link rel="stylesheet" href="/static/baomi.css">
        <link rel="stylesheet" href="/static/print.css" media="print">
        </head>
        <body>
        <header class="bm-header">
          <div class="bm-brand"><a href="/">保密管理系统</a><span class="bm-brand-sub">Baomi</span></div>
          \(shell.user.map { badge($0, csrf: shell.csrf) })
        </header>
        \(shell.user.map { _ in menus(shell) })
        <main class="bm-main">
          <h1 class="bm-title">\(shell.title)</h1>
          \(shell.flash.map(flash))
          \(shell.error.map(error))
          \(body)
        </main>
        <footer class="bm-footer">本系统处理国家秘密信息，请遵守保密规定。操作均记入审计日志。</footer>
        </body>
        </html>
        """
    }

    static func badge(_ user: UserBadge, csrf: String) -> HTML {
        """
        <div class="bm-user">
            <span class="bm-user-name" data-testid="current-user">\(user.displayName)（\(user.username)）</span>
            <span class="bm-user-roles">\(user.roles)</span>
            <span class="bm-user-tier">涉密等级：\(user.tier)</span>
            <a href="/account/password">修改口令</a>
            <form method="post" action="/logout" class="bm-inline">
              <input type="hidden" name="_csrf" value="\(csrf)">
              <button type="submit" class="btn btn-sm btn-outline-light">退出</button>
            </form>
          </div>
        """
    }

    static func menus(_ shell: PageShell) -> HTML {
        """
        <nav class="bm-nav" aria-label="模块导航">
          \(each: shell.nav, link)
        </nav>
        \(if: !shell.subnav.isEmpty, areaMenu(shell.subnav))
        """
    }

    static func areaMenu(_ groups: [NavGroup]) -> HTML {
        """
        <nav class="bm-subnav bm-noprint" aria-label="本模块菜单" data-testid="area-menu">
          \(each: groups, group)
        </nav>
        """
    }

    static func group(_ group: NavGroup) -> HTML {
        #"<div class="bm-subnav-group"><span class="bm-subnav-title">\#(group.title)</span>\#(each: group.items, link)</div>"#
    }

    static func flash(_ text: String) -> HTML { #"<div class="alert alert-success" role="status">\#(text)</div>"# }

    static func error(_ text: String) -> HTML { #"<div class="alert alert-danger" role="alert" data-testid="error">\#(text)</div>"# }

    static func link(_ item: NavItem) -> HTML {
        #"<a href="\#(item.href)" class="\#(if: item.active, "active")">\#(item.title)</a>"#
    }
}
