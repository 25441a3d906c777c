#!/usr/bin/env bash
# Fuzz the JSON API (/api/v1) with Schemathesis, once per demo identity.
#
#   scripts/fuzz-api.sh [BINARY] [SECONDS]
#
#   BINARY   server binary (default $BAOMI_FUZZ_BIN or .build/debug/baomi)
#   SECONDS  total fuzzing time, split between the runs (default
#            $BAOMI_FUZZ_SECONDS or 300; CI must fuzz at least 300)
#
# Environment:
#   BAOMI_FUZZ_RUNS    runs, in order (default below): a demo identity, or
#                      "sysadmin-reset" (see below)
#   BAOMI_FUZZ_SEED    fixed Schemathesis seed (default: random, printed)
#   BAOMI_FUZZ_OUT     report directory (default test-output/fuzz, gitignored)
#   BAOMI_FUZZ_WORKERS schemathesis --workers (default 1, at most 2). One worker
#                      generates as many cases as two (the client is GIL-bound)
#                      and avoids CPython 3.11's "AST constructor recursion
#                      depth mismatch" SystemError (cpython#106905), which
#                      Hypothesis hits from two threads and which schemathesis
#                      then reports as a run error.
#   SCHEMATHESIS       the schemathesis executable (default: schemathesis)
#
# Starts `baomi serve --demo` on a free loopback port with a throw-away SQLite
# data dir, logs each identity in via POST /auth/token and runs
# `schemathesis run` with scripts/schemathesis.toml for its share of the time.
# A single identity only reaches part of the API (403 elsewhere, by design);
# together they cover every operation. The business identities run first and
# the 三员 last, so that account changes made by sysadmin/secadmin (lock, reset
# password, roles) cannot take a later identity's login away. Resetting
# passwords goes last of all ("sysadmin-reset", 10s): it forces the reset
# accounts to change their password before anything else (R-SY-4); an
# administrator's own password is never reset (refused with 422).
#
# Excluded: POST/DELETE /auth/token and POST /me/password (they would log the
# token out, change its password or lock the account).
#
# Before the runs, scripts/crafted-imports.py sends the crafted import files
# (workbooks and CSV that would exhaust an unbounded reader) as wangfang.
#
# Exit status: 0 only if no check failed, no request errored, every crafted
# import was refused within bounds and the server stayed up. The last line is "FUZZ TOTAL: N cases, F failures, E server errors".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

BIN="${1:-${BAOMI_FUZZ_BIN:-.build/debug/baomi}}"
TOTAL="${2:-${BAOMI_FUZZ_SECONDS:-300}}"
RUNS="${BAOMI_FUZZ_RUNS:-zhangwei lihua wangfang sunli auditor secadmin sysadmin sysadmin-reset}"
RESET_SECONDS=10
OUT="${BAOMI_FUZZ_OUT:-test-output/fuzz}"
ST="${SCHEMATHESIS:-schemathesis}"
WORKERS="${BAOMI_FUZZ_WORKERS:-1}"
CONFIG="$ROOT/scripts/schemathesis.toml"

DEMO_PASSWORD='Demo-pass-2026'
SYSADMIN_PASSWORD='Fuzz-Sysadmin-2026'
SECADMIN_PASSWORD='Fuzz-Secadmin-2026'
AUDITOR_PASSWORD='Fuzz-Auditor-2026'

log() { echo "fuzz-api: $*" >&2; }
die() { echo "fuzz-api: ERROR: $*" >&2; exit 2; }

[[ "$TOTAL" =~ ^[0-9]+$ ]] || die "SECONDS must be a whole number (got '$TOTAL')"
[[ "$WORKERS" == 1 || "$WORKERS" == 2 ]] || die "BAOMI_FUZZ_WORKERS must be 1 or 2 (got '$WORKERS')"
[[ -x "$BIN" ]] || die "server binary '$BIN' not found (run swift build first)"
command -v "$ST" >/dev/null || die "'$ST' not found (pip install schemathesis)"
command -v curl >/dev/null || die "curl not found"
command -v python3 >/dev/null || die "python3 not found"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"

