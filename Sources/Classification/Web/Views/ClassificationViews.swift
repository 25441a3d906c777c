/// The 定密 pages as Swift views: one file a page, `ClassificationViews+<Page>.swift`, each converting the template of
/// the same name under `Templates/classification`.
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

extension ClassificationViews {
    static let entries: [String: ViewEntry] = [
        "classification/authority": .view(ClassificationViews.authority),
        "classification/authority_action": .view(ClassificationViews.authorityAction),
        "classification/filing": .view(ClassificationViews.filing),
        "classification/markings": .view(ClassificationViews.markings),
        "classification/secret": .view(ClassificationViews.secret),
        "classification/secret_action": .view(ClassificationViews.secretAction),
        "classification/secret_new": .view(ClassificationViews.secretNew),
        "classification/secrets": .view(ClassificationViews.secrets),
        "classification/statistics": .view(ClassificationViews.statistics),
        "classification/supervision": .view(ClassificationViews.supervision),
    ]
}
