import Areas
import BaomiApp
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import OrganisationServices
import Storage
import TestSupport
import Testing

/// A real browser (Debian's chromium, driven by Python playwright) logs in and sees the 待办 page.
/// Runs when chromium and playwright are installed, and is required when `BAOMI_BROWSER_TESTS=1` (CI).
@Suite("真实浏览器 — browser check", .serialized)
struct BrowserTests {
    static var required: Bool { ProcessInfo.processInfo.environment["BAOMI_BROWSER_TESTS"] == "1" }

    static var available: Bool {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { return false }
        return (try? run(["python3", "-c", "import playwright.sync_api"]).status) == 0
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs a command without blocking a thread of the (two-thread) cooperative pool, which the live server needs:
    /// output goes to a file, and termination resumes a continuation.
    static func runAsync(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("baomi-browser-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        try handle.close()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: log)
        return (status, output)
    }

    /// The package root (this file is Tests/BaomiAppTests/BrowserTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("A 保密员 logs in with chromium and sees the 待办 page; screenshots are saved", .enabled(if: required || available))
    func loginInBrowser() async throws {
        #expect(Self.available, "BAOMI_BROWSER_TESTS=1 but chromium or playwright is missing (scripts/install-browser-deps.sh)")
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let out = Self.root.appendingPathComponent("test-output/browser/\(TestDatabase.engineName)").path
                try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                let script = Self.root.appendingPathComponent("Tests/browser/smoke_login.py").path
                let result = try await Self.runAsync([
                    "python3", script, "--base-url", "http://127.0.0.1:\(port)", "--username", "wangfang", "--password", TestPasswords.demo, "--out", out,
                ])
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("BROWSER OK"))
                #expect(FileManager.default.fileExists(atPath: out + "/home.png"))
            }
        }
    }
}

/// The walk runs in the same serialized suite: one browser at a time on two cores.
extension BrowserTests {
    @Test(
        "R-CL-1 R-CH-3 R-DC-2 a secret walks from draft through review, extension and declassification in chromium",
        .enabled(if: BrowserTests.required || BrowserTests.available))
    func walk() async throws {
        #expect(BrowserTests.available, "BAOMI_BROWSER_TESTS=1 but chromium or playwright is missing")
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let out = BrowserTests.root.appendingPathComponent("test-output/browser/\(TestDatabase.engineName)/secret-walk").path
                let script = BrowserTests.root.appendingPathComponent("Tests/browser/walk_secret.py").path
                let result = try await BrowserTests.runAsync([
                    "python3", script, "--base-url", "http://127.0.0.1:\(port)", "--password", TestPasswords.demo, "--out", out,
                ])
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("WALK OK"))
                #expect(FileManager.default.fileExists(atPath: out + "/6-declassified.png"))
            }
        }
    }
}

extension BrowserTests {
    @Test(
        "R-CA-2 R-CA-4 R-CA-7 R-CA-11 a 绝密 document through receipt, circulation with the reader log, refused and approved copies, return and destruction by two persons in chromium",
        .enabled(if: BrowserTests.required || BrowserTests.available))
    func carrierWalk() async throws {
        #expect(BrowserTests.available, "BAOMI_BROWSER_TESTS=1 but chromium or playwright is missing")
        // R-DV-7: 绝密 documents only on a 绝密 system, whose login asks for the one-time code (R-DV-3).
        try await TestWorld.with(level: .topSecret) { world in
            let app = try await testApplication(world)
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let out = BrowserTests.root.appendingPathComponent("test-output/browser/\(TestDatabase.engineName)/carrier-walk").path
                let script = BrowserTests.root.appendingPathComponent("Tests/browser/walk_carrier.py").path
                let otp = try #require(try await world.otp("wangfang"))
                let result = try await BrowserTests.runAsync([
                    "python3", script, "--base-url", "http://127.0.0.1:\(port)", "--password", TestPasswords.demo, "--out", out, "--otp", otp,
                ])
                #expect(result.status == 0, "\(result.output)")
                #expect(result.output.contains("CARRIER WALK OK"))
                #expect(FileManager.default.fileExists(atPath: out + "/12-destruction-list.png"))
                // What the browser did is in the register: the 绝密 original destroyed by two, its copy registered.
                let wangfang = try await world.actor("wangfang")
                let destroyed = try await world.services.carriers.registerBook(wangfang, .destruction, year: 2026)
                #expect(destroyed.count == 1 && destroyed.first?.handledBy == "王芳、刘洋")
                #expect(try await world.services.carriers.registerBook(wangfang, .copy, year: 2026).count == 1)
            }
        }
    }
}