read -r -a RUN_LIST <<<"$RUNS"
((${#RUN_LIST[@]} > 0)) || die "BAOMI_FUZZ_RUNS is empty"
# The sysadmin-reset run gets a fixed 10s; the other runs share the rest evenly.
FIXED=0 SHARED_RUNS=0
for run in "${RUN_LIST[@]}"; do
  if [[ "$run" == sysadmin-reset ]]; then FIXED=$((FIXED + RESET_SECONDS)); else SHARED_RUNS=$((SHARED_RUNS + 1)); fi
done
SHARE=1
((SHARED_RUNS == 0 || TOTAL <= FIXED)) || SHARE=$(((TOTAL - FIXED) / SHARED_RUNS))
((SHARE >= 1)) || SHARE=1

run_user() { if [[ "$1" == sysadmin-reset ]]; then echo sysadmin; else echo "$1"; fi; }
run_seconds() { if [[ "$1" == sysadmin-reset ]]; then echo "$RESET_SECONDS"; else echo "$SHARE"; fi; }
run_filters() { # extra schemathesis arguments for a run, one per line
  case "$1" in
    sysadmin) printf '%s\n' --exclude-name 'POST /users/{id}/reset-password' ;;
    sysadmin-reset) printf '%s\n' --include-name 'POST /users/{id}/reset-password' ;;
  esac
}

# Loopback only: never through a proxy.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY='127.0.0.1,localhost' no_proxy='127.0.0.1,localhost'

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
rm -f "$OUT"/*.json "$OUT"/*.xml "$OUT"/*.log
WORK="$(mktemp -d "${TMPDIR:-/tmp}/baomi-fuzz.XXXXXX")"
# Hypothesis' own caches (unicode tables, constants) go here, not into the repo.
export HYPOTHESIS_STORAGE_DIRECTORY="$WORK/hypothesis"

SERVER_PID=""
DATA_DIR=""
PORT=""
BASE=""
SERVER_STARTS=0

stop_server() {
  if [[ -n "$SERVER_PID" ]]; then
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      kill "$SERVER_PID" 2>/dev/null || true
      for _ in $(seq 1 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
cleanup() {
  local rc=$?
  stop_server
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start_server() {
  SERVER_STARTS=$((SERVER_STARTS + 1))
  DATA_DIR="$WORK/data-$SERVER_STARTS"
  mkdir -p "$DATA_DIR"
  PORT="$(free_port)"
  BASE="http://127.0.0.1:$PORT/api/v1"
  local logf="$OUT/server-$SERVER_STARTS.log"
  log "starting $BIN on port $PORT (data $DATA_DIR, log $logf)"
  BAOMI_DATA_DIR="$DATA_DIR" \
    BAOMI_DEMO_PASSWORD="$DEMO_PASSWORD" \
    BAOMI_SYSADMIN_PASSWORD="$SYSADMIN_PASSWORD" \
    BAOMI_SECADMIN_PASSWORD="$SECADMIN_PASSWORD" \
    BAOMI_AUDITOR_PASSWORD="$AUDITOR_PASSWORD" \
    BAOMI_BCRYPT_COST=4 \
    BAOMI_IDLE_TIMEOUT=3600 \
    "$BIN" serve --demo --host 127.0.0.1 --port "$PORT" --data-dir "$DATA_DIR" \
    >"$logf" 2>&1 </dev/null &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -n 40 "$logf" >&2 || true
      die "server exited during start-up"
    fi
    if curl -fsS --noproxy '*' -o /dev/null "$BASE/openapi.json" 2>/dev/null; then
      return 0
    fi
    sleep 0.5
  done
  tail -n 40 "$logf" >&2 || true
  die "server did not answer $BASE/openapi.json within 120s"
}

password_for() {
  case "$1" in
    sysadmin) echo "$SYSADMIN_PASSWORD" ;;
    secadmin) echo "$SECADMIN_PASSWORD" ;;
    auditor) echo "$AUDITOR_PASSWORD" ;;
    *) echo "$DEMO_PASSWORD" ;;
  esac
}

login() { # user -> token on stdout
  local body resp
  body="$(python3 -c 'import json, sys; print(json.dumps({"username": sys.argv[1], "password": sys.argv[2]}))' "$1" "$(password_for "$1")")"
  resp="$(curl -sS --noproxy '*' -X POST "$BASE/auth/token" -H 'Content-Type: application/json' -d "$body")" || return 1
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])["token"])' "$resp" 2>/dev/null || {
    log "login as $1 failed: $resp"
    return 1
  }
}

# Prints "cases failures server_errors errors" from a Schemathesis JSON report.
summarise() {
  python3 - "$1" <<'EOF'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except Exception:
    print("0 0 0 1")
    sys.exit()
failures = report.get("failures", [])
n_fail = sum(f.get("count", 1) for f in failures)
n_5xx = sum(f.get("count", 1) for f in failures if f.get("code") in ("ST101", "ST102"))
n_err = sum(e.get("count", 1) for e in report.get("errors", []))
print(report.get("test_cases", {}).get("generated", 0), n_fail, n_5xx, n_err)
EOF
}

# One line per failure kind from a Schemathesis JSON report.
list_failures() {
  python3 - "$1" <<'EOF'
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except Exception:
    sys.exit()
for f in report.get("failures", []):
    print(f"    {f.get('code')} {f.get('title')} x{f.get('count')}: {', '.join(f.get('operations', []))}")
for e in report.get("errors", []):
    print(f"    error x{e.get('count')}: {e.get('title')}")
EOF
}

SEED_ARGS=()
[[ -n "${BAOMI_FUZZ_SEED:-}" ]] && SEED_ARGS=(--seed "$BAOMI_FUZZ_SEED")

SUM_CASES=0 SUM_FAIL=0 SUM_5XX=0 SUM_ERR=0 DEATHS=0
RESULTS=()

start_server

# The crafted imports first, while the 保密员's account is as the demo made it: each small file that would ask for
# far more work or memory than its size must be refused within bounds, and the server stay up.
echo
echo "=== crafted imports as wangfang against $BASE"
CRAFTED_FAIL=0
python3 "$ROOT/scripts/crafted-imports.py" "$BASE" "$(login wangfang)" || CRAFTED_FAIL=1

log "total ${TOTAL}s: ${SHARE}s for each of ${RUN_LIST[*]} (sysadmin-reset: ${RESET_SECONDS}s); reports in $OUT"

for run in "${RUN_LIST[@]}"; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    start_server
  fi
  user="$(run_user "$run")"
  seconds="$(run_seconds "$run")"
  mapfile -t FILTERS < <(run_filters "$run")
  echo
  echo "=== fuzz run $run as $user (${seconds}s) against $BASE"
  token="$(login "$user")" || die "cannot log in as $user"
  json="$OUT/$run.json"
  rc=0
  BAOMI_FUZZ_TOKEN="$token" "$ST" --config-file "$CONFIG" run "$BASE/openapi.json" \
    --url "$BASE" \
    --workers "$WORKERS" \
    --max-time "$seconds" \
    --exclude-name 'POST /auth/token' \
    --exclude-name 'DELETE /auth/token' \
    --exclude-name 'POST /me/password' \
    "${FILTERS[@]}" \
    --report json,junit \
    --report-dir "$OUT" \
    --report-json-path "$json" \
    --report-junit-path "$OUT/$run.xml" \
    --no-color \
    "${SEED_ARGS[@]}" \
    </dev/null 2>&1 | tee "$OUT/$run.log" || rc=$?
  # `tee` masks schemathesis' status; the JSON report carries it.
  read -r cases fails fivexx errs < <(summarise "$json")
  if ((rc != 0 && fails + errs == 0)); then
    log "schemathesis exited with status $rc without reporting a failure; counted as an error"
    errs=1
  fi
  died=""
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    died=" SERVER DIED"
    DEATHS=$((DEATHS + 1))
    log "the server exited during run $run; last lines of its log:"
    tail -n 40 "$OUT/server-$SERVER_STARTS.log" >&2 || true
    SERVER_PID=""
  elif [[ "$run" != sysadmin-reset ]] &&
    ! curl -fsS --noproxy '*' -o /dev/null -H "Authorization: Bearer $token" "$BASE/me"; then
    log "warning: $user's token no longer works after run $run (later cases may have seen only 401)"
  fi
  line="$(printf '%-15s %6d cases, %3d failures, %3d server errors, %d errors%s' \
    "$run" "$cases" "$fails" "$fivexx" "$errs" "$died")"
  echo "=== FUZZ $line"
  list_failures "$json"
  RESULTS+=("$line")
  SUM_CASES=$((SUM_CASES + cases))
  SUM_FAIL=$((SUM_FAIL + fails + errs))
  SUM_5XX=$((SUM_5XX + fivexx))
  SUM_ERR=$((SUM_ERR + errs))
done

SUM_FAIL=$((SUM_FAIL + DEATHS + CRAFTED_FAIL))
SUM_5XX=$((SUM_5XX + DEATHS))
echo
echo "=== fuzz summary (failures = unique failures per check and operation; reports: $OUT)"
for line in "${RESULTS[@]}"; do
  echo "    $line"
done
((SUM_ERR == 0)) || echo "    $SUM_ERR run error(s) (schemathesis could not complete a test; counted as failures)"
((DEATHS == 0)) || echo "    the server died $DEATHS time(s) (counted as failures and server errors)"
((CRAFTED_FAIL == 0)) || echo "    a crafted import was not refused within bounds (counted as a failure)"
echo "FUZZ TOTAL: $SUM_CASES cases, $SUM_FAIL failures, $SUM_5XX server errors"
((SUM_FAIL == 0))
