import Foundation
import Testing

@testable import Storage

/// Record ids are UUIDs of version 7: made later, they sort later, so new rows go at the end of the indexes on ids.
@Suite("记录标识 — record ids in the order they were made")
struct IDsTests {
    @Test("an id is a version-7 UUID in lower case; ids of later milliseconds sort after earlier ones; none repeats")
    func timeOrdered() throws {
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        var previous = ""
        var seen = Set<String>()
        for step in 0..<2_000 {
            // Mid-millisecond instants, so that floating-point rounding never moves one into the millisecond before.
            let id = IDs.make(at: start.addingTimeInterval(Double(step / 2) / 1000 + 0.0005))
            #expect(id == id.lowercased())
            let parsed = try #require(UUID(uuidString: id))
            #expect(parsed.uuidString.lowercased() == id)
            let chars = Array(id)
            #expect(chars[14] == "7", "version")
            #expect("89ab".contains(chars[19]), "variant")
            if step % 2 == 0 { #expect(id > previous, "\(id) after \(previous)") }
            previous = max(previous, id)
            seen.insert(id)
        }
        #expect(seen.count == 2_000)
        // The time is the first 48 bits.
        #expect(IDs.make(at: start).hasPrefix(String(UInt64(1_796_000_000_000), radix: 16).leftPadded(to: 12).prefix(8)))
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String { String(repeating: "0", count: max(0, length - count)) + self }
}
