import Foundation
import Kernel

/// Tables that users bring from their paper-era registers: CSV text and XLSX workbooks (Excel and WPS save both). One
/// reader for every area's import, so each area checks rows, never file formats.
public enum Tabular {
    /// A record of the file with the line (CSV) or row number (XLSX) it starts on.
    public struct Record: Sendable, Hashable {
        /// The line the record starts on (a quoted CSV cell may run over several lines; an XLSX row keeps its number).
        public var line: Int
        /// The cells in column order, quotes removed.
        public var cells: [String]
        /// The row's workbook counts serial dates from 1904: a serial left in a cell without a date format is read so
        /// (`Day(written:date1904:)`).
        public var date1904: Bool

        /// A record of `cells` starting on `line`.
        public init(line: Int, cells: [String], date1904: Bool = false) {
            self.line = line
            self.cells = cells
            self.date1904 = date1904
        }
    }

    /// One bad row of an import (or its header, line 1): the line in the file, the column, the reason in Chinese — the
    /// line-numbered report every import gives (carriers, the roster, training records), and its API's `problems`.
    public struct Problem: Sendable, Hashable, Codable {
        /// The line (CSV) or row (XLSX) in the file: 1 for the header; a row's first line when a quoted cell spans lines.
        public var line: Int
        /// The column's machine name, or `header`, `row` or `file` for a problem of the whole.
        public var field: String
        /// What is wrong, in Chinese; a cell's problem starts with its column's header.
        public var message: String

        /// Creates a problem of one line.
        public init(line: Int, field: String, message: String) {
            self.line = line
            self.field = field
            self.message = message
        }

        /// The problem of a file that cannot be read as a table at all (`field` is `file`).
        public init(_ unreadable: Unreadable) {
            self.init(line: unreadable.line, field: "file", message: unreadable.message)
        }
    }

    /// A file that cannot be read as a table at all.
    public struct Unreadable: Error, Sendable, Hashable {
        /// The line it concerns (1 when the whole file).
        public var line: Int
        /// What is wrong, in Chinese.
        public var message: String

        /// A file unreadable at `line`, for `message`.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// Why a file was not read to its end: it is not a table, or it is larger than the operation reads.
    public enum Failure: Error, Sendable, Hashable {
        /// Not a table (a quote left open, not UTF-8, not a workbook): a problem of the file in the report.
        case unreadable(Unreadable)
        /// Beyond one of the operation's limits: the import is refused as a whole, naming the limit.
        case limit(LimitExceeded)
    }

    /// The bounds an import reads a file within. Each is checked as the file is read, so a file beyond one is refused
    /// before the work and memory it would take are spent: a small upload cannot ask for millions of cells, and a
    /// small workbook cannot expand without end.
    public struct Limits: Sendable, Hashable {
        /// Data rows (the header not counted) — the operation's documented maximum.
        public var rows: Int
        /// Cells in one row.
        public var columns: Int
        /// Cells in the whole file.
        public var cells: Int
        /// UTF-8 bytes of one cell (Excel allows 32,767 characters).
        public var cellBytes: Int
        /// Decompressed bytes of one workbook part (a worksheet, the shared strings).
        public var partBytes: Int
        /// Decompressed bytes of a workbook's parts together.
        public var totalBytes: Int
        /// Shared strings of a workbook.
        public var sharedStrings: Int
        /// UTF-8 bytes of a workbook's shared strings together.
        public var sharedStringBytes: Int

        /// Limits of `rows` data rows and `cells` cells in all; the other bounds are the same for every import.
        public init(
            rows: Int, cells: Int, columns: Int = 200, cellBytes: Int = 98_304, partBytes: Int = 48 * 1_048_576, totalBytes: Int = 96 * 1_048_576,
            sharedStrings: Int? = nil, sharedStringBytes: Int = 32 * 1_048_576
        ) {
            self.rows = rows
            self.columns = columns
            self.cells = cells
            self.cellBytes = cellBytes
            self.partBytes = partBytes
            self.totalBytes = totalBytes
            self.sharedStrings = sharedStrings ?? cells
            self.sharedStringBytes = sharedStringBytes
        }
    }

    /// One of the limits.
    public enum Limit: String, Sendable, Hashable, Codable {
        case rows, columns, cells, cellBytes, partBytes, totalBytes, sharedStrings, sharedStringBytes
    }

