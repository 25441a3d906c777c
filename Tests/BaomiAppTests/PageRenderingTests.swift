import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import Mustache
import TestSupport
import Testing

@testable import BaomiApp

/// Issue 10, item 5 — pages are checked. Each page is rendered from a fixed model through the real templates and read
/// field by field (`PageCheck`), so a renamed or missing field, or a template key that matches no field, fails. The
/// pages of each area are in `PageRenderingTests+<Area>.swift`; here are the shell, escaping and coverage.
@Suite("Pages are checked — every page rendered from a fixed model")
struct PageRenderingTests {
    /// Every page fixture of every test: the templates the page tests render.
    static var fixtures: [PageFixture] { classificationPages + organisationPages + carrierPages + personnelPages }

    @Test("every template has a page test (a new page without one fails)")
    func everyTemplateIsCovered() throws {
        // The layout wraps every page; the carrier steps' shared head and the pager are partials of the pages that use them.
        let shipped = try PageCheck.templateNames().subtracting(["layout", "carriers/action_head", "pager"])
        let rendered = Set(Self.fixtures.map(\.template))
        #expect(shipped.subtracting(rendered).isEmpty, "templates without a page test: \(shipped.subtracting(rendered).sorted())")
        #expect(rendered.subtracting(shipped).isEmpty, "page tests of no template: \(rendered.subtracting(shipped).sorted())")
        #expect(shipped.count >= 30)
    }

    @Test("issue 12: a page read through dictionaries (TemplateModel) and escaped by HTMLText renders byte for byte as swift-mustache alone renders it")
    func dictionariesRenderAsReflection() async throws {
        let views = try await Views.load()
        // swift-mustache as it comes: its own loader, its own HTML escaping, each name found by reflection.
        let stock = try await MustacheLibrary(directory: try #require(Views.templatesURL).path)
        for fixture in Self.fixtures + Self.escapingFixtures {
            let reflected = try #require(stock.render(fixture.page, withTemplate: fixture.template))
            #expect(views.render(fixture.template, fixture.page) == reflected, "\(fixture.template)")
        }
        // And the rows really are dictionaries (an array or a day is not taken for a leaf, nor a day for a struct).
        let fixture = try #require(Self.fixtures.first { $0.template == "personnel/personnel" })
        let page = try #require(TemplateModel.box(fixture.page) as? [String: Any])
        let content = try #require(page["content"] as? [String: Any])
        let rows = try #require(content["rows"] as? [Any])
        #expect(!rows.isEmpty && rows.allSatisfy { $0 is [String: Any] })
        #expect(TemplateModel.box(Day(year: 2026, month: 12, day: 1)!) is Day)
        // Text fields (`TemplateModel.Text`) in variables, sections, inverted sections and names looked up inside them.
        let probe = try MustacheTemplate(
            string: "{{#a}}[{{.}}|{{b}}|{{text}}|{{a}}]{{/a}}{{^a}}无{{/a}}{{#e}}E{{.}}{{/e}}{{^e}}非E{{/e}}{{#n}}N{{/n}}{{^n}}无N{{/n}}{{#list}}<{{.}}>{{/list}}")
        let model = TextProbe(a: "甲<乙>&\"'", b: "B", text: "外层", e: "", n: nil, list: ["一", "二&"])
        #expect(probe.render(TemplateModel.box(model)) == probe.render(model))
        #expect(probe.render(TemplateModel.box(model)).contains("[甲&lt;乙&gt;&amp;&quot;&#39;|B|外层|甲&lt;乙&gt;&amp;&quot;&#39;]"))
    }

    struct TextProbe: Sendable {
        let a: String
        let b: String
        let text: String
        let e: String
        let n: String?
        let list: [String]
    }

    @Test("the shell shows the title, the user badge, the navigation and the open area's menu")
    func shell() async throws {
        for path in ["/secrets/new", "/carriers/safes"] {
            let fixture = PageFixture("organisation/home", title: "外壳标题-甲", path: path, content: Self.home)
            let html = try await PageCheck.check(fixture)
            let page = try #require(fixture.page as? Page<HomeController.Model>)
            let user = try #require(page.user)
            #expect(!user.roles.isEmpty && user.tier == ClearanceTier.core.chinese)
            for text in [user.displayName, user.username, user.roles, user.tier, page.csrf] {
                #expect(html.contains(PageCheck.escaped(text)), "badge: \(text)")
            }
            #expect(page.nav.count >= 5 && page.nav.filter(\.active).count == 1)
            for item in page.nav {
                #expect(html.contains("<a href=\"\(item.href)\" class=\"\(item.active ? "active" : "")\">\(item.title)</a>"), "nav: \(item.title)")
            }
            #expect(page.hasSubnav && page.subnav.count >= 3 && html.contains("data-testid=\"area-menu\""))
            for group in page.subnav {
                #expect(html.contains("<span class=\"bm-subnav-title\">\(group.title)</span>"), "menu group: \(group.title)")
                for item in group.items {
                    #expect(
                        html.contains("<a href=\"\(PageCheck.escaped(item.href))\" class=\"\(item.active ? "active" : "")\">\(item.title)</a>"),
                        "menu item: \(item.title)")
                }
            }
            #expect(page.subnav.flatMap(\.items).filter(\.active).map(\.href) == [path])
        }
        // Outside an area there is no area menu; without a session there is no badge and no navigation.
        let home = try await PageCheck.check(PageFixture("organisation/home", path: "/", content: Self.home))
        #expect(!home.contains("area-menu"))
        let anonymous = try await PageCheck.check(PageFixture("organisation/home", session: nil, content: Self.home))
        #expect(!anonymous.contains("current-user") && !anonymous.contains("bm-nav") && !anonymous.contains("/logout"))
    }

