import Foundation
import Kernel
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

@testable import BaomiApp

/// The API's JSON writer (issue 12: Foundation's encoder was a third of a register page) writes what `JSONEncoder`
/// with snake-case keys wrote: the same keys, escapes and numbers; only the order of an object's members may differ.
@Suite("API 的 JSON 输出 — JSONOutput against JSONEncoder")
struct JSONOutputTests {
    /// What the API used before, kept as the fallback: sorted keys, snake case, slashes unescaped.
    static var foundation: JSONEncoder { JSON.encoder }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
    static func foundationText(_ value: some Encodable) throws -> String { String(decoding: try foundation.encode(value), as: UTF8.self) }

    @Test("Keys convert to snake case exactly as convertToSnakeCase does")
    func keys() throws {
        var keys = [
            "", "a", "A", "id", "personID", "aURLThing", "x2Y", "_under", "URL", "myURL", "HTTPStatusCode", "already_snake",
            "trailingX", "ABc", "aBC", "a1B2c3", "nextCursor", "heldOn", "dataURLs", "ünïcödeKey", "ÄrgerNis", "中文键", "keyWith中文Part",
            "a\"quote", "back\\slash", "tab\tKey",
        ]
        var rng = SplitMix64(seed: 12)
        let alphabet = Array("abcxyzABCXYZ019_")
        for _ in 0..<2000 { keys.append(String((0..<rng.below(9)).map { _ in alphabet[rng.below(alphabet.count)] })) }
        for key in keys {
            let value = Tree.object([(key, .int(1))])
            #expect(Self.text(try JSONOutput.encode(value)) == (try Self.foundationText(value)), "key \(key)")
        }
    }

    @Test("Strings escape exactly as JSONEncoder escapes them: control characters, quotes, backslashes; slashes and Chinese as they are")
    func strings() throws {
        var all = ""
        for i in 0..<0x80 { all.unicodeScalars.append(UnicodeScalar(UInt8(i))) }
        let samples = [all, "", "涉密人员名单 / 2026", "\u{2028}é😀", "a/b\\c\"d", String(repeating: "长", count: 5000)]
        for s in samples {
            #expect(Self.text(try JSONOutput.encode([s])) == (try Self.foundationText([s])))
        }
    }

