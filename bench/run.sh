#!/usr/bin/env bash
# Report benchmark: two servers on one PostgreSQL database (report cache on / off) with Redis, a user
# with 100,000 expenses and one with 100, load from bench/Outlay.Bench; figures go to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS outlay_bench WITH (FORCE)' -c 'CREATE DATABASE outlay_bench OWNER outlay' -c 'GRANT pg_checkpoint TO outlay'"
connection="Host=127.0.0.1;Database=outlay_bench;Username=outlay;Password=outlay;Maximum Pool Size=8;Max Auto Prepare=32"
dotnet build src/Outlay.Api -c Release -nologo -clp:ErrorsOnly
dotnet build bench/Outlay.Bench -c Release -nologo -clp:ErrorsOnly -p:SkipWebBuild=true
data=$(mktemp -d)
start_server() { # port, cache minutes
  Outlay__Database__Provider=Postgres Outlay__Database__ConnectionString="$connection" \
  Outlay__Redis__Configuration=127.0.0.1:6379 Outlay__Redis__InstanceName="outlay-bench-$1:" \
  Outlay__DataPath="$data" Outlay__Reports__CacheMinutes="$2" Outlay__Auth__BcryptCost=10 \
  Outlay__Auth__RateLimits__SignupPerMinute=1000 Logging__LogLevel__Default=Warning \
  DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 \
    dotnet src/Outlay.Api/bin/Release/net10.0/Outlay.Api.dll --urls "http://127.0.0.1:$1" > "$data/server-$1.log" 2>&1 &
  echo $!
}
cached=$(start_server 5091 30)
sleep 3 # the first server applies the migrations before the second starts
uncached=$(start_server 5092 0)
trap 'kill $cached $uncached 2>/dev/null || true' EXIT
for port in 5091 5092; do
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 0.5; done
done
mkdir -p bench/results
dotnet bench/Outlay.Bench/bin/Release/net10.0/Outlay.Bench.dll http://127.0.0.1:5091 http://127.0.0.1:5092 "$connection" bench/results/reports.md
