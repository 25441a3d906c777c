extension PersonnelViews {
    /// 涉密人员表格（打印） — one A4 form: the heading, the fields, the tables, the undertakings and the signature lines.
    static func form(_ m: PersonnelForm, _ shell: PageShell) -> HTML {
        """
        <div class="bm-noprint bm-actions"><button type="button" class="btn btn-sm btn-primary" onclick="window.print()">打印</button> <a class="btn btn-sm btn-outline-secondary" href="\(m.back)">返回</a></div>
        <h2 class="bm-print-title" data-testid="form-heading">\(m.heading)</h2>
        \(if: m.hasFields, formFields(m.fields))
        \(each: m.tables, formTable)
        \(m.pager.map(\.html))
        \(if: m.hasUndertakings, undertakings(m.undertakings))
        <div class="bm-sign mt-4" data-testid="signers">\(each: m.signers, signer)</div>
        """
    }

    private static func formFields(_ fields: [PersonnelForm.Field]) -> HTML {
        """
        <table class="table table-sm bm-form-table" data-testid="form-fields">
        \(each: fields, formField)
        </table>
        """
    }

    private static func formField(_ f: PersonnelForm.Field) -> HTML { #"<tr><th style="width:30%">\#(f.label)</th><td>\#(f.value)</td></tr>"# }

    private static func formTable(_ t: PersonnelForm.Table) -> HTML {
        """
        <h3>\(t.title)</h3>
        <table class="table table-sm bm-table" data-testid="\(t.testid)"><thead><tr>\(each: t.head, headCell)</tr></thead>
        <tbody>\(each: t.lines, formLine)</tbody></table>
        """
    }

    private static func headCell(_ text: String) -> HTML { "<th>\(text)</th>" }

    private static func formLine(_ line: PersonnelForm.Line) -> HTML { "<tr>\(each: line.cells, cell)</tr>" }

    private static func undertakings(_ items: [String]) -> HTML {
        #"<h3>承诺事项</h3><ol data-testid="undertakings">\#(each: items, undertaking)</ol>"#
    }

    private static func undertaking(_ text: String) -> HTML { "<li>\(text)</li>" }

    private static func signer(_ who: String) -> HTML { "<p>\(who)（签字）：____________　　日期：______年____月____日</p>" }
}
