import Accounts
import Areas
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import Kernel
import NIOFoundationEssentialsCompat
import Organisation
import OrganisationServices
import Storage

/// Decodes a JSON request body (snake_case keys); a malformed body is a 400 naming the body.
func decodeJSON<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
    // APIGate has already read the body within the operation's limit and checked it against the contract.
    let buffer = try await request.body.collect(upTo: .max)
    do {
        return try JSON.decoder.decode(T.self, from: Data(buffer: buffer))
    } catch DecodingError.keyNotFound(let key, _) {
        throw TransportRefusal.contract(key.stringValue.snakeCased, "缺少字段 \(key.stringValue.snakeCased)", code: "validation.required")
    } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
        let field = context.codingPath.last?.stringValue.snakeCased ?? "body"
        throw TransportRefusal.contract(field, "字段 \(field) 的类型不正确", code: "validation.type")
    } catch {
        throw TransportRefusal.contract("body", "请求体不是有效的 JSON", code: "validation.json")
    }
}

extension String {
    var snakeCased: String {
        var out = ""
        for c in self {
            if c.isUppercase {
                out += "_" + c.lowercased()
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// The API's view of the current user.
struct MeDTO: Codable, Sendable {
    let id: String
    let username: String
    let displayName: String
    let roles: [String]
    let person: PersonDTO?

    init(_ actor: Actor) {
        id = actor.userID
        username = actor.username
        displayName = actor.displayName
        roles = actor.roles.sorted().map(\.rawValue)
        person = actor.person.map(PersonDTO.init)
    }
}

/// A person in the API.
struct PersonDTO: Codable, Sendable {
    let id: String
    let unitId: String
    let departmentId: String?
    let name: String
    let post: String
    let title: String
    let phone: String
    let email: String
    let tier: String

    init(_ p: Person) {
        id = p.id
        unitId = p.unitID
        departmentId = p.departmentID
        name = p.name
        post = p.post
        title = p.title
        phone = p.phone
        email = p.email
        tier = p.tier.rawValue
    }
}

/// An account in the API (never its password hash or OTP secret).
struct UserDTO: Codable, Sendable {
    let id: String
    let username: String
    let displayName: String
    let personId: String?
    let roles: [String]
    let locked: Bool
    let mustChangePassword: Bool

    init(_ u: User) {
        id = u.id
        username = u.username
        displayName = u.displayName
        personId = u.personID
        roles = u.roles.sorted().map(\.rawValue)
        locked = u.locked
        mustChangePassword = u.mustChangePassword
    }
}

/// A unit in the API.
struct UnitDTO: Codable, Sendable {
    let id: String
    let name: String
    let kind: String
    let kindName: String
    let parentId: String?
    let region: String

    init(_ u: OrgUnit) {
        id = u.id
        name = u.name
        kind = u.kind.code
        kindName = u.kind.chinese
        parentId = u.parentID
        region = u.region
    }
}

/// A 涉密通知 in the API.
struct NoticeDTO: Codable, Sendable {
    let id: String
    let unitId: String
    let title: String
    let body: String?
    let sensitivity: String
    let marking: String
    let issuedOn: String
    let authorPersonId: String
    let scopePersonIds: [String]?

    init(_ n: ClassifiedNotice, withBody: Bool, scope: Set<String>? = nil) {
        id = n.id
        unitId = n.unitID
        title = n.title
        body = withBody ? n.body : nil
        sensitivity = n.sensitivity.code
        marking = n.marking
        issuedOn = n.issuedOn.iso
        authorPersonId = n.authorPersonID
        scopePersonIds = scope?.sorted()
    }
}
