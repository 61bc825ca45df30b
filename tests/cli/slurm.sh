#!/usr/bin/env bash
# A real single-node Slurm: munge, slurmctld and slurmd from Debian's packages, a minimal slurm.conf written
# here, started here; then the sweep's job array (pneumoplan sweep --slurm-array) runs end to end with
# `sbatch --wait` and its merged shards must equal the threaded run byte for byte. Where the machine does not
# allow it (not root, packages missing, daemons that do not start), the test is skipped (exit 77) saying why.
set -eu
bin="$1"; small="$2"
skip() { echo "SKIPPED: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "starting munge and the Slurm daemons needs root"
for program in munged slurmctld slurmd sbatch sinfo scontrol; do
  command -v "$program" >/dev/null || [ -x "/usr/sbin/$program" ] || skip "$program is missing (apt-get install slurm-wlm munge)"
done
export PATH="$PATH:/usr/sbin"
work=$(mktemp -d /tmp/pneumoplan-slurm.XXXXXX)
chmod 755 "$work"
started_munge=0
cleanup() {
  SLURM_CONF="$work/slurm.conf" scontrol shutdown >/dev/null 2>&1 || true
  sleep 1
  [ -f "$work/slurmctld.pid" ] && kill "$(cat "$work/slurmctld.pid")" 2>/dev/null || true
  [ -f "$work/slurmd.pid" ] && kill "$(cat "$work/slurmd.pid")" 2>/dev/null || true
  [ "$started_munge" -eq 1 ] && pkill -x munged 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# munge: its key comes with the package; its socket folder does not survive a reboot.
[ -s /etc/munge/munge.key ] || mungekey --create >/dev/null 2>&1 || skip "no munge key and mungekey failed"
mkdir -p /run/munge && chown munge:munge /run/munge
if ! pgrep -x munged >/dev/null; then
  runuser -u munge -- munged || skip "munged did not start"
  started_munge=1
fi

host=$(hostname -s)
mkdir -p "$work/state" "$work/spool" "$work/log" "$work/sweep"
cat >"$work/slurm.conf" <<CONF
ClusterName=pneumoplan-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=6917
SlurmdPort=6918
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
ReturnToService=2
NodeName=$host CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld || skip "slurmctld did not start (see its log)"
slurmd || skip "slurmd did not start"
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
end_year = 2022
outputs = new_diagnoses

[parameter.attendance]
key = surveillance.attendance
min = 0.4
max = 1.0
SPEC
"$bin" sweep "$spec" --threads 1 --out "$work/threads.h5" --quiet >/dev/null
"$bin" sweep "$spec" --slurm-array "$work/sweep" --tasks 3 >/dev/null
timeout 300 sbatch --wait "$work/sweep/sweep.sbatch" >/dev/null || {
  cat "$work"/sweep/slurm-*.out 2>/dev/null | tail -20
  echo "the job array failed"; exit 1; }
"$bin" merge "$work"/sweep/shard-*.h5 --out "$work/merged.h5" --quiet >/dev/null
cmp "$work/threads.h5" "$work/merged.h5"
echo "Slurm job array of 3 tasks merged to a file identical to the threaded run"
