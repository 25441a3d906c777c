import Audit
import Foundation
import Testing

@Suite("审计日志哈希链 — audit chain")
struct AuditChainTests {
    static func chain(_ n: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for i in 0..<n {
            let record = AuditRecord(
                atMillis: 1_700_000_000_000 + Int64(i) * 1000, actorID: "u\(i % 3)", actorName: "user\(i % 3)", action: "demo.action",
                targetKind: "thing", targetID: "t\(i)", level: i % 2 == 0 ? "secret" : nil, outcome: .ok,
                before: i > 0 ? "{\"n\":\(i - 1)}" : nil, after: "{\"n\":\(i)}", detail: "第\(i)条")
            entries.append(AuditChain.append(record, after: entries.last.map { ($0.seq, $0.hash) }))
        }
        return entries
    }

    var head: (Int64, String) { let e = Self.chain(5); return (e.last!.seq, e.last!.hash) }

    @Test("R-SY-3 an untouched chain verifies")
    func intact() {
        let entries = Self.chain(5)
        #expect(AuditVerifier.verify(entries, head: (entries.last!.seq, entries.last!.hash)) == .intact(count: 5))
    }

    @Test("R-SY-3 altering any field of an entry is caught at that entry")
    func altered() {
        var entries = Self.chain(5)
        entries[2].record.actorName = "mallory"
        #expect(AuditVerifier.verify(entries, head: head) == .broken(seq: 3, problem: .contentAltered))
        var other = Self.chain(5)
        other[3].record.outcome = .denied
        #expect(AuditVerifier.verify(other, head: head) == .broken(seq: 4, problem: .contentAltered))
    }

    @Test("R-SY-3 rehashing an altered entry still breaks the next link")
    func alteredAndRehashed() {
        var entries = Self.chain(5)
        entries[1].record.detail = "改过"
        entries[1].hash = AuditChain.hash(seq: entries[1].seq, record: entries[1].record, prevHash: entries[1].prevHash)
        #expect(AuditVerifier.verify(entries, head: head) == .broken(seq: 3, problem: .linkBroken))
    }

    @Test("R-SY-3 removing an entry is caught as a sequence gap")
    func removed() {
        var entries = Self.chain(5)
        entries.remove(at: 2)
        #expect(AuditVerifier.verify(entries, head: head) == .broken(seq: 3, problem: .sequenceGap(expected: 3, found: 4)))
    }

    @Test("R-SY-3 removing the last entries is caught against the head")
    func truncated() {
        var entries = Self.chain(5)
        entries.removeLast(2)
        #expect(AuditVerifier.verify(entries, head: head) == .broken(seq: 4, problem: .truncated(headSeq: 5, lastSeq: 3)))
    }

    @Test("R-SY-3 a checkpoint beyond the head is a rollback; one the log differs from, or that an unheaded log falls short of, is named")
    func checkpoints() {
        let entries = Self.chain(5)
        let at4 = AuditAnchor(seq: 4, hash: entries[3].hash)
        #expect(AuditVerifier.verify(entries, head: head, anchors: [at4]) == .intact(count: 5))
        // The head and the log rolled back together to entry 3: the checkpoint at 4 says more was written.
        let rolled = Array(entries.prefix(3))
        #expect(
            AuditVerifier.verify(rolled, head: (3, rolled[2].hash), anchors: [at4])
                == .broken(seq: 4, problem: .rolledBack(headSeq: 3, checkpointSeq: 4)))
        // The log ends before the head and the checkpoint: the truncation is named against the checkpoint.
        #expect(AuditVerifier.verify(rolled, head: head, anchors: [at4]) == .broken(seq: 4, problem: .anchorMissing(seq: 4)))
        // The entry at the checkpoint differs from it.
        let other = AuditAnchor(seq: 4, hash: String(repeating: "0", count: 64))
        #expect(AuditVerifier.verify(entries, head: head, anchors: [other]) == .broken(seq: 4, problem: .anchorMissing(seq: 4)))
        #expect(AuditVerifier.verify(rolled, head: nil, anchors: [at4]).exitStatus == 2)
    }

    @Test("R-SY-3 swapping two entries' sequence numbers is caught")
    func reordered() {
        var entries = Self.chain(5)
        let a = entries[1].seq
        entries[1].seq = entries[2].seq
        entries[2].seq = a
        entries.sort { $0.seq < $1.seq }
        #expect(!AuditVerifier.verify(entries, head: head).isIntact)
    }

    @Test("R-SY-3 the canonical encoding is unambiguous: moving text between fields changes the hash")
    func canonicalEncoding() {
        let a = AuditRecord(atMillis: 1, actorID: nil, actorName: "ab", action: "c", targetKind: "k")
        let b = AuditRecord(atMillis: 1, actorID: nil, actorName: "a", action: "bc", targetKind: "k")
        #expect(AuditChain.hash(seq: 1, record: a, prevHash: AuditChain.genesis) != AuditChain.hash(seq: 1, record: b, prevHash: AuditChain.genesis))
        let c = AuditRecord(atMillis: 1, actorID: "", actorName: "a", action: "c", targetKind: "k")
        let d = AuditRecord(atMillis: 1, actorID: nil, actorName: "a", action: "c", targetKind: "k")
        #expect(AuditChain.hash(seq: 1, record: c, prevHash: AuditChain.genesis) != AuditChain.hash(seq: 1, record: d, prevHash: AuditChain.genesis))
    }

    @Test("R-SY-3 the byte-level canonical encoding is exactly the documented text, and the hash pinned (entries written before stay valid)")
    func canonicalEncodingBytes() {
        let record = AuditRecord(
            atMillis: 1_796_122_408_962, actorID: "u-1", actorName: "王芳", action: "secret.read", targetKind: "secret", targetID: "s-9",
            level: "confidential", outcome: .denied, before: nil, after: "{\"状态\":\"在库\"}", detail: "", remoteAddress: "127.0.0.1")
        let expected =
            "v=1:1\nseq=7:1234567\nat=13:1796122408962\nactor_id=3:u-1\nactor_name=6:王芳\naction=11:secret.read\ntarget_kind=6:secret\n"
            + "target_id=3:s-9\nlevel=12:confidential\noutcome=6:denied\nbefore=-\nafter=19:{\"状态\":\"在库\"}\ndetail=0:\n"
            + "remote=9:127.0.0.1\nprev=64:\(AuditChain.genesis)\n"
        #expect(AuditChain.canonicalEncoding(seq: 1_234_567, record: record, prevHash: AuditChain.genesis) == Array(expected.utf8))
        // `printf '…' | sha256sum` of the text above: entries hashed by earlier versions verify unchanged.
        #expect(
            AuditChain.hash(seq: 1_234_567, record: record, prevHash: AuditChain.genesis) == "8ca5f67e5b84b6f293e5a8981cb0285fceec3db913b4686721b5f30bb883c8b0")
        #expect(AuditChain.canonicalEncoding(seq: -5, record: record, prevHash: "x").starts(with: Array("v=1:1\nseq=2:-5\n".utf8)))
    }

    @Test("R-SY-3 the hash is SHA-256 hex of the canonical encoding")
    func hashFormat() {
        let entry = Self.chain(1)[0]
        #expect(entry.hash.count == 64)
        #expect(entry.prevHash == AuditChain.genesis)
        #expect(entry.hash.allSatisfy { "0123456789abcdef".contains($0) })
    }
}
