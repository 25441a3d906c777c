#!/usr/bin/env bash
# Stop the test PostgreSQL started by scripts/pg-start.sh (same BAOMI_PG_PORT).
# Removes the data dir if pg-start.sh created it as a temp dir.
set -euo pipefail

PORT="${BAOMI_PG_PORT:-54329}"
PGBIN="${BAOMI_PG_BIN:-/usr/lib/postgresql/15/bin}"
STATE="${TMPDIR:-/tmp}/baomi-pg-${PORT}.state"

if [[ ! -f "$STATE" ]]; then
  echo "pg-stop: no server recorded for port $PORT ($STATE missing); nothing to do" >&2
  exit 0
fi
DIR=""; DATA=""; CREATED=0
# shellcheck disable=SC1090
source "$STATE"

if [[ -f "$DATA/postmaster.pid" ]]; then
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
  else
    "$PGBIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
  fi
  echo "pg-stop: stopped server on 127.0.0.1:$PORT" >&2
else
  echo "pg-stop: server on port $PORT not running" >&2
fi

if [[ "$CREATED" == 1 && -n "$DIR" && -d "$DIR" ]]; then
  rm -rf -- "$DIR"
fi
rm -f -- "$STATE"
