import Areas
import Foundation
import HTTPTypes
import HummingbirdTesting
import Kernel
import Organisation
import Personnel
import PersonnelServices
import Storage
import TestSupport
import Testing

@testable import BaomiApp

/// R-PE-10: a 涉密岗位 is adjusted and abolished from its page and through the API.
@Suite("涉密岗位调整、撤销 — page and API")
struct PostPageTests {
    @Test("R-PE-10 the post page edits a post, says how many serve in it, refuses to abolish it while they do; the API the same")
    func editAndAbolish() async throws {
        try await TestWorld.with { world in
            let p = world.services.personnel
            let clerk = try await world.actor("wangfang")
            let posts = try await p.posts(clerk)
            let clerkPost = try #require(posts.first { $0.name == "保密员" })
            let empty = try await p.createPost(clerk, name: "临时岗位", departmentID: nil, highestLevel: .secret, keyPart: false, roles: [])
            try await testApplication(world).test(.router) { client in
                var web = WebClient(client)
                _ = try await web.login("wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                let list = try await web.get("/personnel/appoint")
                #expect(list.body.contains("/personnel/posts/\(clerkPost.id)"))
                let page = try await web.get("/personnel/posts/\(clerkPost.id)")
                #expect(page.status == .ok && page.body.contains(#"data-testid="post-holders">1人"#))
                let refused = try await web.post("/personnel/posts/\(clerkPost.id)/abolish", [], csrfFrom: page)
                #expect(refused.status.code == 409 && refused.body.contains("岗位中尚有1名在岗人员"))
                let renamed = try await web.post(
                    "/personnel/posts/\(clerkPost.id)",
                    [("name", "保密员（局机关）"), ("highest_level", "confidential"), ("key_part", "1"), ("roles", "secrecy_clerk")],
                    csrfFrom: page)
                #expect(renamed.status == .ok && renamed.body.contains("已调整涉密岗位“保密员（局机关）”"))
                let blank = try await web.post("/personnel/posts/\(clerkPost.id)", [("name", " "), ("highest_level", "confidential")], csrfFrom: page)
                #expect(blank.status.code == 422 && blank.body.contains("岗位名称不能为空"))
                let emptyPage = try await web.get("/personnel/posts/\(empty.id)")
                let abolished = try await web.post("/personnel/posts/\(empty.id)/abolish", [], csrfFrom: emptyPage)
                #expect(
                    abolished.status == .ok && abolished.body.contains("已于\(world.services.clock.today.iso)撤销") && !abolished.body.contains("post-edit-form"))
                // The API: a handler may not, a keeper may; abolished again is a conflict.
                let api = try await APIChecker(client)
                let handler = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let keeper = try await APITestClient.token(client, "wangfang", TestPasswords.demo, otp: try await world.otp("wangfang"))
                _ = try await api.check(.post, "/api/v1/personnel/posts/\(empty.id)/abolish", handler, expect: 403)
                _ = try await api.check(.post, "/api/v1/personnel/posts/\(empty.id)/abolish", keeper, expect: 409)
                let edited = try await api.check(
                    .post, "/api/v1/personnel/posts/\(clerkPost.id)", keeper,
                    #"{"name":"保密员","highest_level":"confidential","key_part":true,"roles":["secrecy_clerk"]}"#,
                    expect: 200)
                #expect((edited.object as? [String: Any])?["name"] as? String == "保密员")
            }
        }
    }
}
