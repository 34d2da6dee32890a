#!/usr/bin/env bash
# Builds kiosk's libFuzzer targets (tests/fuzz/<name>_fuzz.cpp) with clang++, AddressSanitizer and
# UndefinedBehaviorSanitizer in a build folder of their own, runs each for a while on its seed
# corpus and dictionary, and says per target how many inputs ran, the coverage reached and
# whether anything broke. Exits non-zero when a target crashed, leaked, timed out or ran out of
# memory; the input that did it is in BUILD/crashes/<target>/.
#
# New corpus entries go to BUILD/corpus/<target>/, never to the committed seeds, and a later run
# starts from them, so long fuzzing is resumed by running this again. Each run also adds a line a
# target to BUILD/history.tsv (CPU seconds, executions, coverage), for totals over many runs.
#
#   tests/fuzz/run.sh                      every target for 60 s, one after the other
#   tests/fuzz/run.sh --seconds 600 --target layout --jobs 2
#   nice -n 19 tests/fuzz/run.sh --seconds 3600 --keep-going     long runs, past crashes
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
targets_all="json config deck counter_content counter_reading counter_cache layout outside"
targets_all="$targets_all image_header deck_manifest url"

usage() {
    cat <<EOF
usage: tests/fuzz/run.sh [options] [-- libFuzzer flags...]
  --seconds N      how long each target runs (default 60)
  --target NAME    run only NAME (repeatable); targets: $targets_all
  --jobs N         targets run at once (default 1)
  --build-dir DIR  the clang build (default build-fuzz in the checkout)
  --compiler CXX   clang++ to build with (default clang++)
  --build-only     configure and build, run nothing
  --no-build       run what is built
  --keep-going     go on past a crash (libFuzzer's fork mode), for long runs
EOF
}

seconds=60
jobs=1
build_dir="$root/build-fuzz"
compiler="${CXX_FUZZ:-clang++}"
build=1
run=1
keep_going=0
targets=""
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --target) targets="$targets $2"; shift 2 ;;
        --jobs) jobs="$2"; shift 2 ;;
        --build-dir) build_dir="$2"; shift 2 ;;
        --compiler) compiler="$2"; shift 2 ;;
        --build-only) run=0; shift ;;
        --no-build) build=0; shift ;;
        --keep-going) keep_going=1; shift ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
targets="${targets:-$targets_all}"
for t in $targets; do
    case " $targets_all " in *" $t "*) ;; *) echo "run.sh: no target $t" >&2; exit 2 ;; esac
done
mkdir -p "$build_dir"
build_dir="$(cd "$build_dir" && pwd)"

if [ "$build" = 1 ]; then
    cmake -S "$root" -B "$build_dir" -DCMAKE_CXX_COMPILER="$compiler" -DKIOSK_FUZZ=ON \
          -DKIOSK_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$build_dir/configure.log" \
        || { cat "$build_dir/configure.log"; exit 1; }
    cmake --build "$build_dir" --target kiosk-fuzzers -j2
fi
[ "$run" = 1 ] || exit 0

# Inputs as large as the real ones get, and little more: most bugs want short inputs, and
# shorter inputs run faster.
max_len() {
    case "$1" in
        json|deck) echo 16384 ;;
        config|counter_reading|layout) echo 8192 ;;
        counter_cache) echo 4200 ;;  # the cache's own limit is 4096 bytes: a little past it
        counter_content) echo 4096 ;;
        outside|url) echo 2048 ;;
        deck_manifest) echo 16384 ;;
        image_header) echo 70000 ;;  # a JPEG's size may follow 64 KiB of metadata
    esac
}

symbolizer="$(command -v llvm-symbolizer || command -v llvm-symbolizer-14 || true)"
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$symbolizer"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# Runs one target; leaves its log, CPU seconds and the artifacts there were before in the
# target's folder under BUILD/logs/.
fuzz_one() {
    local t="$1" logs="$build_dir/logs/$1"
    local corpus="$build_dir/corpus/$t" crashes="$build_dir/crashes/$t"
    mkdir -p "$logs" "$corpus" "$crashes"
    ls "$crashes" >"$logs/artifacts-before"
    local mode=()
    [ "$keep_going" = 1 ] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    local status=0
    (
        cd "$logs"  # fork mode's workers leave their logs in the working folder
        TIMEFORMAT='%U %S'
        time "$build_dir/tests/fuzz/${t}_fuzz" -max_total_time="$seconds" \
            -max_len="$(max_len "$t")" -dict="$root/tests/fuzz/$t.dict" \
            -timeout=10 -rss_limit_mb=2048 \
            -artifact_prefix="$crashes/" -print_final_stats=1 "${mode[@]}" "${extra[@]}" \
            "$corpus" "$root/tests/fuzz/corpus/$t" >"$logs/fuzz.log" 2>&1
    ) 2>"$logs/cpu" || status=$?
    echo "$status" >"$logs/status"
}

running=0
for t in $targets; do
    fuzz_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

# The last status line libFuzzer printed: "#EXECS ... cov: C ft: F corp: N/SIZE" (or, in fork
# mode, "#EXECS: cov: C ft: F corp: N ...").
field() { sed -n "s/.* $1: *\([0-9]*\).*/\1/p" <<<"$2"; }

failed=0
printf '%-16s %-8s %12s %7s %8s %7s %8s  %s\n' target result execs cov ft corpus cpu_s found
for t in $targets; do
    logs="$build_dir/logs/$t"
    last="$(grep -E '^#[0-9]+:?[[:space:]].*cov: ' "$logs/fuzz.log" | tail -n 1 || true)"
    execs="$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")"
    cov="$(field cov "$last")"
    ft="$(field ft "$last")"
    corp="$(field corp "$last")"
    cpu="$(awk '{printf "%.0f", $1 + $2}' "$logs/cpu" 2>/dev/null || echo "?")"
    found="$(ls "$build_dir/crashes/$t" | grep -vxF -f "$logs/artifacts-before" \
                 | grep -v '^slow-unit-' || true)"
    status="$(cat "$logs/status")"
    result=ok
    if [ -n "$found" ] || [ "$status" != 0 ]; then
        result=FOUND
        failed=1
    fi
    printf '%-16s %-8s %12s %7s %8s %7s %8s  %s\n' "$t" "$result" "${execs:-?}" "${cov:-?}" \
        "${ft:-?}" "${corp:-?}" "$cpu" "$(echo $found)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$seconds" "$cpu" \
        "${execs:-}" "${cov:-}" "${ft:-}" "${corp:-}" "$(echo $found)" >>"$build_dir/history.tsv"
done

if [ "$failed" = 1 ]; then
    for t in $targets; do
        logs="$build_dir/logs/$t"
        grep -qE 'ERROR: |invariant broken|Test unit written' "$logs/fuzz.log" || \
            [ "$(cat "$logs/status")" != 0 ] || continue
        echo
        echo "== $t: $logs/fuzz.log"
        grep -B2 -A40 -m1 -E '==[0-9]+==ERROR|kiosk fuzz: invariant broken|runtime error:' \
            "$logs/fuzz.log" || tail -n 40 "$logs/fuzz.log"
    done
    echo
    echo "run.sh: a target broke; replay it with $build_dir/tests/fuzz/<target>_fuzz FILE"
fi
exit "$failed"
