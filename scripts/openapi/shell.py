"""The shell's part of /api/v1: sign-in and sign-out, the signed-in user, the own password and the to-do list (the
operations of `APIAuthorization.shell`), and FRAME, the document around all parts' paths and schemas."""
from .common import obj, S, I, B, ref, arr, listof, body, TEXT, NONBLANK, KB, resp, op, finish

schemas = {
    "Error": obj({"error": obj({"code": S, "rule": S, "field": S, "message": S}, required=["code", "message"], nullable=("rule", "field"))}),
    "OK": obj({"ok": B}),
    "Person": obj({"id": S, "unit_id": S, "department_id": S, "name": S, "post": S, "title": S, "phone": S, "email": S,
                   "tier": {"type": "string", "enum": ["core", "important", "general", "none"]}}, nullable=("department_id",)),
    "Me": obj({"id": S, "username": S, "display_name": S, "roles": arr(S), "person": ref("Person")}, required=["id", "username", "display_name", "roles"], nullable=("person",)),
    "Token": obj({"token": S, "idle_timeout_seconds": I, "user": ref("Me")}),
    "Todo": obj({"title": S, "detail": S, "link": S, "due": S, "urgent": B}, required=["title", "detail", "link", "urgent"], nullable=("due",)),
    "TodoList": listof("Todo"),
}

paths = {
    "/auth/token": {
        "post": op("登录，取得 API 令牌（R-SY-4：3 次失败锁定；绝密级须 otp）", resp("201", "Token"), body({"username": NONBLANK(64), "password": TEXT(200), "otp": TEXT(16)}, ["username", "password"], limit=4 * KB), auth=False),
        "delete": op("注销令牌", resp("200", "OK")),
    },
    "/me": {"get": op("当前用户", resp("200", "Me"))},
    "/me/password": {"post": op("修改本人口令", resp("200", "OK"), body({"old_password": TEXT(200), "new_password": TEXT(200), "confirm": TEXT(200)}, ["old_password", "new_password", "confirm"], limit=4 * KB))},
    "/todos": {"get": op("待办事项", resp("200", "TodoList"))},
}

FRAGMENT = finish(paths, schemas)

# The document around the parts: paths and components.schemas are the union of all fragments.
FRAME = {
    "openapi": "3.0.3",
    "info": {"title": "Baomi 保密管理系统 API", "version": "1.0.0",
             "description": "所有接口以 Bearer 令牌认证（POST /auth/token 取得）。错误统一为 Error 结构：code 为稳定的机器码，rule 为规则编号，field 为出错字段，message 为中文说明。无权知悉的记录与不存在的记录响应完全相同（R-KS-4）。"},
    "servers": [{"url": "/api/v1"}],
    "security": [{"bearer": []}],
    "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
}
