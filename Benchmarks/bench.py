#!/usr/bin/env python3
"""Baomi benchmark: prints figures, asserts nothing (performance is measured, not tested).

    swift build -c release --product baomi      # or debug: figures are then pessimistic
    python3 Benchmarks/bench.py [--binary .build/release/baomi] [--requests 2000] [--concurrency 8]

Measures on a fresh SQLite data directory (and on PostgreSQL when DATABASE_URL is set):
  1. cold start: `baomi serve --demo` on an empty directory until /login answers;
  2. login latency (bcrypt, cost from BAOMI_BCRYPT_COST, default 12);
  3. throughput and latency of authenticated reads: GET /api/v1/me, GET /api/v1/notices (access-filtered SQL),
     GET / (server-rendered 待办 page), each with `--concurrency` client threads on loopback.
The server runs on 127.0.0.1 only; every loop is bounded in count and time.
"""
import argparse, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request

def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close(); return port

def request(url, method="GET", body=None, headers=None, timeout=10):
    req = urllib.request.Request(url, method=method, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

def percentile(values, p):
    values = sorted(values); k = max(0, min(len(values) - 1, int(round(p / 100 * (len(values) - 1)))))
    return values[k]

def load(url, headers, total, concurrency, deadline_s=60):
    latencies, errors, lock = [], [0], threading.Lock()
    per_thread = total // concurrency
    stop_at = time.monotonic() + deadline_s
    def worker():
        for _ in range(per_thread):
            if time.monotonic() > stop_at: return
            t = time.perf_counter(); status, _ = request(url, headers=headers); dt = time.perf_counter() - t
            with lock:
                latencies.append(dt)
                if status != 200: errors[0] += 1
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    start = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.perf_counter() - start
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, percentile(latencies, 95) * 1000, errors[0], len(latencies)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=".build/release/baomi" if os.path.exists(".build/release/baomi") else ".build/debug/baomi")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    workdir = tempfile.mkdtemp(prefix="baomi-bench-")
    port = free_port()
    env = dict(os.environ, BAOMI_PORT=str(port), BAOMI_DEMO_PASSWORD="Bench-pass-2026", BAOMI_SYSADMIN_PASSWORD="Bench-sys-2026",
               BAOMI_SECADMIN_PASSWORD="Bench-sec-2026", BAOMI_AUDITOR_PASSWORD="Bench-aud-2026")
    print(f"binary: {binary}\ndatabase: {'PostgreSQL' if env.get('DATABASE_URL') else 'SQLite (WAL) in ' + workdir}")
    start = time.perf_counter()
    server = subprocess.Popen([binary, "serve", "--demo"], cwd=workdir, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if request(base + "/login", timeout=1)[0] == 200: break
            except OSError:
                pass
            time.sleep(0.02)
        print(f"cold start with demo data: {time.perf_counter() - start:.2f} s")
        times = []
        token = None
        for _ in range(5):
            t = time.perf_counter()
            status, body = request(base + "/api/v1/auth/token", "POST", json.dumps({"username": "wangfang", "password": "Bench-pass-2026"}).encode(),
                                   {"Content-Type": "application/json"})
            times.append(time.perf_counter() - t)
            token = json.loads(body)["token"]
        print(f"login (bcrypt cost {env.get('BAOMI_BCRYPT_COST', '12')}): median {statistics.median(times) * 1000:.0f} ms over 5")
        headers = {"Authorization": f"Bearer {token}"}
        for path in ["/api/v1/me", "/api/v1/notices"]:
            rps, p50, p95, errors, n = load(base + path, headers, args.requests, args.concurrency)
            print(f"GET {path:<18} {rps:8.0f} req/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   errors {errors}/{n}")
        # The web page needs the session cookie.
        status, body = request(base + "/login")
        login_token = re.search(rb'name="_login" value="([0-9a-f]+)"', body).group(1).decode()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        opener.addheaders = [("Cookie", f"baomi_login_csrf={login_token}")]
        data = f"_login={login_token}&username=wangfang&password=Bench-pass-2026".encode()
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *a, **k): return None
        try:
            urllib.request.build_opener(NoRedirect).open(urllib.request.Request(base + "/login", data=data, headers={"Cookie": f"baomi_login_csrf={login_token}"}))
        except urllib.error.HTTPError as e:
            cookie = [v for k, v in e.headers.items() if k.lower() == "set-cookie" and v.startswith("baomi_session=")][0].split(";")[0]
        rps, p50, p95, errors, n = load(base + "/", {"Cookie": cookie}, args.requests // 2, args.concurrency)
        print(f"GET {'/ (待办 page)':<18} {rps:8.0f} req/s   p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   errors {errors}/{n}")
    finally:
        server.terminate(); server.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)

if __name__ == "__main__":
    main()
