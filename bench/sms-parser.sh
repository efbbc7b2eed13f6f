#!/usr/bin/env bash
# SMS parser benchmark: parses a JSONL corpus (default: the shared dev set) for 5 s on one thread and
# writes messages/s and per-message latency to bench/results/sms-parser.md.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/data/sms/dev.jsonl}
dotnet build bench/Outlay.Bench -c Release -nologo -clp:ErrorsOnly -p:SkipWebBuild=true
mkdir -p bench/results
dotnet bench/Outlay.Bench/bin/Release/net10.0/Outlay.Bench.dll sms-parser "$corpus" bench/results/sms-parser.md
