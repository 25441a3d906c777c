#!/usr/bin/env python3
"""Writes Sources/BaomiApp/Public/openapi.json — the OpenAPI 3 description of /api/v1 — and its fragments.

Each part of the app owns its operations and schemas in scripts/openapi/<part>.py: `shell` (the operations of
APIAuthorization.shell, and FRAME, the document around the parts) and one module per area (the operations of its
`authorization:`). A schema lives in the lowest part that uses it (shell < organisation < classification < carriers <
personnel); higher parts $ref it. Every module there except `common` is a part, found by listing the folder: a new
area is a new file. Each part's FRAGMENT ({"paths", "schemas"}; the shell's with FRAME's members beside them) is written to
Public/openapi/<part>.json, which the app assembles into the document it publishes and enforces
(OpenAPIFragment.document); the committed document is FRAME with all fragments' paths and schemas merged, and a test
checks that the two agree. A path or schema defined by two parts is an error.

Run after changing the API: python3 scripts/gen-openapi.py. Tests check real responses against it.
With --out DIR it writes DIR/openapi.json and DIR/openapi/<part>.json instead (CI compares them with the committed ones).
"""
import argparse, copy, importlib, json, pathlib, sys

SCRIPTS = pathlib.Path(__file__).resolve().parent
PUBLIC = SCRIPTS.parent / "Sources/BaomiApp/Public"

def dump(path, value):
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {path}")

def main():
    parser = argparse.ArgumentParser(description="Writes openapi.json and its per-part fragments.")
    parser.add_argument("--out", type=pathlib.Path, default=PUBLIC, help=f"folder for openapi.json and openapi/ (default: {PUBLIC})")
    out = parser.parse_args().out.resolve()

    sys.path.insert(0, str(SCRIPTS))
    names = sorted(p.stem for p in (SCRIPTS / "openapi").glob("*.py") if p.stem not in ("__init__", "common"))
    parts = {name: importlib.import_module(f"openapi.{name}") for name in names}

    doc = copy.deepcopy(parts["shell"].FRAME)
    doc["paths"], doc["components"]["schemas"] = {}, {}
    owner = {}
    for name, part in parts.items():
        for kind, merged in (("paths", doc["paths"]), ("schemas", doc["components"]["schemas"])):
            for key, value in part.FRAGMENT[kind].items():
                if (kind, key) in owner:
                    sys.exit(f"gen-openapi: {kind[:-1]} {key} is defined by both {owner[kind, key]} and {name}")
                owner[kind, key] = name
                merged[key] = value

    (out / "openapi").mkdir(parents=True, exist_ok=True)
    for name, part in parts.items():
        # The shell's fragment carries the frame too: the app assembles the document from the fragments alone.
        dump(out / "openapi" / f"{name}.json", {**part.FRAME, **part.FRAGMENT} if name == "shell" else part.FRAGMENT)
    dump(out / "openapi.json", doc)

if __name__ == "__main__":
    main()
