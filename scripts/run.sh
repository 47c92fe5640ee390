#!/usr/bin/env bash
# Sets up what is missing, builds the portal in release mode and serves it on http://127.0.0.1:3000
# (SQLite in ./data/, demo content on first start). Environment variables: see README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PATH"
# The back office's bundle first; `serve` then builds the readers' side and the server, and runs it.
cargo leptos build --release --precompress --split --project admin --frontend-only
exec cargo leptos serve --release --precompress --project portal
