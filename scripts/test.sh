#!/usr/bin/env bash
# The whole test suite: formatting and lints, unit and request-level tests (SQLite), the data layer
# against PostgreSQL when TEST_DATABASE_URL is set, and the browser tests with JavaScript on and off.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "Formatting"
cargo fmt --all --check

step "Release build: server and wasm bundle"
cargo leptos build --release

step "Lints"
cargo clippy --workspace --exclude frontend --all-targets --release -- -D warnings
cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

step "Unit and request-level tests (SQLite)"
env -u TEST_DATABASE_URL cargo test --workspace --exclude frontend --release

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "Data layer against PostgreSQL"
  # The same command as above, so nothing is rebuilt; the data-layer tests now use PostgreSQL.
  cargo test --workspace --exclude frontend --release
fi

step "Browser tests (headless Chromium, JavaScript on and off)"
(cd end2end && npx playwright test)