    @Test("Numbers, booleans, nil, dates, URLs and data read as JSONEncoder wrote them")
    func scalars() throws {
        #expect(Self.text(try JSONOutput.encode([Int64.min, Int64.max, 0, -7])) == (try Self.foundationText([Int64.min, Int64.max, 0, -7])))
        #expect(Self.text(try JSONOutput.encode([UInt64.max])) == (try Self.foundationText([UInt64.max])))
        let small = SmallNumbers()
        #expect(try JSONValue.parse(Data(JSONOutput.encode(small))) == JSONValue.parse(Self.foundation.encode(small)))
        #expect(try JSONValue.parse(Data(JSONOutput.encode([small, small]))) == JSONValue.parse(Self.foundation.encode([small, small])))
        #expect(
            Self.text(try JSONOutput.encode(small)).hasPrefix(
                #"{"a":-8,"b":-16,"c":-32,"d":-64,"e":1,"f":8,"g":16,"h":32,"i":18446744073709551615,"j":0.5,"k":2,"list":[[1,2],[255]],"floats":[1.5,3]"#))
        let doubles = [0.1, 1e21, 1.5e-7, 3.0, -0.0, 123_456_789.125, -2.5]
        #expect(Self.text(try JSONOutput.encode(doubles)) == (try Self.foundationText(doubles)))
        #expect(Self.text(try JSONOutput.encode([Float(1.5), 0.1, 3])) == (try Self.foundationText([Float(1.5), 0.1, 3])))
        let optionals: [Int?] = [1, nil, 3]
        #expect(Self.text(try JSONOutput.encode(optionals)) == "[1,null,3]")
        #expect(Self.text(try JSONOutput.encode([true, false])) == "[true,false]")
        let date = Date(timeIntervalSince1970: 5)
        #expect(Self.text(try JSONOutput.encode([date])) == (try Self.foundationText([date])))
        let url = URL(string: "https://example.cn/a/b?c=1")!
        #expect(Self.text(try JSONOutput.encode([url])) == (try Self.foundationText([url])))
        #expect(Self.text(try JSONOutput.encode([Data([1, 2, 3])])) == (try Self.foundationText([Data([1, 2, 3])])))
        #expect(Self.text(try JSONOutput.encode(Day(year: 2026, month: 12, day: 2)!)) == "\"2026-12-02\"")
        #expect(throws: (any Error).self) { try JSONOutput.encode([Double.nan]) }
    }

    @Test("Containers: nested ones left open close before their owner's next member; an empty value is {}")
    func containers() throws {
        #expect(Self.text(try JSONOutput.encode(LeftOpen())) == (try Self.foundationText(LeftOpen())))
        #expect(Self.text(try JSONOutput.encode(LeftOpen())) == #"{"a_list":[1],"b_obj":{},"c":2}"#)
        #expect(Self.text(try JSONOutput.encode([Empty(), Empty()])) == "[{},{}]")
        #expect(Self.text(try JSONOutput.encode(TwoCalls())) == (try Self.foundationText(TwoCalls())))
        // A write to a container already closed is left to JSONEncoder, as is a super encoder.
        #expect(throws: JSONOutput.Unsupported.self) { try JSONOutput.encode(LateWrite()) }
        #expect(Self.text(JSON.bytes(LateWrite())) == (try Self.foundationText(LateWrite())))
        #expect(throws: JSONOutput.Unsupported.self) { try JSONOutput.encode(WithSuper()) }
        #expect(Self.text(JSON.bytes(WithSuper())) == (try Self.foundationText(WithSuper())))
    }

    @Test("Dictionaries are written with sorted keys, and their keys are not converted")
    func dictionaries() throws {
        let byName: [String: Int] = ["camelKey": 1, "中文": 2, "a": 3, "zeta": 4]
        #expect(Self.text(try JSONOutput.encode(byName)) == (try Self.foundationText(byName)))
        for _ in 0..<20 { #expect(Self.text(try JSONOutput.encode(byName)) == #"{"a":3,"camelKey":1,"zeta":4,"中文":2}"#) }
        let nested: [String: [String: [Int]]] = ["b": ["y": [1], "x": []], "a": [:]]
        #expect(Self.text(try JSONOutput.encode(nested)) == (try Self.foundationText(nested)))
        // Keys of another kind are converted, then sorted, as JSONEncoder does with Swift 6.3's Foundation.
        let byKind: [Kind: Int] = [.zetaLast: 1, .alphaFirst: 2, .middleName: 3, .aURLKey: 4, .quoted: 5]
        #expect(Self.text(try JSONOutput.encode(byKind)) == (try Self.foundationText(byKind)))
        let byNumber: [Int: String] = [10: "a", 2: "b", -1: "c"]
        #expect(Self.text(try JSONOutput.encode(byNumber)) == (try Self.foundationText(byNumber)))
    }

    @Test("Random trees of objects, arrays, dictionaries and values read the same from both writers, and the same every time")
    func randomTrees() throws {
        var rng = SplitMix64(seed: 2026)
        for _ in 0..<300 {
            let tree = Tree.random(&rng, depth: 4)
            let ours = try JSONOutput.encode(tree)
            let theirs = try Self.foundation.encode(tree)
            #expect(try JSONValue.parse(Data(ours)) == JSONValue.parse(theirs))
            // The same members in another order: as many bytes (a member written twice or left out would differ).
            #expect(ours.count == theirs.count)
            #expect(try JSONOutput.encode(tree) == ours)
        }
    }

    @Test("A page of the API reads the same as before: items, total and cursors")
    func page() throws {
        struct Line: Codable { var personID: String; var heldOn: Day; var note: String? }
        let items = [
            Line(personID: "p-1", heldOn: Day(year: 2026, month: 1, day: 5)!, note: nil),
            Line(personID: "p-2", heldOn: Day(year: 2026, month: 2, day: 1)!, note: "备注"),
        ]
        let page = APIController.PagedList(Storage.Page(items: items, total: 2, next: nil, previous: nil)) { $0 }
        #expect(try JSONValue.parse(Data(try JSONOutput.encode(page))) == JSONValue.parse(try Self.foundation.encode(page)))
        #expect(try JSONValue.parse(Data(try JSONOutput.encode(KeyValue.int(7)))) == .int(7))
    }

    @Test("The API's own DTOs from the demo unit — register, files, trips, events, departures — read the same from both writers")
    func demoDTOs() async throws {
        try await TestWorld.with { world in
            let clerk = try await world.actor("wangfang")
            let p = world.services.personnel
            var checked = 0
            func same(_ value: some Encodable) throws {
                let ours = try JSONOutput.encode(value)
                let theirs = try Self.foundation.encode(value)
                #expect(try JSONValue.parse(Data(ours)) == JSONValue.parse(theirs))
                #expect(ours.count == theirs.count)
                checked += 1
            }
            let register = try await p.register(clerk)
            try same(APIController.PagedList(register, PersonnelDTO.RosterLine.init))
            for line in register.items { try same(PersonnelDTO.File(try await p.file(clerk, personID: line.personID))) }
            try same(APIController.PagedList(try await p.trips(clerk), PersonnelDTO.Trip.init))
            try same(APIController.PagedList(try await p.events(clerk), PersonnelDTO.Event.init))
            let departures = try await p.departures(clerk)
            #expect(departures.items.contains { !$0.done.isEmpty })
            try same(APIController.PagedList(departures, PersonnelDTO.Departure.init))
            #expect(checked > 5)
        }
    }
}

/// Dictionary keys that are neither text nor numbers.
private enum Kind: String, CodingKeyRepresentable, Hashable, Encodable {
    case zetaLast, alphaFirst, middleName, aURLKey
    case quoted = "say\"Hi"
}

/// Writes to a nested container after its owner has moved on (invalid, and left to JSONEncoder).
private struct LateWrite: Encodable {
    enum Keys: String, CodingKey { case a, b }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var list = c.nestedUnkeyedContainer(forKey: .a)
        try c.encode(1, forKey: .b)
        try list.encode(2)
    }
}

/// A key made at run time.
private struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Any JSON shape, encoded through every kind of container.
private indirect enum Tree: Encodable {
    case object([(String, Tree?)])
    case nestedLists([(String, [Tree])])
    case array([Tree?])
    case string(String), int(Int64), bool(Bool), double(Double), day(Day)
    case byName([String: Tree]), byNumber([Int: String])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let members):
            var c = encoder.container(keyedBy: DynamicKey.self)
            for (k, v) in members { try c.encodeIfPresent(v, forKey: DynamicKey(k)) }
        case .nestedLists(let groups):
            var c = encoder.container(keyedBy: DynamicKey.self)
            for (k, items) in groups {
                var n = c.nestedUnkeyedContainer(forKey: DynamicKey(k))
                for item in items { try n.encode(item) }
            }
        case .array(let items):
            var c = encoder.unkeyedContainer()
            for item in items { if let item { try c.encode(item) } else { try c.encodeNil() } }
        case .string(let v): try v.encode(to: encoder)
        case .int(let v): try v.encode(to: encoder)
        case .bool(let v): try v.encode(to: encoder)
        case .double(let v): try v.encode(to: encoder)
        case .day(let v): try v.encode(to: encoder)
        case .byName(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        case .byNumber(let v):
            var c = encoder.singleValueContainer()
            try c.encode(v)
        }
    }

    static func random(_ rng: inout SplitMix64, depth: Int) -> Tree {
        let words = ["personID", "heldOn", "aURLThing", "x2Y", "name", "中文", "levelCode", "ABc", "_x", "nextCursor"]
        func key(_ i: Int) -> String { "k\(i)" + words[rng.below(words.count)].prefix(1).uppercased() + words[rng.below(words.count)] }
        let leaves: [Tree] = [
            .string("涉密/\"人员\"\n\(rng.below(100))"), .int(Int64(rng.below(1000)) - 500), .bool(rng.below(2) == 0),
            .double([0.5, -2.25, 1e21, 3.0, 1.5e-7][rng.below(5)]), .day(Day(year: 2026, month: 1 + rng.below(12), day: 1 + rng.below(28))!),
        ]
        guard depth > 0, rng.below(4) != 0 else { return leaves[rng.below(leaves.count)] }
        let n = rng.below(5)
        switch rng.below(5) {
        case 0: return .object((0..<n).map { (key($0), rng.below(4) == 0 ? nil : random(&rng, depth: depth - 1)) })
        case 1: return .nestedLists((0..<n).map { i in (key(i), (0..<rng.below(3)).map { _ in random(&rng, depth: depth - 1) }) })
        case 2: return .array((0..<n).map { _ in rng.below(5) == 0 ? nil : random(&rng, depth: depth - 1) })
        case 3: return .byName(Dictionary(uniqueKeysWithValues: (0..<n).map { (words[$0], random(&rng, depth: depth - 1)) }))
        default: return .byNumber(Dictionary(uniqueKeysWithValues: (0..<n).map { ($0 * 7, "v\($0)") }))
        }
    }
}

