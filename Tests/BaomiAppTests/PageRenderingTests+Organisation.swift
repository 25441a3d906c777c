import Testing

@testable import BaomiApp

/// The pages of the organisation, the accounts and the shell (待办, login, calendar, notices, audit, the error page),
/// each from a fixed model whose every value is a distinctive marker.
extension PageRenderingTests {
    static var organisationPages: [PageFixture] {
        [homePage, login, password, calendar, notices, noticePage, noticeDraft, audit, users, units, security, errorPage]
    }

    static let home = HomeController.Model(
        items: [.init(title: "【待办事项】", detail: "【待办说明】", link: "【待办链接】", due: "【待办期限】", urgent: true)], empty: false, today: "【今天】")

    static let homePage = PageFixture(OrganisationViews.home, path: "/", content: home)

    @Test("待办 shows every field of its model")
    func homePageTest() async throws { try await PageCheck.check(Self.homePage) }

    static let login = PageFixture(OrganisationViews.login, session: nil, path: "/login", content: LoginModel(username: "【用户名】"))

    @Test("登录 shows every field of its model, without the shell's user parts")
    func loginPage() async throws {
        let html = try await PageCheck.check(Self.login)
        #expect(!html.contains("/logout") && !html.contains("bm-nav"))
    }

    static let password = PageFixture(
        OrganisationViews.password, path: "/account/password", content: LoginController.PasswordModel(required: true, minimumLength: 716))

    @Test("修改口令 shows every field of its model")
    func passwordPage() async throws { try await PageCheck.check(Self.password) }

    static let calendar = PageFixture(
        OrganisationViews.calendar, path: "/calendar",
        content: CalendarController.Model(
            year: 2041, loaded: true,
            months: [
                .init(
                    name: "【月份】",
                    weeks: [[.init(label: "【日】", css: "【日样式】", title: "【日说明】"), .init(label: "【次日】", css: "【次日样式】", title: "【次日说明】")]])
            ],
            years: [.init(year: 2042, source: "【日历来源】", current: true)], holidays: ["【节假日】"], makeup: "【调休上班日】", canImport: true, from: "【起算日期】",
            days: "【工作日数】", result: "【计算结果】"))

    @Test("工作日历 shows every field of its model")
    func calendarPage() async throws {
        let html = try await PageCheck.check(Self.calendar)
        #expect(html.contains("<td class=\"【日样式】\" title=\"【日说明】\">【日】</td>"))
    }

    static let notices = PageFixture(
        OrganisationViews.notices, path: "/notices",
        content: NoticeController.ListModel(
            rows: [.init(id: "【通知编号】", title: "【通知标题】", marking: "【通知标志】", issued: "【制发日期】", level: "【密级代码】")], count: 717, search: "【查询词】"))

    @Test("涉密通知 list shows every field of its model")
    func noticesPage() async throws { try await PageCheck.check(Self.notices) }

    static func notice(title: String, body: String) -> NoticeController.DetailModel {
        NoticeController.DetailModel(title: title, body: body, marking: "【通知标志】", issued: "【制发日期】", author: "【起草人】", scope: ["【知悉人员】"])
    }

    static let noticePage = PageFixture(OrganisationViews.notice, path: "/notices", content: notice(title: "【通知标题】", body: "【通知正文】"))

    @Test("涉密通知 shows every field of its model")
    func noticePageTest() async throws { try await PageCheck.check(Self.noticePage) }

    static let noticeDraft = PageFixture(
        OrganisationViews.noticeNew, path: "/notices",
        content: NoticeController.FormModel(
            title: "【通知标题】", body: "【通知正文】", marking: "【通知标志】", issuedOn: "【制发日期】",
            persons: [.init(id: "【人员编号】", label: "【人员】", checked: true)]))

    @Test("起草涉密通知 shows every field of its model")
    func noticeDraftPage() async throws { try await PageCheck.check(Self.noticeDraft) }

