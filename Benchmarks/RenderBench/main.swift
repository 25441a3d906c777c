import BaomiApp
import Foundation
import Plot

// The render benchmark: the web carriers register's page of 50 rows rendered whole by the project's Swift views
// (`HTML`) and by JohnSundell/Plot from the same rows. Prints the time a render
// takes and the bytes; allocations are counted by running one renderer under valgrind (`Benchmarks/render.sh`).
//
//     swift run -c release RenderBench [--rows 50] [--iterations 5000] [--only swift|plot]

let arguments = CommandLine.arguments
func option(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } }
let rowCount = Int(option("--rows") ?? "") ?? 50
let iterations = Int(option("--iterations") ?? "") ?? 5000
let only = option("--only")
let rows = RegisterRendering.sample(rowCount)

/// The register's page in Plot: the same shell, filter, pager and table.
func plotPage(_ rows: [RegisterRendering.Row]) -> String {
    let page = Plot.HTML(
        .lang(.chinese),
        .head(
            .meta(.charset(.utf8)), .meta(.name("viewport"), .content("width=device-width, initial-scale=1")), .title("国家秘密载体登记 · 保密管理系统"),
            .stylesheet("/static/vendor/bootstrap/bootstrap.min.css"), .stylesheet("/static/baomi.css"),
            .link(.rel(.stylesheet), .href("/static/print.css"), .attribute(named: "media", value: "print"))),
        .body(
            .header(
                .class("bm-header"),
                .div(.class("bm-brand"), .a(.href("/"), "保密管理系统"), .span(.class("bm-brand-sub"), "Baomi")),
                .div(
                    .class("bm-user"), .span(.class("bm-user-name"), .attribute(named: "data-testid", value: "current-user"), "王芳（wangfang）"),
                    .span(.class("bm-user-roles"), "保密员"), .span(.class("bm-user-tier"), "涉密等级：核心"), .a(.href("/account/password"), "修改口令"),
                    .form(
                        .method(.post), .action("/logout"), .class("bm-inline"), .input(.type(.hidden), .name("_csrf"), .value("csrf-token")),
                        .button(.type(.submit), .class("btn btn-sm btn-outline-light"), "退出")))),
            .nav(
                .class("bm-nav"), .attribute(named: "aria-label", value: "模块导航"), .a(.href("/"), .class(""), "待办"),
                .a(.href("/carriers"), .class("active"), "载体")),
            .main(
                .class("bm-main"), .h1(.class("bm-title"), "国家秘密载体登记"),
                .form(
                    .method(.get), .action("/carriers"), .class("bm-filter bm-noprint"),
                    .label("编号、标题或文号", .input(.type(.search), .name("q"), .value(""), .class("form-control form-control-sm"))),
                    .button(.type(.submit), .class("btn btn-sm btn-primary"), "查询")),
                .div(
                    .class("bm-pager bm-noprint"), .attribute(named: "data-testid", value: "pager"),
                    .span(.attribute(named: "data-testid", value: "pager-total"), "共 1000 件以上，本页 \(rows.count) 件"),
                    .a(.class("btn btn-sm btn-outline-secondary"), .rel(.next), .href("/carriers?cursor=next"), "下一页")),
                .table(
                    .class("table table-sm bm-table"), .attribute(named: "data-testid", value: "carriers"),
                    .thead(.tr(.forEach(["编号", "国家秘密标志", "类别", "标题", "文号", "份数", "保管/持有人", "存放", "状态"]) { .th(.text($0)) })),
                    .tbody(
                        .forEach(rows) { r in
                            .tr(
                                .td(.a(.href("/carriers/\(r.id)"), .text(r.number))), .td(.class("bm-marking level-\(r.level)"), .text(r.marking)),
                                .td(.text(r.kind)), .td(.text(r.title)), .td(.text(r.documentNumber)), .td(.text(String(r.copies))), .td(.text(r.holder)),
                                .td(.text(r.place)), .td(.text(r.status)))
                        }))),
            .footer(.class("bm-footer"), "本系统处理国家秘密信息，请遵守保密规定。操作均记入审计日志。")))
    return page.render()
}

/// The text a reader sees, tags and white space removed: the same rows must read the same whichever library wrote them.
func readable(_ html: String) -> String {
    html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression).replacingOccurrences(
        of: "\\s+", with: "", options: .regularExpression)
}

let swiftText = readable(String(decoding: RegisterRendering.swift(rows), as: UTF8.self))
let plotText = readable(plotPage(rows))
for row in rows where !(swiftText.contains(row.title) && plotText.contains(row.title)) {
    print("the two pages differ: \(row.title) missing")
    exit(1)
}

func measure(_ name: String, _ render: () -> Int) {
    guard only == nil || only == name else { return }
    var bytes = 0
    for _ in 0..<max(1, iterations / 10) { bytes = render() }
    let start = ContinuousClock.now
    for _ in 0..<iterations { bytes = render() }
    let elapsed = ContinuousClock.now - start
    let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
    print(String(format: "%-9@ %4d rows  %8.1f µs a page  %7d bytes  (%d renders)", name, rowCount, micros / Double(iterations), bytes, iterations))
}

measure("swift") { RegisterRendering.swift(rows).count }
measure("plot") { plotPage(rows).utf8.count }
