#!/usr/bin/env bash
# Time to first window: Township Ledger against a bare JavaFX hello-world, same JVM, same display.
# Needs a display (e.g. `Xvfb :99 &` and DISPLAY=:99) and `mvn -B package` first.
# Usage: bench/startup.sh [runs]   (default 5). Prints each run and the medians, then the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/township-ledger.jar
[ -f "$jar" ] || { echo "build first: mvn -B package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fxcp=$(ls target/lib/javafx-*-linux.jar | tr '\n' ':')
javac -d "$work/hello" -cp "$fxcp" bench/HelloFx.java
java -jar "$jar" demo --scale township --data-dir "$work/ledger" > /dev/null 2>&1

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for i in $(seq "$runs"); do
  java -cp "$work/hello:$fxcp" HelloFx 2>/dev/null | awk '/first-window-ms/ {print $2}'
done > "$work/hello.txt"

for i in $(seq "$runs"); do
  log="$work/ledger/logs/ledger-$(date +%Y-%m-%d).log"
  : > "$log" 2>/dev/null || true
  java -jar "$jar" --data-dir "$work/ledger" > /dev/null 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    grep -q "ready after" "$log" 2>/dev/null && break
    sleep 0.1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  first=$(grep -o 'First window after [0-9]*' "$log" | awk '{print $4}' | tail -1)
  ready=$(grep -o 'ready after [0-9]*' "$log" | awk '{print $3}' | tail -1)
  echo "$first $ready"
  sleep 1
done > "$work/app.txt"

echo "hello-world first window (ms): $(tr '\n' ' ' < "$work/hello.txt")"
echo "ledger first window (ms):      $(awk '{print $1}' "$work/app.txt" | tr '\n' ' ')"
echo "ledger ready, villages shown (ms): $(awk '{print $2}' "$work/app.txt" | tr '\n' ' ')"
h=$(median < "$work/hello.txt"); a=$(awk '{print $1}' "$work/app.txt" | median); r=$(awk '{print $2}' "$work/app.txt" | median)
echo "median: hello $h ms, ledger first window $a ms, ledger ready $r ms"
awk -v a="$a" -v h="$h" -v r="$r" 'BEGIN {printf "ratio first window / hello = %.2f; ready / hello = %.2f\n", a/h, r/h}'
