import CarrierServices
import Carriers
import Tabular
import Testing

@testable import BaomiApp

/// The 国家秘密载体 pages, each from a fixed model whose every value is a distinctive marker: the registers and books,
/// the carrier's own page with its action bar, and one page per step.
extension PageRenderingTests {
    static var carrierPages: [PageFixture] {
        [
            carrierList, carrierDetailPage, carrierLabel, carrierReaderLog, carrierSafes, carrierLedger, carrierImport, carrierChecks, carrierFindings,
            receiveEntry, produceEntry,
        ] + RegisterEntry.Book.allCases.map(carrierBook) + CarrierAction.allCases.compactMap { try? carrierActionPage($0) }
    }

    /// A register row; `prefix` keeps the rows of different tables apart.
    static func carrierRow(_ prefix: String) -> CarrierController.Row {
        CarrierController.Row(
            id: "【\(prefix)载体编号】", number: "【\(prefix)编号】", marking: "【\(prefix)标志】", level: "【\(prefix)密级代码】", kind: "【\(prefix)类别】",
            title: "【\(prefix)标题】", documentNumber: "【\(prefix)文号】", copies: 719, holder: "【\(prefix)持有人】", place: "【\(prefix)存放】",
            status: "【\(prefix)状态】")
    }

    /// A pager whose every field is a marker.
    static let pager = pager("", shown: 722)

    /// A pager whose markers carry `tag` (a page with two lists has two pagers).
    static func pager(_ tag: String, shown: Int) -> Pager {
        Pager(
            total: "【总数\(tag)】", shown: shown, orders: [.init(value: "【排序值\(tag)】", label: "【排序名\(tag)】", selected: true)], hasOrders: true,
            path: "【路径\(tag)】", hidden: [.init(value: "【筛选值\(tag)】", label: "【筛选名\(tag)】", selected: false)], previous: "【上一页\(tag)】",
            next: "【下一页\(tag)】")
    }

    static let carrierList = PageFixture(
        CarrierViews.register, path: "/carriers",
        content: CarrierController.ListModel(
            rows: [carrierRow("")], pager: pager, kinds: [option("类别")], statuses: [option("状态")], levels: [option("密级")], search: "【查询词】",
            isClerk: true, year: 2043),
        // The year is not shown on the register (the books have their own page).
        notShown: ["year"])

    @Test("国家秘密载体登记 shows every field of its model")
    func carrierListPage() async throws { try await PageCheck.check(Self.carrierList) }

    static func carrierDetail(title: String) -> CarrierController.DetailModel {
        CarrierController.DetailModel(
            id: "【载体编号】", number: "【编号】", marking: "【标志】", level: "【密级代码】", kind: "【类别】", title: title, documentNumber: "【文号】",
            originatingUnit: "【制发单位】", copies: 722, serials: "【份号】", custodian: "【保管人】", holder: "【持有人】", place: "【存放】", status: "【状态】",
            registered: "【登记日期】", due: "【归还日期】", original: "【原件载体编号】", originalNumber: "【原件编号】", secrets: ["【所载事项】"],
            scope: ["【知悉范围】"], medium: "【介质标识】", retained: true, events: [.init(at: "【办理时间】", actor: "【办理人】", summary: "【办理事项】")],
            readers: [.init(800, (reader: "【阅读人】", room: "【阅文地点】", out: 1_780_000_000_000, back: 1_780_100_000_000))], topSecret: true,
            actions: [ActionLink(action: "【办理路径】", href: "【办理链接】", label: "【办理名称】", regulation: "【办理依据】")])
    }

    static let carrierDetailPage = PageFixture(CarrierViews.carrier, path: "/carriers", content: carrierDetail(title: "【标题】"))

    @Test("载体 page shows every field of its model, and its action bar")
    func carrierDetailPageTest() async throws { try await PageCheck.check(Self.carrierDetailPage) }

    /// One step's page of a carrier. Each step's form shows only the fields that step needs; together they show them all.
    static func carrierActionPage(_ action: CarrierAction) throws -> PageFixture {
        let form = FormData(
            encoded: [
                "reading_room", "due_on", "originator_consent", "copies", "recipient", "companions", "exit_permit", "distribution", "escorts", "note",
                "reason", "persons", "supervisor", "vendor", "summary", "computer_number",
            ].map { "\($0)=typed_\($0)_甲" }.joined(separator: "&"))
        let model = CarrierController.ActionModel(
            id: "【载体编号】", action: action.rawValue, chinese: "【办理名称】", regulation: "【办理依据】", number: "【编号】", marking: "【标志】", level: "【密级代码】",
            title: "【标题】", kind: "【类别】", status: "【状态】", holder: "【持有人】", topSecret: true, allowed: true, devices: true, persons: [option("人员")],
            approvers: [option("批准领导")], safes: [option("保密柜")], channels: [option("渠道")], methods: [option("销毁方式")], repairModes: [option("维修方式")],
            levels: [option("写入密级")], lossKinds: [option("事件类别")], typed: CarrierController.Typed(form))
        return PageFixture(CarrierViews.action(action), path: "/carriers", content: model)
    }

