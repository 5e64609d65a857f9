#!/usr/bin/env bash
# npm run bench: every benchmark under bench/, one after the other (they measure time: run them on a quiet machine).
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in bench/*.ts; do
  echo "== $bench"
  npx tsx "$bench"
done