    static let audit = PageFixture(
        OrganisationViews.audit, path: "/audit",
        content: AuditController.Model(
            rows: [
                .init(
                    seq: "【序号】", at: "【时间】", actor: "【操作人】", action: "【操作】", target: "【对象】", level: "【密级】", outcome: "【结果】", denied: true,
                    detail: "【说明】", hash: "【哈希】")
            ],
            actor: "【筛选操作人】", action: "【筛选操作】", from: "【自】", to: "【至】",
            outcomes: [.init(code: "【结果代码】", name: "【结果名称】", selected: true)], verification: "【校验结论】", intact: false,
            pager: pager))

    @Test("审计日志 shows every field of its model")
    func auditPage() async throws { try await PageCheck.check(Self.audit) }

    static let users = PageFixture(
        OrganisationViews.users, path: "/admin/users",
        content: AdminController.UsersModel(
            users: [
                .init(
                    id: "【账号编号】", username: "【账号】", displayName: "【显示名】", roles: "【角色】", person: "【关联人员】", locked: true, lastLogin: "【最近登录】",
                    mustChange: true),
                .init(
                    id: "【账号编号乙】", username: "【账号乙】", displayName: "【显示名乙】", roles: "【角色乙】", person: "【关联人员乙】", locked: false,
                    lastLogin: "【最近登录乙】", mustChange: false),
            ],
            persons: [.init(id: "【人员编号】", label: "【人员】")], created: .init(username: "【新账号】", password: "【初始口令】", otpURL: "【动态口令地址】"),
            pager: pager))

    @Test("账号管理 shows every field of its model (a locked and an open account)")
    func usersPage() async throws { try await PageCheck.check(Self.users) }

    static let units = PageFixture(
        OrganisationViews.units, path: "/admin/units",
        content: AdminController.UnitsModel(
            units: [
                .init(
                    id: "【单位编号】", name: "【单位名称】", kind: "【单位类别】", parent: "【上级单位】", region: "【地区】", departments: "【内设部门】",
                    depth: "【缩进】")
            ],
            kinds: [.init(code: "【类别代码】", name: "【类别名称】")], departments: [.init(id: "【部门编号】", label: "【部门】")],
            persons: [
                .init(name: "【姓名】", unit: "【所在单位】", department: "【所在部门】", post: "【岗位】", title: "【职务】", tier: "【涉密等级】", phone: "【电话】")
            ], pager: pager))

    @Test("单位与人员 shows every field of its model")
    func unitsPage() async throws { try await PageCheck.check(Self.units) }

    static let security = PageFixture(
        OrganisationViews.security, path: "/security",
        content: SecurityController.Model(
            accounts: [
                .init(id: "【三员账号编号】", username: "【三员账号】", displayName: "【三员姓名】", administrator: "【三员角色】", boxes: []),
                .init(
                    id: "【账号编号】", username: "【账号】", displayName: "【显示名】", administrator: nil,
                    boxes: [.init(code: "【角色代码】", name: "【角色名称】", checked: true)]),
            ],
            persons: [
                .init(
                    id: "【人员编号】", name: "【姓名】", unit: "【单位】", post: "【岗位】", tiers: [.init(code: "【等级代码】", name: "【等级名称】", selected: true)])
            ], accountsPager: pager("甲", shown: 733), personsPager: pager("乙", shown: 744)),
        // The 三员 account's ID is only used by the role form, which a 三员 account does not get.
        notShown: ["accounts.id"])

    @Test("角色与涉密等级 shows every field of its model (a 三员 and a business account)")
    func securityPage() async throws {
        let html = try await PageCheck.check(Self.security)
        #expect(html.contains("/security/users/【账号编号】/roles") && !html.contains("【三员账号编号】"))
    }

    static let errorPage = PageFixture(
        ShellViews.error, title: "418", content: ErrorModel(message: "【错误说明】", code: "418"), flash: nil, error: nil,
        // The status code is the page's title.
        notShown: ["code"])

    @Test("错误页 shows its message")
    func errorPageTest() async throws { try await PageCheck.check(Self.errorPage) }
}
