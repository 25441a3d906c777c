/// 错误页 — what went wrong, and the way back to 待办; the status code is the page's title.
struct ErrorModel: Sendable {
    let message: String
    let code: String
}

/// The shell's own pages.
enum ShellViews {
    /// 错误页.
    static func error(_ m: ErrorModel, _ shell: PageShell) -> HTML {
        """
        <p class="lead">\(m.message)</p>
        <p><a href="/">返回待办</a></p>
        """
    }
}
