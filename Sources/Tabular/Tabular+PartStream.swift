import Foundation

// The hand-over that lets Foundation's pull parser (`XMLParser(stream:)`) read a workbook part while ZIPFoundation,
// which pushes what it decompresses, decompresses it on a thread of its own (`Tabular.xlsx`).

/// A bounded hand-over of decompressed chunks from the thread that decompresses a part to the parser reading it: at
/// most a few chunks wait, so a part is never held whole.
final class ChunkChannel: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private var bytes = 0
    private static let capacity = 4

    struct Cancelled: Error {}

    /// Bytes decompressed so far, in the workbook.
    var decompressed: Int { condition.withLock { bytes } }

    /// Hands a chunk over, waiting while the parser is behind; throws once the parse has stopped.
    func put(_ chunk: Data, total: Int) throws {
        try condition.withLock {
            while chunks.count >= Self.capacity && !cancelled { condition.wait() }
            if cancelled { throw Cancelled() }
            bytes = total
            chunks.append(chunk)
            condition.broadcast()
        }
    }

    /// The limit reached while decompressing, with the bytes counted so far.
    func limit(_ which: Tabular.Limit, _ bound: Int) -> Tabular.LimitExceeded {
        .init(limit: which, bound: bound, line: 1, counters: Tabular.Counters())
    }

    /// The decompression ended, with `error` if it failed or was refused.
    func finish(_ error: (any Error)?) {
        condition.withLock {
            finished = true
            if !(error is Cancelled) { failure = error }
            condition.broadcast()
        }
    }

    /// The next chunk; nil at the end (or when the decompression failed).
    func take() -> Data? {
        condition.withLock {
            while chunks.isEmpty && !finished { condition.wait() }
            guard !chunks.isEmpty else { return nil }
            condition.broadcast()
            return chunks.removeFirst()
        }
    }

    /// The parse has stopped: the decompression stops at its next chunk.
    func cancel() {
        condition.withLock {
            cancelled = true
            condition.broadcast()
        }
    }

    /// Waits for the decompressing thread to end; its failure, if any.
    func waitUntilFinished() -> (any Error)? {
        condition.withLock {
            while !finished { condition.wait() }
            return failure
        }
    }
}

/// The parser's input: the chunks of a `ChunkChannel`, read as a stream.
final class ChannelStream: InputStream {
    private let channel: ChunkChannel
    private var pending = Data()
    private var offset = 0
    private var ended = false

    init(_ channel: ChunkChannel) {
        self.channel = channel
        super.init(data: Data())
    }

    override func open() {}
    override func close() {}
    override var hasBytesAvailable: Bool { !ended }
    override var streamStatus: Stream.Status { ended ? .atEnd : .open }
    override var streamError: (any Error)? { nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        while offset >= pending.count {
            guard let next = channel.take() else {
                ended = true
                return 0
            }
            pending = next
            offset = 0
        }
        let n = min(len, pending.count - offset)
        let from = pending.startIndex + offset
        pending.copyBytes(to: buffer, from: from..<from + n)
        offset += n
        return n
    }
}
