/// R-PE-16: how many of one kind of thing a person still holds — counted across the whole system, whatever anyone may
/// know, for the departure gate. Each area that keeps things a person holds answers with one (carriers, devices …).
public struct Holding: Sendable, Hashable {
    /// The refusal's field and the prefix of its code (`carriers`).
    public let field: String
    /// What the count is of, said after the number (`件涉密载体、介质未清退或移交`).
    public let what: String
    /// How many are still out.
    public let count: Int

    /// Creates a holding.
    public init(field: String, what: String, count: Int) {
        self.field = field
        self.what = what
        self.count = count
    }
}
