#!/usr/bin/env python3
"""Baomi hardening figures (issue 25): what an upload costs the server, and whether a denial's timing tells a hidden
record from a missing one. Prints figures, asserts nothing (performance is measured, not tested).

    swift build -c release --product baomi
    python3 Benchmarks/hardening.py [--binary .build/release/baomi] [--pairs 600]

On a fresh demo data set (`baomi demo`, SQLite, loopback only):
  1. the server's RSS idle, then its peak (VmHWM) after a dry run of a valid 41 MB carrier CSV (200,000 rows) through
     `POST /api/v1/carrier-imports/csv`, and after the crafted files of scripts/crafted-imports.py;
  2. the timing probe: as 周敏, `--pairs` pairs of GET /api/v1/{secrets,carriers,notices}/<id> — one a record she may
     not know of, one a random ID — alternating which goes first, over one kept-alive connection; the median and p90 of
     each and their difference. The two must do the same work (the same statements, HardeningTests), so the difference
     is noise.
"""
import argparse, http.client, importlib.util, json, os, sqlite3, statistics, sys, tempfile, time, uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import PASSWORD, Server, request, run, token  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN_ENV = {"BAOMI_SYSADMIN_PASSWORD": "Bench-sys-2026", "BAOMI_SECADMIN_PASSWORD": "Bench-sec-2026", "BAOMI_AUDITOR_PASSWORD": "Bench-aud-2026"}


def status_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def valid_csv(rows=200_000, size=41 * 1024 * 1024):
    """A carrier register every row of which the demo's 保密员 may import: ~size bytes in `rows` rows."""
    header = "原登记编号,类别,标题,文号,制发单位,密级标志,份数,份号,登记日期,保密柜,状态,持有人,归还日期,知悉范围\r\n"
    per_row = (size - len(header.encode())) // rows

    def row(n, title):
        return f"BJ-{n:06d},纸质密件,{title},江府办〔2025〕{n}号,江海市人民政府办公室,秘密★10年,1,001,2025-01-{1 + n % 28:02d},,在库,,,\r\n"

    base = len(row(999_999, "").encode())
    pad = "关于某项目实施方案的请示及附件"
    title_bytes = max(3, per_row - base)
    title = (pad * (title_bytes // len(pad.encode()) + 1)).encode()[: title_bytes - title_bytes % 3].decode()
    return (header + "".join(row(n, title) for n in range(1, rows + 1))).encode()


def crafted_module():
    spec = importlib.util.spec_from_file_location("crafted", os.path.join(ROOT, "scripts", "crafted-imports.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def probe(port, bearer, kind, hidden, pairs):
    """Median and p90 (ms) of the hidden and the missing reads, pair by pair on one connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {bearer}"}

    def get(path):
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        assert response.status == 404, (path, response.status)
        return (time.perf_counter() - start) * 1000

    for _ in range(20):  # warm up both paths
        get(f"/api/v1/{kind}/{hidden}"), get(f"/api/v1/{kind}/{uuid.uuid4()}")
    times = {"hidden": [], "missing": []}
    for i in range(pairs):
        order = ["hidden", "missing"] if i % 2 == 0 else ["missing", "hidden"]
        for which in order:
            target = hidden if which == "hidden" else str(uuid.uuid4())
            times[which].append(get(f"/api/v1/{kind}/{target}"))
    conn.close()

    def p90(values):
        return sorted(values)[int(len(values) * 0.9)]

    return {k: (statistics.median(v), p90(v)) for k, v in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "baomi"))
    parser.add_argument("--pairs", type=int, default=600)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="baomi-hardening-")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(ADMIN_ENV, BAOMI_DATA_DIR=data, BAOMI_DEMO_PASSWORD=PASSWORD)
    run([args.binary, "demo"], env, "baomi demo")
    server = Server(args.binary, env)
    try:
        base = server.base + "/api/v1"
        clerk = token(server.base, "wangfang")
        request(server.base + "/healthz")
        idle = status_kb(server.proc.pid, "VmRSS") / 1024
        print(f"idle RSS {idle:.0f} MB")

        csv = valid_csv()
        started = time.perf_counter()
        status, body, _ = request(base + "/carrier-imports/csv?mode=dry_run", "POST", csv,
                                  {"Authorization": f"Bearer {clerk}", "Content-Type": "text/csv; charset=utf-8"})
        seconds = time.perf_counter() - started
        report = json.loads(body)
        peak = status_kb(server.proc.pid, "VmHWM") / 1024
        after = status_kb(server.proc.pid, "VmRSS") / 1024
        print(f"valid CSV {len(csv) / 1048576:.1f} MB, {report.get('rows')} rows, dry run: {status} in {seconds:.1f} s, "
              f"{report.get('accepted')} accepted, {report.get('problem_total')} problems; peak RSS {peak:.0f} MB, {after:.0f} MB after")

        crafted = crafted_module()
        for name, path, content_type, make, code in crafted.CASES:
            payload = make()
            started = time.perf_counter()
            status, body, _ = request(f"{base}/{path}", "POST", payload, {"Authorization": f"Bearer {clerk}", "Content-Type": content_type})
            answered = json.loads(body).get("error", {}).get("code")
            print(f"crafted {name}: {len(payload):,} bytes -> {status} {answered} in {time.perf_counter() - started:.2f} s")
        print(f"peak RSS after the crafted files {status_kb(server.proc.pid, 'VmHWM') / 1024:.0f} MB")

        reader = token(server.base, "zhoumin")
        db = sqlite3.connect(os.path.join(data, "baomi.sqlite"))
        for kind, table in [("secrets", "secrets"), ("carriers", "carriers"), ("notices", "classified_notices")]:
            hidden = None
            for (rid,) in db.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 300"):
                if request(f"{base}/{kind}/{rid}", headers={"Authorization": f"Bearer {reader}"})[0] == 404:
                    hidden = rid
                    break
            if hidden is None:
                print(f"probe {kind}: no record hidden from 周敏")
                continue
            result = probe(server.port, reader, kind, hidden, args.pairs)
            (hm, hp), (mm, mp) = result["hidden"], result["missing"]
            print(f"probe {kind} ({args.pairs} pairs): hidden median {hm:.3f} ms (p90 {hp:.3f}), missing median {mm:.3f} ms (p90 {mp:.3f}), "
                  f"difference {hm - mm:+.3f} ms")
        db.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
