import Accounts
import Audit
import Foundation
import Kernel
import Organisation
import OrganisationServices
import Personnel
import SQLKit
import Storage

/// 涉密岗位 (R-PE-10): registered, edited, abolished — a change of what a post handles opens a 变动复审 for those in it.
extension PersonnelService {
    /// R-PE-10: registers a 涉密岗位 with its highest level (not above the system's, R-DV-7); the tier follows.
    public func createPost(
        _ actor: Actor, name: String, departmentID: String?, highestLevel: Level, keyPart: Bool, roles: [Role]
    ) async throws -> SecretPost {
        let me = try await keeper(actor)
        try highestLevel.checkWithin(system: services.systemLevel, field: "highest_level")
        let post = try PersonnelRules.validPost(
            SecretPost(
                id: IDs.make(), unitID: me.unitID, departmentID: departmentID?.isEmpty == true ? nil : departmentID, name: name, highestLevel: highestLevel,
                keyPart: keyPart, roles: roles, validFrom: today))
        return try await gated(actor, "createPost", post.id) { db in
            try await Self.checkPlace(of: post, on: db)
            try await PersonnelStore.insert(post, at: services.nowMillis, on: db)
            try await audit(actor, "post.create", id: post.id, detail: "最高密级\(post.highestLevel.code)", on: db)
            return post
        }
    }

    /// The unit's 涉密岗位 (R-PE-10), keepers only.
    public func posts(_ actor: Actor) async throws -> [SecretPost] {
        let me = try await keeper(actor)
        return try await services.database.read { db in try await PersonnelStore.posts(unitID: me.unitID, on: db) }
    }

    /// R-PE-10: one post of the keeper's unit and how many serve in it.
    public func post(_ actor: Actor, id: String) async throws -> (post: SecretPost, holders: Int) {
        let me = try await keeper(actor)
        return try await services.database.read { db in
            guard let post = try await PersonnelStore.post(id: id, on: db), post.unitID == me.unitID else { throw Refusal.notFound }
            return (post, try await PersonnelStore.holders(postID: id, on: db).values.reduce(0, +))
        }
    }

    /// What editing a post sets.
    public struct PostEdit: Sendable {
        /// 岗位名称
        public var name: String
        /// 所属部门: nil keeps the post's, empty removes it.
        public var departmentID: String?
        /// 涉及最高密级
        public var highestLevel: Level
        /// 要害部门部位
        public var keyPart: Bool
        /// 岗位职责
        public var roles: [Role]

        /// Creates the edit.
        public init(name: String, departmentID: String?, highestLevel: Level, keyPart: Bool, roles: [Role]) {
            self.name = name
            self.departmentID = departmentID
            self.highestLevel = highestLevel
            self.keyPart = keyPart
            self.roles = roles
        }
    }

    /// R-PE-10: edits a post of the keeper's unit — never below the tier of anyone serving in it; when what it handles
    /// changes (highest level, key part, duties) everyone serving in it is due a 变动复审 (on the file and the keepers'
    /// 待办). The roster changes (R-PE-3).
    public func updatePost(_ actor: Actor, postID: String, _ edit: PostEdit) async throws -> SecretPost {
        let me = try await keeper(actor)
        try edit.highestLevel.checkWithin(system: services.systemLevel, field: "highest_level")
        let s = services
        let day = today
        return try await gated(actor, "post.update", postID) { db in
            guard let post = try await PersonnelStore.post(id: postID, on: db), post.unitID == me.unitID else { throw Refusal.notFound }
            var next = post
            next.name = edit.name
            // No department given keeps the post's; an empty one takes it away.
            if let dept = edit.departmentID { next.departmentID = dept.isEmpty ? nil : dept }
            next.highestLevel = edit.highestLevel
            next.keyPart = edit.keyPart
            next.roles = edit.roles
            let (edited, review) = try PersonnelRules.edited(
                post, to: next, holders: try await PersonnelStore.holders(postID: postID, on: db), today: day)
            try await Self.checkPlace(of: edited, on: db)
            try await PersonnelStore.update(edited, on: db)
            if let review { try await PersonnelStore.openChangeReviews(postID: postID, reason: review, at: s.nowMillis, on: db) }
            try await PersonnelStore.rosterChanged(unitID: me.unitID, at: s.nowMillis, on: db)
            try await audit(actor, "post.update", id: postID, detail: review ?? "岗位信息调整", on: db)
            return edited
        }
    }

    /// R-PE-10: abolishes a post of the keeper's unit from today, refused while anyone serves in it.
    public func abolishPost(_ actor: Actor, postID: String) async throws -> SecretPost {
        let me = try await keeper(actor)
        let day = today
        return try await gated(actor, "post.abolish", postID) { db in
            guard let post = try await PersonnelStore.post(id: postID, on: db), post.unitID == me.unitID else { throw Refusal.notFound }
            let abolished = try PersonnelRules.abolished(
                post, holders: try await PersonnelStore.holders(postID: postID, on: db).values.reduce(0, +), today: day)
            try await PersonnelStore.update(abolished, on: db)
            try await audit(actor, "post.abolish", id: postID, detail: "撤销日期\(day.iso)", on: db)
            return abolished
        }
    }

    /// R-PE-10: a post's name is its unit's once (another post's of that name, abolished too, refuses it) and its
    /// department is one of the unit's.
    static func checkPlace(of post: SecretPost, on db: any SQLDatabase) async throws {
        if try await PersonnelStore.postExists(unitID: post.unitID, name: post.name, except: post.id, on: db) {
            throw Refusal(code: "personnel.post_exists", field: "name", message: "本单位已有涉密岗位“\(post.name)”", kind: .conflict)
        }
        if let dept = post.departmentID, !(try await PersonnelStore.departmentExists(id: dept, unitID: post.unitID, on: db)) {
            throw Refusal.invalid("department_id", "所属部门不存在或不属于本单位")
        }
    }
}
