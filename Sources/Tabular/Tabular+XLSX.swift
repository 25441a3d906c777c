import Foundation
import Kernel
import ZIPFoundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension Tabular {
    /// The first worksheet of an XLSX workbook (Office Open XML, as Excel, WPS and LibreOffice save it) — the first in
    /// the workbook's own order (`xl/workbook.xml` and its relationships), not the first by file name — read as a
    /// stream: each part is decompressed a chunk at a time straight into Foundation's event parser (`XMLParser`), no
    /// document tree is built, and every row goes to `body` as soon as it ends, with its own row number so a problem
    /// names the row the user sees. Shared and inline strings, numbers as written; a number in a date format
    /// (`styles.xml`) and a date cell (`t="d"`) arrive as an ISO date (`2025-03-01`), in the workbook's date system
    /// (1900, or 1904 when `date1904` is set); cells missing in a row are empty; blank rows are skipped. Every bound of
    /// `limits` is checked as the bytes arrive: a workbook beyond one is refused when it is reached, having
    /// decompressed and kept no more than that.
    public static func xlsx(_ data: Data, limits: Limits, counters: inout Counters, _ body: (Record) -> Void) throws(Failure) {
        let unreadable = Failure.unreadable(.init(line: 1, message: notAWorkbook))
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch { throw unreadable }
        let book = WorkbookReader(limits: limits, counters: counters)
        if let entry = archive["xl/workbook.xml"] { try parse(entry, of: archive, into: book, limits: limits, counters: &counters) }
        var ordered: String?
        if let id = book.firstSheet, let entry = archive["xl/_rels/workbook.xml.rels"] {
            let rels = RelationshipsReader(limits: limits, counters: counters)
            try parse(entry, of: archive, into: rels, limits: limits, counters: &counters)
            ordered = rels.targets[id].map(partPath)
        }
        let sheetPath =
            [ordered, firstSheet].compactMap { $0 }.first { archive[$0] != nil }
            ?? archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted().first
        guard let sheetPath, let sheet = archive[sheetPath] else { throw unreadable }
        var dates: Set<Int> = []
        if let entry = archive["xl/styles.xml"] {
            let styles = StylesReader(limits: limits, counters: counters)
            try parse(entry, of: archive, into: styles, limits: limits, counters: &counters)
            dates = styles.dateStyles
        }
        var shared: [String] = []
        if let entry = archive["xl/sharedStrings.xml"] {
            let reader = SharedStringsReader(limits: limits, counters: counters)
            try parse(entry, of: archive, into: reader, limits: limits, counters: &counters)
            shared = reader.strings
        }
        let sheetCounters = counters
        let dateSystem = DateSystem(date1904: book.date1904, styles: dates)
        let (result, read): (Result<Void, Failure>, Counters) = withoutActuallyEscaping(body) { body in
            let reader = SheetReader(limits: limits, counters: sheetCounters, shared: shared, dates: dateSystem, body: body)
            var local = sheetCounters
            do throws(Failure) {
                try parse(sheet, of: archive, into: reader, limits: limits, counters: &local)
                return (.success(()), local)
            } catch {
                return (.failure(error), local)
            }
        }
        counters = read
        try result.get()
    }

    /// A relationship's target as a path in the archive: relative to `xl/`, or absolute from the archive's root.
    static func partPath(_ target: String) -> String {
        target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }

    static let notAWorkbook = "文件不是有效的 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中另存为“Excel 工作簿”后再导入"
    static let firstSheet = "xl/worksheets/sheet1.xml"
    /// Columns of a worksheet (A … XFD): a reference beyond is not a worksheet's.
    static let maxColumns = 16_384

    /// Parses one part: a thread of its own decompresses it into a small bounded hand-over, which the parser reads
    /// from as a stream; the part's and the workbook's decompressed bytes are counted as they arrive. When the parse
    /// stops — at the end, or refused — the decompression stops too.
    private static func parse(
        _ entry: Entry, of archive: Archive, into reader: some PartReader, limits: Limits, counters: inout Counters
    ) throws(Failure) {
        let channel = ChunkChannel()
        let already = counters.decompressedBytes
        let box = UncheckedBox((archive, entry))
        let producer = Thread {
            var part = 0
            do {
                _ = try box.value.0.extract(box.value.1, bufferSize: 16_384, skipCRC32: false) { chunk in
                    part += chunk.count
                    if part > limits.partBytes { throw channel.limit(.partBytes, limits.partBytes) }
                    if already + part > limits.totalBytes { throw channel.limit(.totalBytes, limits.totalBytes) }
                    try channel.put(chunk, total: already + part)
                }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        producer.start()
        let parser = XMLParser(stream: ChannelStream(channel))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        reader.parser = parser
        parser.delegate = reader
        let parsed = parser.parse()
        channel.cancel()
        let failure = channel.waitUntilFinished()
        // What the reader counted, and the bytes decompressed in the workbook so far.
        counters = reader.counters
        counters.decompressedBytes = channel.decompressed
        if var refused = reader.failure {
            if case .limit(var exceeded) = refused {
                exceeded.counters = counters
                refused = .limit(exceeded)
            }
            throw refused
        }
        if case .some(var exceeded as LimitExceeded) = failure {
            exceeded.counters = counters
            throw .limit(exceeded)
        }
        guard parsed, failure == nil else { throw .unreadable(.init(line: 1, message: notAWorkbook)) }
    }

    /// The zero-based column of a cell reference (`A1` → 0, `AB7` → 27).
    static func column(of reference: String) -> Int? {
        var n = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            guard letters < 3 else { return nil }
            n = n * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : n - 1
    }
}

/// A value handed to the decompressing thread, which alone uses it until the parse ends.
private final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What the part readers share: the parser they may stop, the refusal that stopped it, the counters.
class PartReader: NSObject, XMLParserDelegate {
    let limits: Tabular.Limits
    var counters: Tabular.Counters
    weak var parser: XMLParser?
    var failure: Tabular.Failure?
    /// The text of the element being read, within the cell limit.
    var text: [UInt8] = []
    var collecting = false

    init(limits: Tabular.Limits, counters: Tabular.Counters) {
        self.limits = limits
        self.counters = counters
    }

    func stop(_ failure: Tabular.Failure) {
        guard self.failure == nil else { return }
        self.failure = failure
        parser?.abortParsing()
    }

    func stop(_ limit: Tabular.Limit, _ bound: Int, line: Int) {
        stop(.limit(.init(limit: limit, bound: bound, line: line, counters: counters)))
    }

    /// An element starts (its local name; namespaces are processed).
    func start(_ name: String, _ attributes: [String: String]) {}
    /// An element ends.
    func end(_ name: String) {}

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        guard failure == nil else { return }
        start(elementName, attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil else { return }
        end(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting, failure == nil else { return }
        if text.count + string.utf8.count > limits.cellBytes { return stop(.cellBytes, limits.cellBytes, line: currentLine) }
        text.append(contentsOf: string.utf8)
    }

    var currentLine: Int { 1 }
}

/// `xl/sharedStrings.xml`: each `<si>`'s text (its `<t>`, or its runs' `<t>`, never the phonetic `<rPh>`).
private final class SharedStringsReader: PartReader {
    var strings: [String] = []
    private var inPhonetic = false

    override func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "si": text.removeAll(keepingCapacity: true)
        case "rPh": inPhonetic = true
        case "t": collecting = !inPhonetic
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "t": collecting = false
        case "rPh": inPhonetic = false
        case "si":
            counters.sharedStrings += 1
            counters.sharedStringBytes += text.count
            if counters.sharedStrings > limits.sharedStrings { return stop(.sharedStrings, limits.sharedStrings, line: 1) }
            if counters.sharedStringBytes > limits.sharedStringBytes { return stop(.sharedStringBytes, limits.sharedStringBytes, line: 1) }
            strings.append(String(decoding: text, as: UTF8.self))
        default: break
        }
    }
}

/// A worksheet's `<sheetData>`: rows of cells, each row handed on as it ends.
private final class SheetReader: PartReader {
    let shared: [String]
    let dates: DateSystem
    let body: (Tabular.Record) -> Void
    private var cells: [String] = []
    private var row = 0
    private var rowNumber = 0
    private var records = 0
    private var column = 0
    private var type: String?
    private var style = 0

    init(limits: Tabular.Limits, counters: Tabular.Counters, shared: [String], dates: DateSystem, body: @escaping (Tabular.Record) -> Void) {
        self.shared = shared
        self.dates = dates
        self.body = body
        super.init(limits: limits, counters: counters)
    }

    override var currentLine: Int { rowNumber }

    override func start(_ name: String, _ attributeDict: [String: String]) {
        switch name {
        case "row":
            row += 1
            counters.rows += 1
            rowNumber = attributeDict["r"].flatMap { Int($0) } ?? row
            cells.removeAll(keepingCapacity: true)
        case "c":
            var position = cells.count
            if let reference = attributeDict["r"] {
                guard let c = Tabular.column(of: reference), c < Tabular.maxColumns else {
                    return stop(.unreadable(.init(line: rowNumber, message: Tabular.notAWorkbook)))
                }
                position = c
            }
            guard position < limits.columns else { return stop(.columns, limits.columns, line: rowNumber) }
            // Columns skipped in the row are empty cells, counted like any other.
            let added = max(1, position + 1 - cells.count)
            counters.cells += added
            guard counters.cells <= limits.cells else { return stop(.cells, limits.cells, line: rowNumber) }
            column = position
            type = attributeDict["t"]
            style = attributeDict["s"].flatMap { Int($0) } ?? 0
            text.removeAll(keepingCapacity: true)
        case "v", "t": collecting = true
        default: break
        }
    }

    override func end(_ name: String) {
        switch name {
        case "v", "t": collecting = false
        case "c":
            let raw = String(decoding: text, as: UTF8.self)
            let value: String
            switch type {
            case "s": value = Int(raw).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
            case "d": value = dates.isoDate(written: raw) ?? raw
            case nil, "n": value = dates.styles.contains(style) ? dates.isoDate(serial: raw) ?? raw : raw
            default: value = raw
            }
            while cells.count < column { cells.append("") }
            if cells.count == column { cells.append(value) } else { cells[column] = value }
        case "row":
            if cells.allSatisfy({ $0.trimmingSpaces.isEmpty }) { return }
            records += 1
            guard records <= limits.rows + 1 else { return stop(.rows, limits.rows, line: rowNumber) }
            body(Tabular.Record(line: rowNumber, cells: cells, date1904: dates.date1904))
        default: break
        }
    }
}
