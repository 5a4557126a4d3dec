#!/usr/bin/env bash
# Import of a 100,000-member-row .xlsx (about 25,000 households) with -Xmx512m into a ledger that has the file's
# villages and no households, then the same file again (every household updated): wall time, CPU and peak memory
# of each, and the stages the import logged (wall and CPU time of the importing thread). Build first:
# mvn -B package -DskipTests.
# Usage: bench/households-import.sh [rows]    (keeps nothing; the files live in a temp folder)
# LAUNCHER=java times plain `java -jar`; by default the import runs through bin/township-ledger (its class-data
# archive, made first if missing, and its collector).
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
jar=target/township-ledger.jar
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

java -cp "$jar:target/lib/*" bench/HouseholdsXlsx.java "$dir/households.xlsx" "$dir/villages.csv" "$rows"
ls -l "$dir/households.xlsx" | awk '{printf "file: %.1f MB\n", $5/1048576}'
java -jar "$jar" init --data-dir "$dir/ledger" --township 示范县 --county 示范县 --year 2025 > /dev/null 2>&1
java -jar "$jar" villages import "$dir/villages.csv" --data-dir "$dir/ledger"

use_options() { # use_options JVM_OPTIONS: sets CMD to the command line that starts the program with them
    if [ "${LAUNCHER:-bin}" = java ]; then
        # shellcheck disable=SC2206
        CMD=(java $1 -jar "$jar")
    else
        CMD=(env TOWNSHIP_LEDGER_JAR="$jar" TOWNSHIP_LEDGER_JAVA_OPTS="$1" bin/township-ledger)
    fi
}
[ "${LAUNCHER:-bin}" = java ] || bin/township-ledger --version > /dev/null

run() {
    echo "== $1 (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    rm -f "$dir/gc.log"
    use_options "-Xmx512m -Xlog:gc:file=$dir/gc.log"
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -v -o "$dir/time.txt" "${CMD[@]}" households import "$dir/households.xlsx" \
            --data-dir "$dir/ledger"
        grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$dir/time.txt"
    else
        start=$(date +%s.%N)
        "${CMD[@]}" households import "$dir/households.xlsx" --data-dir "$dir/ledger"
        end=$(date +%s.%N)
        awk -v s="$start" -v e="$end" 'BEGIN {printf "wall: %.1f s\n", e-s}'
    fi
    # Largest heap in use before a collection, from the GC log ("123M->45M(512M)").
    grep -oE '[0-9]+M->[0-9]+M' "$dir/gc.log" | cut -dM -f1 | sort -n | tail -1 \
        | awk '{print "peak heap before GC: " $1 " MB (of -Xmx512m)"}'
    # The stages, from the ledger's log (the two lines of this run).
    grep -h "Households import\|Compacted" "$dir"/ledger/logs/*.log | tail -3 | sed 's/^.* - /  /'
}
run "import into a ledger without households"
run "the same file again (every household updated)"
ls -l "$dir/ledger/ledger.mv.db" | awk '{printf "ledger file after both imports: %.1f MB\n", $5/1048576}'
java -jar "$jar" stats --data-dir "$dir/ledger"
