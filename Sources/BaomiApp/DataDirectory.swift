import Foundation
import Logging

/// R-SY-2: the data directory (`BAOMI_DATA_DIR`) for the service's own account only — the SQLite file, its journal, the
/// audit key and checkpoint, and the backups the command line writes hold every title, scope and personnel file, and
/// another account of the machine reading them would pass every check of clearance and scope. As PostgreSQL insists
/// for its own data directory, the directory is 0700 and everything in it 0600.
public enum DataDirectory {
    /// Makes every file and directory the process creates from now on its account's alone (umask 077, as PostgreSQL
    /// sets it) — the database and its journal, the key, the checkpoint, a backup and what `pg_dump` writes — and
    /// creates `directory` 0700 when it does not exist. Returns what is found readable or writable by others in it.
    @discardableResult
    public static func prepare(_ directory: URL) throws -> [String] {
        umask(0o077)
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        return exposed(directory)
    }

    /// The directory itself and what is in it (one level down and below) that another account of the machine may
    /// read, write or enter: paths with any group or other permission bit.
    public static func exposed(_ directory: URL) -> [String] {
        let manager = FileManager.default
        var paths = [directory.path]
        if let names = manager.enumerator(atPath: directory.path) {
            for case let name as String in names { paths.append(directory.appendingPathComponent(name).path) }
        }
        return paths.filter { path in
            guard let mode = (try? manager.attributesOfItem(atPath: path))?[.posixPermissions] as? Int else { return false }
            return mode & 0o077 != 0
        }
    }

    /// Logs one warning naming what others can read, so the operator can `chmod` it.
    static func warn(_ exposed: [String], logger: Logger) {
        guard !exposed.isEmpty else { return }
        let named = exposed.prefix(20).joined(separator: ", ") + (exposed.count > 20 ? " …" : "")
        logger.warning("data readable by other accounts of this machine (chmod 700 the directory, 600 the files): \(named)")
    }
}
