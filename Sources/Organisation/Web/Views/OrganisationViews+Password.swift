extension OrganisationViews {
    /// 修改口令 — the password form and the policy's minimum length.
    static func password(_ m: LoginController.PasswordModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/account/password" class="bm-form">
          <input type="hidden" name="_csrf" value="\(shell.csrf)">
          <label>原口令<input type="password" name="old_password" autocomplete="current-password" required class="form-control"></label>
          <label>新口令<input type="password" name="new_password" autocomplete="new-password" required class="form-control"></label>
          <label>确认新口令<input type="password" name="confirm" autocomplete="new-password" required class="form-control"></label>
          <p class="bm-hint">口令至少 \(m.minimumLength) 位，并包含大写字母、小写字母、数字、符号中的至少两类。</p>
          <button type="submit" class="btn btn-primary">修改口令</button>
        </form>
        """
    }
}
