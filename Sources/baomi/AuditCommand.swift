import ArgumentParser
import Audit
import Foundation
import Kernel
import Persistence

/// `baomi audit verify` — checks the hash chain (R-SY-3).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计日志。Audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验审计日志哈希链，报告第一处断链。Verify the hash chain; report the first broken link.")
        @OptionGroup var data: DataOptions

        func run() async throws {
            try await guarded {
                let result = try await data.withServices(printBootstrap: false) { services in try await services.audit.verify(.system) }
                switch result {
                case .intact(let count):
                    say("审计日志完整：\(count) 条记录，哈希链无断裂。Audit log intact: \(count) entries.")
                case .broken(let seq, let problem):
                    say("审计日志被破坏：第 \(seq) 条 — \(problem.chinese)。Audit chain broken at entry \(seq).")
                    throw ExitCode(2)
                }
            }
        }
    }
}
