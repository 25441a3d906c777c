"""Shared building blocks of the OpenAPI fragments: response and request schema helpers, field constants, and
`finish`, which turns one part's paths and schemas into its fragment.
"""
import copy

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
# A register page: keyset-paged; `total` counts at most 1,000, a search's at most 100 (`total_capped` says more match).
def pageof(n): return obj({"items": arr(ref(n)), "total": I, "total_capped": B, "next_cursor": S, "prev_cursor": S}, nullable=("next_cursor", "prev_cursor"))

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
# Every register is paged: `limit` rows (1–200, default 50) after `cursor` (from next_cursor/prev_cursor), in `order`.
def paging(*orders):
    ps = [q("limit", INT(1, 200)), q("cursor", {"type": "string", "maxLength": 2048, "pattern": "^[A-Za-z0-9_-]*$"})]
    return ps + ([q("order", ENUM(*orders))] if orders else [])
def pid(name="id", schema=None): return {"name": name, "in": "path", "required": True, "schema": schema or ID}
LIMIT = q("limit", INT(1, 500)); OFFSET = q("offset", INT(0, 10_000_000))

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

TOO_LARGE = {"description": "请求体超过上限", "content": {"application/json": {"schema": ref("Error")}}}

def finish(paths, schemas):
    """Completes one part's operations and returns its fragment: every JSON request schema closed (`tighten`), every
    request body limited (64 KB unless the operation says otherwise) with its 413 response, every parameter bounded."""
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
    return {"paths": paths, "schemas": schemas}
