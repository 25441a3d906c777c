import Audit
import Foundation
import Synchronization

/// The process's audit seal (R-SY-3), installed once at start-up from the deployment's key (`makeServices`); until
/// then a random key, which suits in-memory databases that live no longer than the process. The checkpoint file is
/// each instance's own (`Services.checkpointFile`).
public enum AuditSealing {
    private static let state = Mutex<AuditSeal>(AuditSeal.random())

    /// Installs the deployment's seal.
    public static func install(_ seal: AuditSeal) {
        state.withLock { $0 = seal }
    }

    /// The seal in force.
    public static var current: AuditSeal { state.withLock { $0 } }

    /// The checkpoint kept in `file`, if any.
    public static func storedAnchor(in file: URL?) -> AuditAnchor? {
        guard let file, let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        return AuditAnchor(text: text)
    }

    /// Writes a checkpoint to `file` (atomically), readable by the service's account only.
    package static func store(_ anchor: AuditAnchor, to file: URL) throws {
        try Data((anchor.text + "\n").utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }
}
