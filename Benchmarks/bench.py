#!/usr/bin/env python3
"""Baomi benchmark (issue 11, item 7): prints figures, asserts nothing (performance is measured, not tested).

    swift build -c release --product baomi
    python3 Benchmarks/bench.py                         # full size (1,000,000 secrets and carriers) on SQLite
    python3 Benchmarks/bench.py --scale 0.05            # a 5 % data set, for a quick look
    python3 Benchmarks/bench.py --postgres postgres://u:p@127.0.0.1:5432/postgres   # SQLite, then PostgreSQL
    python3 Benchmarks/bench.py --reuse                 # keep the seeded data set from an earlier run

One run, per database: seed with `baomi bench seed` (or reuse the seeded set), work on a copy of it, then
  1. the nightly sweep (`baomi sweep`, the first run of the day with --due items due, then `--force` with nothing due);
  2. `baomi audit verify` in MB/s beside `sha256sum` over the same number of bytes;
  3. cold start of `baomi serve` to the first answer of /healthz, and idle RSS (VmRSS);
  4. with wrk at 32 connections: /healthz (the ceiling, no database work), then as the seeded 保密员 `bench-clerk`
     the register pages, web and API (first page, page 200 by cursor, a search), the 待办 (web `/`, `/api/v1/todos`)
     and a record's page; req/s, p50, p99 and the ratio to /healthz;
  5. a 100,000-row CSV carrier import through the API (dry run, then commit).
The table is printed and written to BENCHMARKS.md (--write). The server listens on 127.0.0.1 only.
"""
import argparse, datetime, json, os, platform, re, shutil, socket, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import PASSWORD, Server, one, settle, undue, audit_bytes, discover, import_csv, request, run, sha256_rate, token, web_cookie, wrk  # noqa: E402

ADMIN_ENV = {"BAOMI_SYSADMIN_PASSWORD": "Bench-sys-2026", "BAOMI_SECADMIN_PASSWORD": "Bench-sec-2026", "BAOMI_AUDITOR_PASSWORD": "Bench-aud-2026"}


TARGETS = {
    "register": "≥ 0.02× SQLite, ≥ 0.01× PostgreSQL; p99 at 4 < 50 ms", "todo": "≥ 0.02× / 0.01×; p99 at 4 < 50 ms",
    "record": "≥ 0.02× / 0.01×; p99 at 4 < 50 ms", "carriers": "≥ 0.05× SQLite, ≥ 0.01× PostgreSQL; p99 at 4 < 50 ms",
    "sweep0": "< 2 s", "sweepN": "< 10 s", "verify": "≥ 0.3× sha256sum", "import": "< 10 s", "cold": "< 1 s", "rss": "< 100 MB",
    "healthz": "the ceiling",
}


def target_of(label):
    if label.startswith("GET /healthz"): return TARGETS["healthz"]
    if "待办" in label or "todos" in label: return TARGETS["todo"]
    if "record page" in label or "<id>" in label: return TARGETS["record"]
    if label.startswith("API carriers"): return TARGETS["carriers"]
    return TARGETS["register"]


def prepare_sqlite(args, binary):
    seeded = os.path.join(args.data_root, f"sqlite-s{args.scale:g}")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(ADMIN_ENV, BAOMI_BENCH_PASSWORD=PASSWORD)
    return seeded, env, None


def prepare_postgres(args, url):
    parsed = urllib.parse.urlsplit(url)
    name = f"baomi_bench_s{str(args.scale).replace('.', '_')}"
    seeded_url = urllib.parse.urlunsplit(parsed._replace(path="/" + name))
    env = dict(os.environ, **ADMIN_ENV, BAOMI_BENCH_PASSWORD=PASSWORD, DATABASE_URL=seeded_url)
    return os.path.join(args.data_root, f"pg-s{args.scale:g}"), env, (url, name)


def psql(url, sql):
    subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True, capture_output=True)


