import CarrierServices
import Carriers
import Foundation
import Kernel
import Organisation
import Storage
import TestSupport
import Testing

/// Issue 11, item 2 — every list is paged: keyset pages on a stable order lose and repeat no row, even while rows are
/// added between pages; backwards reads the same rows; filters combine with paging; the cursor belongs to one order.
@Suite("载体登记分页 — keyset pages lose and repeat nothing")
struct CarrierPagingTests {
    func receive(_ world: TestWorld, _ title: String, copies: Int = 1) async throws -> Carrier {
        let serials = try CarrierRules.serials(copies: copies)
        return try await world.services.carriers.receive(
            world.actor("wangfang"),
            CarrierInput(kind: .paper, title: title, documentNumber: "分页〔2026〕1号", originatingUnit: "某单位", marking: "秘密★5年", copies: copies),
            check: CarrierRules.ReceiptCheck(
                packageIntact: true, expectedCopies: copies, countedCopies: copies, expectedSerials: serials, foundSerials: serials, markedLevel: .secret,
                listedLevel: .secret, addresseeMatches: true)
        ).carrier
    }

    /// Reads every page forwards from the first, adding a carrier after each page; returns the ids in page order.
    func readAll(_ world: TestWorld, order: CarrierOrder, limit: Int, filter: CarrierFilter = CarrierFilter(), addWhileReading: Bool) async throws
        -> (ids: [String], pages: [Page<Carrier>])
    {
        let clerk = try await world.actor("wangfang")
        var request = PageRequest(limit: limit)
        var ids: [String] = []
        var pages: [Page<Carrier>] = []
        for step in 0..<500 {
            let page = try await world.services.carriers.register(clerk, filter: filter, order: order, page: request)
            pages.append(page)
            ids += page.items.map(\.id)
            if addWhileReading { _ = try await receive(world, "翻页时新登记的文件\(order.rawValue)\(step)") }
            guard let next = page.next else { break }
            // The cursor survives its token, as a URL carries it.
            request = PageRequest(limit: limit, cursor: try #require(PageCursor(token: next.token, order: order.rawValue)))
        }
        return (ids, pages)
    }

    @Test("issue 11: every order pages through the whole register once, while carriers are added between pages")
    func noRowLostOrRepeated() async throws {
        try await TestWorld.with(carriers: true) { world in
            let clerk = try await world.actor("wangfang")
            for order in CarrierOrder.allCases {
                let before = Set(try await world.services.carriers.everything(clerk, filter: CarrierFilter()).map(\.id))
                #expect(before.count > 60, "the demo register is longer than several pages")
                let (ids, pages) = try await readAll(world, order: order, limit: 17, addWhileReading: true)
                #expect(Set(ids).count == ids.count, "\(order): a row repeated across pages")
                #expect(before.isSubset(of: Set(ids)), "\(order): \(before.subtracting(ids).count) rows lost")
                #expect(pages.dropLast().allSatisfy { $0.items.count == 17 }, "\(order): a page short before the last")
                #expect(pages.first?.previous == nil && pages.last?.next == nil)
                #expect(pages.first?.total == before.count, "\(order): the first page counts what the viewer may see")
            }
        }
    }

    @Test("issue 11: the order is stable — newest first by registration, then number; by number; by due day")
    func ordersAreStable() async throws {
        try await TestWorld.with(carriers: true) { world in
            for order in CarrierOrder.allCases {
                let (ids, _) = try await readAll(world, order: order, limit: 23, addWhileReading: false)
                let all = try await world.services.carriers.everything(try await world.actor("wangfang"), filter: CarrierFilter())
                let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
                let rows = ids.compactMap { byID[$0] }
                #expect(rows.count == all.count)
                for (a, b) in zip(rows, rows.dropFirst()) {
                    switch order {
                    case .newest: #expect((a.registeredOn.iso, a.number, a.id) > (b.registeredOn.iso, b.number, b.id))
                    case .number: #expect((a.number, a.id) < (b.number, b.id))
                    case .due: #expect((a.dueOn?.iso ?? "9999-12-31", a.id) < (b.dueOn?.iso ?? "9999-12-31", b.id))
                    }
                }
            }
        }
    }

    @Test("issue 11: reading backwards from the last page gives the same rows; the first page has no previous page")
    func backwards() async throws {
        try await TestWorld.with(carriers: true) { world in
            let clerk = try await world.actor("wangfang")
            let (forward, pages) = try await readAll(world, order: .number, limit: 19, addWhileReading: false)
            var back: [String] = pages.last.map { $0.items.map(\.id) } ?? []
            var cursor = pages.last?.previous
            while let c = cursor {
                let page = try await world.services.carriers.register(clerk, order: .number, page: PageRequest(limit: 19, cursor: c))
                back = page.items.map(\.id) + back
                cursor = page.previous
            }
            #expect(back == forward)
        }
    }

    @Test("issue 11: a filter and a search combine with paging; a cursor of another order starts again from the first page")
    func filtersAndForeignCursors() async throws {
        try await TestWorld.with(carriers: true) { world in
            let clerk = try await world.actor("wangfang")
            let filter = CarrierFilter(status: .inStock)
            let expected = Set(try await world.services.carriers.everything(clerk, filter: filter).map(\.id))
            let (ids, pages) = try await readAll(world, order: .newest, limit: 11, filter: filter, addWhileReading: false)
            #expect(Set(ids) == expected && ids.count == expected.count)
            #expect(pages.first?.total == expected.count)
            let token = try #require(pages.first?.next?.token)
            #expect(PageCursor(token: token, order: CarrierOrder.number.rawValue) == nil)
            #expect(PageCursor(token: "not-a-cursor", order: CarrierOrder.newest.rawValue) == nil)
        }
    }
}
