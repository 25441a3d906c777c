import Areas
import ArgumentParser
import Audit
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Storage

/// `baomi audit verify` — checks the hash chain (R-SY-3).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计日志。Audit log.", subcommands: [Verify.self, Head.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "校验审计日志哈希链，报告第一处断链。Verify the hash chain; report the first broken link.")
        @OptionGroup var data: DataOptions
        @Option(name: .long, help: "库外保存的检查点（baomi audit head 的输出，序号:哈希）。A checkpoint exported earlier (seq:hash).")
        var anchor: String?

        func run() async throws {
            try await guarded {
                var extra: AuditAnchor?
                if let anchor {
                    guard let parsed = AuditAnchor(text: anchor) else {
                        say("--anchor 应为 序号:64位哈希（baomi audit head 的输出）")
                        throw ExitCode(64)
                    }
                    extra = parsed
                }
                let result = try await data.withServices(printBootstrap: false) { services in
                    try await services.audit.verify(.system, extraAnchor: extra)
                }
                try report(result)
            }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "打印审计日志当前链头（序号:哈希），供库外保存，校验时以 --anchor 给出；同时写入数据目录的检查点文件。"
                + "Print the current head (seq:hash) to keep outside the database; also writes the checkpoint file.")
        @OptionGroup var data: DataOptions

        func run() async throws {
            try await guarded {
                let anchor = try await data.withServices(printBootstrap: false) { services in try await services.audit.checkpoint() }
                say(anchor?.text ?? "审计日志为空")
            }
        }
    }
}

/// Says what a verification of the audit chain found; a broken chain exits with status 2 (R-SY-3).
func report(_ result: VerificationResult) throws {
    say(result.summary)
    if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
}
