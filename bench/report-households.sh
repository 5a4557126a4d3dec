#!/usr/bin/env bash
# Times `report households` (贫困户/监测户台账) from the command line, JVM start-up included, on a county demo ledger:
# the first 10,000 households (hidden --limit) and the whole county (about 30,000), as PDF and as .xlsx.
# For each: wall time, user and system CPU, peak RSS (/usr/bin/time), the most heap in use at any GC
# (-Xlog:gc), whether it also runs within -Xmx256m, and the load average before it.
#
#   bench/report-households.sh [DATA_DIR [RUNS]]
#
# DATA_DIR defaults to /tmp/county-report; without a ledger there, `demo --scale county` makes one first
# (a few minutes). Build first: mvn -B -o -q package -DskipTests
# Environment: JAR (default target/township-ledger.jar; another build to compare with), LIMITS (default
# "10000 0"; 0 is the whole county; a build before --limit existed takes LIMITS=0 only), FORMATS ("pdf xlsx"),
# LAUNCHER (default bin, the launcher bin/township-ledger with its class-data archive and C1; java for plain
# `java -jar`). The launcher's archive is made before the timings if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/township-ledger.jar}
DIR=${1:-/tmp/county-report}
RUNS=${2:-3}
OUT=$(mktemp -d /tmp/report-bench.XXXXXX)
trap 'rm -rf "$OUT"' EXIT

[ -f "$JAR" ] || { echo "build first: mvn -B -o -q package -DskipTests" >&2; exit 1; }

use_options() { # use_options JVM_OPTIONS: sets CMD to the command line that starts the program with them
    if [ "${LAUNCHER:-bin}" = java ]; then
        # shellcheck disable=SC2206
        CMD=(java $1 -jar "$JAR")
    else
        CMD=(env TOWNSHIP_LEDGER_JAR="$JAR" TOWNSHIP_LEDGER_JAVA_OPTS="$1" bin/township-ledger)
    fi
}
if [ ! -f "$DIR/ledger.mv.db" ]; then
    echo "making the county demo ledger in $DIR ..." >&2
    java -jar "$JAR" demo --scale county --data-dir "$DIR" >&2
fi
# A first open migrates an older ledger (V8 adds the register index): not part of the timings.
use_options ""
"${CMD[@]}" stats --data-dir "$DIR" > /dev/null

peak_heap() { # the largest "used before" figure of any GC pause, in MB
    grep -o '[0-9]*M->[0-9]*M' "$1" | cut -d'M' -f1 | sort -n | tail -1
}

printf '%-22s %-6s %8s %8s %7s %9s %9s %9s %s\n' case run wall_s user_s sys_s rss_MB heap_MB 256m_ok load1
for format in ${FORMATS:-pdf xlsx}; do
    for limit in ${LIMITS:-10000 0}; do
        name="$format $([ "$limit" = 0 ] && echo all || echo "first $limit")"
        for run in $(seq 1 "$RUNS"); do
            load=$(cut -d' ' -f1 /proc/loadavg)
            use_options "-Xlog:gc:file=$OUT/gc.log"
            /usr/bin/time -o "$OUT/time" -f '%e %U %S %M' "${CMD[@]}" report households --format "$format" \
                --out "$OUT/register.$format" --data-dir "$DIR" $([ "$limit" = 0 ] || echo --limit "$limit") > /dev/null
            read -r wall user sys rss < "$OUT/time"
            heap=$(peak_heap "$OUT/gc.log"); heap=${heap:-0}
            use_options -Xmx256m
            if "${CMD[@]}" report households --format "$format" --out "$OUT/small.$format" \
                    --data-dir "$DIR" $([ "$limit" = 0 ] || echo --limit "$limit") > /dev/null 2>&1; then ok=yes; else ok=NO; fi
            printf '%-22s %-6s %8s %8s %7s %9d %9s %9s %s\n' "$name" "$run" "$wall" "$user" "$sys" \
                $((rss / 1024)) "$heap" "$ok" "$load"
        done
        [ "$format" = pdf ] && pdfinfo "$OUT/register.pdf" 2>/dev/null | grep -E '^Pages' | sed "s/^/  $name: /" || true
    done
done