    /// What a reader did — its own count of the work, so a test can show a hostile file was refused after a bounded
    /// amount of it (rows, cells and bytes read, not wall time).
    public struct Counters: Sendable, Hashable {
        /// Rows read, blank ones and the header included.
        public var rows = 0
        /// Cells read (and empty cells put in for skipped columns).
        public var cells = 0
        /// Bytes decompressed from a workbook's parts.
        public var decompressedBytes = 0
        /// Shared strings read.
        public var sharedStrings = 0
        /// UTF-8 bytes of the shared strings read.
        public var sharedStringBytes = 0

        /// Nothing read yet.
        public init() {}
    }

    /// A file beyond a limit: which, the bound, the line it was reached on and what had been read by then.
    public struct LimitExceeded: Error, Sendable, Hashable {
        /// The limit reached.
        public var limit: Limit
        /// Its bound.
        public var bound: Int
        /// The line (CSV) or row (XLSX) being read; 1 for a workbook's part.
        public var line: Int
        /// What had been read when it was reached.
        public var counters: Counters

        /// What is wrong, in Chinese, naming the limit.
        public var message: String {
            let mb = bound / 1_048_576
            return switch limit {
            case .rows: "文件超过导入上限：数据超过\(bound)行（读到第\(line)行）；请分成几个文件导入"
            case .columns: "文件超过导入上限：第\(line)行超过\(bound)列"
            case .cells: "文件超过导入上限：单元格总数超过\(bound)个（读到第\(line)行）"
            case .cellBytes: "文件超过导入上限：第\(line)行有单元格超过\(bound / 1024) KB"
            case .partBytes: "工作簿超过导入上限：其中一个工作表或共享字符串解压后超过\(mb) MB"
            case .totalBytes: "工作簿超过导入上限：解压后共超过\(mb) MB"
            case .sharedStrings: "工作簿超过导入上限：共享字符串超过\(bound)个"
            case .sharedStringBytes: "工作簿超过导入上限：共享字符串共超过\(mb) MB"
            }
        }
    }

    /// How many problems a report lists; the total is given beside them.
    public static let problemsShown = 1_000

    /// The problems of an import: the first `problemsShown` by line, and how many there are in all. A file with a
    /// problem on every row keeps a thousand of them, not one per row.
    public struct ProblemList: Sendable, Hashable {
        private var kept: [Problem] = []
        /// Every problem found.
        public private(set) var total = 0

        /// No problem yet.
        public init() {}

        /// Adds a problem.
        public mutating func add(_ problem: Problem) {
            total += 1
            kept.append(problem)
            if kept.count >= 2 * problemsShown { trim() }
        }

        /// Adds problems.
        public mutating func add(contentsOf problems: some Sequence<Problem>) {
            for problem in problems { add(problem) }
        }

        /// The first `problemsShown` problems, by line and field.
        public var shown: [Problem] {
            var list = self
            list.trim()
            return list.kept
        }

        /// Whether none was found.
        public var isEmpty: Bool { total == 0 }

        private mutating func trim() {
            kept.sort { ($0.line, $0.field) < ($1.line, $1.field) }
            if kept.count > problemsShown { kept.removeLast(kept.count - problemsShown) }
        }
    }

    /// A file's header (its first record): where each of `columns` is, by its header as users write it (surrounding
    /// spaces ignored, any order), and the header's problems — an unknown column (nothing typed is silently dropped),
    /// one given twice, a required one missing.
    public static func header<Column: Hashable & RawRepresentable>(
        _ header: Record, columns: [Column], required: [Column]
    ) -> (index: [Column: Int], problems: [Problem]) where Column.RawValue == String {
        var index: [Column: Int] = [:]
        var problems: [Problem] = []
        for (i, name) in header.cells.enumerated() {
            let trimmed = name.trimmingSpaces
            guard let column = Column(rawValue: trimmed), columns.contains(column) else {
                problems.append(
                    Problem(line: header.line, field: "header", message: "未知的列“\(trimmed)”；可用的列：\(columns.map(\.rawValue).joined(separator: "、"))"))
                continue
            }
            if index[column] != nil { problems.append(Problem(line: header.line, field: "header", message: "列“\(trimmed)”重复")) }
            index[column] = i
        }
        for column in required where index[column] == nil {
            problems.append(Problem(line: header.line, field: "header", message: "缺少必填列“\(column.rawValue)”"))
        }
        return (index, problems)
    }

    /// Whether bytes are a ZIP container (an XLSX workbook starts with `PK\u{3}\u{4}`).
    public static func isZIP(_ data: Data) -> Bool { data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]) }
}
