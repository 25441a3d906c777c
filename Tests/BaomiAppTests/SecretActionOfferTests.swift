import Accounts
import BaomiApp
import Classification
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

@testable import ClassificationServices

/// Issue 10: the secret's page offers an action exactly when the service accepts it. The page's action bar (read over
/// HTTP, as a browser sees it) is compared with what the service does when the action is attempted with valid input:
/// every action not offered is refused, every action offered succeeds.
@Suite("定密事项的可办理事项 — offered exactly when accepted")
struct SecretActionOfferTests {
    /// The demo users whose pages are read: 承办人, 定密责任人, a leader, the staff of two administrations, and an officer
    /// of another unit.
    static let users = ["zhangwei", "lihua", "chenjun", "sunli", "qianhong", "hefeng"]

    /// One attempt of an action with valid input; an action is accepted when any of its attempts succeeds.
    typealias Attempt = @Sendable () async throws -> Void

    /// The attempts of `action` by `actor` on `secret`, each with input the action accepts when it may be taken.
    static func attempts(_ action: SecretAction, _ world: TestWorld, _ actor: Actor, _ secret: SecretMatter, objectionID: String?) async throws -> [Attempt] {
        let c = world.services.classification
        let id = secret.id
        let persons = try await world.services.organisation.members(of: nil)
        let newcomer = persons.first { !secret.scope.contains($0.id) && $0.tier.covers(.stateSecret(secret.level)) }?.id ?? ""
        switch action {
        case .submit:
            let officers = try await c.ownOfficers(actor).filter { $0.personID != secret.handlerPersonID }.map(\.personID)
            return officers.map { officer in { _ = try await c.submit(actor, secretID: id, officerPersonID: officer) } }
        case .approve: return [{ _ = try await c.review(actor, secretID: id, decision: .approve) }]
        case .amend:
            return [
                {
                    _ = try await c.review(
                        actor, secretID: id, decision: .amend(level: secret.level, period: secret.period, scope: secret.scope, reason: "依据调整"))
                }
            ]
        case .reject: return [{ _ = try await c.review(actor, secretID: id, decision: .reject(reason: "不属于国家秘密")) }]
        case .refer: return [{ _ = try await c.referUp(actor, secretID: id) }]
        case .report: return [{ _ = try await c.reportUnclear(actor, secretID: id) }]
        case .object:
            let claim: Level = secret.level == .confidential ? .secret : .confidential
            return [{ _ = try await c.raiseObjection(actor, secretID: id, claimedLevel: claim, claimedPeriod: nil, reason: "密级不当") }]
        case .annualReview: return [{ try await c.recordAnnualReview(actor, secretID: id, result: "继续保密", note: "") }]
        case .widen:
            // R-KS-3: a person of another unit joins with the originator's written consent; one of the unit with its
            // head's approval (the acting leader gives it).
            let outsider = persons.first { $0.unitID != secret.unitID && !secret.scope.contains($0.id) && $0.tier.covers(.stateSecret(secret.level)) }
            let insider = persons.first { $0.unitID == secret.unitID && !secret.scope.contains($0.id) && $0.tier.covers(.stateSecret(secret.level)) }
            return [
                { _ = try await c.widenScope(actor, secretID: id, personID: outsider?.id ?? "", reason: "工作需要", consentReference: "同意函〔2026〕1号") },
                { _ = try await c.widenScope(actor, secretID: id, personID: insider?.id ?? "", reason: "工作需要", consentReference: nil) },
            ]
        case .decide: return [{ _ = try await c.decideUnclear(actor, secretID: id, marking: nil, reason: "不属于国家秘密") }]
        case .change:
            return [{ _ = try await c.change(actor, secretID: id, request: ChangeRequest(scope: secret.scope.union([newcomer]), reason: "工作需要")) }]
        case .declassify:
            return [{ _ = try await c.declassify(actor, secretID: id, kind: .early, reason: "已公开", centralApproval: "中央批准〔2026〕1号") }]
        case .recheck: return [{ try await c.clearReviewFlag(actor, secretID: id, note: "已复核") }]
        case .correct: return [{ _ = try await c.correct(actor, secretID: id, level: nil, period: nil, revoke: true, reason: "定密不当") }]
        case .answer: return [{ try await c.decideObjection(actor, objectionID: objectionID ?? "", decision: "维持原定密") }]
        case .appeal: return [{ try await c.appealObjection(actor, objectionID: objectionID ?? "") }]
        case .decideAppeal: return [{ try await c.decideAppeal(actor, objectionID: objectionID ?? "", decision: "维持原定密") }]
        }
    }

