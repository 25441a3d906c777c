import Carriers
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import TestSupport
import Testing

@testable import BaomiApp

/// Issue 10, item 5 — pages are checked. Each page is rendered from a fixed model through its view and read field by
/// field (`PageCheck`), so a field the page does not show fails (a field the view reads and the model lacks does not
/// compile). The pages of each area are in `PageRenderingTests+<Area>.swift`; here are the shell, escaping and coverage.
@Suite("Pages are checked — every page rendered from a fixed model")
struct PageRenderingTests {
    /// Every page fixture of every test: the templates the page tests render.
    static var fixtures: [PageFixture] { classificationPages + organisationPages + carrierPages + personnelPages }

    @Test("every page's view has a page test (a new page without one fails)")
    func everyViewIsCovered() throws {
        // A page's view is a (not private) static function of a `…Views` namespace taking its model and the shell; a
        // fixture names it.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ["Organisation", "Classification", "Carriers", "Personnel"].map { "Sources/\($0)/Web/Views" } + ["Sources/BaomiApp/Shell"]
        var views: Set<String> = []
        for folder in folders {
            let directory = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".swift") {
                let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                let namespace = source.firstMatch(of: /(?:enum|extension) (\w+Views)\b/)?.output.1 ?? ""
                for match in source.matches(of: /\n\s*static func (\w+)\(_ \w+: [\w.]+, _ shell: PageShell\) -> HTML/) {
                    views.insert("\(namespace).\(match.output.1)")
                }
            }
        }
        let tests = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/BaomiAppTests").path)
            .filter { $0.hasPrefix("PageRendering") }
            .map { try String(contentsOf: root.appendingPathComponent("Tests/BaomiAppTests/\($0)"), encoding: .utf8) }.joined()
        let named = views.filter { tests.contains($0 + ",") || tests.contains($0 + ")") }
        // The carrier step pages come from one view, `CarrierViews.action(_:)`, checked step by step by their own test.
        #expect(views.count + CarrierAction.allCases.count >= 50)
        let missing = views.subtracting(named)
        #expect(missing.isEmpty, "views without a page test: \(missing.sorted())")
    }

    @Test("the shell shows the title, the user badge, the navigation and the open area's menu")
    func shell() async throws {
        for path in ["/secrets/new", "/carriers/safes"] {
            let fixture = PageFixture(OrganisationViews.home, title: "外壳标题-甲", path: path, content: Self.home)
            let html = try await PageCheck.check(fixture)
            let page = fixture.shell
            let user = try #require(page.user)
            #expect(!user.roles.isEmpty && user.tier == ClearanceTier.core.chinese)
            for text in [user.displayName, user.username, user.roles, user.tier, page.csrf] {
                #expect(html.contains(PageCheck.escaped(text)), "badge: \(text)")
            }
            #expect(page.nav.count >= 5 && page.nav.filter(\.active).count == 1)
            for item in page.nav {
                #expect(html.contains("<a href=\"\(item.href)\" class=\"\(item.active ? "active" : "")\">\(item.title)</a>"), "nav: \(item.title)")
            }
            #expect(page.subnav.count >= 3 && html.contains("data-testid=\"area-menu\""))
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
        let home = try await PageCheck.check(PageFixture(OrganisationViews.home, path: "/", content: Self.home))
        #expect(!home.contains("area-menu"))
        let anonymous = try await PageCheck.check(PageFixture(OrganisationViews.home, session: nil, content: Self.home))
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
            PageFixture(ClassificationViews.secret, content: Self.secretDetail(title: attack), flash: attack),
            PageFixture(CarrierViews.carrier, content: Self.carrierDetail(title: attack), error: attack),
            PageFixture(OrganisationViews.notice, title: attack, content: Self.notice(title: attack, body: attack)),
            PageFixture(ShellViews.error, content: ErrorModel(message: attack, code: "500"), flash: nil, error: nil),
            PageFixture(OrganisationViews.login, session: nil, content: LoginModel(username: attack)),
        ]
    }

    @Test("HTML escapes the five characters in text, attributes alike, and leaves other text as it is")
    func htmlEscapes() throws {
        var random = SplitMix64(seed: 12)
        let pool = Array("<>&\"'ab 甲乙\n;#𠀋é")
        for length in 0..<200 {
            let text = String((0..<length % 40).map { _ in pool[Int(random.next() % UInt64(pool.count))] })
            let html: HTML = "[\(text)]"
            #expect(html.string == "[" + PageCheck.escaped(text) + "]", "\(text)")
        }
        #expect(HTML(text: "涉密人员名单 2026").string == "涉密人员名单 2026")
        #expect(HTML(text: "<a href='x'>&\"</a>").string == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        let nested: HTML = "<p>\(HTML(text: "<b>"))\(Optional<String>.none)\(3)</p>"
        #expect(nested.string == "<p>&lt;b&gt;3</p>")
    }

    @Test("user text is always escaped: a title, a notice, an error message and a flash cannot inject markup")
    func userTextIsEscaped() async throws {
        let pages = Self.escapingFixtures("<script>alert(1)</script>\"&'")
        for fixture in pages {
            let html = fixture.html
            #expect(!html.contains("<script"), "\(fixture.name): raw markup from user text")
            #expect(!html.contains("\"&'"), "\(fixture.name): raw quotes from user text")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;"), "\(fixture.name): the text is not shown escaped")
        }
    }

    @Test("no view prints text as markup, except the label's barcode (an SVG drawn from the carrier's number)")
    func viewsEscape() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = root.appendingPathComponent("Sources")
        var trusted: [String] = []
        for case let path as String in FileManager.default.enumerator(atPath: sources.path) ?? .init() where path.hasSuffix(".swift") {
            let source = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            trusted += source.matches(of: /HTML\(trusted: [^)]*\)/).map { "\(path): \($0.output)" }
        }
        #expect(trusted.count == 1 && trusted.allSatisfy { $0.hasPrefix("Carriers/Web/Views/CarrierViews+Label.swift") }, "\(trusted)")
    }

    typealias LoginModel = LoginController.LoginModel
}

extension LoginController.LoginModel {
    init(username: String) {
        self.init(username: username, loginToken: "登录令牌-甲", requiresOTP: true, systemLevel: "系统密级-甲")
    }
}