    @Test("载体 step pages: each shows the carrier, the regulation and its form", arguments: CarrierAction.allCases)
    func carrierActionPageTest(_ action: CarrierAction) async throws {
        let html = try Self.carrierActionPage(action).html
        #expect(html.contains("data-testid=\"action-form\""), "\(action.rawValue) has no form")
        for head in ["【编号】", "【标志】", "【标题】", "【类别】", "【状态】", "【持有人】", "【办理依据】"] {
            #expect(html.contains(head), "\(action.rawValue): \(head)")
        }
        #expect(html.contains("action=\"/carriers/【载体编号】/\(action.rawValue)\""), "\(action.rawValue) posts elsewhere")
    }

    @Test("载体 step pages: every field of the step model is shown by some step's page (each page shows only what its step needs)")
    func carrierActionFieldsShown() throws {
        let pages = try CarrierAction.allCases.map { try Self.carrierActionPage($0).html }.joined()
        for leaf in PageCheck.leaves(of: try Self.carrierActionPage(.store).content) where leaf.path != "action" {
            #expect(pages.contains(PageCheck.escaped(leaf.value)), "\(leaf.path) = “\(leaf.value)” is shown by no step page")
        }
    }

    static let carrierLabel = PageFixture(
        CarrierViews.label, path: "/carriers",
        content: CarrierController.LabelModel(
            number: "【编号】", marking: "【标志】", level: "【密级代码】", title: "【标题】", custodian: "【保管人】", medium: "【介质标识】",
            barcode: "<svg data-code=\"【条码】\"></svg>"),
        // The barcode is an SVG drawn from the number, printed as markup.
        raw: ["barcode"])

    @Test("载体标签 shows every field of its model, the barcode as markup")
    func carrierLabelPage() async throws { try await PageCheck.check(Self.carrierLabel) }

    static let carrierReaderLog = PageFixture(
        CarrierViews.readerLog, path: "/carriers",
        content: CarrierController.ReaderLogModel(
            id: "【载体编号】", number: "【编号】", title: "【标题】", documentNumber: "【文号】", marking: "【标志】",
            rows: [.init(800, (reader: "【阅读人】", room: "【阅文地点】", out: 1_780_000_000_000, back: 1_780_100_000_000))]),
        // The printout names the carrier by its number.
        notShown: ["id"])

    @Test("绝密级密件阅读登记 shows every field of its model")
    func carrierReaderLogPage() async throws { try await PageCheck.check(Self.carrierReaderLog) }

    /// One of the four books; each prints the columns of its paper form.
    static func carrierBook(_ book: RegisterEntry.Book) -> PageFixture {
        let notPrinted: [RegisterEntry.Book: Set<String>] = [
            .receipt: ["lines.approver", "lines.note", "lines.closed"], .dispatch: ["lines.approver", "lines.closed"],
            .copy: ["lines.serials", "lines.handledBy", "lines.note"], .destruction: ["lines.note", "lines.closed"],
        ]
        return PageFixture(
            CarrierViews.book, path: "/carriers/books/\(book.rawValue)",
            content: CarrierController.BookModel(
                book: "【登记簿】", year: 2044, unit: "【单位】",
                lines: [
                    .init(
                        number: "【登记编号】", day: "【日期】", counterpart: "【对方】", documentNumber: "【文号】", title: "【标题】", level: "【密级】", copies: 723,
                        serials: "【份号】", approver: "【批准人】", handledBy: "【经办人】", note: "【备注】", carrierNumber: "【载体编号】", carrierID: "【载体ID】",
                        closed: "【清退日期】")
                ], years: [Option(value: "【年度值】", label: "【年度名】", selected: true)], receipt: book == .receipt, dispatch: book == .dispatch,
                copy: book == .copy, destruction: book == .destruction),
            // The book's name is the page's title; a line links to no carrier on paper.
            notShown: Set(["book", "lines.carrierID"]).union(notPrinted[book] ?? []))
    }

