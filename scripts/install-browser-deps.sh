#!/usr/bin/env bash
# Idempotently install what the browser smoke tests need:
#   Debian: chromium, fonts-noto-cjk (so Chinese renders, not tofu)
#   PyPI:   playwright (driving /usr/bin/chromium; no browser download)
# Fast no-op when everything is already there.
set -euo pipefail

log() { echo "install-browser-deps: $*" >&2; }

APT_PKGS=(chromium fonts-noto-cjk)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  [[ "$(id -u)" == 0 ]] || { log "ERROR: need root to apt-get install ${missing[*]}"; exit 1; }
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import playwright.sync_api' 2>/dev/null; then
  log "pip install playwright"
  export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  # Debian's own python3 is "externally managed" (PEP 668); fall back if so.
  "$PY" -m pip install --quiet playwright \
    || "$PY" -m pip install --quiet --break-system-packages playwright
fi

[[ -x /usr/bin/chromium ]] || { log "ERROR: /usr/bin/chromium missing"; exit 1; }
log "ok ($(/usr/bin/chromium --version 2>/dev/null | head -n1), playwright $("$PY" -c 'from importlib.metadata import version; print(version("playwright"))'))"
