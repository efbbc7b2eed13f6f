#!/usr/bin/env bash
# Installs (when missing, as root) and starts the servers the test suite talks to: PostgreSQL and Redis
# on loopback, plus Chromium for the browser tests. Safe to run again when they already run.
set -euo pipefail

PG_ROLE=${OUTLAY_PG_ROLE:-outlay}
PG_PASSWORD=${OUTLAY_PG_PASSWORD:-outlay}
REDIS_PORT=${OUTLAY_REDIS_PORT:-6379}

log() { printf '[services] %s\n' "$*"; }

install_missing() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  if ((${#missing[@]} == 0)); then return 0; fi
  if [[ $(id -u) -ne 0 ]]; then
    log "missing ${missing[*]} and not root: install them, then run again"; exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

start_postgres() {
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
    pg_createcluster "$version" main >/dev/null
  fi
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    log "starting PostgreSQL $version"
    pg_ctlcluster "$version" main start || true
  fi
  for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  pg_isready -h 127.0.0.1 -p 5432 >/dev/null
  su postgres -c "psql -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
    CREATE ROLE $PG_ROLE LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
  END IF;
END
\$\$;
SQL
  log "PostgreSQL ready on 127.0.0.1:5432 (role $PG_ROLE)"
}

start_redis() {
  if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no >/dev/null
  fi
  for _ in $(seq 1 40); do redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.25; done
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null
  log "Redis ready on 127.0.0.1:$REDIS_PORT"
}

install_missing
start_postgres
start_redis
