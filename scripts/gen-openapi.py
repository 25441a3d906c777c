#!/usr/bin/env python3
"""Writes Sources/BaomiApp/Public/openapi.json — the OpenAPI 3 description of /api/v1.

Run after changing the API: python3 scripts/gen-openapi.py. Tests check real responses against it.
"""
import copy, json, pathlib

def obj(props, required=None, nullable=()):
    p = {}
    for k, v in props.items():
        v = dict(v)
        if k in nullable:
            v["nullable"] = True
        p[k] = v
    return with_required({"type": "object", "properties": p, "additionalProperties": False},
                         required if required is not None else [k for k in props if k not in nullable])

def with_required(schema, required):
    """Sets `required` — or leaves it out when nothing is: OpenAPI 3.0 forbids an empty `required` list."""
    if required: schema["required"] = list(required)
    return schema

S = {"type": "string"}; I = {"type": "integer"}; B = {"type": "boolean"}
def ref(n): return {"$ref": f"#/components/schemas/{n}"}
def arr(x): return {"type": "array", "items": x}
def listof(n): return obj({"count": I, "items": arr(ref(n))})
# Issue 11: a register page — keyset-paged; `total` counts at most 10,000 (`total_capped` says more match).
def pageof(n): return obj({"items": arr(ref(n)), "total": I, "total_capped": B, "next_cursor": S, "prev_cursor": S}, nullable=("next_cursor", "prev_cursor"))

schemas = {
    "Error": obj({"error": obj({"code": S, "rule": S, "field": S, "message": S}, required=["code", "message"], nullable=("rule", "field"))}),
    "OK": obj({"ok": B}),
    "Person": obj({"id": S, "unit_id": S, "department_id": S, "name": S, "post": S, "title": S, "phone": S, "email": S,
                   "tier": {"type": "string", "enum": ["core", "important", "general", "none"]}}, nullable=("department_id",)),
    "Me": obj({"id": S, "username": S, "display_name": S, "roles": arr(S), "person": ref("Person")}, required=["id", "username", "display_name", "roles"], nullable=("person",)),
    "Token": obj({"token": S, "idle_timeout_seconds": I, "user": ref("Me")}),
    "User": obj({"id": S, "username": S, "display_name": S, "person_id": S, "roles": arr(S), "locked": B, "must_change_password": B}, nullable=("person_id",)),
    "UserList": pageof("User"),
    "CreatedUser": obj({"user": ref("User"), "initial_password": S, "otp_url": S}, required=["user", "initial_password"], nullable=("otp_url",)),
    "Password": obj({"password": S}),
    "Unit": obj({"id": S, "name": S, "kind": S, "kind_name": S, "parent_id": S, "region": S}, nullable=("parent_id",)),
    "UnitList": listof("Unit"),
    "Department": obj({"id": S, "unit_id": S, "name": S}),
    "DepartmentList": listof("Department"),
    "PersonList": pageof("Person"),
    "Todo": obj({"title": S, "detail": S, "link": S, "due": S, "urgent": B}, required=["title", "detail", "link", "urgent"], nullable=("due",)),
    "TodoList": listof("Todo"),
    "AuditEntry": obj({"seq": I, "at": I, "actor_name": S, "action": S, "target_kind": S, "target_id": S, "level": S, "outcome": {"type": "string", "enum": ["ok", "denied", "failed"]},
                       "detail": S, "before": S, "after": S, "prev_hash": S, "hash": S},
                      required=["seq", "at", "actor_name", "action", "target_kind", "outcome", "prev_hash", "hash"], nullable=("target_id", "level", "detail", "before", "after")),
    "AuditPage": obj({"total": I, "total_capped": B, "next_cursor": S, "prev_cursor": S, "entries": arr(ref("AuditEntry"))}, nullable=("next_cursor", "prev_cursor")),
    "Verification": obj({"intact": B, "count": I, "broken_at": I, "problem": S}, required=["intact"], nullable=("count", "broken_at", "problem")),
    "Years": obj({"years": arr(I)}),
    "WorkingDays": obj({"from": S, "days": I, "due": S}),
    "Between": obj({"from": S, "to": S, "working_days": I}),
    "CalendarYear": {"type": "object", "required": ["year", "holidays", "makeupWorkdays"], "properties": {
        "year": I, "holidays": arr({"type": "object", "required": ["name", "from", "to"], "properties": {"name": S, "from": S, "to": S}}), "makeupWorkdays": arr(S)}},
    "Marking": obj({"level": S, "level_name": S, "rendered": S, "period_kind": S, "effective": S, "expiry": S}, nullable=("expiry",)),
    "Finding": obj({"line": I, "column": I, "found": S, "rule": S, "message": S, "suggestion": S}, nullable=("suggestion",)),
    "FindingList": listof("Finding"),
    "Notice": obj({"id": S, "unit_id": S, "title": S, "body": S, "sensitivity": S, "marking": S, "issued_on": S, "author_person_id": S, "scope_person_ids": arr(S)},
                  required=["id", "unit_id", "title", "sensitivity", "marking", "issued_on", "author_person_id"], nullable=("body", "scope_person_ids")),
    "NoticeList": listof("Notice"),
    "Secret": obj({"id": S, "unit_id": S, "title": S, "basis": {"type": "string", "enum": ["catalogue", "derived", "unclear"]}, "source_id": S, "marking": S,
                   "level": S, "status": S, "issue_date": S, "expiry": S, "drafted_on": S, "handler_person_id": S, "officer_person_id": S,
                   "markings": arr(S), "scope_person_ids": arr(S), "secret_points": S, "co_unit_ids": arr(S), "needs_review": B},
                  nullable=("source_id", "issue_date", "expiry", "officer_person_id", "scope_person_ids", "secret_points")),
    "SecretList": pageof("Secret"),
    "SecretEvent": obj({"at": I, "actor_name": S, "kind": S, "summary": S, "marking": S}),
    "SecretDetail": obj({"secret": ref("Secret"), "events": arr(ref("SecretEvent"))}),
    "Grant": obj({"id": S, "grantor_unit_id": S, "grantee_unit_id": S, "cap": S, "matter_scope": S, "valid_from": S, "valid_until": S, "revoked_on": S},
                 nullable=("revoked_on",)),
    "Officer": obj({"id": S, "unit_id": S, "person_id": S, "kind": S, "cap": S, "appointed_on": S, "trained_on": S, "removed_on": S, "removal_reason": S},
                   nullable=("trained_on", "removed_on", "removal_reason")),
    "CatalogueItem": obj({"id": S, "unit_id": S, "code": S, "name": S, "marking": S, "scope": S, "production_level": S, "source_document": S, "revision": I}),
    "Authority": obj({"unit_id": S, "own_cap": S, "grants": arr(ref("Grant")), "officers": arr(ref("Officer")), "catalogue": arr(ref("CatalogueItem"))},
                     nullable=("own_cap",)),
    "ObjectionCreated": obj({"id": S, "status": S, "appeal_level": S}),
    "Filing": obj({"id": S, "kind": {"type": "string", "enum": ["grant", "grantee_grant", "revocation", "grantee_revocation", "roster", "catalogue", "statistics", "personnel_roster"]},
                   "unit_id": S, "subject_id": S, "filed_with_unit_id": S, "filed_on": S, "filed_by": S, "summary": S, "content": S,
                   "status": {"type": "string", "enum": ["filed", "acknowledged", "returned"]}, "reply": S, "replied_on": S},
                  nullable=("subject_id", "reply", "replied_on")),
    "FilingList": arr(ref("Filing")),
    "Filed": obj({"ok": B, "kind": S}),
    "GrantApplication": obj({"id": S, "applicant_unit_id": S, "grantor_unit_id": S, "cap": S, "matter_scope": S, "valid_from": S, "valid_until": S,
                             "basis": S, "reasons": S, "applied_on": S, "status": {"type": "string", "enum": ["pending", "granted", "refused"]},
                             "decision_note": S, "grant_id": S}, nullable=("decision_note", "grant_id")),
    "GrantApplicationList": arr(ref("GrantApplication")),
    "CatalogueRevisionList": arr(obj({"item_id": S, "revision": I, "content": S, "reason": S, "changed_by": S, "changed_on": S})),
    "Supervision": obj({"administration_unit_id": S, "filings": arr(ref("Filing")),
                        "unclear": arr(obj({"secret": ref("Secret"), "decision_due": S}, nullable=("decision_due",))),
                        "appeals": arr(obj({"objection_id": S, "secret": ref("Secret"), "reason": S, "claimed_level": S, "unit_answer": S, "appealed_on": S},
                                           nullable=("claimed_level", "unit_answer", "appealed_on")))}),
    "SecretCounts": obj({"total": I, "items": arr(obj({"status": S, "level": S, "basis": S, "count": I}))}),
}

