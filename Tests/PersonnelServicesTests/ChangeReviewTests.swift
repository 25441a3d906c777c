import Accounts
import Areas
import Foundation
import Kernel
import Organisation
import Personnel
import PersonnelServices
import SQLKit
import Storage
import TestSupport
import Testing

/// R-PE-10: a change of a person's tier or of what their post handles opens a 变动复审; posts are edited within the
/// tiers of those in them and abolished only when empty.
@Suite("变动复审 and 涉密岗位 changes")
struct ChangeReviewTests {
    /// A person's appointment to a fresh post of `level`, reviewed and pledged, at `tier`.
    static func appointed(_ world: TestWorld, _ person: String, post name: String, level: Level, tier: ClearanceTier) async throws -> SecretPost {
        let p = world.services.personnel
        let clerk = try await world.actor("wangfang")
        let post = try await p.createPost(clerk, name: name, departmentID: nil, highestLevel: level, keyPart: false, roles: [])
        _ = try await p.recordReview(
            clerk,
            .init(
                personID: person, postID: post.id, kind: .preAppointment, eligibility: .allMet, personnelOpinion: "符合", secrecyOpinion: "同意",
                decidedBy: "陈军", passed: true))
        _ = try await p.recordCommitment(clerk, personID: person, kind: .pledge, signedOn: nil, note: "")
        _ = try await p.appoint(clerk, personID: person, postID: post.id, tier: tier)
        return post
    }

    static func pending(_ world: TestWorld, _ person: String) async throws -> String? {
        try await world.services.personnel.file(try await world.actor("wangfang"), personID: person).changeReview
    }

    @Test("R-PE-10 a serving person's tier changed by the 安全保密管理员 opens a 变动复审, on the file and the keepers' 待办, until one is passed")
    func tierChangeOpensReview() async throws {
        try await TestWorld.with { world in
            let p = world.services.personnel
            let clerk = try await world.actor("wangfang")
            let wuhao = try #require(try await world.actor("wuhao").person).id
            _ = try await Self.appointed(world, wuhao, post: "文印（机密）", level: .confidential, tier: .important)
            #expect(try await Self.pending(world, wuhao) == nil)
            func waiting() async throws -> String? {
                try await world.services.todos.items(for: clerk).first { $0.title == "变动复审待办" }?.detail
            }
            let before = try await waiting()
            try await p.setTier(try await world.actor("secadmin"), personID: wuhao, tier: .general)
            #expect(try await Self.pending(world, wuhao) == "涉密等级由重要调整为一般（\(world.services.clock.today.iso)）")
            #expect(try await waiting() != before, "one more person waits for a 变动复审")
            // The same tier again opens nothing more; the reason stays the first.
            try await p.setTier(try await world.actor("secadmin"), personID: wuhao, tier: .general)
            #expect(try await Self.pending(world, wuhao)?.hasPrefix("涉密等级由重要调整为一般") == true)
            let file = try await p.file(clerk, personID: wuhao)
            _ = try await p.recordReview(
                clerk,
                .init(
                    personID: wuhao, postID: try #require(file.post).id, kind: .change, eligibility: .allMet, personnelOpinion: "符合", secrecyOpinion: "同意",
                    decidedBy: "陈军", passed: true))
            #expect(try await Self.pending(world, wuhao) == nil)
            #expect(try await waiting() == before)
        }
    }

