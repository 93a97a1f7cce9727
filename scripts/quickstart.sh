#!/usr/bin/env bash
# The README's first command: installs what the gateway needs on a fresh Debian/Ubuntu machine
# (redis-server, npm dependencies), loads the sample master data into an empty store so the
# bundled sample faxes find their customers and articles, and starts faxgate on its embedded
# defaults (SQLite and a private Redis under ./data, http://127.0.0.1:3000).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    echo "installing redis-server ..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  else
    echo "faxgate needs redis-server: sudo apt-get install -y redis-server (or set REDIS_URL)" >&2
    exit 1
  fi
fi
# Runtime packages only: the test tools come with scripts/test.sh.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --omit=dev --no-audit --no-fund
fi
node bin/faxgate.js import --if-empty products fixtures/master-data/products.csv
node bin/faxgate.js import --if-empty customers fixtures/master-data/customers.csv
node bin/faxgate.js import --if-empty customer-skus fixtures/master-data/customer_skus.csv
exec npm start
