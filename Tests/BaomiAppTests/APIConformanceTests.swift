import Areas
import BaomiApp
import CarrierServices
import ClassificationServices
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Kernel
import NIOFoundationEssentialsCompat
import Organisation
import Storage
import TestSupport
import Testing

@testable import OrganisationServices

@Suite("JSON API — responses conform to /api/v1/openapi.json")
struct APIConformanceTests {
    @Test("The committed openapi.json is the document the standard areas' fragments make, and the server publishes it")
    func assembled() async throws {
        let committed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/BaomiApp/Public/openapi.json")
        let document = try JSONValue.parse(try Data(contentsOf: committed))
        #expect(document == OpenAPIValidator.standard.document, "run python3 scripts/gen-openapi.py")
        #expect(document["paths"]?.objectValue?.count == OpenAPIValidator.standard.document["paths"]?.objectValue?.count)
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let served = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
                #expect(served.status == .ok)
                #expect(try JSONValue.parse(Data(buffer: served.body)) == document)
            }
        }
    }

    @Test("Every documented operation answers with a body that matches its schema, errors included")
    func conformance() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let api = try await APIChecker(client)
                #expect(api.validator.document["openapi"]?.string == "3.0.3")
                let sys = try await APITestClient.token(client, "sysadmin", TestPasswords.sysadmin)
                let sec = try await APITestClient.token(client, "secadmin", TestPasswords.secadmin)
                let aud = try await APITestClient.token(client, "auditor", TestPasswords.auditor)
                let user = try await APITestClient.token(client, "lihua", TestPasswords.demo, otp: try await world.otp("lihua"))
                let person = try await world.actor("zhoumin").person!
                let zhoumin = try await world.services.database.read { try await UserStore.user(username: "zhoumin", on: $0) }!
                let unit = try await world.services.organisation.visibleUnits(.system).first { $0.name == "江海市工业和信息化局" }!
                _ = try await api.check(.post, "/api/v1/auth/token", nil, #"{"username":"lihua","password":"bad-Pass-0"}"#, expect: 401)
                _ = try await api.check(.post, "/api/v1/auth/token", nil, #"{"username":"lihua"}"#, expect: 400)
                _ = try await api.check(.get, "/api/v1/me", user, expect: 200)
                _ = try await api.check(.get, "/api/v1/me", nil, expect: 401)
                _ = try await api.check(.get, "/api/v1/todos", sys, expect: 200)
                _ = try await api.check(.get, "/api/v1/users", sys, expect: 200)
                _ = try await api.check(.post, "/api/v1/users", sys, #"{"username":"api.user","display_name":"接口用户","person_id":null}"#, expect: 201)
                _ = try await api.check(.post, "/api/v1/users", sys, #"{"username":"a","display_name":"短"}"#, expect: 400)
                _ = try await api.check(.post, "/api/v1/users", sys, #"{"username":"lihua","display_name":"重名"}"#, expect: 409)
                _ = try await api.check(.post, "/api/v1/users/\(zhoumin.id)/lock", sys, expect: 200)
                _ = try await api.check(.post, "/api/v1/users/\(zhoumin.id)/unlock", sys, expect: 200)
                _ = try await api.check(.post, "/api/v1/users/\(zhoumin.id)/reset-password", sys, expect: 200)
                _ = try await api.check(.put, "/api/v1/users/\(zhoumin.id)/roles", sec, #"{"roles":["handler","secrecy_clerk"]}"#, expect: 200)
                _ = try await api.check(.put, "/api/v1/users/\(zhoumin.id)/roles", sec, #"{"roles":["auditor"]}"#, expect: 422)
                // R-PE-10: 周敏's post (项目管理) handles 秘密 at most — 一般 is the ceiling.
                _ = try await api.check(.put, "/api/v1/persons/\(person.id)/tier", sec, #"{"tier":"important"}"#, expect: 422)
                _ = try await api.check(.put, "/api/v1/persons/\(person.id)/tier", sec, #"{"tier":"general"}"#, expect: 200)
                _ = try await api.check(.get, "/api/v1/units", sys, expect: 200)
                _ = try await api.check(.post, "/api/v1/units", sys, #"{"name":"江海市档案馆","kind":"institution","parent_id":"\#(unit.parentID!)"}"#, expect: 201)
                _ = try await api.check(.post, "/api/v1/units", sys, #"{"name":"某单位","kind":"bogus"}"#, expect: 400)
                _ = try await api.check(.get, "/api/v1/units/\(unit.id)/departments", sys, expect: 200)
                _ = try await api.check(.post, "/api/v1/departments", sys, #"{"unit_id":"\#(unit.id)","name":"审计科"}"#, expect: 201)
                _ = try await api.check(.get, "/api/v1/persons", sys, expect: 200)
                _ = try await api.check(.post, "/api/v1/persons", sys, #"{"unit_id":"\#(unit.id)","name":"钱七","phone":"0750-1234"}"#, expect: 201)
                _ = try await api.check(.post, "/api/v1/persons", sys, #"{"unit_id":"\#(unit.id)","name":"钱八","email":"not-an-email"}"#, expect: 422)
                _ = try await api.check(.get, "/api/v1/audit?limit=5", aud, expect: 200)
                _ = try await api.check(.get, "/api/v1/audit", sys, expect: 403)
                _ = try await api.check(.get, "/api/v1/audit/verify", aud, expect: 200)
                _ = try await api.check(.get, "/api/v1/calendar", user, expect: 200)
                _ = try await api.check(.get, "/api/v1/calendar/2026", user, expect: 200)
                _ = try await api.check(.get, "/api/v1/calendar/2031", user, expect: 404)
                _ = try await api.check(.get, "/api/v1/calendar/working-days?from=2026-09-24&days=10", user, expect: 200)
                _ = try await api.check(.get, "/api/v1/calendar/working-days?from=2026-12-20&days=30", user, expect: 409)
                _ = try await api.check(.get, "/api/v1/calendar/between?from=2026-01-01&to=2026-12-31", user, expect: 200)
                _ = try await api.check(
                    .post, "/api/v1/calendar", sys, #"{"year":2027,"holidays":[{"name":"元旦","from":"2027-01-01","to":"2027-01-03"}],"makeupWorkdays":[]}"#,
                    expect: 201)
                _ = try await api.check(.post, "/api/v1/calendar", user, #"{"year":2027,"holidays":[],"makeupWorkdays":[]}"#, expect: 403)
                _ = try await api.check(.post, "/api/v1/markings/parse", user, #"{"text":"机密★10年","issued_on":"2026-03-12"}"#, expect: 200)
                _ = try await api.check(.post, "/api/v1/markings/parse", user, #"{"text":"机密*10年"}"#, expect: 422)
                _ = try await api.check(.post, "/api/v1/markings/lint", user, #"{"text":"本件 秘密*5年，另 机密★30年"}"#, expect: 200)
                _ = try await api.check(.get, "/api/v1/notices", user, expect: 200)
                let created = try await api.check(
                    .post, "/api/v1/notices", user,
                    #"{"title":"接口测试通知","body":"正文","marking":"秘密★1年","issued_on":"2026-11-23","scope_person_ids":["\#(person.id)"]}"#, expect: 201)
                let id = try #require((created.object as? [String: Any])?["id"] as? String)
                _ = try await api.check(.get, "/api/v1/notices/\(id)", user, expect: 200)
                // R-SY-1: a 三员 account is turned away at the door from every business record, before any lookup.
                _ = try await api.check(.get, "/api/v1/notices/\(id)", sys, expect: 403)
                _ = try await api.check(.post, "/api/v1/notices", user, #"{"title":"越限","body":"正文","marking":"秘密★11年","issued_on":"2026-11-23"}"#, expect: 422)
                _ = try await api.check(
                    .post, "/api/v1/me/password", user, #"{"old_password":"\#(TestPasswords.demo)","new_password":"weak","confirm":"weak"}"#, expect: 422)
                _ = try await api.check(.delete, "/api/v1/auth/token", user, expect: 200)
                _ = try await api.check(.get, "/api/v1/me", user, expect: 401)
                #expect(api.checked >= 40)
            }
        }
    }

    @Test("R-LV-2 an API refusal carries the machine code, the rule and the field")
    func refusalShape() async throws {
        try await TestWorld.with { world in
            let app = try await testApplication(world)
            try await app.test(.router) { client in
                let token = try await APITestClient.token(client, "lihua", TestPasswords.demo, otp: try await world.otp("lihua"))
                let r = try await APITestClient.call(client, .post, "/api/v1/markings/parse", token: token, body: #"{"text":"机密*10年"}"#)
                let error = try #require(r.json["error"])
                #expect(error["rule"] as? String == "R-LV-2")
                #expect((error["code"] as? String)?.hasPrefix("marking.") == true)
                #expect((error["message"] as? String)?.contains("★") == true)
                #expect(!r.text.contains("SQL") && !r.text.contains("Error("))
            }
        }
    }
}
