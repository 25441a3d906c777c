/// The 定密 pages as Swift views: one file a page, `ClassificationViews+<Page>.swift`, one file a page.
enum ClassificationViews {}

extension ClassificationViews {
    /// One action of an action bar (`bm-action-bar`): its label and the regulation it follows.
    static func actionBarLink(_ a: ActionLink) -> HTML {
        #"<a href="\#(a.href)" class="bm-action" data-action="\#(a.action)" title="\#(a.regulation)"><span class="bm-action-label">\#(a.label)</span><span class="bm-action-rule">\#(a.regulation)</span></a>"#
    }

    /// A select's options, none marked as chosen (the templates print `<option value="v">label</option>` only).
    static func choices(_ options: [AuthorityController.Option]) -> HTML {
        Components.options(options, value: \.value, label: \.label, selected: { _ in false })
    }

    /// A select's options, none marked as chosen even when the option says so (the template prints no `selected`).
    static func choices(_ options: [SecretController.Option]) -> HTML {
        Components.options(options, value: \.value, label: \.label, selected: { _ in false })
    }
}
