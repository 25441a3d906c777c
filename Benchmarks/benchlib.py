"""Helpers of Benchmarks/bench.py: the server, sign-in, wrk, the URLs to load, the import file, the audit bytes."""
import argparse, datetime, json, os, platform, re, shutil, socket, subprocess, sys, tempfile, time, urllib.error, urllib.parse, urllib.request

PASSWORD = os.environ.get("BAOMI_BENCH_PASSWORD", "Bench-pass-2026")


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port


def request(url, method="GET", body=None, headers=None, timeout=600):
    req = urllib.request.Request(url, method=method, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read(), r.headers
    except urllib.error.HTTPError as e:
        return e.code, e.read(), e.headers


def run(cmd, env, label, timeout=None):
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"  {label}: gave up after {timeout} s")
        return None, None, ""
    dt = time.perf_counter() - t
    out = (p.stdout + p.stderr).strip()
    print(f"  {label}: {dt:.2f} s (exit {p.returncode}) — {out.splitlines()[-1] if out else ''}")
    return dt, p.returncode, out


class Server:
    """`baomi serve` on a free loopback port; cold start measured to the first 200 from /healthz."""

    def __init__(self, binary, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = dict(env, BAOMI_PORT=str(self.port), BAOMI_IDLE_TIMEOUT="3600")
        start = time.perf_counter()
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([binary, "serve"], env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        while True:
            if self.proc.poll() is not None:
                self.log.seek(0); sys.exit("baomi serve exited:\n" + self.log.read().decode(errors="replace")[-3000:])
            try:
                if request(self.base + "/healthz", timeout=1)[0] == 200: break
            except OSError:
                pass
            if time.perf_counter() - start > 300: sys.exit("baomi serve did not answer /healthz within 300 s")
            time.sleep(0.005)
        self.cold_start = time.perf_counter() - start

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.proc.terminate()
        try: self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired: self.proc.kill(); self.proc.wait()


def token(base, username):
    status, body, _ = request(base + "/api/v1/auth/token", "POST", json.dumps({"username": username, "password": PASSWORD}).encode(),
                              {"Content-Type": "application/json"})
    if status not in (200, 201): sys.exit(f"sign-in of {username} failed: {status} {body[:300]!r}")
    return json.loads(body)["token"]


def web_cookie(base, username):
    status, body, headers = request(base + "/login")
    login = re.search(rb'name="_login" value="([0-9a-f]+)"', body).group(1).decode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k): return None
    data = urllib.parse.urlencode({"_login": login, "username": username, "password": PASSWORD}).encode()
    req = urllib.request.Request(base + "/login", data=data, headers={"Cookie": f"baomi_login_csrf={login}"})
    try:
        urllib.request.build_opener(NoRedirect).open(req)
    except urllib.error.HTTPError as e:
        for k, v in e.headers.items():
            if k.lower() == "set-cookie" and v.startswith("baomi_session="): return v.split(";")[0]
    sys.exit("web sign-in failed")


def wrk(url, header, seconds, connections):
    """req/s, p50 ms, p99 ms, non-2xx count, requests — from wrk --latency."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if header: cmd += ["-H", header]
    out = subprocess.run(cmd + [url], capture_output=True, text=True).stdout

    def ms(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m: return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)) if "Requests/sec" in out else 0.0
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*timeout (\d+)", out)
    total = re.search(r"(\d+) requests in", out)
    return rps, ms(50), ms(99), int(bad.group(1)) if bad else 0, int(total.group(1)) if total else 0, int(errors.group(1)) if errors else 0


def discover(base, api_header, web_header, deep_pages):
    """The URLs to load. Follows next_cursor `deep_pages` times (once, before the load) for the deep pages."""
    auth = {"Authorization": api_header.split(": ", 1)[1]}
    urls, notes = [], []
    # Searches of one, two and four characters: a trigram index serves three or more (issue 26), fewer read the order.
    for records, terms in (("carriers", ("通", "通报", "推进情况")), ("secrets", ("招", "招商", "招商谈判"))):
        status, body, _ = request(f"{base}/api/v1/{records}?limit=50", headers=auth)
        paged = status == 200 and "next_cursor" in json.loads(body)
        first = f"/api/v1/{records}?limit=50" if paged else f"/api/v1/{records}"
        if not paged:
            status, body, _ = request(base + first, headers=auth)
            notes.append(f"/api/v1/{records} is not paged yet (no limit/cursor; it answers every visible row up to its cap): deep pages n/a")
        page = json.loads(body)
        items = page["items"] if isinstance(page, dict) else page
        total = page.get("total", page.get("count")) if isinstance(page, dict) else len(items)
        record_id = items[0]["id"] if items else None
        deep = None
        if paged:
            cursor, t = page.get("next_cursor"), time.perf_counter()
            for _ in range(deep_pages - 1):
                if not cursor: break
                status, body, _ = request(f"{base}/api/v1/{records}?limit=50&cursor={urllib.parse.quote(cursor)}", headers=auth)
                cursor = json.loads(body).get("next_cursor") if status == 200 else None
            if cursor:
                deep = cursor
                notes.append(f"{records}: {total} visible; page {deep_pages} reached in {time.perf_counter() - t:.1f} s by cursor")
            else:
                notes.append(f"{records}: {total} visible; fewer than {deep_pages} pages, deep page n/a")
        urls += [
            (f"API {records} first page", first, api_header),
            (f"API {records} page {deep_pages}", f"/api/v1/{records}?limit=50&cursor={urllib.parse.quote(deep)}" if deep else None, api_header),
        ]
        urls += [(f"API {records} search q={term}", f"/api/v1/{records}?q={urllib.parse.quote(term)}" + ("&limit=50" if paged else ""), api_header)
                 for term in terms]
        urls += [
            (f"web /{records} first page", f"/{records}", web_header),
            (f"web /{records} page {deep_pages}", f"/{records}?cursor={urllib.parse.quote(deep)}" if deep else None, web_header),
        ]
        urls += [(f"web /{records} search q={term}", f"/{records}?q={urllib.parse.quote(term)}", web_header) for term in terms]
        urls += [
            (f"web /{records}/<id> record page", f"/{records}/{record_id}" if record_id else None, web_header),
            (f"API /api/v1/{records}/<id>", f"/api/v1/{records}/{record_id}" if record_id else None, api_header),
        ]
    urls += [("web / (待办)", "/", web_header), ("API /api/v1/todos", "/api/v1/todos", api_header)]
    # Issue 12: the personnel register, a personnel file (every read audited: a write per read) and a departure gate.
    status, body, _ = request(f"{base}/api/v1/personnel?limit=50", headers=auth)
    roster = json.loads(body) if status == 200 else {}
    person = roster.get("items", [{}])[0].get("person_id") if roster.get("items") else None
    status, body, _ = request(f"{base}/api/v1/departures?limit=50", headers=auth)
    departures = json.loads(body).get("items", []) if status == 200 else []
    gate = next((d["id"] for d in departures if d.get("completed_on") is None), None)
    notes.append(f"personnel: {roster.get('total', '?')} in post visible to bench-clerk; departure gate {'found' if gate else 'n/a'}")
    urls += [
        ("API personnel register first page", "/api/v1/personnel?limit=50" if roster else None, api_header),
        ("web /personnel first page", "/personnel", web_header),
        ("API personnel file /personnel/<id>/file", f"/api/v1/personnel/{person}/file" if person else None, api_header),
        ("web /personnel/file/<id> record page", f"/personnel/file/{person}" if person else None, web_header),
        ("API departure gate /departures/<id>", f"/api/v1/departures/{gate}" if gate else None, api_header),
        ("web /personnel/departures/<id> record page", f"/personnel/departures/{gate}" if gate else None, web_header),
    ]
    return urls, notes


def import_csv(rows):
    lines = ["原登记编号,类别,标题,文号,制发单位,密级标志,份数,份号,登记日期,保密柜,状态,持有人,归还日期,知悉范围"]
    year = datetime.date.today().year
    for n in range(1, rows + 1):
        lines.append(f"BJ-{n:06d},纸质密件,基准导入文件（第{n}号）,江府办〔{year}〕{n}号,江海市人民政府办公室,秘密★10年,1,001,{year}-01-{1 + n % 28:02d},1号保密柜,在库,,,")
    return "\r\n".join(lines) + "\r\n"


def audit_bytes(env, data_dir):
    """The bytes the verifier hashes: the canonical encoding of every entry (AuditChain.canonicalEncoding)."""
    fields = ["seq", "at", "actor_id", "actor_name", "action", "target_kind", "target_id", "level", "outcome", "before_state", "after_state",
              "detail", "remote", "prev_hash"]
    if env.get("DATABASE_URL"):
        parts = " + ".join(f"COALESCE(octet_length({f}::text) + length(octet_length({f}::text)::text) + 1, 0)" for f in fields)
        sql = f"SELECT COUNT(*), SUM({parts}) FROM audit_log"
        out = subprocess.run(["psql", env["DATABASE_URL"], "-At", "-F", " ", "-c", sql], capture_output=True, text=True).stdout.split()
        n, values = int(out[0]), int(out[1])
    else:
        import sqlite3
        db = sqlite3.connect(os.path.join(data_dir, "baomi.sqlite"))
        parts = " + ".join(f"COALESCE(length(CAST({f} AS BLOB)) + length(CAST(length(CAST({f} AS BLOB)) AS TEXT)) + 1, 0)" for f in fields)
        n, values = db.execute(f"SELECT COUNT(*), SUM({parts}) FROM audit_log").fetchone()
        db.close()
    # names, '=' and '\n' of the 15 fields (v, seq … remote, prev) plus the value "1" of v.
    names = len("v=1:1\n") + sum(len(name) + 2 for name in ["seq", "at", "actor_id", "actor_name", "action", "target_kind", "target_id", "level",
                                                           "outcome", "before", "after", "detail", "remote", "prev"])
    return n, values + n * names


def sha256_rate(nbytes):
    path = tempfile.mktemp(prefix="baomi-sha-")
    with open(path, "wb") as f:
        chunk = os.urandom(1 << 20)
        for _ in range(nbytes >> 20): f.write(chunk)
        f.write(chunk[: nbytes & ((1 << 20) - 1)])
    subprocess.run(["sha256sum", path], capture_output=True)  # warm the page cache
    t = time.perf_counter(); subprocess.run(["sha256sum", path], capture_output=True); dt = time.perf_counter() - t
    os.remove(path)
    return nbytes / dt / 1e6



def one(base, header, path):
    """Seconds of one request of `path`."""
    headers = dict([header.split(": ", 1)]) if header else {}
    t = time.perf_counter(); request(base + path, headers=headers)
    return time.perf_counter() - t


def settle(base, header, path, idle, limit=60):
    """Waits until the server has finished what wrk left in flight: one request of `path` is again about as fast as
    on the idle server (`idle` seconds), so one measurement does not pay for the tail of the last."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit and one(base, header, path) > max(idle * 1.5, idle + 0.005):
        pass


def undue(env, data_dir):
    """After a sweep that did not finish: moves the items seeded due today a week on (periods and loans), so the next
    sweep meets a day with nothing due."""
    today = datetime.date.today()
    sql = (f"UPDATE secrets SET expiry = '{today + datetime.timedelta(days=7)}' WHERE status = 'inForce' AND expiry <= '{today}';"
           f"UPDATE carriers SET due_on = '{today + datetime.timedelta(days=7)}' WHERE status = 'lent' AND due_on = '{today - datetime.timedelta(days=1)}';")
    if env.get("DATABASE_URL"):
        subprocess.run(["psql", env["DATABASE_URL"], "-qc", sql], check=True)
    else:
        subprocess.run(["sqlite3", os.path.join(data_dir, "baomi.sqlite"), sql], check=True)
