#!/usr/bin/env bash
# Fuzzes the text code that meets untrusted input (fuzz/fuzz_targets: the body sanitiser, slugs,
# search queries) with cargo fuzz, each target for SECONDS (default 20, as the test suite runs it).
# For a longer hunt: scripts/fuzz.sh 3600. A failing input is saved under fuzz/artifacts/<target>/
# and replayed with: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer none <target> <file>)
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
seconds=${1:-20}

# cargo fuzz passes unstable compiler flags; only a stable toolchain can be fetched on these
# machines, so let it accept them. The code is safe Rust, so no AddressSanitizer is needed.
export RUSTC_BOOTSTRAP=1

# The XSS vectors of the sanitiser's test are the body target's first inputs.
mkdir -p corpus/sanitize_body
n=0
while IFS= read -r vector; do
  n=$((n + 1))
  printf '%s' "$vector" > "corpus/sanitize_body/xss-vector-$n"
done < ../text/tests/xss-vectors.txt

for target in sanitize_body slug search_query; do
  printf '\n--- %s, %s s\n' "$target" "$seconds"
  mkdir -p "corpus/$target" logs
  log="logs/$target.log"
  if ! cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
      -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz target $target failed; the input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "$log"
done