/// Nested containers its owner moves past without closing.
private struct LeftOpen: Encodable {
    enum Keys: String, CodingKey { case aList, bObj, c }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        var list = c.nestedUnkeyedContainer(forKey: .aList)
        try list.encode(1)
        _ = c.nestedContainer(keyedBy: Keys.self, forKey: .bObj)
        try c.encode(2, forKey: .c)
    }
}

/// Every integer and floating-point type, as members, elements and single values.
private struct SmallNumbers: Encodable {
    var a: Int8 = -8, b: Int16 = -16, c: Int32 = -32, d: Int64 = -64, e: UInt = 1, f: UInt8 = 8, g: UInt16 = 16, h: UInt32 = 32
    var i: UInt64 = .max, j: Float = 0.5, k: Double = 2
    var list: [[UInt8]] = [[1, 2], [255]]
    var floats: [Float] = [1.5, 3], int16s: [Int16] = [-1], uint32s: [UInt32] = [7], doubles: [Double] = [0.25]
    var single: [Wrapped] = [Wrapped(value: 9)]
    struct Wrapped: Encodable {
        var value: UInt16
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            try c.encode(value)
        }
    }
}

/// Encodes nothing at all.
private struct Empty: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Asks for its keyed container twice, as a subclass and its superclass would.
private struct TwoCalls: Encodable {
    enum Keys: String, CodingKey { case first, second }
    func encode(to encoder: any Encoder) throws {
        var a = encoder.container(keyedBy: Keys.self)
        try a.encode("1", forKey: .first)
        var b = encoder.container(keyedBy: Keys.self)
        try b.encode("2", forKey: .second)
    }
}

/// Uses a super encoder, which only JSONEncoder offers.
private struct WithSuper: Encodable {
    enum Keys: String, CodingKey { case own }
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(1, forKey: .own)
        try "base".encode(to: c.superEncoder())
    }
}
