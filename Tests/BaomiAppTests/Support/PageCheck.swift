import Accounts
import Foundation
import Kernel
import Organisation
import Testing

@testable import BaomiApp
@testable import OrganisationServices

/// One page as a page test renders it (issue 10, item 5): a template, a fixed model built with distinctive values, and
/// the shell around it. `check` renders it through the real `Views` and reads it field by field.
struct PageFixture: Sendable {
    /// The template's name, as the controllers name it (`area/page`).
    let template: String
    let title: String, flash: String?, error: String?
    /// The page's own model, read field by field.
    let content: any Sendable
    /// The whole model the template is rendered with: the shell (`Page`) around `content`.
    let page: any Sendable
    /// The shell alone, for the page's Swift view.
    let shell: PageShell
    /// Fields of `content` the page intentionally does not print, by path without indices (`rows.carrierID`).
    let notShown: Set<String>
    /// Fields the template prints unescaped (`{{{…}}}`), by path.
    let raw: Set<String>

    init<C: Sendable>(
        _ template: String, title: String = "页面标题-甲", session: ActiveSession? = PageFixture.session, path: String = "/", content: C,
        flash: String? = "提示信息-甲", error: String? = "错误信息-甲", notShown: Set<String> = [], raw: Set<String> = []
    ) {
        self.template = template
        self.title = title
        self.flash = flash
        self.error = error
        self.content = content
        let page = Page(
            title: title, session: session, path: path, content: content, flash: flash, error: error,
            navigation: Navigation(tabs: [.home] + Area.standard.flatMap(\.tabs)))
        self.page = page
        self.shell = page.shell
        self.notShown = notShown
        self.raw = raw
    }

    /// A logged-in business user with every business role of the menus, so the shell shows the user badge, the
    /// navigation and an area's whole menu.
    static let session = ActiveSession(
        actor: Actor(
            userID: "U-页面", username: "yonghu-jia", displayName: "用户-甲",
            roles: [.handler, .classifier, .secrecyClerk, .secrecyOffice, .leader, .administrationStaff],
            person: Person(id: "P-页面", unitID: "DW-页面", departmentID: nil, name: "用户-甲", post: "保密员", tier: .core)),
        csrfToken: "csrf-令牌-甲", tokenHash: "", mustChangePassword: false)
}

/// Reads a model the way mustache does (by reflection) and a rendered page the way a reader would.
enum PageCheck {
    /// Renders the fixture through the real templates and checks it field by field: every String field of the model
    /// (and every number of 100 or more) appears in the page, HTML-escaped; every key the template reads is a field of
    /// the model; the page's title, flash and error appear. Returns the page.
    @discardableResult
    static func check(_ fixture: PageFixture, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let views = try await Views.load()
        let html = try #require(views.render(fixture.template, fixture.page), "模板 \(fixture.template) 缺失", sourceLocation: sourceLocation)
        compareSwift(fixture, html, sourceLocation: sourceLocation)
        let source = try templateSource(fixture.template)
        let layout = try templateSource("layout")
        let name = fixture.template

        // Every key the template reads names a field somewhere in the model (a renamed or removed field fails).
        let fields = names(of: fixture.page)
        for key in keys(in: source) where !fields.contains(key) {
            Issue.record("\(name): {{\(key)}} is no field of the page's model", sourceLocation: sourceLocation)
        }

        // Every field of the model appears in the page.
        let all = leaves(of: fixture.content)
        let paths = Set(all.map { $0.path })
        for path in fixture.notShown.union(fixture.raw) where !paths.contains(path) {
            Issue.record("\(name): \(path) is listed but is no field of the model", sourceLocation: sourceLocation)
        }
        let shown = all.filter { !fixture.notShown.contains($0.path) }
        for leaf in shown {
            guard distinctive(leaf, among: shown, in: [source, layout], page: name, sourceLocation: sourceLocation) else { continue }
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

    /// While pages move from templates to Swift views: the page's Swift view, where it has one, renders what the
    /// template renders, but for the white space between tags.
    static func compareSwift(_ fixture: PageFixture, _ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let swift = Views.swiftPage(fixture.template, content: fixture.content, shell: fixture.shell) else {
            Issue.record("\(fixture.template): no Swift view", sourceLocation: sourceLocation)
            return
        }
        let expected = normalised(html), got = normalised(swift.string)
        guard expected != got else { return }
        let same = zip(expected, got).prefix { $0 == $1 }.count
        func around(_ text: String) -> String { String(text.dropFirst(max(0, same - 120)).prefix(240)) }
        Issue.record(
            "\(fixture.template): the Swift view differs from the template at \(same):\n  template: …\(around(expected))…\n  view:     …\(around(got))…",
            sourceLocation: sourceLocation)
    }

    /// HTML with its white space collapsed and none beside a tag.
    static func normalised(_ html: String) -> String {
        html.replacing(/\s+/, with: " ").replacing(" <", with: "<").replacing("> ", with: ">").trimmingCharacters(in: .whitespaces)
    }

    /// A value can prove its field is shown only if nothing else prints it: it is not empty, not text of the
    /// templates, and neither part of nor containing another field's value.
    static func distinctive(
        _ leaf: (path: String, value: String), among all: [(path: String, value: String)], in sources: [String], page: String,
        sourceLocation: SourceLocation
    ) -> Bool {
        if leaf.value.isEmpty || sources.contains(where: { $0.contains(leaf.value) }) {
            Issue.record("\(page): the fixture's \(leaf.path) = “\(leaf.value)” is not distinctive (empty or template text)", sourceLocation: sourceLocation)
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

    /// The keys a template reads — `{{key}}`, `{{{key}}}`, `{{&key}}`, `{{#key}}`, `{{^key}}` — by their first name
    /// (`form` of `form.submit`); `{{.}}`, partials, blocks and closing tags are no keys.
    static func keys(in template: String) -> Set<String> {
        var keys: Set<String> = []
        for match in template.matches(of: /\{\{\{?\s*([#^&]?)\s*([^}!<>\/$%\s][^}\s]*)\s*\}?\}\}/) {
            let key = match.output.2.split(separator: ".").first.map(String.init) ?? ""
            if !key.isEmpty { keys.insert(key) }
        }
        return keys
    }

    /// A template's source, as shipped.
    static func templateSource(_ name: String) throws -> String {
        let folder = try #require(Views.templatesURL, "模板目录缺失")
        return try String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8)
    }

    /// Every template shipped, by name (`area/page`).
    static func templateNames() throws -> Set<String> {
        let folder = try #require(Views.templatesURL, "模板目录缺失")
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        return Set(enumerator.compactMap { ($0 as? String).flatMap { $0.hasSuffix(".mustache") ? String($0.dropLast(".mustache".count)) : nil } })
    }

    /// Text as `{{…}}` prints it.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