carrier_kinds = ["paper", "electronic", "medium", "device"]
carrier_statuses = ["inStock", "circulating", "lent", "carriedOut", "dispatched", "underRepair", "returned", "destroyed", "lost"]
LV = {"type": "string", "enum": ["secret", "confidential", "top_secret"]}
schemas.update({
    "Carrier": obj({"id": S, "number": S, "kind": {"type": "string", "enum": carrier_kinds}, "title": S, "document_number": S, "originating_unit": S,
                    "unit_id": S, "marking": S, "level": LV, "secret_ids": arr(S), "copies": I, "serials": arr(S), "custodian_person_id": S,
                    "safe_id": S, "status": {"type": "string", "enum": carrier_statuses}, "original_id": S, "registered_on": S, "holder_person_id": S,
                    "due_on": S, "retained": B,
                    "medium": obj({"media_type": S, "purchased_centrally": B, "user_person_id": S, "content_level": LV, "computer_ids": arr(S)},
                                  nullable=("content_level",))},
                   nullable=("safe_id", "original_id", "holder_person_id", "due_on", "medium")),
    "CarrierList": pageof("Carrier"),
    "CarrierLedger": pageof("Carrier"),
    "CarrierDetail": obj({"carrier": ref("Carrier"), "scope_person_ids": arr(S), "events": arr(obj({"at": I, "actor_name": S, "kind": S, "summary": S}))}),
    "Received": obj({"carrier": ref("Carrier"), "receipt_number": S}),
    "Dispatched": obj({"carrier": ref("Carrier"), "dispatch_number": S, "envelope": S}),
    "Destroyed": obj({"lines": arr(S)}),
    "Incident": obj({"incident_id": S, "report_due_at": I}),
    "ReaderLog": arr(obj({"reader": S, "reading_room": S, "out_at": I, "back_at": I}, nullable=("reading_room", "back_at"))),
    "Label": obj({"number": S, "marking": S, "custodian": S, "text": S, "barcode_svg": S}, nullable=("barcode_svg",)),
    "RegisterBook": arr(obj({"number": S, "carrier_id": S, "carrier_number": S, "on_day": S, "counterpart": S, "document_number": S, "title": S,
                             "level": LV, "copies": I, "serials": arr(S), "approver": S, "handled_by": S, "note": S, "closed_on": S}, nullable=("closed_on",))),
    "Safe": obj({"id": S, "name": S, "location": S, "level": LV, "top_secret_only": B}),
    "SafeList": arr(ref("Safe")),
    "CarrierFinding": obj({"carrier_id": S, "number": S, "rule": S, "message": S, "since": S}, nullable=("since",)),
    "CarrierFindings": pageof("CarrierFinding"),
    "CarrierCount": obj({"id": S, "check": {"type": "string", "enum": ["monthlyCount", "quarterlyReturn", "yearEndReturn"]}, "period": S, "on_day": S,
                         "expected": I, "missing": arr(S), "unexpected": arr(S), "handled_by": S, "note": S}),
    "CarrierChecks": arr(obj({"check": S, "period": S, "due": S, "done": ref("CarrierCount")}, nullable=("done",))),
    "CarrierImport": obj({"mode": {"type": "string", "enum": ["dry_run", "all", "partial"]}, "rows": I, "accepted": I, "imported": I,
                          "problems": arr(obj({"line": I, "field": S, "message": S})), "numbers": arr(S)}),
})

def body(schema_props, required, limit=None):
    b = {"required": True, "content": {"application/json": {"schema": with_required({"type": "object", "properties": schema_props}, required)}}}
    if limit: b["x-body-limit"] = limit
    return b

# Request fields: every number has a range, every string a length, every list a size, every object a closed set of keys
# (the server enforces this document before any work: APIGate).
def INT(lo, hi): return {"type": "integer", "minimum": lo, "maximum": hi}
def TEXT(n=2000): return {"type": "string", "maxLength": n}
def NONBLANK(n=2000): return {"type": "string", "minLength": 1, "maxLength": n, "pattern": "\\S"}
# The pattern is what a client can check; whether the day exists (2026-02-30) is the server's to say (422).
DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "minLength": 10, "maxLength": 10}
ID = {"type": "string", "minLength": 1, "maxLength": 64}
def ENUM(*xs): return {"type": "string", "enum": list(xs)}
LVR = ENUM("secret", "confidential", "top_secret")
KB = 1024; MB = 1024 * 1024

def resp(code, name, desc="成功"):
    r = {code: {"description": desc, "content": {"application/json": {"schema": ref(name)}}}}
    return r

ERR = {k: {"description": d, "content": {"application/json": {"schema": ref("Error")}}} for k, d in
       [("400", "请求不符合本接口文档（类型、必填、未知字段、取值范围、格式）"), ("401", "未登录或会话超时"), ("403", "三员分立等权限拒绝"),
        ("404", "不存在或无权知悉"), ("409", "与当前状态冲突"), ("422", "请求符合接口文档，但被业务规则拒绝（field 指明字段，rule 指明规则）")]}

def op(summary, responses, request=None, params=None, auth=True):
    o = {"summary": summary, "responses": {**responses, **ERR}}
    if request: o["requestBody"] = request
    if params: o["parameters"] = params
    if not auth: o["security"] = []
    return o

def q(name, schema=None, required=False): return {"name": name, "in": "query", "required": required, "schema": schema or TEXT(200)}
# Issue 11: every register is paged — `limit` rows (1–200, default 50) after `cursor` (from next_cursor/prev_cursor), in `order`.
def paging(*orders):
    ps = [q("limit", INT(1, 200)), q("cursor", {"type": "string", "maxLength": 2048, "pattern": "^[A-Za-z0-9_-]*$"})]
    return ps + ([q("order", ENUM(*orders))] if orders else [])
