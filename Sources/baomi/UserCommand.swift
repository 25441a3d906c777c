import Accounts
import Areas
import ArgumentParser
import CarrierServices
import ClassificationServices
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Storage

/// `baomi user …` — account maintenance from the machine (acts as the system).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "账号管理。Manage accounts.",
        subcommands: [Create.self, Lock.self, Unlock.self, ResetPassword.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "创建账号。Create an account.",
            discussion: "角色 / roles: \(Role.allCases.map { "\($0.rawValue)（\($0.chinese)）" }.joined(separator: ", "))")

        @OptionGroup var data: DataOptions
        @Argument(help: "用户名。User name.") var username: String
        @Option(name: .long, help: "姓名/显示名。Display name.") var name: String
        @Option(name: .long, help: "角色，可重复。Role (repeatable).") var role: [String] = []
        @Option(name: .long, help: "关联人员 id。Person id.") var person: String?

        func run() async throws {
            try await guarded {
                var roles: Set<Role> = []
                for code in role {
                    guard let r = Role(rawValue: code) else { throw Refusal.invalid("role", "未知角色：\(code)") }
                    roles.insert(r)
                }
                try await data.withServices { services in
                    let created = try await services.accounts.create(.system, NewAccount(username: username, displayName: name, personID: person, roles: roles))
                    say("已创建账号 \(created.user.username)，初始口令（仅显示一次）：\(created.initialPassword)")
                    if let url = created.otpURL { say("动态口令 / TOTP: \(url)") }
                }
            }
        }
    }

    struct Lock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "锁定账号。Lock an account.")
        @OptionGroup var data: DataOptions
        @Argument(help: "用户名。User name.") var username: String

        func run() async throws {
            try await guarded {
                try await data.withServices { services in
                    try await services.accounts.setLocked(.system, userID: try await userID(username, services), locked: true)
                    say("已锁定 \(username)")
                }
            }
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "解锁账号。Unlock an account.")
        @OptionGroup var data: DataOptions
        @Argument(help: "用户名。User name.") var username: String

        func run() async throws {
            try await guarded {
                try await data.withServices { services in
                    try await services.accounts.setLocked(.system, userID: try await userID(username, services), locked: false)
                    say("已解锁 \(username)")
                }
            }
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-password", abstract: "重置口令。Reset a password.")
        @OptionGroup var data: DataOptions
        @Argument(help: "用户名。User name.") var username: String

        func run() async throws {
            try await guarded {
                try await data.withServices { services in
                    let password = try await services.accounts.resetPassword(.system, userID: try await userID(username, services))
                    say("\(username) 的新口令（仅显示一次，首次登录须修改）：\(password)")
                }
            }
        }
    }
}

func userID(_ username: String, _ services: Services) async throws -> String {
    try await services.accounts.userID(username: username)
}
