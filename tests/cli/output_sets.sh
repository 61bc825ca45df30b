#!/usr/bin/env bash
# A run's outputs are one set (docs/reliability.md): results file and scorecards are either the complete
# earlier set or the complete new one, whatever fails and whenever the run is killed. Faults are injected into
# the real `pneumoplan run` with strace (as root): an error returned by the N-th call of every fsync, rename,
# link, unlink, mkdir and write (and by every rename from the N-th on), by every 100th pwrite64 and pread64
# (HDF5's writes and reads), and SIGKILL
# delivered at the N-th fsync, rename, link and unlink (unlinkat: the removal of a staging folder). After each, the folder holds the earlier or the new
# set, or a committed set whose move a reader completes (`pneumoplan stations` reads the folder: the next
# command that reads or writes it settles the set). Then it must hold exactly one complete set and no
# temporary.
#   output_sets.sh PNEUMOPLAN SMALL_SCENARIO
# PNEUMO_FULL_FAULT_CAMPAIGN=1 injects into every pwrite64 and pread64 as well (minutes, by hand).
# Skipped (exit 77) where strace is missing or may not trace (no ptrace), and in a sanitizer build.
set -u
bin="$1"; scenario="$2"
command -v strace >/dev/null || { echo "SKIP: strace is missing (tools/install_dependencies.sh --for-tests)"; exit 77; }
strace -o /dev/null -e trace=none true 2>/dev/null || { echo "SKIP: strace may not trace here (ptrace)"; exit 77; }
# Not in a sanitizer build (tests/CMakeLists.txt sets PNEUMO_SANITIZED_BUILD): the injected faults would land in
# the sanitizer runtime's own system calls — AddressSanitizer writes and checks its writes, and LeakSanitizer
# stops the threads with ptrace at exit, which it cannot do to a traced process — so the test would test the
# sanitizer, not pneumoplan. The Release suite runs it.
[ "${PNEUMO_SANITIZED_BUILD:-0}" = 1 ] && { echo "SKIP: sanitizer build (strace's faults would hit the sanitizer runtime)"; exit 77; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $1"; failures=$((failures+1)); }
# One replicate of eleven years, one thread (injection counts per thread; all file I/O is on the main one).
args=(run "$scenario" --replicates 1 --threads 1 --set simulation.start_year=2015 --set simulation.end_year=2025 --quiet)
files=(r.h5 r.scorecard.csv r.scorecard.md)

"$bin" "${args[@]}" --seed 1 --out "$work/old/r.h5" >/dev/null || exit 1
"$bin" "${args[@]}" --seed 2 --out "$work/new/r.h5" >/dev/null || exit 1

# old, new, "pending/..." (a committed set whose move was cut off: readers complete it; then what the final
# names hold), or what is wrong.
state() {
  local dir="$1" f kind=""
  if [ -n "$(find "$dir" -maxdepth 2 -path '*/.pneumoplan-set-*/MANIFEST')" ]; then
    echo "pending/$(finals "$dir")"
    return
  fi
  kind=$(finals "$dir")
  case "$kind" in old|new) ;; *) echo "$kind"; return ;; esac
  local left
  left=$(find "$dir" -mindepth 1 \( -name '.*.tmp-*' -o -name '.pneumoplan-set-*' \) -prune -print)
  [ -z "$left" ] || { echo "$kind, with $(basename "$left")"; return; }
  echo "$kind"
}

# What the final names hold: old, new or mixed.
finals() {
  local dir="$1" f kind=""
  for f in "${files[@]}"; do
    local this=none
    if cmp -s "$dir/$f" "$work/old/$f"; then this=old; elif cmp -s "$dir/$f" "$work/new/$f"; then this=new; fi
    [ -z "$kind" ] && kind=$this
    [ "$this" = "$kind" ] || { echo "mixed ($f is $this, ${files[0]} is $kind)"; return; }
  done
  echo "$kind"
}

# Calls of each system call in one run over the earlier set, on the main thread.
dir="$work/count"; rm -rf "$dir"; cp -r "$work/old" "$dir"
strace -c -U name,calls -o "$work/counts" "$bin" "${args[@]}" --seed 2 --out "$dir/r.h5" >/dev/null 2>&1
calls() { awk -v s="$1" '$1 == s { print $2 }' "$work/counts"; }

