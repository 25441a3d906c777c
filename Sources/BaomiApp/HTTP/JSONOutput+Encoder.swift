import Foundation

/// `JSONOutput` is its own `Encoder`: every container writes into the same bytes. A container remembers the depth of
/// its frame; writing to it first closes whatever nested container was left open deeper down.
extension JSONOutput: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // A second request for the same value's container continues the object already open, as with JSONEncoder.
        if frames.count > base, frames[base].isObject {
            return KeyedEncodingContainer(ObjectContainer<Key>(out: self, at: (base, frames[base].id)))
        }
        return KeyedEncodingContainer(ObjectContainer<Key>(out: self, at: open(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if frames.count > base, !frames[base].isObject { return ArrayContainer(out: self, at: (base, frames[base].id)) }
        return ArrayContainer(out: self, at: open(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        ValueContainer(out: self)
    }
}

/// The members of one JSON object.
struct ObjectContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let out: JSONOutput
    let depth: Int
    let id: Int
    var codingPath: [any CodingKey] { [] }

    init(out: JSONOutput, at frame: (depth: Int, id: Int)) {
        self.out = out
        depth = frame.depth
        id = frame.id
    }

    mutating func encodeNil(forKey key: Key) throws {
        out.member(key.stringValue, at: depth, id: id)
        out.literal("null")
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        out.member(key.stringValue, at: depth, id: id)
        out.literal(value ? "true" : "false")
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        out.member(key.stringValue, at: depth, id: id)
        out.string(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        out.member(key.stringValue, at: depth, id: id)
        try out.double(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        out.member(key.stringValue, at: depth, id: id)
        try out.double(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { integer(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { integer(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        out.member(key.stringValue, at: depth, id: id)
        try out.value(value)
    }

    private func integer<I: BinaryInteger>(_ value: I, _ key: Key) {
        out.member(key.stringValue, at: depth, id: id)
        out.integer(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        out.member(key.stringValue, at: depth, id: id)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(out: out, at: out.open(object: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        out.member(key.stringValue, at: depth, id: id)
        return ArrayContainer(out: out, at: out.open(object: false))
    }

    mutating func superEncoder() -> any Encoder { out.unsupportedEncoder() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { out.unsupportedEncoder() }
}

/// The elements of one JSON array (every primitive has its own method, as in `ValueContainer`).
struct ArrayContainer: UnkeyedEncodingContainer {
    let out: JSONOutput
    let depth: Int
    let id: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { out.frames.count > depth && out.frames[depth].id == id ? out.frames[depth].count : 0 }

    init(out: JSONOutput, at frame: (depth: Int, id: Int)) {
        self.out = out
        depth = frame.depth
        id = frame.id
    }

    mutating func encodeNil() throws {
        out.element(at: depth, id: id)
        out.literal("null")
    }
    mutating func encode(_ value: Bool) throws {
        out.element(at: depth, id: id)
        out.literal(value ? "true" : "false")
    }
    mutating func encode(_ value: String) throws {
        out.element(at: depth, id: id)
        out.string(value)
    }
    mutating func encode(_ value: Double) throws {
        out.element(at: depth, id: id)
        try out.double(value)
    }
    mutating func encode(_ value: Float) throws {
        out.element(at: depth, id: id)
        try out.double(value)
    }
    mutating func encode(_ value: Int) throws { integer(value) }
    mutating func encode(_ value: Int8) throws { integer(value) }
    mutating func encode(_ value: Int16) throws { integer(value) }
    mutating func encode(_ value: Int32) throws { integer(value) }
    mutating func encode(_ value: Int64) throws { integer(value) }
    mutating func encode(_ value: UInt) throws { integer(value) }
    mutating func encode(_ value: UInt8) throws { integer(value) }
    mutating func encode(_ value: UInt16) throws { integer(value) }
    mutating func encode(_ value: UInt32) throws { integer(value) }
    mutating func encode(_ value: UInt64) throws { integer(value) }

    private func integer<I: BinaryInteger>(_ value: I) {
        out.element(at: depth, id: id)
        out.integer(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        out.element(at: depth, id: id)
        try out.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        out.element(at: depth, id: id)
        return KeyedEncodingContainer(ObjectContainer<NestedKey>(out: out, at: out.open(object: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        out.element(at: depth, id: id)
        return ArrayContainer(out: out, at: out.open(object: false))
    }

    mutating func superEncoder() -> any Encoder { out.unsupportedEncoder() }
}

/// A value written where it stands. Every primitive has its own method: a generic method would otherwise stand in
/// for the missing ones and send the value back to its own `encode(to:)`.
struct ValueContainer: SingleValueEncodingContainer {
    let out: JSONOutput
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { out.literal("null") }
    mutating func encode(_ value: Bool) throws { out.literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { out.string(value) }
    mutating func encode(_ value: Double) throws { try out.double(value) }
    mutating func encode(_ value: Float) throws { try out.double(value) }
    mutating func encode(_ value: Int) throws { out.integer(value) }
    mutating func encode(_ value: Int8) throws { out.integer(value) }
    mutating func encode(_ value: Int16) throws { out.integer(value) }
    mutating func encode(_ value: Int32) throws { out.integer(value) }
    mutating func encode(_ value: Int64) throws { out.integer(value) }
    mutating func encode(_ value: UInt) throws { out.integer(value) }
    mutating func encode(_ value: UInt8) throws { out.integer(value) }
    mutating func encode(_ value: UInt16) throws { out.integer(value) }
    mutating func encode(_ value: UInt32) throws { out.integer(value) }
    mutating func encode(_ value: UInt64) throws { out.integer(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try out.value(value) }
}
