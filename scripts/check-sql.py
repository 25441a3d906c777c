#!/usr/bin/env python3
"""SQL lives in stores (ARCHITECTURE.md, "SQL only in stores"). Run from the project root; exits 1 and lists every finding.

1. No SQL outside a store. A Swift file under `Sources/` that runs SQL (`.raw(`, SQLKit's `.select()`, `.insert(into:`,
   `.update(`, `.delete(from:`, or a string literal starting with SELECT/INSERT/UPDATE/DELETE/WITH) must sit in a
   `Stores/` or `Migrations/` folder. The storage layer itself (`Sources/Storage/`: the database, migrator, audit store,
   sweep claim, paging) and the volume generator (`Sources/BenchSeed/` and each area's `Sources/<Area>/Bench/`, which
   write a million rows in bulk and are no path a user's request takes) are stores by purpose.
2. No store names another area's table. A table belongs to the area whose `Migrations/` folder creates it; the tables
   the shared migrations create (`Sources/Storage/Migrations/`: units, departments, persons, users, knowledge scope …)
   are the shared schema every area reads. A store of area A that names a table of area B (after FROM, JOIN, INTO,
   UPDATE, TABLE, or in SQLKit's `.from("…")`/`.insert(into: "…")`) is a finding: A asks B through B's service or a port.
   Writes to the shared schema (INSERT/UPDATE/DELETE) belong to the storage layer and the organisation area's stores,
   except the knowledge scope (`knowledge_scope`, R-KS-1), where each area's stores write the rows of their own records.
3. No enum raw value as an SQL literal. A quoted word compared in SQL (`status = 'returned'`, `IN ('a', 'b')`) is
   bound from the enum (`\\(bind: Status.returned.rawValue)`), so renaming a case cannot leave a query behind.
   Literals inside migrations (CHECK constraints, backfills) are the schema and stay, as do the database's own
   catalogue words (`sqlite_master WHERE type = 'index'`).
4. The web layer (`Sources/BaomiApp/`, `Sources/<Area>/Web/`) names no store: it calls the services.

  python3 scripts/check-sql.py
"""
import pathlib, re, sys

SOURCES = pathlib.Path("Sources")
SQL_CALL = re.compile(r'\.raw\(|\.select\(\)|\.insert\(into:|\.update\("|\.delete\(from:|"""\s*\n\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\b|"(?:SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH)\s')
TABLE_NAMED = re.compile(r'\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b|\.(?:from|join|insert\(into:|update|delete\(from:)\(?\s*"([a-z_]+)"')
WRITE_NAMED = re.compile(r'\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+([a-z_]+)\b|\.(?:insert\(into:|update\(|delete\(from:)\s*"([a-z_]+)"')
CATALOGUE = re.compile(r'sqlite_master|pg_catalog|pg_indexes|information_schema')
SCOPE = "knowledge_scope"
STORE_NAMED = re.compile(r'\b[A-Z]\w*Store\.')
ENUM_LITERAL = re.compile(r"(?:=|<>|!=|\bIN\s*\()\s*'[a-z][A-Za-z_]*'")
CREATE = re.compile(r'CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)')


def area_of(path):
    """`Sources/<Area>/…` for an area folder (one with Rules/ or Services/), else None."""
    parts = path.parts
    if len(parts) > 2 and (SOURCES / parts[1] / "Services").is_dir():
        return parts[1]
    return None


def strip_comments(text):
    return "\n".join("" if line.lstrip().startswith("//") else line for line in text.splitlines())


# A table created by one area's migration but kept by another: the departure's 移交清单 came with personnel's migration 20
# and is written by the carriers' hand-over.
KEPT_BY = {"carrier_handovers": "Carriers"}

owners, shared = {}, set()
for f in SOURCES.rglob("*.swift"):
    if "Migrations" not in f.parts:
        continue
    for table in CREATE.findall(f.read_text()):
        area = area_of(f)
        if area is None:
            shared.add(table)
        else:
            owners[table] = area
owners.update(KEPT_BY)

problems = []
for f in sorted(SOURCES.rglob("*.swift")):
    text = strip_comments(f.read_text())
    layer = f.parts[1]
    in_store = "Stores" in f.parts or "Migrations" in f.parts or "Bench" in f.parts or layer in ("Storage", "BenchSeed")
    for n, line in enumerate(text.splitlines(), 1):
        if not in_store and SQL_CALL.search(line):
            problems.append(f"{f}:{n}: SQL outside a store: {line.strip()[:100]}")
        if "Migrations" not in f.parts and ENUM_LITERAL.search(line) and not CATALOGUE.search(line):
            problems.append(f"{f}:{n}: enum raw value as an SQL literal (bind it from the enum): {line.strip()[:100]}")
        if (layer == "BaomiApp" or "Web" in f.parts) and STORE_NAMED.search(line):
            problems.append(f"{f}:{n}: the web layer names a store (call the service): {line.strip()[:100]}")
    area = area_of(f)
    if area is None or "Stores" not in f.parts:
        continue
    for n, line in enumerate(text.splitlines(), 1):
        for m in TABLE_NAMED.finditer(line):
            table = m.group(1) or m.group(2)
            owner = owners.get(table)
            if owner is not None and owner != area:
                problems.append(f"{f}:{n}: a store of {area} names {table}, a table of {owner}")
        if area != "Organisation":
            for m in WRITE_NAMED.finditer(line):
                table = m.group(1) or m.group(2)
                if table in shared and table != SCOPE:
                    problems.append(f"{f}:{n}: a store of {area} writes {table}, a table of the shared schema")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
