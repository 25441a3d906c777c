import Accounts
import Areas
import Audit
import Classification
import Foundation
import Kernel
import Logging
import Organisation
import OrganisationServices
import SQLKit
import Storage
import TestSupport
import Testing

@testable import ClassificationServices

/// R-AU-1: what a unit without the authority refers up reaches the superior's officers' 待办 (issue 11: counted from the
/// subordinate units' matters by index, not by walking every matter referred up anywhere).
@Suite("报上级确定 — the superior's 待办")
struct ReferralTodoTests {
    @Test("R-AU-1 a matter referred up is on the 待办 of the superior's officers, counted there only")
    func referredUpOnSuperiorTodo() async throws {
        try await TestWorld.with { world in
            let c = world.services.classification
            let units = try await world.services.organisation.visibleUnits(.system)
            let city = try #require(units.first { $0.name == "江海市国家保密局" })
            let agency = try #require(units.first { $0.name == "江海市工业和信息化局" })
            // The superior gets authority and an officer in office, who joins the scope of what is referred to it.
            try await c.setOwnAuthority(.system, unitID: city.id, cap: .confidential, basis: "测试")
            let person = try await world.services.organisation.createPerson(
                .system, Person(id: "", unitID: city.id, departmentID: nil, name: "韩定", post: "定密责任人", tier: .important))
            _ = try await world.services.accounts.create(
                .system, NewAccount(username: "handing", displayName: "韩定", personID: person.id, password: "Officer-pass-2026", roles: [.classifier]))
            _ = try await c.appointOfficer(
                .system, unitID: city.id, personID: person.id, kind: .designated, cap: .confidential)
            let officer = try await world.services.auth.login(username: "handing", password: "Officer-pass-2026", otp: nil, kind: .api, remote: nil).actor
            func referred(_ actor: Actor) async throws -> TodoItem? {
                try await world.services.todos.items(for: actor).first { $0.title == "确定下级报送的事项" }
            }
            #expect(try await referred(officer) == nil)
            let drafted = try await ClassificationFlowTests().draft(world, title: "测试事项：报上级确定", code: "GX-02", marking: "秘密★3年")
            _ = try await c.referUp(world.actor("zhangwei"), secretID: drafted.id)
            let item = try #require(try await referred(officer))
            #expect(item.detail.hasPrefix("1 个"))
            // The count reads the subordinate units' matters only: the agency's own officer, in the scope as the
            // drafter's unit's, is not asked to decide it, nor is the drafter.
            #expect(try await referred(world.actor("lihua")) == nil)
            #expect(try await referred(world.actor("zhangwei")) == nil)
            var filter = SecretFilter(status: .referredUp)
            filter.referredToUnitID = city.id
            #expect(try await c.count(world.actor("zhangwei"), filter: filter) == 1)
            filter.referredToUnitID = agency.id
            #expect(try await c.count(world.actor("zhangwei"), filter: filter) == 0)
        }
    }
}
