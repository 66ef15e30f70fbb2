#!/usr/bin/env bash
# Installs what the tests' real-service path needs, and nothing when it is there already:
# Mosquitto (+ clients), Chromium + chromedriver (browser tests) from Debian packages, and the
# Temporal CLI, built once with Go into ~/.cache/vorlauf/bin. Run as root (or with sudo).
set -euo pipefail

TEMPORAL_MODULE="github.com/temporalio/cli/cmd/temporal@v1.5.1"
CACHE_BIN="$HOME/.cache/vorlauf/bin"
PACKAGES=(mosquitto mosquitto-clients chromium chromium-driver)

log() { echo "install-test-deps: $*" >&2; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    log "need root for: $*"
    return 1
  fi
}

install_packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    log "packages present: ${PACKAGES[*]}"
    return
  fi
  if ! command -v apt-get >/dev/null; then
    log "please install ${missing[*]} (no apt-get on this machine)"
    return 1
  fi
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Vorlauf always starts its own Mosquitto with its own config; the Debian package's system
# broker (defaults that drop QoS 1 messages, port 1883) is never used, so it should not run.
disable_system_mosquitto() {
  [[ -x /etc/init.d/mosquitto ]] || return 0
  if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
    as_root systemctl disable --now mosquitto >/dev/null 2>&1 || true
  else
    as_root /etc/init.d/mosquitto stop >/dev/null 2>&1 || true
    as_root update-rc.d mosquitto disable >/dev/null 2>&1 || true
  fi
}

install_temporal_cli() {
  if command -v temporal >/dev/null || [[ -x "$CACHE_BIN/temporal" ]]; then
    log "Temporal CLI present"
    return
  fi
  local go
  go="$(command -v go || true)"
  [[ -n "$go" || ! -x /usr/local/go/bin/go ]] || go=/usr/local/go/bin/go
  if [[ -z "$go" ]]; then
    log "Go is not installed: cannot build the Temporal CLI (tests of the CLI dev server will fail)"
    return 1
  fi
  log "building the Temporal CLI into $CACHE_BIN (once; takes several minutes)"
  mkdir -p "$CACHE_BIN"
  GOBIN="$CACHE_BIN" "$go" install "$TEMPORAL_MODULE"
}

install_packages
disable_system_mosquitto
install_temporal_cli
log "done"
