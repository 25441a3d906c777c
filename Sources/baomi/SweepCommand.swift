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
                if let results = force ? try await scheduler.sweepNow() : try await scheduler.runIfDue() {
                    for result in results { say(result.chinese) }
                    say("每日检查已执行。Sweep done.")
                } else {
                    say("今天的解密检查已执行过（可用 --force 再次执行）。Today's sweep already ran.")
                }
            }
        }
    }
}
