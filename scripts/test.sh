#!/usr/bin/env bash
# Runs every test of Outlay on a fresh machine: installs and starts PostgreSQL, Redis and Chromium,
# then the web app's tests, the unit tests, and the integration tests on SQLite and on PostgreSQL + Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/test-results"
mkdir -p "$results"
: > "$results/summary.txt"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/services.sh

echo "== web app: install and unit tests"
(cd web && npm ci --no-audit --no-fund && npm test)

echo "== build"
dotnet build Outlay.slnx -c Release -nologo -clp:ErrorsOnly

run_tests() { # name, project, then environment assignments
  local name=$1 project=$2; shift 2
  echo "== $name"
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "console;verbosity=minimal" --results-directory "$results/$name" 2>&1 | tee "$results/$name.log"
  local status=${PIPESTATUS[0]}
  grep -E "^(Passed|Failed)!" "$results/$name.log" | sed "s/^/$name: /" >> "$results/summary.txt" || true
  return "$status"
}

status=0
run_tests unit tests/Outlay.Api.Tests || status=1
run_tests integration-sqlite tests/Outlay.Api.IntegrationTests OUTLAY_TEST_DATABASE=sqlite || status=1
run_tests integration-postgres tests/Outlay.Api.IntegrationTests OUTLAY_TEST_DATABASE=postgres \
  OUTLAY_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=outlay;Password=outlay;Database=postgres" \
  OUTLAY_TEST_REDIS="127.0.0.1:6379" || status=1
run_tests e2e tests/Outlay.Web.E2E || status=1

echo "== summary"
cat "$results/summary.txt"
awk '{ for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed\n", p, f }' "$results/summary.txt"
exit "$status"