def pid(name="id", schema=None): return {"name": name, "in": "path", "required": True, "schema": schema or ID}
LIMIT = q("limit", INT(1, 500)); OFFSET = q("offset", INT(0, 10_000_000))

paths = {
    "/auth/token": {
        "post": op("登录，取得 API 令牌（R-SY-4：3 次失败锁定；绝密级须 otp）", resp("201", "Token"), body({"username": NONBLANK(64), "password": TEXT(200), "otp": TEXT(16)}, ["username", "password"], limit=4 * KB), auth=False),
        "delete": op("注销令牌", resp("200", "OK")),
    },
    "/me": {"get": op("当前用户", resp("200", "Me"))},
    "/me/password": {"post": op("修改本人口令", resp("200", "OK"), body({"old_password": TEXT(200), "new_password": TEXT(200), "confirm": TEXT(200)}, ["old_password", "new_password", "confirm"], limit=4 * KB))},
    "/todos": {"get": op("待办事项", resp("200", "TodoList"))},
    "/users": {
        "get": op("账号列表（系统管理员、安全保密管理员），按用户名分页", resp("200", "UserList"), params=[q("q")] + paging()),
        "post": op("新建账号（系统管理员）", resp("201", "CreatedUser"), body({"username": {"type": "string", "minLength": 2, "maxLength": 32, "pattern": "^[A-Za-z0-9_.-]+$"}, "display_name": NONBLANK(50), "person_id": ID}, ["username", "display_name"])),
    },
    "/users/{id}/lock": {"post": op("锁定账号（系统管理员）", resp("200", "OK"), params=[pid()])},
    "/users/{id}/unlock": {"post": op("解锁账号（系统管理员）", resp("200", "OK"), params=[pid()])},
    "/users/{id}/reset-password": {"post": op("重置口令（系统管理员）", resp("200", "Password"), params=[pid()])},
    "/users/{id}/roles": {"put": op("设置业务角色（安全保密管理员）", resp("200", "OK"), body({"roles": {"type": "array", "maxItems": 10, "items": ENUM("system_admin", "security_admin", "auditor", "handler", "classifier", "secrecy_clerk", "department_head", "leader", "secrecy_office", "administration_staff", "personnel_office")}}, ["roles"]), params=[pid()])},
    "/units": {
        "get": op("可见单位", resp("200", "UnitList")),
        "post": op("新建单位（系统管理员）", resp("201", "Unit"), body({"name": {"type": "string", "minLength": 2, "maxLength": 60, "pattern": "\\S"}, "kind": ENUM("admin_national", "admin_provincial", "admin_city", "admin_county", "central_organ", "provincial_organ", "city_organ", "other_organ", "enterprise", "institution"), "parent_id": ID, "region": TEXT(60)}, ["name", "kind"])),
    },
    "/units/{id}/departments": {"get": op("单位的内设部门", resp("200", "DepartmentList"), params=[pid()])},
    "/departments": {"post": op("新建部门（系统管理员）", resp("201", "Department"), body({"unit_id": ID, "name": NONBLANK(60)}, ["unit_id", "name"]))},
    "/persons": {
        "get": op("可见人员，按姓名分页", resp("200", "PersonList"), params=[q("unit_id", ID), q("q")] + paging()),
        "post": op("登记人员（系统管理员）", resp("201", "Person"), body({"unit_id": ID, "department_id": ID, "name": NONBLANK(30), "post": TEXT(60), "title": TEXT(60), "phone": TEXT(30), "email": TEXT(80)}, ["unit_id", "name"])),
    },
    "/persons/{id}/tier": {"put": op("设定涉密等级（安全保密管理员）", resp("200", "OK"), body({"tier": ENUM("core", "important", "general", "none")}, ["tier"]), params=[pid()])},
    "/audit": {"get": op("审计日志（安全审计员）", resp("200", "AuditPage"), params=[q("actor"), q("action"), q("outcome", ENUM("ok", "denied", "failed"))] + paging())},
    "/audit/verify": {"get": op("校验哈希链（安全审计员，R-SY-3）", resp("200", "Verification"))},
    "/calendar": {
        "get": op("已导入的日历年份", resp("200", "Years")),
        "post": op("导入一年日历（系统管理员，R-SY-5）", resp("201", "Years"), {"required": True, "x-body-limit": 256 * KB, "content": {"application/json": {"schema": ref("CalendarYearInput")}}}),
    },
    "/calendar/{year}": {"get": op("一年的日历数据（数据文件格式）", resp("200", "CalendarYear"), params=[pid("year", INT(1900, 2100))])},
    "/calendar/working-days": {"get": op("自起算日起第 N 个工作日（R-SY-5）", resp("200", "WorkingDays"), params=[q("from", DATE, True), q("days", INT(0, 366), True)])},
    "/calendar/between": {"get": op("两日之间的工作日数", resp("200", "Between"), params=[q("from", DATE, True), q("to", DATE, True)])},
    "/markings/parse": {"post": op("解析并校验国家秘密标志（R-LV-2, R-DU-1..5）", resp("200", "Marking"), body({"text": NONBLANK(200), "issued_on": DATE}, ["text"]))},
    "/markings/lint": {"post": op("检查文本中的标志", resp("200", "FindingList"), body({"text": TEXT(1 * MB)}, ["text"], limit=4 * MB))},
    "/notices": {
        "get": op("可知悉的涉密通知（R-KS-4）", resp("200", "NoticeList"), params=[q("q")]),
        "post": op("起草涉密通知", resp("201", "Notice"), body({"title": NONBLANK(100), "body": NONBLANK(20_000), "marking": NONBLANK(100), "issued_on": DATE, "scope_person_ids": arr(ID)}, ["title", "body", "marking", "issued_on"], limit=512 * KB)),
    },
    "/secrets": {
        "get": op("国家秘密事项登记（仅本人可知悉的，R-KS-4）", resp("200", "SecretList"),
                  params=[q("level", LVR), q("status", ENUM("draft", "inReview", "inForce", "declassified", "rejected", "referredUp", "unclearPendingReport", "unclearReported")), q("basis", ENUM("catalogue", "derived", "unclear")), q("expiring", INT(0, 36500)), q("derived_from", ID), q("q"), q("needs_review", ENUM("true", "false"))] + paging("newest", "expiry", "title")),
        "post": op("承办人拟定（R-CL-1；R-CL-4 四个问题；R-CL-6 派生）", resp("201", "Secret"),
                   body({"title": NONBLANK(200), "basis": ENUM("catalogue", "derived", "unclear"), "catalogue_item_id": ID, "source_id": ID,
                         "ground": ENUM("identical", "containsSecretPoints", "summarises", "originatorRequires"), "marking": TEXT(100), "scope_person_ids": arr(ID),
                         "secret_points": TEXT(10_000), "questions": {"type": "object", "properties": {k: B for k in ("public_must_know", "work_or_commercial_secret_or_privacy", "already_public_or_uncontrollable", "law_requires_disclosure")}},
                         "co_unit_ids": arr(ID)}, ["title", "basis", "secret_points"])),
    },
    "/secrets/statistics": {"get": op("定密统计（R-RP-2，仅计本人可知悉的）", resp("200", "SecretCounts"))},
    "/secrets/{id}": {"get": op("事项详情与办理记录（无权知悉与不存在一律 404）", resp("200", "SecretDetail"), params=[pid()])},
    "/secrets/{id}/submit": {"post": op("提交定密责任人审核", resp("200", "Secret"), body({"officer_person_id": ID}, ["officer_person_id"]), params=[pid()])},
    "/secrets/{id}/review": {"post": op("定密责任人审核（R-CL-1、R-CL-2）", resp("200", "Secret"), body({"decision": ENUM("approve", "amend", "reject"), "marking": TEXT(100), "reason": TEXT()}, ["decision"]), params=[pid()])},
    "/secrets/{id}/refer": {"post": op("无定密权，报上级确定（R-AU-1）", resp("200", "Secret"), params=[pid()])},
    "/secrets/{id}/change": {"post": op("变更或延长期限（R-CH-1..3）", resp("200", "Secret"), body({"marking": NONBLANK(100), "reason": NONBLANK()}, ["marking", "reason"]), params=[pid()])},
    "/secrets/{id}/declassify": {"post": op("提前解密（R-DC-2、R-DC-3）", resp("200", "Secret"), body({"reason": NONBLANK(), "central_approval": TEXT(200)}, ["reason"]), params=[pid()])},
    "/secrets/{id}/report": {"post": op("报送不明确事项（R-CL-3）", resp("200", "Secret"), params=[pid()])},
    "/secrets/{id}/objections": {"post": op("提出异议（R-CL-7）", resp("201", "ObjectionCreated"), body({"marking": NONBLANK(100), "reason": NONBLANK()}, ["marking", "reason"]), params=[pid()])},
    "/objections/{id}/answer": {"post": op("原定密单位答复异议（R-CL-7）", resp("200", "OK"), body({"decision": NONBLANK()}, ["decision"]), params=[pid()])},
    "/secrets/{id}/scope": {"post": op("扩大知悉范围（R-KS-3）", resp("200", "Secret"), body({"person_id": ID, "reason": NONBLANK(), "consent_reference": TEXT(200)}, ["person_id", "reason"]), params=[pid()])},
    "/secrets/{id}/annual-review": {"post": op("记录年度审查（R-DC-1）", resp("200", "OK"), body({"result": ENUM("继续保密", "需要变更", "需要解密"), "note": TEXT()}, ["result"]), params=[pid()])},
    "/authority/{unit}": {"get": op("单位定密权登记：定密权、授权、定密责任人、一览表", resp("200", "Authority"), params=[pid("unit")])},
    "/authority/{unit}/grants": {"post": op("作出定密授权（R-AU-2、R-AU-3）", resp("201", "Grant"),
        body({"grantee_unit_id": ID, "cap": LVR, "matter_scope": NONBLANK(), "valid_from": DATE, "valid_until": DATE, "basis": NONBLANK(), "reasons": TEXT()},
             ["grantee_unit_id", "cap", "matter_scope", "valid_from", "valid_until", "basis"]), params=[pid("unit")])},
    "/grants/{id}/revoke": {"post": op("撤销定密授权（R-AU-4）", resp("200", "OK"), body({"reason": NONBLANK()}, ["reason"]), params=[pid()])},
    "/authority/{unit}/officers": {"post": op("指定定密责任人（R-AU-5）", resp("201", "Officer"), body({"person_id": ID, "kind": ENUM("statutory", "designated"), "cap": LVR, "trained_on": DATE}, ["person_id", "cap"]), params=[pid("unit")])},
    "/officers/{id}/remove": {"post": op("调整定密责任人（R-AU-5，DM 17 理由）", resp("200", "OK"), body({"reason": ENUM("seriousMisclassification", "leaving", "administrationAdvice", "unsuitable")}, ["reason"]), params=[pid()])},
    "/authority/{unit}/catalogue": {"post": op("新增或修订一览表条目（R-AU-6）", resp("201", "CatalogueItem"),
        body({"id": ID, "code": NONBLANK(50), "name": NONBLANK(200), "marking": NONBLANK(100), "scope": NONBLANK(), "production_level": NONBLANK(100), "source_document": NONBLANK(200), "allows_long_term": B, "reason": TEXT()},
             ["code", "name", "marking", "scope", "production_level", "source_document"]), params=[pid("unit")])},
    "/supervision": {"get": op("保密行政管理部门：下级报备、待确定的不明确事项、申请确定的异议（仅本人可知悉的，R-KS-4）", resp("200", "Supervision"))},
    "/filings/{id}": {"get": op("备案材料（报备单位或受理机关）", resp("200", "Filing"), params=[pid()])},
    "/filings/{id}/reply": {"post": op("审查备案：予以备案或退回纠正（R-AU-3、R-CL-8）", resp("200", "OK"), body({"accept": B, "reply": TEXT()}, ["accept"]), params=[pid()])},
    "/authority/{unit}/filings": {"get": op("本单位的报备记录", resp("200", "FilingList"), params=[pid("unit")])},
    "/authority/{unit}/filings/{kind}": {"post": op("报备定密责任人名单（roster，R-AU-5）或一览表（catalogue，R-AU-6）", resp("201", "Filed"),
        params=[pid("unit"), pid("kind", ENUM("roster", "catalogue"))])},
    "/statistics/filings": {"post": op("向同级保密行政管理部门报送定密统计（R-RP-2）", resp("201", "Filed"), body({"from": DATE, "to": DATE}, ["from", "to"]))},
    "/authority/{unit}/applications": {
        "get": op("定密授权申请（提出的和收到的）", resp("200", "GrantApplicationList"), params=[pid("unit")]),
        "post": op("提出定密授权申请（R-AU-3，DM 9）", resp("201", "GrantApplication"),
                   body({"grantor_unit_id": ID, "cap": LVR, "matter_scope": NONBLANK(), "valid_from": DATE, "valid_until": DATE, "basis": NONBLANK(), "reasons": NONBLANK()},
                        ["grantor_unit_id", "cap", "matter_scope", "valid_from", "valid_until", "basis", "reasons"]), params=[pid("unit")]),
    },
    "/applications/{id}/decide": {"post": op("决定定密授权申请（R-AU-2、R-AU-3）", resp("200", "GrantApplication"), body({"approve": B, "note": TEXT()}, ["approve"]), params=[pid()])},
    "/authority/{unit}/catalogue/revisions": {"get": op("一览表修订记录（R-AU-6）", resp("200", "CatalogueRevisionList"), params=[pid("unit")])},
    "/objections/{id}/appeal": {"post": op("异议申请保密行政管理部门确定（R-CL-7）", resp("200", "OK"), params=[pid()])},
    "/objections/{id}/appeal-decision": {"post": op("保密行政管理部门确定异议（R-CL-7）", resp("200", "OK"), body({"decision": NONBLANK()}, ["decision"]), params=[pid()])},
    "/secrets/{id}/correct": {"post": op("上级纠正（R-CL-8）", resp("200", "Secret"), body({"marking": TEXT(100), "revoke": B, "reason": NONBLANK()}, ["reason"]), params=[pid()])},
    "/secrets/{id}/recheck": {"post": op("定密责任人复核被标记的事项（R-DU-6、R-CL-8）", resp("200", "OK"), body({"note": TEXT()}, ["note"]), params=[pid()])},
    "/notices/{id}": {"get": op("涉密通知详情（无权知悉与不存在一律 404）", resp("200", "Notice"), params=[pid()])},
}

