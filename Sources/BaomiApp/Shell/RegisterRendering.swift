import Foundation

/// The web carriers register as the render benchmark renders it (`Benchmarks/RenderBench`): one page of rows, whole —
/// the shell, the filter, the pager and the table — from plain rows, so the benchmark can render the same page with
/// another HTML library and compare.
package enum RegisterRendering {
    /// One row as the register shows it.
    package struct Row: Sendable {
        package let id: String, number: String, marking: String, level: String, kind: String, title: String, documentNumber: String
        package let copies: Int, holder: String, place: String, status: String

        /// Creates a row.
        package init(
            id: String, number: String, marking: String, level: String, kind: String, title: String, documentNumber: String, copies: Int,
            holder: String, place: String, status: String
        ) {
            self.id = id
            self.number = number
            self.marking = marking
            self.level = level
            self.kind = kind
            self.title = title
            self.documentNumber = documentNumber
            self.copies = copies
            self.holder = holder
            self.place = place
            self.status = status
        }
    }

    /// `count` rows of a register as the demo holds them.
    package static func sample(_ count: Int) -> [Row] {
        (0..<count).map { n in
            Row(
                id: "C\(100_000 + n)", number: "ZT-2026-\(String(format: "%05d", n))", marking: "机密★10年", level: "confidential", kind: "纸质密件",
                title: "关于加强重点项目保密管理的通知（第\(n)号）", documentNumber: "江工信〔2026〕\(n)号", copies: 3, holder: "王芳", place: "一号保密柜",
                status: "在库")
        }
    }

    /// The page of `rows` as the Swift views render it.
    package static func swift(_ rows: [Row]) -> [UInt8] {
        let shell = shell()
        return Layout.page(shell, body: CarrierViews.register(model(rows), shell)).bytes
    }

    static func model(_ rows: [Row]) -> CarrierController.ListModel {
        CarrierController.ListModel(
            rows: rows.map {
                CarrierController.Row(
                    id: $0.id, number: $0.number, marking: $0.marking, level: $0.level, kind: $0.kind, title: $0.title, documentNumber: $0.documentNumber,
                    copies: $0.copies, holder: $0.holder, place: $0.place, status: $0.status)
            },
            pager: Pager(
                total: "1000 件以上", shown: rows.count, orders: [.init(value: "newest", label: "最新登记", selected: true)], hasOrders: false,
                path: "/carriers", hidden: [], previous: nil, next: "/carriers?cursor=next"),
            kinds: [], statuses: [], levels: [], search: "", isClerk: true, year: 2026)
    }

    static func shell() -> PageShell {
        PageShell(
            title: "国家秘密载体登记", nav: [NavItem(title: "待办", href: "/", active: false), NavItem(title: "载体", href: "/carriers", active: true)],
            subnav: [], user: UserBadge(displayName: "王芳", username: "wangfang", roles: "保密员", tier: "核心"), csrf: "csrf-token", flash: nil, error: nil)
    }
}
