#!/usr/bin/env bash
# Checks every locked dependency (Cargo.lock and fuzz/Cargo.lock) against the RustSec
# advisory database with cargo audit; a known vulnerability fails; unmaintained
# or yanked crates are reported as warnings. Accepted advisories, each with
# the reason, are in .cargo/audit.toml.
#
# The database is a git repository kept in ADVISORY_DB (default ~/.cargo/advisory-db). It is
# updated from GitHub when GitHub is reachable; on machines that cannot reach it, point
# ADVISORY_DB_SOURCE at a copy (a path or URL git can clone) and it is cloned from there. No
# package on crates.io, PyPI, npm or Debian carries the database (searched 2026-11-29), so on
# machines that reach only those registries the audit cannot run: this says so loudly and exits
# with status 3, which the test suite reports in its summary line. A vulnerability exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
db=${ADVISORY_DB:-$HOME/.cargo/advisory-db}

if [ ! -d "$db/.git" ] && [ ! -f "$db/HEAD" ]; then
  source=${ADVISORY_DB_SOURCE:-https://github.com/rustsec/advisory-db.git}
  rm -rf "$db"
  timeout 120 git clone --quiet "$source" "$db" 2>/dev/null || true
else
  timeout 60 git -C "$db" pull --quiet --ff-only 2>/dev/null || true
fi
if [ ! -d "$db/crates" ]; then
  echo "NOT AUDITED: no RustSec advisory database (GitHub unreachable and ADVISORY_DB_SOURCE unset)." >&2
  exit 3
fi

# Installed here rather than by scripts/setup.sh: it takes a quarter of an hour to build and is
# useless without the database.
CARGO_AUDIT_VERSION=0.22.2
if ! cargo audit --version 2>/dev/null | grep -qF "$CARGO_AUDIT_VERSION"; then
  cargo install cargo-audit --version "$CARGO_AUDIT_VERSION" --locked
fi

echo "RustSec advisory database: $(git -C "$db" log -1 --format='%h of %cs')"
for lock in Cargo.lock fuzz/Cargo.lock; do
  [ -f "$lock" ] || continue
  echo "--- $lock"
  cargo audit --db "$db" --no-fetch --file "$lock"
done
