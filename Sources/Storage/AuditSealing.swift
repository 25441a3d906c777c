import Audit
import Foundation
import Synchronization

/// The process's audit seal and checkpoint file (R-SY-3), installed once at start-up from the deployment's key
/// (`makeServices`); until then a random key, which suits in-memory databases that live no longer than the process.
public enum AuditSealing {
    private static let state = Mutex<(seal: AuditSeal, anchorFile: URL?)>((AuditSeal.random(), nil))

    /// Installs the deployment's seal and the file that keeps the latest checkpoint outside the database.
    public static func install(_ seal: AuditSeal, anchorFile: URL?) {
        state.withLock { $0 = (seal, anchorFile) }
    }

    /// The seal in force.
    public static var current: AuditSeal { state.withLock { $0.seal } }

    /// The checkpoint file, if the deployment keeps one.
    public static var anchorFile: URL? { state.withLock { $0.anchorFile } }

    /// The checkpoint kept in the file, if any.
    public static func storedAnchor() -> AuditAnchor? {
        guard let file = anchorFile, let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return AuditAnchor(text: text)
    }

    /// Writes a checkpoint to the file (atomically).
    package static func store(_ anchor: AuditAnchor) throws {
        guard let file = anchorFile else { return }
        try store(anchor, to: file)
    }

    /// Writes a checkpoint to `file` (atomically), readable by the service's account only.
    package static func store(_ anchor: AuditAnchor, to file: URL) throws {
        try Data((anchor.text + "\n").utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }
}
