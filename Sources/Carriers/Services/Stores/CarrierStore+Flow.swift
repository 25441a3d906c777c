import Carriers
import Kernel
import SQLKit
import Storage

/// The 绝密 reader log (R-CA-4) and the exit permit of a carrier carried out (R-CA-9).
extension CarrierStore {
    // MARK: R-CA-4 reader log

    /// R-CA-4: a line of the reader log: the carrier goes out to `readerPersonID` (in `readingRoom`, if any) at `millis`,
    /// with the carrier's next running number.
    static func logReaderOut(carrierID: String, readerPersonID: String, readingRoom: String?, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO carrier_reader_log (id, carrier_id, seq, reader_person_id, reading_room, out_at)
            VALUES (\(bind: IDs.make()), \(bind: carrierID), (SELECT COUNT(*) + 1 FROM carrier_reader_log r WHERE r.carrier_id = \(bind: carrierID)),
                \(bind: readerPersonID), \(bind: readingRoom), \(bind: millis))
            """
        ).run()
    }

    /// R-CA-4: the reader log's open lines of the carrier close at `millis`: it is back with the 保密员.
    static func logReaderBack(carrierID: String, at millis: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE carrier_reader_log SET back_at = \(bind: millis) WHERE carrier_id = \(bind: carrierID) AND back_at IS NULL"
        ).run()
    }

    /// R-CA-4: the carrier's reader log in order: reader's name, reading room, time out, time back.
    static func readerLog(carrierID: String, on db: any SQLDatabase) async throws -> [(reader: String, room: String?, out: Int64, back: Int64?)] {
        try await db.raw(
            """
            SELECT p.name, l.reading_room, l.out_at, l.back_at FROM carrier_reader_log l JOIN persons p ON p.id = l.reader_person_id
            WHERE l.carrier_id = \(bind: carrierID) ORDER BY l.seq
            """
        ).all().map {
            (
                try $0.decode(column: "name", as: String.self), try $0.decode(column: "reading_room", as: String?.self),
                try $0.decode(column: "out_at", as: Int64.self), try $0.decode(column: "back_at", as: Int64?.self)
            )
        }
    }

    // MARK: R-CA-9 exit permit

    /// R-CA-9 / R-PE-11: the exit permit a carrier carried abroad holds while it is out (a trip abroad checks it).
    static func setExitPermit(_ exitPermit: String?, carrierID: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE carriers SET exit_permit = \(bind: exitPermit) WHERE id = \(bind: carrierID)").run()
    }

    /// R-CA-9: a carrier no longer out no longer holds an exit permit.
    static func clearExitPermit(carrierID: String, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE carriers SET exit_permit = NULL WHERE id = \(bind: carrierID) AND exit_permit IS NOT NULL").run()
    }

    /// R-PE-11 / R-CA-9: which of `carrierIDs` are carried out by `personID` under an exit permit — ids and permits only,
    /// no content.
    static func carriedAbroad(_ carrierIDs: [String], by personID: String, on db: any SQLDatabase) async throws -> Set<String> {
        var found: Set<String> = []
        let out = CarrierStatus.carriedOut.rawValue
        for chunk in carrierIDs.chunks() {
            let rows = try await db.raw(
                """
                SELECT id FROM carriers WHERE id IN (\(binds: chunk)) AND status = \(bind: out) AND holder_person_id = \(bind: personID)
                AND exit_permit IS NOT NULL
                """
            ).all()
            for row in rows { found.insert(try row.decode(column: "id", as: String.self)) }
        }
        return found
    }
}
