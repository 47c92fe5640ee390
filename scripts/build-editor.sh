#!/usr/bin/env bash
# Builds the back office's rich text editor (editor/, Tiptap 3 with the npm packages pinned in
# editor/package-lock.json) into public/editor/editor.js, which `cargo leptos build` copies to the
# site. Type-checks the TypeScript first. Safe to rerun: packages are installed only when missing
# or when the lock file changed.
set -euo pipefail
cd "$(dirname "$0")/../editor"
if [ ! -d node_modules/@tiptap/core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npx tsc --noEmit
npm run build --silent