    @Test("every link of the area menus opens a page")
    func menuLinksOpen() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                // A 保密员 sees the carrier menu, a leader the authority, the administration staff the supervision.
                for username in ["wangfang", "chenjun", "sunli"] {
                    var web = WebClient(client)
                    try await web.login(username, TestPasswords.demo, otp: try await world.otp(username))
                    for area in ["/secrets", "/carriers"] {
                        let page = try await web.get(area)
                        #expect(page.status == .ok, "\(username): \(area) answers \(page.status.code)")
                        let links = Self.menuLinks(page.body)
                        #expect(links.count >= 4, "\(username): \(area) has no area menu")
                        for href in links {
                            let target = try await web.get(href)
                            #expect(target.status == .ok, "\(username): the menu's \(href) answers \(target.status.code)")
                        }
                    }
                }
            }
        }
    }

    /// The hrefs of a page's area menu.
    static func menuLinks(_ html: String) -> [String] {
        guard let start = html.range(of: "data-testid=\"area-menu\""), let end = html[start.upperBound...].range(of: "</nav>") else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: /href="([^"]+)"/).map { String($0.output.1).replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// Pages whose user text holds every character HTML escapes, and text around it.
    static var escapingFixtures: [PageFixture] { escapingFixtures("<script>alert(1)</script>\"&'") + escapingFixtures("甲<乙>&丙\"丁'戊 &amp; 已转义") }

    static func escapingFixtures(_ attack: String) -> [PageFixture] {
        [
            PageFixture("classification/secret", content: Self.secretDetail(title: attack), flash: attack),
            PageFixture("carriers/carrier", content: Self.carrierDetail(title: attack), error: attack),
            PageFixture("organisation/notice", title: attack, content: Self.notice(title: attack, body: attack)),
            PageFixture("error", content: ["message": attack, "code": "500"], flash: nil, error: nil),
            PageFixture("organisation/login", session: nil, content: LoginModel(username: attack)),
        ]
    }

    @Test("issue 12: HTMLText escapes as swift-mustache's HTML escaping does, text without the five characters unchanged")
    func htmlTextEscapesAsMustache() throws {
        let template = try MustacheTemplate(string: "[{{text}}]")
        var random = SplitMix64(seed: 12)
        let pool = Array("<>&\"'ab 甲乙\n;#𠀋é")
        for length in 0..<200 {
            let text = String((0..<length % 40).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
            #expect("[" + HTMLText.escape(text) + "]" == template.render(["text": text]), "\(text)")
        }
        #expect(HTMLText.escape("涉密人员名单 2026") == "涉密人员名单 2026")
        #expect(HTMLText.escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
    }

    @Test("user text is always escaped: a title, a notice, an error message and a flash cannot inject markup")
    func userTextIsEscaped() async throws {
        let pages = Self.escapingFixtures("<script>alert(1)</script>\"&'")
        let views = try await Views.load()
        for fixture in pages {
            let html = try #require(views.render(fixture.template, fixture.page))
            #expect(!html.contains("<script"), "\(fixture.template): raw markup from user text")
            #expect(!html.contains("\"&'"), "\(fixture.template): raw quotes from user text")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;"), "\(fixture.template): the text is not shown escaped")
        }
    }

    @Test("no template prints text unescaped, except the label's barcode (an SVG drawn from the carrier's number)")
    func templatesEscape() throws {
        var unescaped: [String] = []
        for name in try PageCheck.templateNames().sorted() {
            let source = try PageCheck.templateSource(name)
            unescaped += source.matches(of: /\{\{\{[^}]*\}\}\}|\{\{\s*[&%][^}]*\}\}/).map { "\(name): \($0.output)" }
        }
        #expect(unescaped == ["carriers/carrier_label: {{{.}}}"])
    }

    typealias LoginModel = LoginController.LoginModel
}

extension LoginController.LoginModel {
    init(username: String) {
        self.init(username: username, loginToken: "登录令牌-甲", requiresOTP: true, systemLevel: "系统密级-甲")
    }
}