    @Test("登记簿 (收文、发文、复印、销毁) each shows every field of its paper form", arguments: RegisterEntry.Book.allCases)
    func carrierBookPage(_ book: RegisterEntry.Book) async throws { try await PageCheck.check(Self.carrierBook(book)) }

    static let carrierSafes = PageFixture(
        CarrierViews.safes, path: "/carriers/safes",
        content: CarrierController.SafesModel(
            rows: [.init(name: "【柜名】", location: "【位置】", level: "【最高密级】", apart: true, count: 724)], levels: [option("密级")], isClerk: true))

    @Test("保密柜 shows every field of its model")
    func carrierSafesPage() async throws { try await PageCheck.check(Self.carrierSafes) }

    static let carrierLedger = PageFixture(
        CarrierViews.ledger, path: "/carriers/ledger",
        content: CarrierController.LedgerModel(persons: [option("人员")], person: "【所选人员】", rows: [carrierRow("")], pager: pager),
        // A person's ledger leaves out the place (it lists what the person holds).
        notShown: ["rows.place"])

    @Test("个人涉密载体台账 shows every field of its model")
    func carrierLedgerPage() async throws { try await PageCheck.check(Self.carrierLedger) }

    static let carrierImport = PageFixture(
        CarrierViews.importPage, path: "/carriers/import",
        content: CarrierController.ImportModel(
            report: .init(
                mode: "【导入方式】", rows: 725, accepted: 726, imported: 727, problems: [.init(line: 728, field: "【字段】", message: "【问题】")], problemTotal: 1_729,
                clean: false,
                written: true, numbers: "【导入编号】"),
            columns: ["【列名】"], modes: [option("方式")]))

    @Test("导入纸质台账 shows every field of its model")
    func carrierImportPage() async throws { try await PageCheck.check(Self.carrierImport) }

    static let carrierChecks = PageFixture(
        CarrierViews.checks, path: "/carriers/checks",
        content: CarrierController.ChecksModel(
            checks: [.init(title: "【清点事项】", period: "【期间】", due: "【截止】", done: "【完成情况】", check: "【清点代码】", selected: true)],
            held: [carrierRow("在册")],
            counts: [
                .init(title: "【清点记录】", period: "【记录期间】", day: "【清点日期】", expected: 729, missing: "【未清点到】", unexpected: "【账外】", by: "【清点人】")
            ], isClerk: true),
        // The count form lists what is held by number, marking, title, holder and status.
        notShown: ["held.kind", "held.documentNumber", "held.copies", "held.place"])

    @Test("清点与清退 shows every field of its model")
    func carrierChecksPage() async throws { try await PageCheck.check(Self.carrierChecks) }

    static let carrierFindings = PageFixture(
        CarrierViews.findings, path: "/carriers/findings",
        content: CarrierController.FindingsModel(
            rows: [CarrierController.FindingRow(carrierID: "【载体编号】", number: "【编号】", rule: "【规则】", message: "【问题】", since: "【首次发现】")],
            pager: pager))

    @Test("载体交叉核查 shows every field of its model")
    func carrierFindingsPage() async throws { try await PageCheck.check(Self.carrierFindings) }

    /// The entry form, for a receipt or a production.
    static func carrierEntry(produce: Bool) -> PageFixture {
        PageFixture(
            CarrierViews.entry, path: "/carriers/new",
            content: CarrierController.EntryModel(
                mode: "【登记方式】", produce: produce, devices: true, kinds: [option("类别")], persons: [option("知悉人")], secrets: [option("所载事项")],
                approvers: [option("批准领导")], equipment: [option("制作设备")], waste: [option("残次品处理")], levels: [option("清单密级")], title: "【标题】",
                documentNumber: "【文号】", originatingUnit: "【制发单位】", marking: "【标志】", copies: "【份数】", serials: "【份号】",
                deviceNumber: "【设备编号】"),
            // A production is approved (R-CA-1), a receipt checked against the list (R-CA-2).
            notShown: produce
                ? ["levels.value", "levels.label"]
                : ["approvers.value", "approvers.label", "equipment.value", "equipment.label", "waste.value", "waste.label", "deviceNumber"])
    }

    static let receiveEntry = carrierEntry(produce: false)
    static let produceEntry = carrierEntry(produce: true)

    @Test("收文登记 and 制作登记 each show every field of their model", arguments: [false, true])
    func carrierEntryPage(produce: Bool) async throws { try await PageCheck.check(Self.carrierEntry(produce: produce)) }
}
