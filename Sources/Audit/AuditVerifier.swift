import Foundation

/// The result of checking the audit chain.
public enum VerificationResult: Sendable, Hashable {
    /// Every link holds; `count` entries checked.
    case intact(count: Int)
    /// The first broken link: the position where the chain stops holding, and why.
    case broken(seq: Int64, problem: ChainProblem)

    /// Whether the chain is intact.
    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }

    /// What `baomi audit verify` says, in Chinese first.
    public var summary: String {
        switch self {
        case .intact(let count): "审计日志完整：\(count) 条记录，哈希链无断裂。Audit log intact: \(count) entries."
        case .broken(let seq, let problem): "审计日志被破坏：第 \(seq) 条 — \(problem.chinese)。Audit chain broken at entry \(seq)."
        }
    }

    /// `baomi audit verify`'s exit status: 0 intact, 2 broken (tampering), so a monitor can alert on it.
    public var exitStatus: Int32 { isIntact ? 0 : 2 }
}

/// What is wrong at a broken link.
public enum ChainProblem: Sendable, Hashable {
    /// The stored hash does not match the entry's content: a field was altered.
    case contentAltered
    /// The entry does not point at the previous entry's hash: an entry before it was removed, altered or moved.
    case linkBroken
    /// A sequence number is missing or out of order: entries were removed or reordered.
    case sequenceGap(expected: Int64, found: Int64)
    /// The chain ends before the recorded head: entries at the end were removed.
    case truncated(headSeq: Int64, lastSeq: Int64)
    /// The last entry differs from the recorded head.
    case headMismatch
    /// The head's seal does not verify: the head was rewritten by someone without the audit key (entries at the end
    /// may have been cut off with it).
    case headForged
    /// The log holds entries but its head row is gone: the head is never optional (entries at the end may have been
    /// cut off with it).
    case headMissing
    /// The log holds no entry at all, though every installation writes entries from its first run.
    case empty
    /// The log does not reach a checkpoint kept outside the database, or differs from it there.
    case anchorMissing(seq: Int64)
    /// The head is older than the newest checkpoint kept outside the database: the head was rolled back to an
    /// earlier sealed state and the entries after it deleted.
    case rolledBack(headSeq: Int64, checkpointSeq: Int64)

    /// Chinese explanation for `baomi audit verify` and the audit browser.
    public var chinese: String {
        switch self {
        case .contentAltered: "记录内容被篡改（哈希值不符）"
        case .linkBroken: "链接断裂（前一条记录被删除、篡改或调换）"
        case .sequenceGap(let expected, let found): "序号不连续：应为 \(expected)，实为 \(found)（记录被删除或调换）"
        case .truncated(let head, let last): "日志末尾被截断：链头记录到 \(head)，实际只到 \(last)"
        case .headMismatch: "最后一条记录与链头不符"
        case .headForged: "链头签名不符：链头被无密钥者改写，日志末尾的记录可能被删除"
        case .headMissing: "链头记录缺失：链头被删除，日志末尾的记录可能随之被截断"
        case .empty: "审计日志为空：记录被全部删除"
        case .anchorMissing(let seq): "日志与库外检查点不符：检查点记录到第 \(seq) 条，日志未到达或该条被改动（末尾被截断或回滚）"
        case .rolledBack(let head, let checkpoint): "链头被回滚：链头停在第 \(head) 条，库外检查点已记录到第 \(checkpoint) 条（其后的记录被删除）"
        }
    }
}

/// Walks the chain and reports the first broken link (R-SY-3).
public enum AuditVerifier {
    /// R-SY-3: verifies `entries` in stored order, then the recorded head (`seq`, `hash`) if any.
    ///
    /// `entries` must be in ascending `seq` order as read from the store; a reordering shows up as a
    /// hash or link mismatch because `seq` is part of the hashed content.
    /// With a `seal`, the head's `mac` must verify; with `anchors` (checkpoints kept outside the database), the chain
    /// must reach each one with the same hash. An empty log is broken.
    public static func verify(
        _ entries: some Sequence<AuditEntry>, head: (seq: Int64, hash: String)?, mac: String? = nil, seal: AuditSeal? = nil,
        anchors: [AuditAnchor] = []
    ) -> VerificationResult {
        var walker = AuditChainWalker(anchors: anchors)
        for entry in entries {
            if let broken = walker.feed(entry) { return broken }
        }
        return walker.finish(head: head, mac: mac, seal: seal)
    }
}

/// R-SY-3: the chain check one entry at a time, so a log of millions of entries is verified page by page in constant
/// memory (`AuditStore.verify`); `AuditVerifier.verify` feeds it a whole sequence.
public struct AuditChainWalker: Sendable {
    private var expectedSeq: Int64 = 1
    private var previousHash = AuditChain.genesis
    private var anchorsLeft: [Int64: String]
    /// Entries checked so far.
    public private(set) var count = 0

    /// A walk from the chain's start, checking the checkpoints `anchors` on the way.
    public init(anchors: [AuditAnchor] = []) {
        anchorsLeft = Dictionary(anchors.map { ($0.seq, $0.hash) }, uniquingKeysWith: { a, _ in a })
    }

    /// Checks the next entry; the first broken link, or nil while the chain holds.
    public mutating func feed(_ entry: AuditEntry) -> VerificationResult? {
        if let expected = anchorsLeft.removeValue(forKey: entry.seq), expected != entry.hash {
            return .broken(seq: entry.seq, problem: .anchorMissing(seq: entry.seq))
        }
        if entry.seq != expectedSeq {
            return .broken(seq: expectedSeq, problem: .sequenceGap(expected: expectedSeq, found: entry.seq))
        }
        if entry.prevHash != previousHash {
            return .broken(seq: entry.seq, problem: .linkBroken)
        }
        let recomputed = AuditChain.hash(seq: entry.seq, record: entry.record, prevHash: entry.prevHash)
        if recomputed != entry.hash {
            return .broken(seq: entry.seq, problem: .contentAltered)
        }
        previousHash = entry.hash
        expectedSeq += 1
        count += 1
        return nil
    }

    /// After the last entry: the log is not empty, reaches every checkpoint, and ends at the sealed head.
    public func finish(head: (seq: Int64, hash: String)?, mac: String?, seal: AuditSeal?) -> VerificationResult {
        if count == 0 { return .broken(seq: 1, problem: .empty) }
        if let beyond = anchorsLeft.keys.max() {
            // A head that agrees with the log's end but is older than the checkpoint was rolled back with it.
            if let head, head.seq == expectedSeq - 1 {
                return .broken(seq: expectedSeq, problem: .rolledBack(headSeq: head.seq, checkpointSeq: beyond))
            }
            return .broken(seq: expectedSeq, problem: .anchorMissing(seq: beyond))
        }
        if let head, let seal, !seal.verifies(seq: head.seq, hash: head.hash, mac: mac ?? "") {
            return .broken(seq: head.seq, problem: .headForged)
        }
        if let head {
            let lastSeq = expectedSeq - 1
            if head.seq > lastSeq {
                return .broken(seq: lastSeq + 1, problem: .truncated(headSeq: head.seq, lastSeq: lastSeq))
            }
            if head.seq < lastSeq || head.hash != previousHash {
                return .broken(seq: lastSeq, problem: .headMismatch)
            }
        }
        return .intact(count: count)
    }
}
