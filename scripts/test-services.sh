#!/usr/bin/env bash
# Makes the services the tests need available on loopback: Redis on 6379 and PostgreSQL on
# 5432 with database faxgate_test (user postgres, password postgres), and chromium for the
# browser tests. Installs them with
# apt-get when missing (needs root). Sourced by scripts/test.sh and .ci/run.
set -euo pipefail

need=()
command -v redis-server >/dev/null || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v xmllint >/dev/null || need+=(libxml2-utils)
# The clerk's-desk browser tests drive Debian's chromium through playwright-core.
[ -x /usr/bin/chromium ] || need+=(chromium)
# IMAP tests start a private dovecot (test/helpers/dovecot.ts); no system service is enabled
[ -x /usr/sbin/dovecot ] || need+=(dovecot-imapd)
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing ${need[*]}: run as root, or install them: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "installing ${need[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --port 6379 --bind 127.0.0.1 --daemonize yes --save '' --appendonly no >/dev/null
  for _ in $(seq 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
  fi
  pg_ctlcluster "$version" main start
  for _ in $(seq 100); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 0.1; done
fi
su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='faxgate_test'\"" | grep -q 1 ||
  su postgres -c "psql -qc 'CREATE DATABASE faxgate_test'" >/dev/null
echo "test services ready: redis://127.0.0.1:6379, postgres://postgres:***@127.0.0.1:5432/faxgate_test"