    /// The actions the secret's page offers, as `action` or `action@objectionID`.
    static func offered(_ web: inout WebClient, _ id: String) async throws -> Set<String>? {
        let page = try await web.get("/secrets/\(id)")
        guard page.status == .ok else { return nil }
        var found: Set<String> = []
        let pattern = try Regex(#"href="/secrets/[^/"]+/([a-z-]+)(?:\?objection=([^"]+))?"[^>]*data-action"#)
        for match in page.body.matches(of: pattern) {
            let action = String(match.output[1].substring ?? "")
            let objection = match.output[2].substring.map { "@" + String($0) } ?? ""
            found.insert(action + objection)
        }
        return found
    }

    /// A stable name for a demo secret across fresh worlds (IDs are random).
    static func key(_ s: SecretMatter) -> String { "\(s.title)|\(s.draftedOn.iso)|\(s.status.rawValue)" }

    /// Every secret (unchecked, through the system's own read) with its objections.
    static func corpus(_ world: TestWorld, onePerKind: Bool = true) async throws -> [(secret: SecretMatter, objections: [String])] {
        let rows = try await world.services.database.read { db in
            try await db.raw("SELECT s.id, o.id AS objection FROM secrets s LEFT JOIN objections o ON o.secret_id = s.id ORDER BY s.id").all()
        }
        var objections: [String: [String]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: String.self)
            objections[id, default: []] += try row.decode(column: "objection", as: String?.self).map { [$0] } ?? []
        }
        var result: [(SecretMatter, [String])] = []
        var kinds: Set<String> = []
        var viewers: Set<String> = []
        for user in users { if let id = try await world.actor(user).person?.id { viewers.insert(id) } }
        for (id, objs) in objections.sorted(by: { $0.key < $1.key }) {
            // The test reads the register directly, whoever may know it; the pages decide who sees what.
            // One secret of each kind decides the same way as its like: the same state, units, persons and objections.
            if let s = try await world.services.database.read({ db in try await ClassificationStore.unchecked(id: id, on: db) }),
                !onePerKind
                    || kinds.insert(
                        "\(s.status)|\(s.needsReview)|\(s.unitID)|\(s.handlerPersonID)|\(s.officerPersonID ?? "")|\(s.level)|\(s.basis.chinese)|\(objs.count)|\(s.scope.intersection(viewers).sorted())"
                    ).inserted
            {
                result.append((s, objs))
            }
        }
        return result
    }

    @Test(
        "R-CL-1 R-CL-3 R-CL-7 R-CL-8 R-AU-1 R-AU-5 R-DC-1 R-DU-6 R-KS-3 every action of the secret's page is offered exactly when the service accepts it"
    )
    func offeredExactlyWhenAccepted() async throws {
        // Round 0 reads every page on the demo as seeded: every action NOT offered is attempted and must be refused
        // (a refusal rolls back, so the world stays as seeded); the offered ones are collected.
        typealias Item = (user: String, key: String, action: SecretAction, objection: Int?)
        var (pending, refusedChecked): ([Item], Int) = try await TestWorld.with { world in
            let corpus = try await Self.corpus(world)
            return try await testApplication(world).test(.router) { client in
                var pending: [Item] = []
                var refusedChecked = 0
                for user in Self.users {
                    var web = WebClient(client)
                    try await web.login(user, TestPasswords.demo, otp: try await world.otp(user))
                    let actor = try await world.actor(user)
                    for (secret, objections) in corpus {
                        guard let offered = try await Self.offered(&web, secret.id) else { continue }
                        for action in SecretAction.onSecret {
                            if offered.contains(action.rawValue) {
                                pending.append((user, Self.key(secret), action, nil))
                            } else {
                                for attempt in try await Self.attempts(action, world, actor, secret, objectionID: nil) {
                                    await #expect(throws: (any Error).self, "\(user) \(action) on \(secret.status) was not offered but accepted") {
                                        try await attempt()
                                    }
                                    refusedChecked += 1
                                }
                            }
                        }
                        for (index, objection) in objections.enumerated() {
                            for action in SecretAction.allCases where action.isOnObjection {
                                if offered.contains("\(action.rawValue)@\(objection)") {
                                    pending.append((user, Self.key(secret), action, index))
                                } else {
                                    for attempt in try await Self.attempts(action, world, actor, secret, objectionID: objection) {
                                        await #expect(throws: (any Error).self, "\(user) \(action) on an objection was not offered but accepted") {
                                            try await attempt()
                                        }
                                        refusedChecked += 1
                                    }
                                }
                            }
                        }
                    }
                }
                return (pending, refusedChecked)
            }
        }
        #expect(refusedChecked > 100)
        print("secret actions: \(refusedChecked) refusals checked, \(pending.count) offered actions to perform")
        let offeredCount = pending.count
        #expect(Set(pending.map(\.action)).count >= 12, "the demo exercises most actions: \(Set(pending.map(\.action)))")
        // Then every offered action is performed, one per secret per fresh world, so one success cannot change another
        // case; each must still be offered on the page in that world right before it is taken, and must succeed.
        var performed = 0
        var rounds = 0
        while !pending.isEmpty {
            let round = pending
            let (deferred, done): ([Item], Int) = try await TestWorld.with { world in
                let corpus = Dictionary(try await Self.corpus(world, onePerKind: false).map { (Self.key($0.secret), $0) }, uniquingKeysWith: { a, _ in a })
                return try await testApplication(world).test(.router) { client in
                    var touched: Set<String> = []
                    var deferred: [Item] = []
                    var performed = 0
                    for item in round {
                        guard !touched.contains(item.key), let (secret, objections) = corpus[item.key] else {
                            deferred.append(item)
                            continue
                        }
                        touched.insert(item.key)
                        var web = WebClient(client)
                        try await web.login(item.user, TestPasswords.demo, otp: try await world.otp(item.user))
                        let objection = item.objection.map { objections[$0] }
                        let offered = try #require(try await Self.offered(&web, secret.id))
                        #expect(offered.contains(item.action.rawValue + (objection.map { "@\($0)" } ?? "")))
                        let actor = try await world.actor(item.user)
                        var accepted = false
                        var lastError: (any Error)?
                        for attempt in try await Self.attempts(item.action, world, actor, secret, objectionID: objection) where !accepted {
                            do {
                                try await attempt()
                                accepted = true
                            } catch { lastError = error }
                        }
                        #expect(accepted, "\(item.user) \(item.action) on \(secret.status) was offered but refused: \(String(describing: lastError))")
                        performed += 1
                    }
                    return (deferred, performed)
                }
            }
            performed += done
            rounds += 1
            pending = deferred
        }
        #expect(performed == offeredCount)
        print("secret actions: \(performed) offered actions performed in \(rounds) fresh worlds")
    }
}
