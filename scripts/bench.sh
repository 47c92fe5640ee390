#!/usr/bin/env bash
# The performance benchmark: builds the release server (with precompressed, content-hashed files),
# generates and imports a corpus of Vietnamese articles, and measures pages, search and feeds under
# load from wrk against the same article page served as a static file by nginx, with start-up time, peak
# memory and what a reader downloads; the report goes into BENCHMARKS.md.
#   scripts/bench.sh                      2,000 articles, 10 s a row, 32 and 256 connections
#   scripts/bench.sh --articles 100000    the search and memory targets' corpus
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
export PATH="$HOME/.cargo/bin:$PATH"
scripts/build.sh
cargo run -p bench --release -- pages --record BENCHMARKS.md "$@"