entry = {"kind": {"type": "string", "enum": carrier_kinds}, "title": NONBLANK(200), "document_number": TEXT(100), "originating_unit": TEXT(100), "marking": TEXT(100),
         "secret_ids": arr(ID), "copies": INT(1, 999), "serials": {"type": "array", "maxItems": 999, "items": TEXT(20)}, "scope_person_ids": arr(ID),
         "medium": {"type": "object", "properties": {"media_type": TEXT(50), "purchased_centrally": B, "user_person_id": ID},
                    "required": ["media_type", "purchased_centrally", "user_person_id"]}}
def act(summary, props, required, out="Carrier", code="200"):
    return {"post": op(summary, resp(code, out), body(props, required), params=[pid()])}
paths.update({
    "/carriers": {"get": op("载体登记（只含本人可知悉的，R-KS-4）", resp("200", "CarrierList"),
                            params=[q("kind", ENUM(*carrier_kinds)), q("status", ENUM(*carrier_statuses)), q("level", LVR), q("q"), q("holder_person_id", ID), q("unit_id", ID)] + paging("newest", "number", "due"))},
    "/carriers/{id}": {"get": op("载体详情与办理记录（无权知悉与不存在一律 404）", resp("200", "CarrierDetail"), params=[pid()])},
    "/carriers/receive": {"post": op("收文：签收核对后登记收文登记簿（R-CA-2）", resp("201", "Received"),
        body({**entry, "check": {"type": "object", "properties": {"package_intact": B, "expected_copies": INT(0, 999), "counted_copies": INT(0, 999),
              "expected_serials": {"type": "array", "maxItems": 999, "items": TEXT(20)}, "found_serials": {"type": "array", "maxItems": 999, "items": TEXT(20)},
              "listed_level": LV, "addressee_matches": B}, "required": ["package_intact", "expected_copies", "listed_level", "addressee_matches"]}}, ["kind", "title", "copies", "check"]))},
    "/carriers/produce": {"post": op("制作：领导批准、涉密设备、按批准份数、同时标志、中间材料处理（R-CA-1）", resp("201", "Carrier"),
        body({**entry, "approved_by": ID, "equipment": {"type": "string", "enum": ["classifiedEquipment", "licensedPrinter", "unclassifiedEquipment", "unlicensedPrinter"]},
              "approved_copies": INT(1, 999), "marking_applied": B, "waste": {"type": "string", "enum": ["destroyed", "registered", "none"]}},
             ["kind", "title", "copies", "equipment", "waste"]))},
    "/carriers/destroy": {"post": op("销毁（批量，领导批准、二人以上、规定方式，R-CA-11）", resp("200", "Destroyed"),
        body({"carrier_ids": arr(ID), "approved_by": ID, "persons": arr(ID), "method": {"type": "string", "enum": ["shredder", "designatedMill", "destructionCentre"]},
              "cipher_telegram": B}, ["carrier_ids", "persons", "method"]))},
    "/carriers/{id}/store": act("存放于保密柜（R-CA-6）", {"safe_id": ID}, ["safe_id"]),
    "/carriers/{id}/dispatch": act("发文（发放范围、传递渠道、绝密二人护送，R-CA-2、R-CA-3）", {"recipient": NONBLANK(200), "approved_distribution": arr(NONBLANK(200)),
        "channel": {"type": "string", "enum": ["confidentialCourier", "confidentialPost", "dedicatedPerson", "approvedSecure", "ordinaryPost", "courierCompany", "plainFax", "plainTelegram"]},
        "out_of_town": B, "escorts": arr(ID)}, ["recipient", "approved_distribution", "channel"], out="Dispatched"),
    "/carriers/{id}/circulate": act("传阅（知悉范围内、直传、绝密阅读登记，R-CA-4）", {"reader_person_id": ID, "reading_room": TEXT(100)}, ["reader_person_id"]),
    "/carriers/{id}/take-back": {"post": op("收回（传阅、借阅、携带外出、维修后）", resp("200", "Carrier"), params=[pid()])},
    "/carriers/{id}/lend": act("借阅（领导批准、归还日期，R-CA-5）", {"borrower_person_id": ID, "approved_by": ID, "due_on": DATE}, ["borrower_person_id"]),
    "/carriers/{id}/copy": act("复印（批准、绝密须原定密机关同意，R-CA-7）", {"approved_by": ID, "originator_consent": TEXT(200), "copies": INT(1, 999), "recipient": NONBLANK(200)},
        ["copies", "recipient"], code="201"),
    "/carriers/{id}/carry-out": act("携带外出、出境（R-CA-9）", {"holder_person_id": ID, "approved_by": ID, "companions": arr(ID), "abroad": B, "exit_permit": TEXT(100)},
        ["holder_person_id"]),
    "/carriers/{id}/return": act("清退至发文机关（R-CA-10）", {"note": TEXT()}, []),
    "/carriers/{id}/retain": act("归档或延长使用，不再清退（R-CA-10）", {"reason": NONBLANK()}, ["reason"]),
    "/carriers/{id}/repair": act("维修（R-CA-12）", {"mode": {"type": "string", "enum": ["inHouse", "supervisedOutsider", "qualifiedVendor"]}, "supervisor": TEXT(100),
        "vendor": TEXT(200), "off_site": B, "data_recovery": B}, ["mode"]),
    "/carriers/{id}/loss": act("丢失、被盗、泄密：登记事件并开始24小时报告期限（R-CA-14）", {"kind": ENUM("丢失", "被盗", "泄密"), "summary": NONBLANK()}, ["kind", "summary"], out="Incident", code="201"),
    "/carriers/{id}/forbidden": act("禁止行为（赠送、出售、转送、丢弃…）：一律拒绝并记入审计（R-CA-13）", {"action": {"type": "string",
        "enum": ["give", "sell", "transfer", "discard", "unapprovedStorage", "unapprovedCarryOut"]}}, ["action"], out="Error", code="403"),
    "/carriers/{id}/medium-write": act("登记写入涉密移动存储介质的信息（不得高于介质密级，R-MD-2）", {"content_level": LV}, ["content_level"]),
    "/carriers/{id}/reader-log": {"get": op("绝密级阅读登记（R-CA-4）", resp("200", "ReaderLog"), params=[pid()])},
    "/carriers/{id}/label": {"get": op("载体标签：编号、标志、保管人，Code 128 条码（R-MD-1）", resp("200", "Label"), params=[pid()])},
    "/carrier-books/{book}": {"get": op("收文登记簿、发文登记簿、复印登记、销毁清单（本人可知悉的行）", resp("200", "RegisterBook"),
        params=[pid("book", {"type": "string", "enum": ["receipt", "dispatch", "copy", "destruction"]}), q("year", INT(1900, 2100))])},
    "/ledger/{person}": {"get": op("个人涉密载体台账（持有、借阅、传阅、携带外出、保管），按编号分页", resp("200", "CarrierLedger"), params=[pid("person")] + paging())},
    "/safes": {"get": op("本单位保密柜", resp("200", "SafeList")),
               "post": op("登记保密柜（R-CA-6）", resp("201", "Safe"), body({"name": NONBLANK(100), "location": NONBLANK(200), "level": LV, "top_secret_only": B}, ["name", "location", "level"]))},
    "/carrier-findings": {"get": op("载体交叉核查发现的问题（本人可知悉的载体），按编号分页", resp("200", "CarrierFindings"), params=paging())},
    "/carrier-checks": {"get": op("本期清点、清退任务及完成情况（R-CA-10）", resp("200", "CarrierChecks"))},
    "/carrier-counts": {"post": op("登记清点结果（R-CA-10）", resp("201", "CarrierCount"),
        body({"check": {"type": "string", "enum": ["monthlyCount", "quarterlyReturn", "yearEndReturn"]},
              "found_ids": {"type": "array", "maxItems": 200_000, "items": ID}, "unexpected": arr(TEXT(200)), "note": TEXT()},
             ["check", "found_ids"], limit=16 * MB))},
    "/carrier-imports": {"post": op("导入纸质台账（CSV 文本）：dry_run 只检查；all 全部无误才写入；partial 写入无误的行；表头不可用（缺必填列、未知或重复的列）时 422 import.header", {**resp("200", "CarrierImport"), **resp("201", "CarrierImport")},
        body({"csv": TEXT(20 * MB), "mode": {"type": "string", "enum": ["dry_run", "all", "partial"]}}, ["csv"], limit=24 * MB))},
    # Issue 11 #10: a large paper register goes as the CSV file itself (no JSON escaping), up to 64 MB.
    "/carrier-imports/csv": {"post": op("导入纸质台账（请求体即 CSV 文件，Content-Type: text/csv，上限 64 MB）：mode 同上",
        {**resp("200", "CarrierImport"), **resp("201", "CarrierImport")},
        {"required": True, "x-body-limit": 64 * MB, "content": {"text/csv": {"schema": {"type": "string", "minLength": 1, "maxLength": 64 * MB}}}},
        params=[q("mode", ENUM("dry_run", "all", "partial"))])},
})

