#!/usr/bin/env bash
# Fails loudly when the installed tools do not match what the project pins. With --tests, also
# checks what only the test suite needs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

crate=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
cli=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
manifest=$(grep -E '^wasm-bindgen = ' Cargo.toml | sed -E 's/.*"=([^"]+)".*/\1/')
if [ "$crate" != "$cli" ] || [ "$crate" != "$manifest" ]; then
  echo "wasm-bindgen mismatch: Cargo.toml pins =$manifest, Cargo.lock has $crate, the CLI is ${cli:-missing}." >&2
  echo "Run scripts/setup.sh to install the matching wasm-bindgen-cli." >&2
  exit 1
fi
for tool in cargo-leptos wasm-opt; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/setup.sh" >&2; exit 1; }
done
if [ "${1:-}" = --tests ]; then
  for tool in cargo-fuzz wrk; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: run scripts/setup.sh --tests" >&2; exit 1; }
  done
  [ -x /usr/bin/chromium ] || { echo "Chromium is missing: run scripts/setup.sh --tests" >&2; exit 1; }
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || { echo "nginx with brotli_static is missing: run scripts/setup.sh --tests" >&2; exit 1; }
fi
echo "Toolchain OK: wasm-bindgen $crate, $(cargo leptos --version), $(wasm-opt --version)"
