#!/usr/bin/env bash
# Builds the portal for release, in two cargo-leptos projects (Cargo.toml), each named with
# --project: a build without it would build the server binary twice, the second time with the
# back office's settings.
#   1. admin:  the back office's single-page app (admin_frontend, split into lazily loaded
#              modules) into target/site-admin; front end only.
#   2. portal: the readers' islands bundle (frontend), the style sheet and public files into
#              target/site, and the server binary.
# Extra arguments go to the second build (e.g. scripts/build.sh --bin-features …).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo leptos build --release --precompress --split --project admin --frontend-only
cargo leptos build --release --precompress --project portal "$@"
