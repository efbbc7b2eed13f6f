#!/usr/bin/env bash
# Runs every test of Outlay on a fresh machine: installs and starts PostgreSQL, Redis and Chromium,
# then the web app's tests, the unit tests, the integration tests on SQLite and on PostgreSQL + Redis
# (OUTLAY_TEST_REPEAT times, default 1), and the browser tests. Every suite runs even when an earlier
# one fails; the script fails at the end. Server logs of the integration tests go to
# test-results/server-logs/<suite>/<Folder.TestClass>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/test-results"
repeat=${OUTLAY_TEST_REPEAT:-1}
rm -rf "$results/server-logs"
mkdir -p "$results"
: > "$results/summary.txt"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/services.sh

status=0

echo "== web app: install and unit tests"
if (cd web && npm ci --no-audit --no-fund && NO_COLOR=1 npm test) 2>&1 | tee "$results/web.log"; then :; else status=1; fi
# Vitest's "Tests  2 failed | 85 passed (87)" in the words of the .NET lines below, so one sum counts both.
web_failed=$(grep -E "^ +Tests +" "$results/web.log" | grep -oE "[0-9]+ failed" | grep -oE "[0-9]+" || echo 0)
web_passed=$(grep -E "^ +Tests +" "$results/web.log" | grep -oE "[0-9]+ passed" | grep -oE "[0-9]+" || echo 0)
if grep -qE "^ +Tests +" "$results/web.log"; then
  echo "web: Vitest - Failed: ${web_failed:-0}, Passed: ${web_passed:-0}" >> "$results/summary.txt"
else
  echo "web: Vitest did not run - Failed: 1, Passed: 0" >> "$results/summary.txt"
fi

echo "== build"
if ! dotnet build Outlay.slnx -c Release -nologo -clp:ErrorsOnly; then
  echo "build: failed - Failed: 1, Passed: 0" >> "$results/summary.txt"
  cat "$results/summary.txt"
  exit 1
fi

# The first entry of a server log worth reading: an unhandled exception (a 500, a crashed host) if
# there is one, otherwise the first error of any kind.
first_server_error() { # log file
  local file=$1 start
  start=$(grep -nE "^[0-9:.]+ (Critical .*|Error .*(ExceptionHandler|Hosting|Kestrel|Outlay)).*" "$file" | head -n 1 | cut -d: -f1)
  [[ -n $start ]] || start=$(grep -nE "^[0-9:.]+ Error " "$file" | head -n 1 | cut -d: -f1)
  [[ -n $start ]] || return 1
  tail -n "+$start" "$file" | awk 'NR > 1 && /^[0-9:.]+ (Warning|Error|Critical) / {exit} {print}' | head -n 40
}

# For each failed test, the first exception its class's servers logged (the full logs are in $2).
print_server_errors() { # trx file, server log folder
  local trx=$1 logs=$2
  [[ -f $trx ]] || return 0
  grep -oE 'testName="[^"]+"[^>]*outcome="Failed"' "$trx" | sed -E 's/testName="([^"(]+).*/\1/' | sort -u |
    while read -r test; do
      local class=${test%.*}
      local file="$logs/${class#Outlay.Api.IntegrationTests.}.log"
      echo "-- failed: $test"
      if [[ ! -f $file ]]; then
        echo "   (no server log at $file)"
      elif ! first_server_error "$file" | sed 's/^/   | /'; then
        echo "   its servers logged no error ($file)"
      fi
    done
}

run_tests() { # name, project, then environment assignments
  local name=$1 project=$2; shift 2
  local logs="$results/server-logs/$name"
  echo "== $name"
  env OUTLAY_TEST_LOGS="$logs" "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "console;verbosity=minimal" --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results/$name" 2>&1 | tee "$results/$name.log"
  local test_status=${PIPESTATUS[0]}
  if grep -qE "^(Passed|Failed)!" "$results/$name.log"; then
    grep -E "^(Passed|Failed)!" "$results/$name.log" | sed "s/^/$name: /" >> "$results/summary.txt"
  else
    echo "$name: did not report - Failed: 1, Passed: 0" >> "$results/summary.txt"
  fi
  if ((test_status != 0)); then
    print_server_errors "$results/$name/$name.trx" "$logs" | tee -a "$results/failures.txt"
  fi
  return "$test_status"
}

: > "$results/failures.txt"
run_tests unit tests/Outlay.Api.Tests || status=1
run_tests integration-sqlite tests/Outlay.Api.IntegrationTests OUTLAY_TEST_DATABASE=sqlite || status=1
for ((run = 1; run <= repeat; run++)); do
  suffix=$([[ $repeat -gt 1 ]] && echo "-run$run" || true)
  run_tests "integration-postgres$suffix" tests/Outlay.Api.IntegrationTests OUTLAY_TEST_DATABASE=postgres \
    OUTLAY_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=outlay;Password=outlay;Database=postgres" \
    OUTLAY_TEST_REDIS="127.0.0.1:6379" || status=1
done
run_tests e2e tests/Outlay.Web.E2E || status=1

echo "== summary"
cat "$results/summary.txt"
if [[ -s "$results/failures.txt" ]]; then
  echo "== failed tests and their servers' first errors (test-results/failures.txt)"
  cat "$results/failures.txt"
fi
awk '{ for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1) } }
     END { gsub(",", "", p); printf "%d passed, %d failed\n", p, f }' "$results/summary.txt"
exit "$status"
