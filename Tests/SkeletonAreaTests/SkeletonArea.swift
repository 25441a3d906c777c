import BaomiApp
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import NIOFoundationEssentialsCompat
import Organisation
import OrganisationServices
import SQLKit
import Storage

/// 示例登记 — the smallest whole area, registered the way every area is and from outside the app's target: one register
/// of one record kind (a note of the unit), one action with a refusal (办结, refused once done), one 待办 item, one
/// menu entry and two API operations with their schemas. Nothing of the app names it; the tests add it to the list.
enum Skeleton {
    /// A note in the register.
    struct Note: Sendable, Codable, Equatable {
        let id: String
        let unitID: String
        let title: String
        var done: Bool
    }

    // MARK: The rules (pure)

    /// The title is required and at most 50 characters.
    static func validTitle(_ title: String) throws -> String {
        let text = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 50 else { throw Refusal.invalid("title", "请填写标题（不超过50字）") }
        return text
    }

    /// 办结: a note is finished once; nil when it may be finished now, otherwise exactly the refusal the step throws.
    static func refusalToFinish(_ note: Note) -> Refusal? {
        note.done ? Refusal(code: "skeleton.already_done", message: "该记录已办结", kind: .conflict) : nil
    }

    // MARK: The store

    struct Migration9002: Migration {
        let id = 9002
        let name = "skeleton_notes"
        func prepare(on db: any SQLDatabase) async throws {
            try await run(
                [
                    "CREATE TABLE skeleton_notes (id TEXT PRIMARY KEY, unit_id TEXT NOT NULL, title TEXT NOT NULL, done INTEGER NOT NULL)",
                    "CREATE INDEX skeleton_notes_unit ON skeleton_notes(unit_id, id)",
                ], on: db)
        }
    }

    static func note(from row: any SQLRow) throws -> Note {
        Note(
            id: try row.decode(column: "id", as: String.self), unitID: try row.decode(column: "unit_id", as: String.self),
            title: try row.decode(column: "title", as: String.self), done: try row.decode(column: "done", as: Int.self) != 0)
    }

    static func notes(unitID: String, on db: any SQLDatabase) async throws -> [Note] {
        try await db.raw("SELECT * FROM skeleton_notes WHERE unit_id = \(bind: unitID) ORDER BY id LIMIT 200").all().map(note(from:))
    }

    // MARK: The service

    static func unit(_ actor: Actor) throws -> String {
        guard let unit = actor.person?.unitID, actor.isBusiness else { throw Refusal(code: "skeleton.no_person", message: "只有业务账号才能登记", kind: .forbidden) }
        return unit
    }

    static func list(_ actor: Actor, services: Services) async throws -> [Note] {
        let unitID = try unit(actor)
        return try await services.database.read { db in try await notes(unitID: unitID, on: db) }
    }

    static func create(_ actor: Actor, title: String, services: Services) async throws -> Note {
        let note = Note(id: IDs.make(), unitID: try unit(actor), title: try validTitle(title), done: false)
        try await services.attempt(actor, "skeleton.create", target: "skeleton_note", id: note.id) { db in
            try await db.raw("INSERT INTO skeleton_notes (id, unit_id, title, done) VALUES (\(bind: note.id), \(bind: note.unitID), \(bind: note.title), 0)")
                .run()
        }
        return note
    }

    static func finish(_ actor: Actor, id: String, services: Services) async throws {
        let unitID = try unit(actor)
        try await services.attempt(actor, "skeleton.finish", target: "skeleton_note", id: id) { db in
            guard let found = try await db.raw("SELECT * FROM skeleton_notes WHERE id = \(bind: id)").first().map(note(from:)), found.unitID == unitID
            else { throw Refusal.notFound }
            if let refusal = refusalToFinish(found) { throw refusal }
            try await db.raw("UPDATE skeleton_notes SET done = 1 WHERE id = \(bind: id)").run()
        }
    }

