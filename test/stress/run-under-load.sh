#!/usr/bin/env bash
# npm run test:load [-- --runs N --hogs N --logs DIR -- <vitest args>]
#
# Runs the test suite (vitest, as `npm test` does after its typecheck) N times in a row while a
# CPU hog spins on every core, and prints each run's pass/fail counts and duration. It exits
# non-zero if any run failed. It proves that no test depends on the machine being fast or idle:
# a test that passes only on a quiet machine fails here. Not part of `npm test`.
#
#   --runs N    suite runs (default 5)
#   --hogs N    busy-loop processes (default: one per core, `nproc`; 0 for a quiet comparison)
#   --logs DIR  where each run's full output goes (default: a new temporary directory)
#   -- ARGS     passed on to `vitest run` (e.g. a file, to repeat one test under load)
set -u -o pipefail

runs=5
hogs=$(nproc)
logs=''
vitest_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="${2:-}"; shift 2 ;;
    --runs=*) runs="${1#--runs=}"; shift ;;
    --hogs) hogs="${2:-}"; shift 2 ;;
    --hogs=*) hogs="${1#--hogs=}"; shift ;;
    --logs) logs="${2:-}"; shift 2 ;;
    --logs=*) logs="${1#--logs=}"; shift ;;
    --) shift; vitest_args=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-under-load: unknown argument \"$1\" (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 1 ]; then
  echo "run-under-load: --runs takes a whole number from 1, not \"$runs\"" >&2
  exit 2
fi
if ! [[ "$hogs" =~ ^[0-9]+$ ]]; then
  echo "run-under-load: --hogs takes a whole number (0: no hogs, for a quiet comparison), not \"$hogs\"" >&2
  exit 2
fi

cd "$(dirname "$0")/../.." || exit 2
[ -n "$logs" ] || logs=$(mktemp -d "${TMPDIR:-/tmp}/run-under-load.XXXXXX")
mkdir -p "$logs"

# The hogs: plain busy loops. Each also ends itself if this script dies without running the trap
# (SIGKILL): its parent changes, which it checks every ~50 M iterations (well under a second).
hog_pids=()
stop_hogs() {
  if [ ${#hog_pids[@]} -gt 0 ]; then
    kill "${hog_pids[@]}" 2>/dev/null
    wait "${hog_pids[@]}" 2>/dev/null
    hog_pids=()
  fi
}
trap stop_hogs EXIT
trap 'stop_hogs; exit 130' INT
trap 'stop_hogs; exit 143' TERM
for ((i = 0; i < hogs; i++)); do
  node -e 'const parent = Number(process.argv[1]); for (;;) { for (let i = 0; i < 5e7; i++); if (process.ppid !== parent) process.exit(0); }' "$$" &
  hog_pids+=($!)
done

echo "run-under-load: $runs run(s) of vitest under $hogs CPU hog(s) on $(nproc) core(s); logs in $logs"
failed_runs=0
total_start=$(date +%s)
for ((run = 1; run <= runs; run++)); do
  log="$logs/run-$run.log"
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s.%N)
  NO_COLOR=1 FORCE_COLOR=0 npx vitest run "${vitest_args[@]}" >"$log" 2>&1
  rc=$?
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')
  # The last line of test/support/summary-reporter.ts: "tests: N passed, N failed, N skipped".
  counts=$(grep -E '^tests: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped' "$log" | tail -1)
  passed=$(sed -E 's/^tests: ([0-9]+) passed.*/\1/' <<<"$counts")
  failed=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$counts")
  if [ -z "$counts" ]; then
    passed='?'
    failed='?'
  fi
  if [ "$rc" -eq 0 ] && [ "$failed" = 0 ]; then verdict=PASS; else verdict=FAIL; failed_runs=$((failed_runs + 1)); fi
  printf 'run %d/%d: %s  %s passed, %s failed  %ss  (load average before: %s)  %s\n' "$run" "$runs" "$verdict" "$passed" "$failed" "$seconds" "$load" "$log"
  if [ "$verdict" = FAIL ]; then
    # vitest's failure list: " FAIL  file > describe > test".
    if grep -qE '^ *FAIL ' "$log"; then
      grep -E '^ *FAIL ' "$log" | sed 's/^ */    /' | sort -u | head -20
    else
      echo "    vitest exited $rc; last lines of its output:"
      tail -5 "$log" | sed 's/^/    /'
    fi
  fi
done
stop_hogs
echo "run-under-load: $((runs - failed_runs))/$runs run(s) passed in $(($(date +%s) - total_start))s"
[ "$failed_runs" -eq 0 ]
