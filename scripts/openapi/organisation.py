"""The Organisation area's part of /api/v1: accounts, units, departments, persons, the audit log, the working-day
calendar, marking checks and notices (the operations of `authorization:` in OrganisationArea.swift)."""
import copy

from .common import obj, S, I, B, ref, arr, listof, pageof, body, INT, TEXT, NONBLANK, DATE, ID, ENUM, KB, MB, resp, op, q, paging, pid, tighten, finish

schemas = {
    "User": obj({"id": S, "username": S, "display_name": S, "person_id": S, "roles": arr(S), "locked": B, "must_change_password": B}, nullable=("person_id",)),
    "UserList": pageof("User"),
    "CreatedUser": obj({"user": ref("User"), "initial_password": S, "otp_url": S}, required=["user", "initial_password"], nullable=("otp_url",)),
    "Password": obj({"password": S}),
    "Unit": obj({"id": S, "name": S, "kind": S, "kind_name": S, "parent_id": S, "region": S}, nullable=("parent_id",)),
    "UnitList": listof("Unit"),
    "Department": obj({"id": S, "unit_id": S, "name": S}),
    "DepartmentList": listof("Department"),
    "PersonList": pageof("Person"),
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
}
# The request body of POST /calendar: a calendar data file, closed like every request schema.
schemas["CalendarYearInput"] = tighten(copy.deepcopy({"type": "object", "required": ["year", "holidays", "makeupWorkdays"], "properties": {
    "year": INT(1900, 2100), "holidays": {"type": "array", "maxItems": 60, "items": {"type": "object", "required": ["name", "from", "to"],
        "properties": {"name": NONBLANK(50), "from": DATE, "to": DATE}}}, "makeupWorkdays": {"type": "array", "maxItems": 60, "items": DATE}}}))

paths = {
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
    "/notices/{id}": {"get": op("涉密通知详情（无权知悉与不存在一律 404）", resp("200", "Notice"), params=[pid()])},
}

FRAGMENT = finish(paths, schemas)
