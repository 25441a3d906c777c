extension OrganisationViews {
    /// 登录 — the login form: its anti-forgery token, the user name, the one-time password when required.
    static func login(_ m: LoginController.LoginModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/login" class="bm-form bm-login">
          <input type="hidden" name="_login" value="\(m.loginToken)">
          <label>用户名<input type="text" name="username" value="\(m.username)" autocomplete="username" required class="form-control"></label>
          <label>口令<input type="password" name="password" autocomplete="current-password" required class="form-control"></label>
          \(if: m.requiresOTP, loginOTP)
          <button type="submit" class="btn btn-primary">登录</button>
          <p class="bm-hint">本系统按\(m.systemLevel)级管理：连续3次登录失败将锁定账号；空闲超时自动退出。</p>
        </form>
        """
    }

    private static let loginOTP: HTML =
        #"<label>动态口令（6位）<input type="text" name="otp" inputmode="numeric" autocomplete="one-time-code" class="form-control"></label>"#
}
