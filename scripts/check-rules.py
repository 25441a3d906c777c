#!/usr/bin/env python3
"""Rules are stated once, in the pure targets (ARCHITECTURE.md, "Rules stated once"). Run from the project root; exits 1
and lists every finding.

A refusal that names a rule (`Refusal(… ruleID: "R-…")`, `Refusal.invalid(…, rule: "R-…")`) is built only in a pure
target: an area's `Rules/` folder, or Kernel, Accounts, Audit, Tabular. Services and the web layer call the rule's
function there and let its refusal pass; they may hand a rule ID to such a function (a check shared by several rules),
but they do not word the refusal themselves. Refusals that name no rule (not found, a role missing, a field malformed)
are the services' own.

A form shows a refusal again in one way: the web layer catches a domain refusal only in `refusable`
(`Sources/BaomiApp/Shell/WebSupport.swift`); every form POST goes through it (or through `actionRoute`, which does).

  python3 scripts/check-rules.py
"""
import pathlib, re, sys

PURE = {"Kernel", "Accounts", "Audit", "Tabular"}
RULE_REFUSAL = re.compile(r'Refusal(?:\.\w+)?\((?:[^()]|\([^()]*\))*?\b(?:ruleID|rule):\s*"R-[A-Z]+-\d+"', re.S)

CATCH_REFUSAL = re.compile(r'catch\s+let\s+\w+\s+as\s+(?:any\s+DomainError|Refusal)\b')
IDIOM = pathlib.Path("Sources/BaomiApp/Shell/WebSupport.swift")

problems = []
for f in sorted(pathlib.Path("Sources").rglob("*.swift")):
    if f.parts[1] in PURE or "Rules" in f.parts[2:3]:
        continue
    text = f.read_text()
    for m in RULE_REFUSAL.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        problems.append(f"{f}:{line}: a rule's refusal built outside the pure targets: {m.group(0)[:100]!r}")
for f in sorted(pathlib.Path("Sources/BaomiApp").rglob("*.swift")) + sorted(pathlib.Path("Sources").glob("*/Web/**/*.swift")):
    if f == IDIOM:
        continue
    for n, line in enumerate(f.read_text().splitlines(), 1):
        if CATCH_REFUSAL.search(line):
            problems.append(f"{f}:{n}: a refusal caught by hand (use refusable): {line.strip()[:100]}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
