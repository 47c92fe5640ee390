#!/usr/bin/env bash
# Installs what building and serving the portal needs, skipping whatever is already there:
#   scripts/setup.sh           the run path (scripts/run.sh): the wasm target, cargo-leptos,
#                              wasm-bindgen-cli, Node.js, wasm-opt and the editor's script;
#   scripts/setup.sh --tests   that, and what only the test suite needs (scripts/test.sh): cargo-fuzz,
#                              Chromium, wrk, nginx (the benchmark's static-file reference) and
#                              the browser-test packages. cargo-audit is installed by
#                              scripts/audit.sh, and only where an advisory database exists to read.
# Safe to run again and again; every step checks before it installs.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=0
case "${1:-}" in
  --tests) for_tests=1 ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--tests]" >&2; exit 2 ;;
esac

CARGO_LEPTOS_VERSION=0.3.10
CARGO_FUZZ_VERSION=0.13.2
BINARYEN_VERSION=132.0.0
NGINX_BROTLI_STATIC=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

step "Rust target wasm32-unknown-unknown"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "cargo-leptos $CARGO_LEPTOS_VERSION (no downloads at build time)"
if ! cargo leptos --version 2>/dev/null | grep -qF "$CARGO_LEPTOS_VERSION"; then
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

step "wasm-bindgen-cli at the version Cargo.lock pins"
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wasm_bindgen_version" ]; then
  # Without --locked: a dependency locked by the CLI's own lock file is missing from the registry here.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version" --force
fi

step "Node.js and npm"
have npm || apt_install nodejs npm

step "wasm-opt $BINARYEN_VERSION (npm package binaryen)"
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
fi

step "The back office's editor script (editor/ → public/editor/editor.js)"
scripts/build-editor.sh

if [ $for_tests = 1 ]; then
  step "cargo-fuzz $CARGO_FUZZ_VERSION (tests only)"
  if ! cargo fuzz --version 2>/dev/null | grep -qF "$CARGO_FUZZ_VERSION"; then
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
  fi

  step "Chromium for the browser tests"
  [ -x /usr/bin/chromium ] || apt_install chromium

  step "wrk, the HTTP load generator of the benchmark (scripts/bench.sh)"
  have wrk || apt_install wrk

  step "nginx with brotli_static, the benchmark's reference for serving a static file"
  if [ ! -x /usr/sbin/nginx ] || [ ! -f "$NGINX_BROTLI_STATIC" ]; then
    # The benchmark starts its own nginx on 127.0.0.1; the package's service must not start on port 80.
    no_service_starts=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
      as_root chmod +x /usr/sbin/policy-rc.d
      no_service_starts=1
    fi
    apt_install nginx libnginx-mod-http-brotli-static
    if [ $no_service_starts = 1 ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
  fi

  step "Browser-test packages (end2end/)"
  if [ ! -d end2end/node_modules/@playwright/test ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
fi

if [ $for_tests = 1 ]; then scripts/check-toolchain.sh --tests; else scripts/check-toolchain.sh; fi
