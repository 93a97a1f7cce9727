#!/usr/bin/env bash
# The README's test command: makes Redis and PostgreSQL available on loopback (installing them
# when missing), installs the npm dependencies when needed, and runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/test-services.sh
if [ ! -x node_modules/.bin/vitest ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm test