# Issue 12: 涉密人员管理与保密教育培训 (R-PE-1..16, R-TR-1..4, R-KP-4) and the custody hand-over (R-CA-15). Registers are read by
# the 组织人事部门 and the 保密工作机构 only (R-PE-15); a file also by the person.
TIER = ENUM("core", "important", "general", "none")
STATUS_PE = ENUM("serving", "declearing", "cleared", "removed")
BUSINESS_ROLES = ENUM("handler", "classifier", "secrecy_clerk", "department_head", "leader", "secrecy_office", "administration_staff", "personnel_office")
CLEARED = obj({"person_id": S, "unit_id": S, "post_id": S, "tier": S, "appointed_on": S, "status": S, "next_review_on": S, "declearing_from": S,
               "declearing_until": S, "certificate_number": S, "certificate_valid_until": S},
              nullable=("next_review_on", "declearing_from", "declearing_until", "certificate_number", "certificate_valid_until"))
schemas.update({
    "SecretPost": obj({"id": S, "unit_id": S, "department_id": S, "name": S, "highest_level": S, "tier": S, "key_part": B, "roles": arr(S), "valid_from": S},
                      nullable=("department_id",)),
    "SecretPostList": listof("SecretPost"),
    "ClearedPerson": CLEARED,
    "RosterLine": obj({"person_id": S, "name": S, "post_name": S, "highest_level": S, "record": ref("ClearedPerson")}),
    "Roster": pageof("RosterLine"),
    "PersonnelReview": obj({"id": S, "person_id": S, "post_id": S, "kind": S, "failed_conditions": arr(S), "relatives_abroad": S, "personnel_opinion": S,
                            "secrecy_opinion": S, "decided_by": S, "passed": B, "reviewed_on": S, "trigger": S}),
    "Commitment": obj({"id": S, "person_id": S, "kind": S, "signed_on": S, "note": S}),
    "Trip": obj({"id": S, "person_id": S, "purpose": S, "destination": S, "reason": S, "depart_on": S, "return_on": S, "delegation": S,
                 "delegation_secrecy_person": S, "personnel_opinion": S, "secrecy_opinion": S, "approved_by": S, "educated_on": S, "carrier_ids": arr(S),
                 "returned_on": S, "report_due_on": S, "return_report": S, "reported_on": S, "declearing_approval": S, "status": S},
                nullable=("approved_by", "educated_on", "returned_on", "report_due_on", "reported_on")),
    "TripList": pageof("Trip"),
    "ReportableEvent": obj({"id": S, "person_id": S, "kind": S, "occurred_on": S, "reported_on": S, "due_on": S, "late": B, "details": S, "handling": S,
                            "onward_reported_on": S, "change_review_opened": B}, nullable=("onward_reported_on",)),
    "ReportableEventList": pageof("ReportableEvent"),
    "Departure": obj({"id": S, "person_id": S, "kind": S, "leaving_on": S, "declearing_months": I, "declearing_until": S,
                      "done": {"type": "object", "additionalProperties": S}, "destination": S, "early_consent": S, "completed_on": S}, nullable=("completed_on",)),
    "DepartureList": pageof("Departure"),
    "DepartureGate": obj({"departure": ref("Departure"), "required": arr(S), "outstanding": I, "hidden": I,
                          "visible": arr(obj({"id": S, "number": S, "title": S})), "leaving_commitments": arr(S)}),
    "CarrierHandover": obj({"id": S, "from_person_id": S, "to_person_id": S, "handed_on": S, "carrier_count": I}),
    "TrainingClass": obj({"id": S, "kind": S, "held_on": S, "hours": I, "content": S, "form": S, "organiser": S, "participant_ids": arr(S),
                          "absent_ids": arr(S), "passed_ids": arr(S)}),
    "ExternalCourse": obj({"id": S, "person_id": S, "kind": S, "provider": S, "completed_on": S, "hours": I, "certificate_number": S,
                           "certificate_valid_until": S}, nullable=("certificate_valid_until",)),
    "RightsRecord": obj({"id": S, "person_id": S, "restriction": S, "measure": S, "recorded_on": S}),
    "TrainingPlan": obj({"year": I, "items": arr(obj({"month": I, "content": S, "form": S, "hours": I, "audience": S}))}),
    "PersonnelImport": obj({"mode": ENUM("dry_run", "all", "partial"), "kind": ENUM("roster", "training"), "rows": I, "accepted": I, "imported": I,
                            "problems": arr(obj({"line": I, "field": S, "message": S}))}),
    "UnderFloor": obj({"year": I, "count": I, "items": arr(obj({"person_id": S, "name": S, "tier": S, "hours": I, "floor": I}))}),
    "PersonnelFile": obj({"person_id": S, "name": S, "record": ref("ClearedPerson"), "post": ref("SecretPost"), "change_review": S,
                          "reviews": arr(ref("PersonnelReview")), "commitments": arr(ref("Commitment")), "trips": arr(ref("Trip")),
                          "events": arr(ref("ReportableEvent")), "departures": arr(ref("Departure")),
                          "hours": arr(obj({"year": I, "hours": I, "pre_post_hours": I, "floor": I})), "external": arr(ref("ExternalCourse")),
                          "rights": arr(ref("RightsRecord"))},
                         nullable=("record", "post", "change_review")),
})
ELIG = {k: B for k in ["nationality", "loyalty", "competence", "no_criminal_record", "no_drugs_or_gambling", "never_dismissed", "never_removed_for_violation"]}
paths.update({
    "/personnel": {"get": op("涉密人员名单（组织人事部门、保密工作机构），按状态分页（R-PE-1, R-PE-3, R-PE-15）", resp("200", "Roster"),
                             params=[q("status", STATUS_PE)] + paging("person"))},
    "/personnel/posts": {
        "get": op("本单位涉密岗位（R-PE-10）", resp("200", "SecretPostList")),
        "post": op("登记涉密岗位：涉及最高密级决定涉密等级（R-PE-1, R-PE-10）", resp("201", "SecretPost"),
                   body({"name": NONBLANK(60), "department_id": ID, "highest_level": LVR, "key_part": B, "roles": {"type": "array", "maxItems": 10, "items": BUSINESS_ROLES}},
                        ["name", "highest_level"])),
    },
    "/personnel/reviews": {"post": op("登记保密审查（岗前审查、定期复审、变动复审）及结论（R-PE-2）", resp("201", "PersonnelReview"),
        body({"person_id": ID, "post_id": ID, "kind": ENUM("pre_appointment", "periodic", "change"),
              "eligibility": {"type": "object", "properties": ELIG, "required": list(ELIG)}, "relatives_abroad": TEXT(500),
              "personnel_opinion": NONBLANK(500), "secrecy_opinion": NONBLANK(500), "decided_by": NONBLANK(30), "passed": B},
             ["person_id", "post_id", "kind", "eligibility", "personnel_opinion", "secrecy_opinion", "decided_by", "passed"]))},
    "/personnel/commitments": {"post": op("登记保密承诺书、责任书、离岗离职承诺书、离岗保密协议书（R-PE-4）", resp("201", "Commitment"),
        body({"person_id": ID, "kind": ENUM("pledge", "responsibility", "leaving", "clerk_leaving"), "signed_on": DATE, "note": TEXT(200)}, ["person_id", "kind"]))},
    "/personnel/appointments": {"post": op("任用到涉密岗位：须通过审查、签订承诺书，涉密等级不高于岗位（R-PE-2, R-PE-4, R-PE-10, R-KP-4, R-PE-13）",
        resp("201", "ClearedPerson"), body({"person_id": ID, "post_id": ID, "tier": ENUM("core", "important", "general")}, ["person_id", "post_id", "tier"]))},
    "/personnel/{person}/remove": {"post": op("调离涉密岗位（R-PE-9）", resp("200", "ClearedPerson"),
        body({"ground": ENUM("concealed", "failed_to_report", "forbidden_job", "unapproved_travel")}, ["ground"]), params=[pid("person")])},
    "/personnel/{person}/rights": {"post": op("登记权益保障：承担的保密限制和给予的待遇或补偿（R-PE-14）", resp("201", "RightsRecord"),
        body({"restriction": NONBLANK(500), "measure": NONBLANK(500), "recorded_on": DATE}, ["restriction", "measure", "recorded_on"]),
        params=[pid("person")])},
    "/personnel/{person}/file": {"get": op("涉密人员档案：本人、组织人事部门、保密工作机构可查阅，每次查阅记入审计（R-PE-15）", resp("200", "PersonnelFile"), params=[pid("person")])},
    "/personnel/roster-filing": {"post": op("涉密人员名单报同级保密行政管理部门备案（R-PE-3）", resp("201", "OK"))},
    "/trips": {
        "get": op("出国（境）登记，按出发日期分页（R-PE-5）", resp("200", "TripList"), params=paging("depart")),
        "post": op("出国（境）申请：不得携带绝密级载体（R-PE-5, R-PE-11, R-PE-7）", resp("201", "Trip"),
                   body({"person_id": ID, "purpose": ENUM("official", "private"), "destination": NONBLANK(60), "reason": NONBLANK(200), "depart_on": DATE,
                         "return_on": DATE, "delegation": TEXT(100), "delegation_secrecy_person": TEXT(30), "carrier_ids": {"type": "array", "maxItems": 100, "items": ID},
                         "declearing_approval": TEXT(200)}, ["person_id", "purpose", "destination", "reason", "depart_on", "return_on"])),
    },
    "/trips/{id}/approve": {"post": op("审批出国（境）（单位领导、部门负责人；要害部门部位人员因私出国由单位主管领导，R-PE-5）", resp("200", "Trip"),
        body({"personnel_opinion": TEXT(500), "secrecy_opinion": TEXT(500), "secrecy_org_consent": TEXT(200)}, []),
        params=[pid()])},
    "/trips/{id}/opinion": {"post": op("填写出国（境）申请的意见：组织人事部门或保密工作机构各自填写，审批前（R-PE-5）", resp("200", "Trip"),
        body({"opinion": NONBLANK(500)}, ["opinion"]), params=[pid()])},
    "/trips/{id}/{step}": {"post": op("出国（境）前保密教育、出境、回国（境）、回国报告（R-PE-5）", resp("200", "Trip"),
        body({"day": DATE, "report": TEXT(2000)}, []), params=[pid(), pid("step", ENUM("educate", "depart", "return", "report"))])},
    "/reportable-events": {
        "get": op("重大事项报告登记，按报告日期分页（R-PE-6）", resp("200", "ReportableEventList"), params=paging("reported")),
        "post": op("登记重大事项报告：期限按工作日计算，引起变动复审（R-PE-6, R-PE-12）", resp("201", "ReportableEvent"),
                   body({"person_id": ID, "kind": ENUM("leak", "foreign_marriage", "private_travel", "relatives_abroad", "foreign_contact", "resignation", "approach",
                         "spouse_foreign"), "occurred_on": DATE, "details": NONBLANK(2000)}, ["person_id", "kind", "occurred_on", "details"])),
    },
    "/reportable-events/{id}/handle": {"post": op("登记处理情况；被策反等情况向上级和有关机关报告（R-PE-12）", resp("200", "ReportableEvent"),
        body({"handling": TEXT(1000), "onward_to": TEXT(200)}, []), params=[pid()])},
    "/departures": {
        "get": op("离岗离职登记，新登记在前（R-PE-7）", resp("200", "DepartureList"), params=paging("newest")),
        "post": op("办理离岗离职：脱密期不少于核心2年、重要1年、一般6个月（R-PE-7, R-PE-8）", resp("201", "Departure"),
                   body({"person_id": ID, "kind": ENUM("leave_post", "leave_job", "transfer"), "leaving_on": DATE, "declearing_months": INT(1, 60),
                         "destination": TEXT(100), "early_consent": TEXT(200)}, ["person_id", "kind", "leaving_on", "declearing_months"])),
    },
    "/departures/{id}": {"get": op("离岗离职清单：未清退载体按全系统计数，只显示本人可知悉的标题（R-PE-16）", resp("200", "DepartureGate"), params=[pid()])},
    "/departures/{id}/items": {"post": op("登记清单事项的办理情况（R-PE-7）", resp("200", "Departure"),
        body({"item": ENUM("approval", "reminder_talk", "devices_returned", "system_access_revoked", "area_access_revoked", "key_part_reported", "clerk_handover",
                           "certificate_returned", "leaving_commitment", "carriers_cleared", "account_locked", "officer_ended"), "note": NONBLANK(200)}, ["item", "note"]),
        params=[pid()])},
    "/departures/{id}/complete": {"post": op("办结离岗离职：清单全部完成、无未清退载体；锁定账号、撤销角色、终止定密责任人任职，进入脱密期（R-PE-7, R-PE-16）",
        resp("200", "Departure"), params=[pid()])},
    "/carrier-handovers": {"post": op("载体移交：移交人保管的全部载体交接收人，双方签字（R-CA-15）", resp("201", "CarrierHandover"),
        body({"from_person_id": ID, "to_person_id": ID, "leaver_signed": NONBLANK(30), "successor_signed": NONBLANK(30)},
             ["from_person_id", "to_person_id", "leaver_signed", "successor_signed"]))},
    "/training/classes": {"post": op("登记培训：日期、课时、内容、形式、组织者、参加和缺席人员；定密培训登记考试合格人员（R-TR-1, R-TR-3, R-KP-4）",
        resp("201", "TrainingClass"),
        body({"kind": ENUM("general", "pre_post", "classification", "pre_departure"), "held_on": DATE, "hours": INT(1, 40), "content": NONBLANK(500),
              "form": NONBLANK(30), "organiser": NONBLANK(60), "participant_ids": {"type": "array", "minItems": 1, "maxItems": 5000, "items": ID},
              "absent_ids": {"type": "array", "maxItems": 5000, "items": ID}, "passed_ids": {"type": "array", "maxItems": 5000, "items": ID}},
             ["kind", "held_on", "hours", "content", "form", "organiser", "participant_ids"], limit=1 * MB))},
    "/training/external": {"post": op("登记外部培训及证书（R-TR-4, R-PE-13）", resp("201", "ExternalCourse"),
        body({"person_id": ID, "kind": ENUM("clerk_qualification", "administrators", "classification", "other"), "provider": NONBLANK(60), "completed_on": DATE,
              "hours": INT(1, 400), "certificate_number": TEXT(60), "certificate_valid_until": DATE}, ["person_id", "kind", "provider", "completed_on", "hours"]))},
    "/training/plans/{year}": {
        "get": op("年度保密教育培训计划（R-TR-1）", resp("200", "TrainingPlan"), params=[pid("year", INT(2000, 2100))]),
        "post": op("保存年度保密教育培训计划：须安排四月保密宣传教育月活动（R-TR-1, R-TR-2）", resp("201", "TrainingPlan"),
                   body({"items": {"type": "array", "minItems": 1, "maxItems": 100, "items": {"type": "object", "properties": {"month": INT(1, 12), "content": NONBLANK(200),
                         "form": TEXT(30), "hours": INT(1, 40), "audience": TEXT(60)}, "required": ["month", "content", "form", "hours", "audience"]}}}, ["items"]),
                   params=[pid("year", INT(2000, 2100))]),
    },
    "/personnel-imports": {"post": op("导入涉密人员名单或培训记录（请求体即 CSV 文件或 Excel 工作簿，上限 16 MB）：dry_run 只检查；all 全部无误才写入；partial 写入无误的行；文件或表头不可用时 422 import.header（R-PE-3, R-TR-1）",
        {**resp("200", "PersonnelImport"), **resp("201", "PersonnelImport")},
        {"required": True, "x-body-limit": 16 * MB, "content": {
            "text/csv": {"schema": {"type": "string", "minLength": 1, "maxLength": 16 * MB}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary", "minLength": 1, "maxLength": 16 * MB}}}},
        params=[q("kind", ENUM("roster", "training"), True), q("mode", ENUM("dry_run", "all", "partial"))])},
    "/training/under-floor": {"get": op("年度学时未达要求的涉密人员（核心16学时，重要、一般8学时，R-KP-4）", resp("200", "UnderFloor"), params=[q("year", INT(2000, 2100))])},
})

def tighten(schema):
    """Closes a request schema: unknown keys refused, every string, list and number bounded."""
    if "$ref" in schema: return schema
    t = schema.get("type")
    if t == "object":
        schema.setdefault("additionalProperties", False)
        required = set(schema.get("required", []))
        # Every field its own copy (deepcopy keeps shared constants shared within one schema).
        schema["properties"] = {k: copy.deepcopy(v) for k, v in schema.get("properties", {}).items()}
        for k, v in schema["properties"].items():
            tighten(v)
            # An optional field may be sent as null: the same as leaving it out.
            if k not in required:
                v["nullable"] = True
                # OpenAPI 3.0: a nullable enum lists null among its values.
                if "enum" in v and None not in v["enum"]: v["enum"] = v["enum"] + [None]
    elif t == "array":
        schema.setdefault("maxItems", 1000)
        tighten(schema["items"])
    elif t == "string" and "enum" not in schema:
        schema.setdefault("maxLength", 2000)
    elif t == "integer":
        assert "minimum" in schema and "maximum" in schema, schema
    return schema

schemas["CalendarYearInput"] = tighten(copy.deepcopy({"type": "object", "required": ["year", "holidays", "makeupWorkdays"], "properties": {
    "year": INT(1900, 2100), "holidays": {"type": "array", "maxItems": 60, "items": {"type": "object", "required": ["name", "from", "to"],
        "properties": {"name": NONBLANK(50), "from": DATE, "to": DATE}}}, "makeupWorkdays": {"type": "array", "maxItems": 60, "items": DATE}}}))
TOO_LARGE = {"description": "请求体超过上限", "content": {"application/json": {"schema": ref("Error")}}}
for item in paths.values():
    for o in item.values():
        rb = o.get("requestBody")
        if rb:
            # Each operation gets its own copy: the field constants (ID, DATE, …) are shared dicts, and a field made
            # nullable where it is optional must stay required and non-null elsewhere.
            if "application/json" in rb["content"]:
                rb["content"]["application/json"]["schema"] = copy.deepcopy(rb["content"]["application/json"]["schema"])
                tighten(rb["content"]["application/json"]["schema"])
            rb.setdefault("x-body-limit", 64 * KB)
            o["responses"]["413"] = TOO_LARGE
        for prm in o.get("parameters", []):
            prm["schema"] = tighten(copy.deepcopy(prm["schema"]))

doc = {
    "openapi": "3.0.3",
    "info": {"title": "Baomi 保密管理系统 API", "version": "1.0.0",
             "description": "所有接口以 Bearer 令牌认证（POST /auth/token 取得）。错误统一为 Error 结构：code 为稳定的机器码，rule 为规则编号，field 为出错字段，message 为中文说明。无权知悉的记录与不存在的记录响应完全相同（R-KS-4）。"},
    "servers": [{"url": "/api/v1"}],
    "security": [{"bearer": []}],
    "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}, "schemas": schemas},
    "paths": paths,
}
out = pathlib.Path(__file__).resolve().parent.parent / "Sources/BaomiApp/Public/openapi.json"
out.write_text(json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
print(f"wrote {out}")
