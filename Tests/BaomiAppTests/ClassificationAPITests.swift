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
import OrganisationServices
import Storage
import TestSupport
import Testing

@Suite("定密管理 API — the workflow over /api/v1, conforming to the OpenAPI document")
struct ClassificationAPITests {
    @Test("R-CL-1 R-AU-5 R-CL-7 R-KS-3 R-DC-1 the workflow and the authority register over the API, every response matching its schema")
    func workflow() async throws {
        try await TestWorld.with { world in
            try await testApplication(world).test(.router) { client in
                let doc = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
                let validator = try OpenAPIValidator(json: Data(buffer: doc.body))
                let handler = try await APITestClient.token(client, "zhangwei", TestPasswords.demo, otp: try await world.otp("zhangwei"))
                let officer = try await APITestClient.token(client, "lihua", TestPasswords.demo, otp: try await world.otp("lihua"))
                let outsider = try await APITestClient.token(client, "zhoumin", TestPasswords.demo, otp: try await world.otp("zhoumin"))
                let lihua = try await world.actor("lihua").person!
                let unit = lihua.unitID
                func call(_ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: String? = nil, expect status: Int) async throws -> JSONValue {
                    let r = try await APITestClient.call(client, method, uri, token: token, body: body)
                    #expect(r.status.code == status, "\(method) \(uri): \(r.text)")
                    let path = String(uri.split(separator: "?")[0].dropFirst("/api/v1".count))
                    let schema = try #require(
                        validator.responseSchema(path: path, method: method.rawValue, status: r.status.code), "undocumented \(method) \(path) \(r.status.code)")
                    let value = try JSONValue.parse(Data(r.text.utf8))
                    #expect(validator.validate(value, against: schema).isEmpty, "\(method) \(path): \(validator.validate(value, against: schema))")
                    return value
                }
                let register = try await call(.get, "/api/v1/authority/\(unit)", officer, expect: 200)
                let item = try #require(register["catalogue"]?.arrayValue?.first?["id"]?.string)
                _ = try await call(.get, "/api/v1/authority/\(unit)", outsider, expect: 403)
                let created = try await call(
                    .post, "/api/v1/secrets", handler,
                    #"{"title":"接口定密","basis":"catalogue","catalogue_item_id":"\#(item)","marking":"机密★5年","secret_points":"密点","questions":{"public_must_know":false,"work_or_commercial_secret_or_privacy":false,"already_public_or_uncontrollable":false,"law_requires_disclosure":false}}"#,
                    expect: 201)
                let id = try #require(created["id"]?.string)
                _ = try await call(.post, "/api/v1/secrets", handler, #"{"title":"缺问题","basis":"unclear","marking":"秘密★1年","secret_points":"x"}"#, expect: 422)
                // A question sent as null (the contract lets an optional field be null) is one not answered: refused by
                // the rule (R-CL-4), not as a malformed request (found by the API fuzzer).
                let unanswered = try await call(
                    .post, "/api/v1/secrets", handler,
                    #"{"title":"问题为空","basis":"catalogue","catalogue_item_id":"\#(item)","marking":"机密★5年","secret_points":"密点","questions":{"public_must_know":null,"work_or_commercial_secret_or_privacy":false,"already_public_or_uncontrollable":null,"law_requires_disclosure":false}}"#,
                    expect: 422)
                #expect(unanswered["error"]?["rule"]?.string == "R-CL-4", "\(unanswered)")
                _ = try await call(.post, "/api/v1/secrets/\(id)/submit", handler, #"{"officer_person_id":"\#(lihua.id)"}"#, expect: 200)
                _ = try await call(.post, "/api/v1/secrets/\(id)/review", officer, #"{"decision":"approve"}"#, expect: 200)
                _ = try await call(.get, "/api/v1/secrets/\(id)", outsider, expect: 404)
                _ = try await call(.post, "/api/v1/secrets/\(id)/annual-review", officer, #"{"result":"继续保密"}"#, expect: 200)
                let objection = try await call(.post, "/api/v1/secrets/\(id)/objections", handler, #"{"marking":"秘密★5年","reason":"应降为秘密级"}"#, expect: 201)
                _ = try await call(.post, "/api/v1/objections/\(try #require(objection["id"]?.string))/answer", officer, #"{"decision":"维持机密级"}"#, expect: 200)
                let wangfang = try await world.actor("wangfang").person!
                _ = try await call(.post, "/api/v1/secrets/\(id)/scope", officer, #"{"person_id":"\#(wangfang.id)","reason":"登记管理"}"#, expect: 200)
                _ = try await call(.post, "/api/v1/secrets/\(id)/change", officer, #"{"marking":"机密★8年","reason":"延长"}"#, expect: 200)
                _ = try await call(.post, "/api/v1/secrets/\(id)/declassify", officer, #"{"reason":"已公开"}"#, expect: 200)
                let detail = try await call(.get, "/api/v1/secrets/\(id)", officer, expect: 200)
                #expect(detail["secret"]?["status"]?.string == "declassified")
                _ = try await call(.get, "/api/v1/secrets?status=declassified", officer, expect: 200)
                _ = try await call(.get, "/api/v1/secrets/statistics", officer, expect: 200)
                _ = try await call(
                    .post, "/api/v1/authority/\(unit)/catalogue", officer,
                    #"{"code":"GX-99","name":"接口新增条目","marking":"秘密★5年","scope":"局领导","production_level":"市级","source_document":"范围规定"}"#, expect: 201)
                _ = try await call(
                    .post, "/api/v1/authority/\(unit)/catalogue", officer,
                    #"{"code":"GX-98","name":"越限条目","marking":"秘密★15年","scope":"局领导","production_level":"市级","source_document":"范围规定"}"#, expect: 422)
                let zhaoqiang = try await world.actor("zhaoqiang").person!
                let appointed = try await call(
                    .post, "/api/v1/authority/\(unit)/officers", officer, #"{"person_id":"\#(zhaoqiang.id)","cap":"top_secret"}"#, expect: 422)
                _ = appointed
                // R-TR-3: the training date is the register's, never typed: a date sent is refused, naming the field.
                let typed = try await call(
                    .post, "/api/v1/authority/\(unit)/officers", officer, #"{"person_id":"\#(zhaoqiang.id)","cap":"secret","trained_on":"2026-11-01"}"#,
                    expect: 400)
                #expect(typed["error"]?["field"]?.string == "trained_on", "\(typed)")
                let ok = try await call(.post, "/api/v1/authority/\(unit)/officers", officer, #"{"person_id":"\#(zhaoqiang.id)","cap":"secret"}"#, expect: 201)
                _ = try await call(.post, "/api/v1/officers/\(try #require(ok["id"]?.string))/remove", officer, #"{"reason":"leaving"}"#, expect: 200)
                let company = try #require(try await world.services.organisation.visibleUnits(.system).first { $0.name == "江海精密制造有限公司" })
                let grant = try await call(
                    .post, "/api/v1/authority/\(unit)/grants", officer,
                    #"{"grantee_unit_id":"\#(company.id)","cap":"secret","matter_scope":"配套生产中的涉密事项","valid_from":"2026-11-23","valid_until":"2028-11-22","basis":"第八条"}"#,
                    expect: 201)
                _ = try await call(.post, "/api/v1/grants/\(try #require(grant["id"]?.string))/revoke", officer, #"{"reason":"不再经常产生"}"#, expect: 200)
            }
        }
    }
}