runs=0
declare -A outcomes
# inject LABEL STRACE_INJECTION: one run over a copy of the earlier set, then the checks.
inject() {
  local label="$1" injection="$2"
  dir="$work/run"; rm -rf "$dir"; cp -r "$work/old" "$dir"
  local syscall=${injection%%:*}
  # The subshell keeps the shell's "Killed" notice out of the test's output.
  (strace -o /dev/null -e trace="$syscall" -e inject="$injection" "$bin" "${args[@]}" --seed 2 --out "$dir/r.h5" \
     >/dev/null 2>"$work/stderr"; exit $?) 2>/dev/null
  local rc=$? before after
  before=$(state "$dir")
  case "$rc" in
    # Success: the new set under the final names. A temporary or staging folder whose removal failed at the
    # very end may stay: the next command removes it.
    0) case "$before" in new|"new, with "*|pending/new) ;; *) fail "$label: exit code 0, but the folder holds: $before" ;; esac ;;
    1) grep -q '^error: ' "$work/stderr" && [ "$(wc -l <"$work/stderr")" -eq 1 ] ||
         fail "$label: exit code 1 without one error line: $(cat "$work/stderr")" ;;
    137) ;;  # killed
    *) fail "$label: exit code $rc: $(tail -c 300 "$work/stderr")" ;;
  esac
  # Before a reader settles the folder: one complete set, or a committed one (with leftovers of the killed
  # process that the reader removes).
  case "$before" in old|new|pending/*|*", with "*) ;; *) fail "$label: before settling: $before" ;; esac
  after=$before
  if [ "$before" != old ] && [ "$before" != new ]; then
    "$bin" stations "$dir/r.h5" >/dev/null 2>"$work/reader" || fail "$label: the reader refused the folder: $(cat "$work/reader")"
    after=$(state "$dir")
  fi
  case "$after" in old|new) ;; *) fail "$label: after settling: $after" ;; esac
  [ "$rc" = 0 ] || [ "$rc" = 1 ] || [ "$rc" = 137 ] || echo "  ($label: exit code $rc)"
  outcomes["$rc $after"]=$(( ${outcomes["$rc $after"]:-0} + 1 ))
  runs=$((runs+1))
}

stride=100
[ "${PNEUMO_FULL_FAULT_CAMPAIGN:-0}" = 1 ] && stride=1
for spec in fsync:EIO rename:EACCES link:EPERM unlink:EIO unlinkat:EIO mkdir:ENOSPC write:EIO \
            pwrite64:ENOSPC pread64:EIO; do
  syscall=${spec%%:*}; errno=${spec#*:}
  n=$(calls "$syscall"); [ -n "$n" ] || continue
  first=1; step=1
  case "$syscall" in
    pwrite64) step=$stride ;;
    pread64) first=3; step=$stride ;;  # the first two are the dynamic loader's, reading libc
  esac
  for ((k = first; k <= n; k += step)); do inject "$syscall=$errno #$k" "$syscall:error=$errno:when=$k"; done
done
# A rename that keeps failing (permissions changed under the run): putting the earlier set back fails too,
# the committed set stays for the reader to complete.
n=$(calls rename)
for ((k = 1; k <= n; k++)); do inject "rename=EACCES from #$k on" "rename:error=EACCES:when=$k+"; done
for syscall in fsync rename link unlink; do
  n=$(calls "$syscall"); [ -n "$n" ] || continue
  for ((k = 1; k <= n; k++)); do inject "SIGKILL at $syscall #$k" "$syscall:signal=KILL:when=$k"; done
done

summary=""
for key in "${!outcomes[@]}"; do summary+=" [exit ${key% *} -> ${key#* } set: ${outcomes[$key]}]"; done
echo "fault and kill injections: $runs runs;$summary"
echo "system calls of one run: $(for s in fsync rename link unlink unlinkat mkdir write pwrite64 pread64; do printf '%s %s, ' "$s" "$(calls $s)"; done)"
[ "$failures" -eq 0 ] && echo "every run left one complete set"
exit "$failures"
