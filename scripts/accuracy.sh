#!/usr/bin/env bash
# Accuracy reports of the automatic categoriser and the SMS parser on labelled corpora.
# Usage: scripts/accuracy.sh <data folder holding merchants/dev.csv and sms/dev.jsonl>
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:?usage: scripts/accuracy.sh <data folder>}
dotnet build tools/Outlay.Accuracy -c Release -nologo -clp:ErrorsOnly -p:SkipWebBuild=true >/dev/null
run() { dotnet tools/Outlay.Accuracy/bin/Release/net10.0/Outlay.Accuracy.dll "$@"; }
if [[ -f $data/merchants/dev.csv ]]; then
  echo "== merchant categorisation: $data/merchants/dev.csv"
  run merchants "$data/merchants/dev.csv"
fi
if [[ -f $data/sms/dev.jsonl ]]; then
  echo "== SMS extraction: $data/sms/dev.jsonl"
  run sms "$data/sms/dev.jsonl"
fi
