import Areas
import ArgumentParser
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Logging
import OrganisationServices
import Storage

/// `baomi sweep` — the daily declassification sweep (R-DC-2), for cron or by hand.
struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "执行每日解密检查：期限届满的事项自行解密，派生事项随之解密。Run the daily declassification sweep.")

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "即使今天已由其他实例执行过也再执行一次。Run even if today's sweep already ran.")
    var force = false

    func run() async throws {
        try await guarded {
            try await data.withServices(printBootstrap: false) { services in
                let scheduler = SweepScheduler(services: services, logger: Logger(label: "baomi.sweep"))
                if force {
                    let count = try await services.classification.sweep()
                    say("解密检查完成：\(count) 项自行解密。Sweep done: \(count) declassified.")
                    let findings = try await services.carriers.sweep()
                    say("载体核查完成：新发现 \(findings.opened) 项，已消除 \(findings.resolved) 项。Carrier checks: \(findings.opened) opened, \(findings.resolved) resolved.")
                } else if let count = try await scheduler.runIfDue() {
                    say("解密检查完成：\(count) 项自行解密。Sweep done: \(count) declassified.")
                } else {
                    say("今天的解密检查已执行过（可用 --force 再次执行）。Today's sweep already ran.")
                }
            }
        }
    }
}
