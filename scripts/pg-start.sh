#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the test suite.
#
#   URL=$(scripts/pg-start.sh | tail -n1)
#   BAOMI_TEST_DATABASE_URL="$URL" swift test
#   scripts/pg-stop.sh
#
# Environment:
#   BAOMI_PG_PORT  TCP port on 127.0.0.1 (default 54329)
#   BAOMI_PG_DIR   directory to hold the cluster (default: a new temp dir,
#                  removed again by pg-stop.sh)
#   BAOMI_PG_BIN   PostgreSQL bin dir (default /usr/lib/postgresql/15/bin)
#
# Progress goes to stderr; the last line on stdout is the database URL.
# TEST SERVER ONLY: trust auth, fsync off.
set -euo pipefail

PORT="${BAOMI_PG_PORT:-54329}"
PGBIN="${BAOMI_PG_BIN:-/usr/lib/postgresql/15/bin}"
DB=baomi_test
STATE="${TMPDIR:-/tmp}/baomi-pg-${PORT}.state"

log() { echo "pg-start: $*" >&2; }
die() { echo "pg-start: ERROR: $*" >&2; exit 1; }

# 1. Install PostgreSQL if missing.
if [[ ! -x "$PGBIN/initdb" ]]; then
  [[ "$(id -u)" == 0 ]] || die "$PGBIN/initdb missing and not root: apt-get install postgresql"
  log "installing postgresql (apt)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  [[ -x "$PGBIN/initdb" ]] || die "postgresql installed but $PGBIN/initdb not found (set BAOMI_PG_BIN)"
fi

# Run a command as the postgres user (when we are root), else as ourselves.
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_busy() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$1" 2>/dev/null || (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if port_busy "$PORT"; then
  [[ -z "${BAOMI_PG_PORT:-}" ]] || die "something is already listening on 127.0.0.1:$PORT (run scripts/pg-stop.sh, or pick another BAOMI_PG_PORT)"
  # Default port taken (e.g. a developer's own test server): take the next free one; the URL printed says which.
  for candidate in $(seq $((PORT + 1)) $((PORT + 40))); do
    if ! port_busy "$candidate"; then PORT=$candidate; break; fi
  done
  port_busy "$PORT" && die "no free port near $PORT"
  STATE="${TMPDIR:-/tmp}/baomi-pg-${PORT}.state"
  log "default port busy, using $PORT"
fi

# 2. Data directory.
if [[ -n "${BAOMI_PG_DIR:-}" ]]; then
  DIR="$BAOMI_PG_DIR"; CREATED=0
  mkdir -p "$DIR"
else
  DIR="$(mktemp -d "${TMPDIR:-/tmp}/baomi-pg.XXXXXX")"; CREATED=1
fi
DIR="$(cd "$DIR" && pwd)"
DATA="$DIR/data"
LOGFILE="$DIR/postgres.log"
[[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DIR"
chmod 700 "$DIR"
printf 'DIR=%q\nDATA=%q\nCREATED=%q\n' "$DIR" "$DATA" "$CREATED" >"$STATE"

# 3. initdb (skipped when reusing an existing BAOMI_PG_DIR cluster).
if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initdb in $DATA"
  as_pg "$PGBIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; die "initdb failed"; }
  cat >>"$DATA/postgresql.conf" <<CONF

# --- baomi test server (scripts/pg-start.sh) ---
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = ''
max_connections = 400
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
else
  sed -i "s/^port = .*/port = $PORT/" "$DATA/postgresql.conf"
fi

# 4. Start and wait.
log "starting on 127.0.0.1:$PORT"
as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$LOGFILE" -w -t 60 start >/dev/null \
  || { tail -n 30 "$LOGFILE" >&2 || true; die "pg_ctl start failed"; }
for _ in $(seq 1 60); do
  "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && break
  sleep 0.5
done
"$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" || { tail -n 30 "$LOGFILE" >&2 || true; die "server not ready"; }

# 5. Database.
if ! "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -Atqc "SELECT 1 FROM pg_database WHERE datname='$DB'" postgres | grep -q 1; then
  "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

log "ready (data $DATA, log $LOGFILE)"
echo "postgres://postgres@127.0.0.1:$PORT/$DB"
