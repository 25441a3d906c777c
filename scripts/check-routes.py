#!/usr/bin/env python3
"""Routes are short tables of named handlers (STYLE 3: one route, one function). Run from the project root; exits 1 and
lists every finding.

In the web layer (`Sources/BaomiApp/` and every area's `Sources/<Area>/Web/`), a function that registers routes (`func register…`) and a closure given to a route
(`router.get(…) { … }`, `api.post(…) { … }`) are at most 40 lines each: a route table names its handlers, and a
handler longer than that is a named function of its own.

  python3 scripts/check-routes.py
"""
import pathlib, re, sys

LIMIT = 40
ROUTE = re.compile(r'\b\w+\.(?:get|post|put|delete|patch)\(.*\{\s*(?:[\w_, ()]+ in)?\s*$')
REGISTER = re.compile(r'\bfunc register\w*\(')


def extent(lines, start):
    """Lines from `start` to the line closing the brace opened there (or on the next lines)."""
    depth, opened = 0, False
    for j in range(start, len(lines)):
        depth += lines[j].count("{") - lines[j].count("}")
        opened = opened or "{" in lines[j]
        if opened and depth <= 0:
            return j - start + 1
    return len(lines) - start


problems = []
WEB = sorted(pathlib.Path("Sources/BaomiApp").rglob("*.swift")) + sorted(pathlib.Path("Sources").glob("*/Web/**/*.swift"))
for f in WEB:
    lines = f.read_text().splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("//"):
            continue
        kind = "route table" if REGISTER.search(line) else "route closure" if ROUTE.search(line) else None
        if kind and (n := extent(lines, i)) > LIMIT:
            problems.append(f"{f}:{i + 1}: a {kind} of {n} lines (at most {LIMIT}): name its handlers")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