    /// 待办: the unit's notes not yet finished.
    struct Todos: TodoProvider {
        func items(for actor: Actor, services: Services) async throws -> [TodoItem] {
            guard let unitID = actor.person?.unitID, actor.isBusiness else { return [] }
            let open = try await services.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM skeleton_notes WHERE unit_id = \(bind: unitID) AND done = 0").first()?.decode(
                    column: "n", as: Int.self) ?? 0
            }
            return open == 0 ? [] : [TodoItem(title: "示例记录待办结", detail: "\(open)条示例记录尚未办结", link: "/skeleton")]
        }
    }

    // MARK: The web part

    struct Row: Sendable {
        let id: String, title: String, status: String
        let finishable: Bool
    }

    struct RegisterModel: Sendable {
        let rows: [Row]
    }

    static func page(_ shell: Shell, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let notes = try await list(try context.actor(), services: shell.services)
        let rows = notes.map { Row(id: $0.id, title: $0.title, status: $0.done ? "已办结" : "办理中", finishable: refusalToFinish($0) == nil) }
        return shell.views.page(
            view, title: "示例登记", session: context.session, path: "/skeleton", content: RegisterModel(rows: rows), error: error, status: status)
    }

    static func pages(_ router: Router<AppRequestContext>, _ shell: Shell) {
        router.get("/skeleton") { _, context in try await page(shell, context) }
        router.post("/skeleton") { request, context in
            let form = try await csrfForm(request, context)
            return try await refusable {
                _ = try await create(try context.actor(), title: form["title"] ?? "", services: shell.services)
                return Response.redirect(to: "/skeleton")
            } again: { message, status in
                try await page(shell, context, error: message, status: status)
            }
        }
        router.post("/skeleton/:id/finish") { request, context in
            _ = try await csrfForm(request, context)
            return try await refusable {
                try await finish(try context.actor(), id: try context.parameters.require("id"), services: shell.services)
                return Response.redirect(to: "/skeleton")
            } again: { message, status in
                try await page(shell, context, error: message, status: status)
            }
        }
    }

    /// The register's page: its rows, each with its finish form while it may be finished, and the entry form.
    static func view(_ m: RegisterModel, _ shell: PageShell) -> HTML {
        """
        <h1>示例登记</h1>
        <table class="table"><tbody>\(each: m.rows, { row($0, csrf: shell.csrf) })</tbody></table>
        <form method="post" action="/skeleton"><input type="hidden" name="_csrf" value="\(shell.csrf)"><input name="title"><button>登记</button></form>
        """
    }

    static func row(_ r: Row, csrf: String) -> HTML {
        """
        <tr data-testid="note"><td>\(r.title)</td><td>\(r.status)</td><td>\(if: r.finishable, finishForm(r, csrf: csrf))</td></tr>
        """
    }

    static func finishForm(_ r: Row, csrf: String) -> HTML {
        """
        <form method="post" action="/skeleton/\(r.id)/finish"><input type="hidden" name="_csrf" value="\(csrf)"><button data-testid="finish">办结</button></form>
        """
    }

    // MARK: The API

    struct NoteDTO: Codable {
        let id: String, title: String, done: Bool
    }

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder().encode(value))))
    }

    static func api(_ api: RouterGroup<AppRequestContext>, _ services: Services) {
        api.get("skeleton-notes") { _, context in
            let notes = try await list(try context.actor(), services: services)
            return try json(["items": notes.map { NoteDTO(id: $0.id, title: $0.title, done: $0.done) }])
        }
        api.post("skeleton-notes") { request, context in
            struct Body: Decodable { let title: String }
            let body = try JSONDecoder().decode(Body.self, from: Data(buffer: try await request.body.collect(upTo: 4096)))
            let note = try await create(try context.actor(), title: body.title, services: services)
            return try json(NoteDTO(id: note.id, title: note.title, done: note.done), status: .created)
        }
    }

    static let openAPI = """
        {"paths": {"/skeleton-notes": {
          "get": {"summary": "示例登记", "responses": {
            "200": {"description": "成功", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SkeletonNoteList"}}}},
            "401": {"description": "未登录", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "无权", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}},
          "post": {"summary": "登记示例记录", "x-body-limit": 4096,
            "requestBody": {"required": true, "x-body-limit": 4096, "content": {"application/json": {"schema": {"type": "object",
              "additionalProperties": false, "required": ["title"], "properties": {"title": {"type": "string", "maxLength": 200}}}}}},
            "responses": {
            "201": {"description": "已登记", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SkeletonNote"}}}},
            "400": {"description": "不符合接口文档", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "401": {"description": "未登录", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "403": {"description": "无权", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "422": {"description": "被规则拒绝", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}}},
         "schemas": {
          "SkeletonNote": {"type": "object", "additionalProperties": false, "required": ["id", "title", "done"],
            "properties": {"id": {"type": "string"}, "title": {"type": "string"}, "done": {"type": "boolean"}}},
          "SkeletonNoteList": {"type": "object", "additionalProperties": false, "required": ["items"],
            "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/SkeletonNote"}}}}}}
        """
}

extension Area {
    /// The skeleton area: the registration below the web, and its web part.
    static let skeleton = Area(
        registration: AreaRegistration(name: "skeleton", migrations: [Skeleton.Migration9002()], todos: [Skeleton.Todos()]),
        tabs: [
            MenuTab(
                "示例登记", href: "/skeleton", order: 90, shown: { $0.isBusiness },
                menu: { _ in [MenuGroup("登记簿", [("示例登记", "/skeleton", true)])] })
        ],
        pages: Skeleton.pages, api: Skeleton.api,
        authorization: ["GET /skeleton-notes": .business, "POST /skeleton-notes": .business],
        openAPI: try! OpenAPIFragment(json: Data(Skeleton.openAPI.utf8)))
}