    @Test("R-PE-10 a post is not lowered below a holder's tier; a change of what it handles opens a 变动复审 for each holder, a new name alone none")
    func postEditOpensReviews() async throws {
        try await TestWorld.with(level: .topSecret) { world in
            let p = world.services.personnel
            let clerk = try await world.actor("wangfang")
            let wuhao = try #require(try await world.actor("wuhao").person).id
            let post = try await Self.appointed(world, wuhao, post: "文印（机密）", level: .confidential, tier: .important)
            func edit(_ name: String, _ level: Level, keyPart: Bool = false) -> PersonnelService.PostEdit {
                .init(name: name, departmentID: nil, highestLevel: level, keyPart: keyPart, roles: [])
            }
            #expect(
                await refusal { _ = try await p.updatePost(clerk, postID: post.id, edit("文印（机密）", .secret)) } == "personnel.post_below_holders R-PE-10")
            #expect(try await p.post(clerk, id: post.id).post.highestLevel == .confidential, "nothing half-written")
            let renamed = try await p.updatePost(clerk, postID: post.id, edit("文印室", .confidential))
            #expect(renamed.name == "文印室" && renamed.tier == .important)
            #expect(try await Self.pending(world, wuhao) == nil, "a new name is no change of what the post handles")
            #expect(await refusal { _ = try await p.updatePost(clerk, postID: post.id, edit("保密员", .confidential)) } == "personnel.post_exists")
            let raised = try await p.updatePost(clerk, postID: post.id, edit("文印室", .topSecret, keyPart: true))
            #expect(raised.tier == .core)
            #expect(try await Self.pending(world, wuhao) == "所在涉密岗位“文印室”涉及最高密级由机密调整为绝密，列为要害部门部位岗位（\(world.services.clock.today.iso)）")
            // R-PE-15: only the keepers edit posts.
            #expect(
                await refusal { _ = try await p.updatePost(try await world.actor("zhangwei"), postID: post.id, edit("改名", .secret)) }
                    == "personnel.keepers_only R-PE-15")
        }
    }

    @Test("R-PE-10 a post with someone serving in it is not abolished; an empty one is, and then takes no review or appointment")
    func abolishOnlyEmpty() async throws {
        try await TestWorld.with { world in
            let p = world.services.personnel
            let clerk = try await world.actor("wangfang")
            let wuhao = try #require(try await world.actor("wuhao").person).id
            let post = try await Self.appointed(world, wuhao, post: "文印（机密）", level: .confidential, tier: .important)
            #expect(await refusal { _ = try await p.abolishPost(clerk, postID: post.id) } == "personnel.post_has_holders R-PE-10")
            // Appointed again to the same post at the same tier: nothing changes, refused.
            #expect(await refusal { _ = try await p.appoint(clerk, personID: wuhao, postID: post.id, tier: .important) } == "validation.invalid")
            let empty = try await p.createPost(clerk, name: "临时岗位", departmentID: nil, highestLevel: .secret, keyPart: false, roles: [])
            let abolished = try await p.abolishPost(clerk, postID: empty.id)
            #expect(abolished.validTo == world.services.clock.today)
            #expect(await refusal { _ = try await p.abolishPost(clerk, postID: empty.id) } == "personnel.post_abolished R-PE-10")
            #expect(
                await refusal {
                    _ = try await p.updatePost(clerk, postID: empty.id, .init(name: "x", departmentID: nil, highestLevel: .secret, keyPart: false, roles: []))
                } == "personnel.post_abolished R-PE-10")
            // Nobody is reviewed for it, nor appointed to it.
            #expect(
                await refusal {
                    _ = try await p.recordReview(
                        clerk,
                        .init(
                            personID: wuhao, postID: empty.id, kind: .change, eligibility: .allMet, personnelOpinion: "符合", secrecyOpinion: "同意",
                            decidedBy: "陈军", passed: true))
                } == "validation.invalid")
            #expect(await refusal { _ = try await p.appoint(clerk, personID: wuhao, postID: empty.id, tier: .general) } == "validation.invalid")
        }
    }
}

/// R-PE-12: a 保密员 whose spouse becomes foreign leaves the post — the report removes them, not only flags a review.
@Suite("保密员配偶加入外国国籍")
struct ClerkSpouseForeignTests {
    @Test("R-PE-12 the report removes a serving 保密员 from the post at once and opens leaving it with the hand-over; anyone else gets a 变动复审")
    func clerkLeavesThePost() async throws {
        try await TestWorld.with { world in
            let s = world.services
            let office = try await world.actor("liuyang")
            let wangfang = try #require(try await world.actor("wangfang").person).id
            let zhangwei = try #require(try await world.actor("zhangwei").person).id
            let today = s.clock.today
            _ = try await s.personnel.reportEvent(office, personID: wangfang, kind: .spouseForeign, occurredOn: today, details: "配偶取得某国国籍")
            let file = try await s.personnel.file(office, personID: wangfang)
            #expect(file.record?.status == .removed && file.record?.tier == ClearanceTier.none && file.person.tier == ClearanceTier.none)
            let departure = try #require(file.departures.first { $0.completedOn == nil })
            #expect(departure.destination.contains("保密员配偶加入外国国籍"))
            let gate = try await s.personnel.departureGate(office, departureID: departure.id)
            #expect(gate.required.contains(.clerkHandover) && gate.required.contains(.certificateReturned))
            // Not a 保密员: the same report is a 变动复审, the person still serving.
            _ = try await s.personnel.reportEvent(office, personID: zhangwei, kind: .spouseForeign, occurredOn: today, details: "配偶取得某国国籍")
            let other = try await s.personnel.file(office, personID: zhangwei)
            #expect(other.record?.status == .serving && other.changeReview == "重大事项：配偶加入外国国籍")
        }
    }
}