def bench_engine(args, binary, engine, seeded, env, pg):
    rows, notes = [], []
    meta_file = os.path.join(seeded, "seeded.json")
    wanted = {"scale": args.scale, "due": args.due}
    meta = json.load(open(meta_file)) if os.path.exists(meta_file) else None
    print(f"\n== {engine} ==")
    reused = bool(args.reuse and meta and meta.get("options") == wanted)
    if not reused:
        shutil.rmtree(seeded, ignore_errors=True)
        os.makedirs(seeded)
        if pg:
            psql(pg[0], f"DROP DATABASE IF EXISTS {pg[1]}_run"); psql(pg[0], f"DROP DATABASE IF EXISTS {pg[1]}"); psql(pg[0], f"CREATE DATABASE {pg[1]}")
        seed_env = dict(env, BAOMI_DATA_DIR=seeded)
        t = time.perf_counter()
        p = subprocess.run([binary, "bench", "seed", "--scale", str(args.scale), "--due-today", str(args.due)], env=seed_env, capture_output=True, text=True)
        seconds = time.perf_counter() - t
        if p.returncode != 0: sys.exit("bench seed failed:\n" + p.stdout[-3000:] + p.stderr[-3000:])
        print("\n".join("  " + l for l in p.stdout.splitlines() if l.startswith(("✓", "基准", "完成"))))
        if pg:
            # Index-only scans skip the table only for pages the visibility map marks all-visible, which only VACUUM
            # sets (the seeder's bulk load and ANALYZE do not): without it each count reads a table page per entry.
            seeded_url = urllib.parse.urlunsplit(urllib.parse.urlsplit(pg[0])._replace(path="/" + pg[1]))
            psql(seeded_url, "VACUUM (ANALYZE)")
        meta = {"options": wanted, "seconds": seconds, "summary": p.stdout.splitlines()[0] if p.stdout else "", "phases": [l for l in p.stdout.splitlines() if l.startswith("✓")]}
        json.dump(meta, open(meta_file, "w"), ensure_ascii=False, indent=1)
    if reused and not meta.get("personnel"):
        # Issue 12: a set seeded before the personnel area gets its registers added once (same scale and seed).
        seed_env = dict(env, BAOMI_DATA_DIR=seeded)
        run([binary, "migrate"], seed_env, "migrate the seeded set")
        t = time.perf_counter()
        p = subprocess.run([binary, "bench", "seed", "--personnel-only", "--scale", str(args.scale), "--due-today", str(args.due)], env=seed_env,
                           capture_output=True, text=True)
        if p.returncode != 0: sys.exit("bench seed --personnel-only failed:\n" + p.stdout[-3000:] + p.stderr[-3000:])
        meta["personnel"] = time.perf_counter() - t
        json.dump(meta, open(meta_file, "w"), ensure_ascii=False, indent=1)
        notes.append(f"{engine}: personnel registers added to the reused set in {meta['personnel']:.0f} s (`baomi bench seed --personnel-only`)")
    elif not reused:
        meta["personnel"] = True
        json.dump(meta, open(meta_file, "w"), ensure_ascii=False, indent=1)
    rows.append(("seed (`baomi bench seed`)", f"{meta['seconds']:.0f} s" + (" (reused)" if reused else ""), "minutes"))
    notes.append(f"{engine} data set: {meta['summary']}")
    # Work on a copy, so the seeded set stays as seeded (sweeps and the import change it).
    work = seeded + "-run"
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["cp", "-a", "--sparse=always", seeded, work], check=True)
    env = dict(env, BAOMI_DATA_DIR=work)
    if pg:
        psql(pg[0], f"DROP DATABASE IF EXISTS {pg[1]}_run"); psql(pg[0], f"CREATE DATABASE {pg[1]}_run TEMPLATE {pg[1]}")
        env["DATABASE_URL"] = env["DATABASE_URL"] + "_run"
    # Migrations this binary adds to a set seeded by an older one run first, outside every measurement.
    run([binary, "migrate"], env, "migrate")
    dt, _, out = run([binary, "sweep"], env, f"sweep, first of the day ({args.due} due)", timeout=args.sweep_timeout)
    if dt is None:
        done = sweep_progress(env, work)
        rows.append((f"nightly sweep, {args.due:,} items due", f"did not finish in {args.sweep_timeout} s ({done})", TARGETS["sweepN"]))
        undue(env, work)
        notes.append(f"{engine}: the sweep with {args.due:,} due was stopped after {args.sweep_timeout} s; the items seeded due were then moved a week on")
    else:
        rows.append((f"nightly sweep, {args.due:,} items due", f"{dt:.2f} s", TARGETS["sweepN"]))
    dt, _, out = run([binary, "sweep", "--force"], env, "sweep --force, nothing due")
    rows.append(("nightly sweep, nothing due", f"{dt:.2f} s", TARGETS["sweep0"]))
    dt, code, out = run([binary, "audit", "verify"], env, "audit verify")
    n, nbytes = audit_bytes(env, work)
    sha = sha256_rate(nbytes)
    rate = nbytes / dt / 1e6
    rows.append((f"audit verify ({n:,} entries, {nbytes / 1e6:.0f} MB)",
                 f"{dt:.1f} s, {rate:.0f} MB/s = {rate / sha:.2f}× sha256sum ({sha:.0f} MB/s)" + ("" if code == 0 else " BROKEN"), TARGETS["verify"]))
    server = Server(binary, env)
    try:
        time.sleep(2)
        rows.append(("cold start to serving (/healthz)", f"{server.cold_start:.2f} s", TARGETS["cold"]))
        rows.append(("idle RSS", f"{server.rss_mb():.0f} MB", TARGETS["rss"]))
        base = server.base
        api_header = "Authorization: Bearer " + token(base, "bench-clerk")
        web_header = "Cookie: " + web_cookie(base, "bench-clerk")
        urls, found = discover(base, api_header, web_header, args.deep)
        notes += found
        ceiling = None
        for label, path, header in [("GET /healthz", "/healthz", None)] + urls:
            if path is None:
                rows.append((label, "n/a", target_of(label))); continue
            idle = min(one(base, header, path) for _ in range(3))
            wrk(base + path, header, 2, args.connections)  # warm-up
            settle(base, header, path, idle)
            rps, p50, p99, bad, total, timeouts = wrk(base + path, header, args.seconds, args.connections)
            settle(base, header, path, idle)
            # At 32 connections p99 follows from the rate; at 4 it shows what one request waits (issue 26).
            few = None
            if label != "GET /healthz" and args.few:
                few = wrk(base + path, header, max(3, args.seconds // 2), args.few)
                settle(base, header, path, idle)
            ceiling = ceiling or rps
            ratio = f" = {rps / ceiling:.3f}×" if ceiling and label != "GET /healthz" else ""
            extra = f", {bad} non-2xx of {total}" if bad else ""
            extra += f", {timeouts} timeouts" if timeouts else ""
            if total == 0:
                rows.append((label, f"0 requests completed in {args.seconds} s (one alone: {idle * 1000:.0f} ms)", target_of(label)))
            else:
                at_few = f"; at {args.few}: p99 {few[2]:.1f} ms" if few and few[4] else ""
                rows.append((label, f"{rps:,.1f} req/s{ratio}, p50 {p50:.1f} ms, p99 {p99:.1f} ms{extra}{at_few}", target_of(label)))
            print(f"  {label:<40} {rows[-1][1]}")
        rows.append(("RSS after the load", f"{server.rss_mb():.0f} MB", ""))
        csv = import_csv(args.import_rows)
        # The file itself as a text/csv body (64 MB limit): 100,000 rows exceed the JSON operation's 24 MB.
        auth = {"Authorization": api_header.split(": ", 1)[1], "Content-Type": "text/csv; charset=utf-8"}
        data = csv.encode()
        for mode in ("dry_run", "all"):
            t = time.perf_counter()
            try:
                status, body, _ = request(base + f"/api/v1/carrier-imports/csv?mode={mode}", "POST", data, auth, timeout=args.import_timeout)
            except OSError:
                rows.append((f"CSV import {args.import_rows:,} rows, {mode}", f"> {args.import_timeout} s (gave up)", TARGETS["import"]))
                break
            dt = time.perf_counter() - t
            result = json.loads(body) if body[:1] == b"{" else {}
            what = f"{dt:.1f} s ({status}: {result.get('accepted', '?')} accepted, {result.get('imported', '?')} imported, {len(result.get('problems', []))} problems)"
            rows.append((f"CSV import {args.import_rows:,} rows, {mode}", what, TARGETS["import"]))
            print(f"  import {mode}: {what}")
    finally:
        server.stop()
        # The working copy goes (the seeded set stays): a million-row copy of each engine need not share the disk.
        shutil.rmtree(work, ignore_errors=True)
        if pg:
            psql(pg[0], f"DROP DATABASE IF EXISTS {pg[1]}_run")
    return rows, notes


def sweep_progress(env, work):
    """What a stopped sweep got through: it runs in one transaction, so nothing of it stays; the count comes from the log."""
    return "rolled back: the sweep is one transaction"


def machine():
    mem = next(l for l in open("/proc/meminfo") if l.startswith("MemTotal")).split()[1]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    return f"{os.cpu_count()} CPUs ({cpu}), {int(mem) / 1024 / 1024:.0f} GB memory, {platform.system()} {platform.release()}"


def write_markdown(path, args, binary, results):
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    engines = list(results)
    lines = [
        "<!-- bench:begin (written by Benchmarks/bench.py; edit outside these markers) -->",
        f"Run {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}.",
        f"Build: `{binary}` (release) at commit {commit}, {swift[0] if swift else 'swift'}.",
        f"Command: `python3 Benchmarks/bench.py --scale {args.scale:g} --due {args.due}`" + (" --postgres …" if len(engines) > 1 else "")
        + f"; wrk {args.seconds} s per URL, {args.connections} connections, 2 threads, on loopback.", "",
        "| what | " + " | ".join(engines) + " | target (issue 26) |", "|---|" + "---|" * len(engines) + "---|",
    ]
    labels = []
    for engine in engines:
        for label, _, _ in results[engine][0]:
            if label not in labels: labels.append(label)
    for label in labels:
        cells, target = [], ""
        for engine in engines:
            match = [r for r in results[engine][0] if r[0] == label]
            cells.append(match[0][1] if match else "—")
            target = target or (match[0][2] if match else "")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")
    lines.append("")
    for engine in engines:
        lines += [f"- {note}" for note in results[engine][1]]
    lines.append("<!-- bench:end -->")
    block = "\n".join(lines)
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
    text = re.sub(r"<!-- bench:begin.*?<!-- bench:end -->", lambda _: block, text, flags=re.S)
    open(path, "w").write(text)
    print(f"\nwritten to {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=".build/release/baomi")
    ap.add_argument("--scale", type=float, default=1.0, help="size of the data set, 1 = 1,000,000 secrets and carriers")
    ap.add_argument("--due", type=int, default=10000, help="items due today for the sweep (half secrets, half loans)")
    ap.add_argument("--data-root", default=os.path.join(tempfile.gettempdir(), "baomi-bench"))
    ap.add_argument("--reuse", action="store_true", help="reuse a data set seeded earlier with the same --scale and --due")
    ap.add_argument("--postgres", default=os.environ.get("DATABASE_URL"), help="PostgreSQL server URL (a database is created on it)")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--few", type=int, default=4, help="a second, shorter load at this many connections for p99 (0: none)")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--deep", type=int, default=200, help="the deep page's number")
    ap.add_argument("--import-rows", type=int, default=100_000)
    ap.add_argument("--sweep-timeout", type=int, default=600, help="seconds to wait for the first sweep")
    ap.add_argument("--import-timeout", type=int, default=900, help="seconds to wait for one import request")
    ap.add_argument("--write", default="BENCHMARKS.md", help="file to write the table into ('' for none)")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    if not os.path.exists(binary): sys.exit(f"{binary} missing: swift build -c release --product baomi")
    os.makedirs(args.data_root, exist_ok=True)
    results = {}
    if not args.no_sqlite:
        results["SQLite"] = bench_engine(args, binary, "SQLite", *prepare_sqlite(args, binary))
    if args.postgres:
        results["PostgreSQL"] = bench_engine(args, binary, "PostgreSQL", *prepare_postgres(args, args.postgres))
    print()
    for engine, (rows, notes) in results.items():
        print(f"{engine}:")
        for label, value, target in rows: print(f"  {label:<45} {value:<70} {target}")
        for note in notes: print(f"  note: {note}")
    if args.write: write_markdown(args.write, args, binary, results)


if __name__ == "__main__":
    main()
