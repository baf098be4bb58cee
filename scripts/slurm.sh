#!/bin/bash
# A single-node Slurm cluster for tests and benchmarks, from Debian's packages
# (slurmctld, slurmd, munge), without systemd and without cgroups.
#   scripts/slurm.sh start   install what is missing, write the configuration,
#                            start the daemons not already running, wait until
#                            the node is idle; exit 77 when it cannot start
#   scripts/slurm.sh stop    stop only the daemons this script started
#   scripts/slurm.sh status  sinfo
# What it started is recorded (pid + name) in $VGRUN_SLURM_RUN (default
# /run/vgrun-slurm), so stop never touches a daemon someone else runs.
set -u
RUN=${VGRUN_SLURM_RUN:-/run/vgrun-slurm}
CONF=/etc/slurm/slurm.conf

say() { echo "slurm.sh: $*" >&2; }
skip() { say "$*"; exit 77; }

# alive PID NAME: that pid is a live process of that name
alive() { [ -n "$1" ] && [ -r "/proc/$1/comm" ] && [ "$(cat "/proc/$1/comm" 2>/dev/null)" = "$2" ]; }
pid_of_file() { [ -r "$1" ] && tr -dc 0-9 < "$1"; }

install_packages() {
  local need=()
  command -v slurmctld > /dev/null || need+=(slurmctld)
  command -v slurmd > /dev/null || need+=(slurmd)
  command -v sbatch > /dev/null || need+=(slurm-client)
  command -v munged > /dev/null || need+=(munge)
  [ ${#need[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || skip "needs root to install ${need[*]}"
  command -v apt-get > /dev/null || skip "no apt-get to install ${need[*]}"
  say "installing ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 \
    --no-install-recommends "${need[@]}" > "$RUN/apt.log" 2>&1 ||
    { apt-get update -q > /dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 \
        --no-install-recommends "${need[@]}" > "$RUN/apt.log" 2>&1; } ||
    skip "apt-get install ${need[*]} failed (see $RUN/apt.log)"
}

write_conf() {
  local host cpus sockets cores threads mem
  host=$(hostname -s)
  local c
  c=$(slurmd -C 2> /dev/null | head -1)
  cpus=$(sed -n 's/.*CPUs=\([0-9]*\).*/\1/p' <<< "$c")
  sockets=$(sed -n 's/.*Boards=1 SocketsPerBoard=\([0-9]*\).*/\1/p' <<< "$c")
  cores=$(sed -n 's/.*CoresPerSocket=\([0-9]*\).*/\1/p' <<< "$c")
  threads=$(sed -n 's/.*ThreadsPerCore=\([0-9]*\).*/\1/p' <<< "$c")
  mem=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<< "$c")
  [ -n "$cpus" ] || cpus=$(nproc)
  [ -n "$sockets" ] || sockets=1
  [ -n "$cores" ] || cores=$cpus
  [ -n "$threads" ] || threads=1
  [ -n "$mem" ] || mem=1024
  mem=$((mem * 85 / 100))
  mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm
  cat > "$RUN/slurm.conf" << EOF
# written by vgrun's scripts/slurm.sh: one node, no cgroups, quick scheduling
ClusterName=vgrun
SlurmctldHost=$host(127.0.0.1)
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus Sockets=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
MaxArraySize=100001
MaxJobCount=200000
MinJobAge=300
ReturnToService=2
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmUser=root
EOF
  # a configuration someone else wrote is kept aside, and put back by stop
  if [ -f "$CONF" ] && ! cmp -s "$CONF" "$RUN/slurm.conf"; then
    if ! grep -q "written by vgrun's scripts/slurm.sh" "$CONF"; then
      [ -f "$RUN/slurm.conf.orig" ] || cp -p "$CONF" "$RUN/slurm.conf.orig"
    fi
  fi
  cp "$RUN/slurm.conf" "$CONF"
  echo "$host" > "$RUN/node"
}

start_daemon() {   # name pidfile command...
  local name=$1 pidfile=$2
  shift 2
  local pid
  pid=$(pid_of_file "$pidfile")
  if alive "$pid" "$name"; then return 0; fi
  "$@" || return 1
  local k
  for k in $(seq 1 50); do
    pid=$(pid_of_file "$pidfile")
    alive "$pid" "$name" && { echo "$pid $name" >> "$RUN/started"; return 0; }
    sleep 0.1
  done
  return 1
}

start() {
  [ "$(id -u)" = 0 ] || skip "needs root (slurmctld and slurmd run as root here)"
  mkdir -p "$RUN" || skip "cannot make $RUN"
  install_packages
  write_conf
  # munged: its own pid file, as the munge user
  mkdir -p /run/munge && chown munge:munge /run/munge 2> /dev/null
  [ -f /etc/munge/munge.key ] || skip "no /etc/munge/munge.key (munge package incomplete)"
  start_daemon munged /run/munge/munged.pid runuser -u munge -- munged --force ||
    skip "munged does not start"
  start_daemon slurmctld /run/slurm/slurmctld.pid slurmctld -c ||
    skip "slurmctld does not start (see /var/log/slurm/slurmctld.log)"
  local node
  node=$(cat "$RUN/node")
  start_daemon slurmd /run/slurm/slurmd.pid slurmd -N "$node" ||
    skip "slurmd does not start (see /var/log/slurm/slurmd.log)"
  local k st
  for k in $(seq 1 150); do
    st=$(sinfo -h -n "$node" -o %T 2> /dev/null | head -1)
    case "$st" in
      idle | mixed | allocated) say "node $node $st"; return 0 ;;
      down* | drain* | fail*) scontrol update nodename="$node" state=resume > /dev/null 2>&1 ;;
    esac
    sleep 0.2
  done
  skip "node $node never became idle (state '$st')"
}

stop() {
  [ -f "$RUN/started" ] || { say "nothing started by this script"; return 0; }
  local pid name
  # in reverse: slurmd, slurmctld, munged
  tac "$RUN/started" | while read -r pid name; do
    if alive "$pid" "$name"; then
      kill "$pid" 2> /dev/null
      for k in $(seq 1 50); do alive "$pid" "$name" || break; sleep 0.1; done
      alive "$pid" "$name" && kill -9 "$pid" 2> /dev/null
    fi
  done
  rm -f "$RUN/started"
  if [ -f "$RUN/slurm.conf.orig" ]; then mv "$RUN/slurm.conf.orig" "$CONF"; fi
  return 0
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) sinfo ;;
  *) echo "usage: scripts/slurm.sh start|stop|status" >&2; exit 2 ;;
esac
