/// The 定密 pages as Swift views: one file a page, `ClassificationViews+<Page>.swift`.
enum ClassificationViews {}

extension ClassificationViews {
    /// One action of an action bar (`bm-action-bar`): its label and the regulation it follows.
    static func actionBarLink(_ a: ActionLink) -> HTML {
        #"<a href="\#(a.href)" class="bm-action" data-action="\#(a.action)" title="\#(a.regulation)"><span class="bm-action-label">\#(a.label)</span><span class="bm-action-rule">\#(a.regulation)</span></a>"#
    }

}

/// An authority form's choice has no chosen one of its own.
extension AuthorityController.Option: SelectOption {
    var selected: Bool { false }
}
