import Logging
import PostgresNIO
import Synchronization

/// PostgreSQL's named prepared statements for every statement the server runs, through postgres-nio's own
/// `PostgresPreparedStatement`: each connection parses and plans a statement once, and afterwards only binds and runs
/// it — where an unnamed statement is parsed and planned again on every request (for a register's page, about a
/// millisecond of the server's time before it reads a row).
///
/// postgres-nio names a prepared statement by its type, and takes its text from the type too. The statements here are
/// built at run time (a register's filters, a page's cursor), so each distinct text — with the types of its binds, so
/// that a statement is never bound with values of other types than it was prepared for — is given a number the first
/// time it runs, for as long as the process lives, and the number is spelled as a type (`CataloguedStatement<Slot>`,
/// its bits as nested generic types): every type's name and text are fixed once made, as the protocol means them to be.
/// The catalogue holds `capacity` texts, of statements with at most `maximumBinds` binds: a statement with more is a
/// batch (an import's rows, a list of ids) whose text changes with its length, and runs unnamed, as does any beyond the
/// catalogue's capacity.
final class StatementCatalogue: Sendable {
    /// The catalogue of this process (statement names are the same on every connection).
    static let shared = StatementCatalogue()

    /// How many bits a slot's number has, and so how many texts the catalogue holds.
    static let bits = 10
    static var capacity: Int { 1 << bits }
    /// The most binds a catalogued statement has.
    static let maximumBinds = 32

    struct Key: Hashable {
        let sql: String
        let types: [PostgresDataType]
    }

    struct Entry: Sendable {
        let sql: String
        let types: [PostgresDataType]
        let slot: any SlotIndex.Type
    }

    private let state = Mutex<(slots: [Key: Int], entries: [Entry])>(([:], []))

    /// The slot of `sql` bound with values of `types`, given one if it has none; nil when the catalogue is full.
    func slot(sql: String, types: [PostgresDataType]) -> (any SlotIndex.Type)? {
        let key = Key(sql: sql, types: types)
        return state.withLock { state in
            if let index = state.slots[key] { return state.entries[index].slot }
            guard state.entries.count < Self.capacity else { return nil }
            let index = state.entries.count
            let type = Self.slotType(index)
            state.entries.append(Entry(sql: sql, types: types, slot: type))
            state.slots[key] = index
            return type
        }
    }

    /// The entry of slot `index` (given before any statement of it runs).
    func entry(_ index: Int) -> Entry { state.withLock { $0.entries[index] } }

    /// How many texts the catalogue holds.
    var count: Int { state.withLock { $0.entries.count } }

    /// The type whose `index` is `index`: its bits from the highest, each wrapping the ones before it.
    static func slotType(_ index: Int) -> any SlotIndex.Type {
        var type: any SlotIndex.Type = SlotRoot.self
        for bit in (0..<bits).reversed() { type = wrap(type, one: (index >> bit) & 1 == 1) }
        return type
    }

    private static func wrap<Rest: SlotIndex>(_: Rest.Type, one: Bool) -> any SlotIndex.Type {
        one ? SlotOne<Rest>.self : SlotZero<Rest>.self
    }
}

/// A slot's number spelled as a type.
protocol SlotIndex: Sendable { static var index: Int { get } }
/// No bits: zero.
enum SlotRoot: SlotIndex { static var index: Int { 0 } }
/// The bits of `Rest`, then a 0.
enum SlotZero<Rest: SlotIndex>: SlotIndex { static var index: Int { Rest.index << 1 } }
/// The bits of `Rest`, then a 1.
enum SlotOne<Rest: SlotIndex>: SlotIndex { static var index: Int { Rest.index << 1 | 1 } }

/// The statement of catalogue slot `Slot`, bound with one execution's values; its rows are PostgresNIO's own.
struct CataloguedStatement<Slot: SlotIndex>: PostgresPreparedStatement {
    typealias Row = PostgresRow

    static var name: String { "baomi_\(Slot.index)" }
    static var sql: String { StatementCatalogue.shared.entry(Slot.index).sql }
    static var bindingDataTypes: [PostgresDataType] { StatementCatalogue.shared.entry(Slot.index).types }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}

extension PostgresConnection {
    /// Runs catalogue slot `slot` with `bindings`, each row to `onRow`.
    func execute<Slot: SlotIndex>(
        slot _: Slot.Type, bindings: PostgresBindings, logger: Logger, _ onRow: @Sendable (PostgresRow) -> Void
    ) async throws {
        for try await row in try await execute(CataloguedStatement<Slot>(bindings: bindings), logger: logger) { onRow(row) }
    }
}
