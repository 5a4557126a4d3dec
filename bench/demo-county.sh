#!/usr/bin/env bash
# Wall time of `demo --scale county` (650 villages), then its stats. Build first: mvn -B package.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
start=$(date +%s.%N)
java -jar target/township-ledger.jar demo --scale county --data-dir "$dir/ledger" > /dev/null
end=$(date +%s.%N)
java -jar target/township-ledger.jar stats --data-dir "$dir/ledger"
awk -v s="$start" -v e="$end" 'BEGIN {printf "demo --scale county: %.1f s\n", e-s}'
