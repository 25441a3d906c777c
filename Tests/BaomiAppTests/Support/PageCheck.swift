import Accounts
import Foundation
import Kernel
import Organisation
import Testing

@testable import BaomiApp
@testable import OrganisationServices

/// One page as a page test renders it (issue 10, item 5): a page's view, a fixed model built with distinctive values,
/// and the shell around it. `check` renders it and reads it field by field.
struct PageFixture: Sendable {
    /// The page's model type and title, for messages.
    let name: String
    let title: String, flash: String?, error: String?
    /// The page's own model, read field by field.
    let content: any Sendable
    /// The shell around it.
    let shell: PageShell
    /// The page's view applied to `content` (the body inside the shell).
    let body: @Sendable () -> HTML
    /// Fields of `content` the page intentionally does not print, by path without indices (`rows.carrierID`).
    let notShown: Set<String>
    /// Fields the page prints as markup (`HTML(trusted:)`), by path.
    let raw: Set<String>

    init<C: Sendable>(
        _ view: @escaping @Sendable (C, PageShell) -> HTML, title: String = "页面标题-甲", session: ActiveSession? = PageFixture.session,
        path: String = "/", content: C, flash: String? = "提示信息-甲", error: String? = "错误信息-甲", notShown: Set<String> = [],
        raw: Set<String> = []
    ) {
        name = "\(C.self) 「\(title)」"
        self.title = title
        self.flash = flash
        self.error = error
        self.content = content
        let shell = Views(navigation: Navigation(tabs: [.home] + Area.standard.flatMap(\.tabs))).shell(
            title: title, session: session, path: path, flash: flash, error: error)
        self.shell = shell
        body = { view(content, shell) }
        self.notShown = notShown
        self.raw = raw
    }

    /// The whole page, shell and all.
    var html: String { Layout.page(shell, body: body()).string }

    /// A logged-in business user with every business role of the menus, so the shell shows the user badge, the
    /// navigation and an area's whole menu.
    static let session = ActiveSession(
        actor: Actor(
            userID: "U-页面", username: "yonghu-jia", displayName: "用户-甲",
            roles: [.handler, .classifier, .secrecyClerk, .secrecyOffice, .leader, .administrationStaff],
            person: Person(id: "P-页面", unitID: "DW-页面", departmentID: nil, name: "用户-甲", post: "保密员", tier: .core)),
        csrfToken: "csrf-令牌-甲", tokenHash: "", mustChangePassword: false)
}

/// Reads a model by reflection (test code only) and a rendered page the way a reader would.
enum PageCheck {
    /// Renders the fixture and checks it field by field: every String field of the model (and every number of 100 or
    /// more) appears in the page, HTML-escaped; the page's title, flash and error appear. Returns the page. (A view
    /// that reads a field the model does not have does not compile.)
    @discardableResult
    static func check(_ fixture: PageFixture, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let html = fixture.html
        let name = fixture.name

        // Every field of the model appears in the page.
        let all = leaves(of: fixture.content)
        let paths = Set(all.map { $0.path })
        for path in fixture.notShown.union(fixture.raw) where !paths.contains(path) {
            Issue.record("\(name): \(path) is listed but is no field of the model", sourceLocation: sourceLocation)
        }
        let shown = all.filter { !fixture.notShown.contains($0.path) }
        for leaf in shown {
            guard distinctive(leaf, among: shown, page: name, sourceLocation: sourceLocation) else { continue }
            let expected = fixture.raw.contains(leaf.path) ? leaf.value : escaped(leaf.value)
            #expect(html.contains(expected), "\(name): \(leaf.path) = “\(leaf.value)” is not shown", sourceLocation: sourceLocation)
        }

        // The shell: the page's title, and the flash and error when there are any.
        #expect(html.contains("<title>\(escaped(fixture.title)) · 保密管理系统</title>"), "\(name): title", sourceLocation: sourceLocation)
        #expect(html.contains("<h1 class=\"bm-title\">\(escaped(fixture.title))</h1>"), "\(name): heading", sourceLocation: sourceLocation)
        for message in [fixture.flash, fixture.error].compactMap(\.self) {
            #expect(html.contains(escaped(message)), "\(name): “\(message)” is not shown", sourceLocation: sourceLocation)
        }
        return html
    }

    /// A value can prove its field is shown only if nothing else prints it: it is not empty, and neither part of nor
    /// containing another field's value.
    static func distinctive(
        _ leaf: (path: String, value: String), among all: [(path: String, value: String)], page: String, sourceLocation: SourceLocation
    ) -> Bool {
        if leaf.value.isEmpty {
            Issue.record("\(page): the fixture's \(leaf.path) is empty, so it cannot show that it is printed", sourceLocation: sourceLocation)
            return false
        }
        if let other = all.first(where: { ($0.path != leaf.path || $0.value != leaf.value) && $0.value.contains(leaf.value) }) {
            Issue.record("\(page): the fixture's \(leaf.path) = “\(leaf.value)” is part of \(other.path) = “\(other.value)”", sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    /// The String fields of a value, and its numbers of 100 or more, by path without indices; sections (Bool) and
    /// small numbers are left out.
    static func leaves(of value: Any, path: String = "") -> [(path: String, value: String)] {
        func join(_ label: String) -> String { path.isEmpty ? label : "\(path).\(label)" }
        if let string = value as? String { return [(path, string)] }
        if value is Bool { return [] }
        if let number = value as? Int { return number >= 100 ? [(path, String(number))] : [] }
        if let dictionary = value as? [String: Any] {
            return dictionary.sorted { $0.key < $1.key }.flatMap { leaves(of: $0.value, path: join($0.key)) }
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional, .collection, .set: return mirror.children.flatMap { leaves(of: $0.value, path: path) }
        default: return mirror.children.flatMap { leaves(of: $0.value, path: join($0.label ?? "")) }
        }
    }

    /// Every field name (and dictionary key) anywhere in a value.
    static func names(of value: Any) -> Set<String> {
        if value is String { return [] }
        if let dictionary = value as? [String: Any] {
            return dictionary.reduce(into: Set(dictionary.keys)) { $0.formUnion(names(of: $1.value)) }
        }
        return Mirror(reflecting: value).children.reduce(into: Set<String>()) { found, child in
            if let label = child.label { found.insert(label) }
            found.formUnion(names(of: child.value))
        }
    }

    /// Text as a view prints it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
