extension OrganisationViews {
    /// 起草涉密通知 — the draft form: title, marking, date, body and the colleagues to put in the 知悉范围.
    static func noticeNew(_ m: NoticeController.FormModel, _ shell: PageShell) -> HTML {
        """
        <form method="post" action="/notices" class="bm-form">
          <input type="hidden" name="_csrf" value="\(shell.csrf)">
          <label>标题<input type="text" name="title" value="\(m.title)" required class="form-control"></label>
          <label>国家秘密标志<input type="text" name="marking" value="\(m.marking)" required class="form-control" placeholder="如 机密★10年、秘密★2030年12月31日"></label>
          <label>制发日期<input type="date" name="issued_on" value="\(m.issuedOn)" required class="form-control"></label>
          <label>正文<textarea name="body" rows="6" required class="form-control">\(m.body)</textarea></label>
          <fieldset><legend>知悉范围（起草人自动列入）</legend>
            \(each: m.persons, noticePersonBox)
          </fieldset>
          <button type="submit" class="btn btn-primary">保存</button>
        </form>
        """
    }

    private static func noticePersonBox(_ p: NoticeController.PersonBox) -> HTML {
        #"<label class="bm-check"><input type="checkbox" name="scope" value="\#(p.id)"\#(if: p.checked, " checked")> \#(p.label)</label>"#
    }
}
