#!/usr/bin/env bash
# A real single-node Slurm: munge, slurmctld and slurmd from Debian's packages, a minimal slurm.conf written
# here, started here; then the sweep's job array (pneumoplan sweep --slurm-array) runs end to end with
# `sbatch --wait` and its merged shards must equal the threaded run byte for byte. Every daemon is this test's
# own: munged with its own key and socket in the scratch folder, the Slurm daemons on two ports that were free
# when the test began; each is stopped by the process id it recorded, never by name, so a second run of the test
# or another user's munge or Slurm on the machine is left alone. Where the machine does not allow it (not root,
# packages missing, daemons that do not start), the test is skipped (exit 77) saying why.
set -eu
bin="$1"; small="$2"
skip() { echo "SKIPPED: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "starting munge and the Slurm daemons needs root"
for program in munged mungekey slurmctld slurmd sbatch sinfo scontrol; do
  command -v "$program" >/dev/null || [ -x "/usr/sbin/$program" ] || skip "$program is missing (apt-get install slurm-wlm munge)"
done
export PATH="$PATH:/usr/sbin"
work=$(mktemp -d /tmp/pneumoplan-slurm.XXXXXX)
chmod 755 "$work"
# The daemons' process ids, read from their pid files once they have started.
munged_pid=""; slurmctld_pid=""; slurmd_pid=""
pid_from() {  # the pid a daemon wrote to FILE, waiting up to 5 s for it
  local file="$1"
  for _ in $(seq 1 50); do
    [ -s "$file" ] && { cat "$file" 2>/dev/null && return 0; }
    sleep 0.1
  done
  return 1
}
stop() {  # stops process PID if it is still the program NAME, and waits for it
  local pid="$1" name="$2"
  [ -n "$pid" ] || return 0
  grep -q "$name" "/proc/$pid/cmdline" 2>/dev/null || return 0  # gone, or the id now belongs to another process
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  SLURM_CONF="$work/slurm.conf" timeout 10 scontrol shutdown >/dev/null 2>&1 || true
  stop "$slurmctld_pid" slurmctld
  stop "$slurmd_pid" slurmd
  stop "$munged_pid" munged
  rm -rf "$work"
}
trap cleanup EXIT

# munge: this test's own daemon, key and socket (munged wants the socket's folder searchable by all).
mkdir -m 755 "$work/munge"
mungekey --create --keyfile="$work/munge/munge.key" >/dev/null 2>&1 || skip "mungekey could not create a key"
socket="$work/munge/munge.socket"
munged --socket="$socket" --key-file="$work/munge/munge.key" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" || skip "munged did not start"
munged_pid=$(pid_from "$work/munge/munged.pid") || skip "munged wrote no pid file"
for _ in $(seq 1 50); do [ -S "$socket" ] && break; sleep 0.1; done
[ -S "$socket" ] || skip "munged made no socket: $(tail -2 "$work/munge/munged.log" 2>/dev/null | tr '\n' ' ')"

# Two ports free now (the kernel hands out unused ones for port 0), for slurmctld and slurmd.
read -r ctld_port slurmd_port < <(/usr/bin/python3 -c '
import socket
held = [socket.socket() for _ in range(2)]
for s in held: s.bind(("", 0))
print(*[s.getsockname()[1] for s in held])')
[ -n "$ctld_port" ] && [ -n "$slurmd_port" ] || skip "no free ports found"

host=$(hostname -s)
mkdir -p "$work/state" "$work/spool" "$work/log" "$work/sweep"
cat >"$work/slurm.conf" <<CONF
ClusterName=pneumoplan-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
NodeName=$host CPUs=$(nproc) RealMemory=$(awk '/^MemTotal/ {print int($2 / 1024 * 0.9)}' /proc/meminfo) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld || skip "slurmctld did not start (see its log)"
slurmctld_pid=$(pid_from "$work/slurmctld.pid") || skip "slurmctld wrote no pid file"
slurmd || skip "slurmd did not start"
slurmd_pid=$(pid_from "$work/slurmd.pid") || skip "slurmd wrote no pid file"
for _ in $(seq 1 50); do
  sinfo -h -o %t 2>/dev/null | grep -q idle && break
  sleep 0.2
done
sinfo -h -o %t | grep -q idle || skip "the Slurm node did not become idle: $(sinfo -h 2>&1 | head -1)"

# Preflight: a trivial job. If even that cannot run, this machine does not allow Slurm jobs (skip); if it runs,
# the sweep's array must too.
printf '#!/bin/bash\necho ready\n' >"$work/hello.sh"
timeout 60 sbatch --wait --output="$work/hello.out" "$work/hello.sh" >/dev/null 2>&1 && grep -q ready "$work/hello.out" \
  || skip "a trivial Slurm job did not run here: $(tail -3 "$work/log/slurmd.log" 2>/dev/null | tr '\n' ' ')"

spec="$work/sweep.ini"
cat >"$spec" <<SPEC
[sweep]
scenario = $small
design = sobol
points = 6
replicates = 1
seed = 9
end_year = 2030
outputs = new_diagnoses

[parameter.attendance]
key = surveillance.attendance
min = 0.4
max = 1.0
SPEC
"$bin" sweep "$spec" --threads 1 --out "$work/threads.h5" --quiet >/dev/null
# A trailing slash on the folder must not give paths like sweep//shard-0.h5; --time and the memory estimate
# reach the script, and --progress-every reaches every task, whose log then shows progress while it runs.
"$bin" sweep "$spec" --slurm-array "$work/sweep/" --tasks 3 --time 0:10:00 --progress-every 0.05 >/dev/null
script="$work/sweep/sweep.sbatch"
grep -q '^#SBATCH --mem=[1-9][0-9]*M$' "$script" || { echo "no --mem in the script"; cat "$script"; exit 1; }
grep -q '^#SBATCH --time=0:10:00$' "$script" || { echo "no --time in the script"; exit 1; }
! grep -q '//' "$script" || { echo "a doubled slash in the script"; cat "$script"; exit 1; }
timeout 300 sbatch --wait "$script" >/dev/null || {
  cat "$work"/sweep/slurm-*.out 2>/dev/null | tail -20
  echo "the job array failed"; exit 1; }
grep -q 'pneumoplan sweep: [0-9]*/[0-9]* points' "$work"/sweep/slurm-*.out || {
  echo "no progress line in the tasks' logs:"; cat "$work"/sweep/slurm-*.out; exit 1; }
"$bin" merge "$work"/sweep/shard-*.h5 --out "$work/merged.h5" --quiet >/dev/null
cmp "$work/threads.h5" "$work/merged.h5"
echo "Slurm job array of 3 tasks merged to a file identical to the threaded run"
