#!/usr/bin/env bash
# The CPU-seconds of a command and of every process it starts, Chromium and LibreOffice
# included (plain `time` misses processes nobody waits for, e.g. Chromium's), counted in a
# cgroup of its own (cgroup v1 cpuacct, writable: root on this kind of machine). Session 13
# measured the test suite and builds with it (README: "session 13"):
#   scripts/cgcpu.sh env CI=true bash .ci/run -q -p no:cacheprovider
#   scripts/cgcpu.sh .venv/bin/python scripts/build.py --ra /tmp/site
# Prints on stderr: CGCPU cpu=… user=… sys=… wall=… load=…; exits with the command's status.
set -u
base=/sys/fs/cgroup/cpuacct
if [ ! -w "$base" ]; then
  echo "cgcpu: $base is not writable here (needs cgroup v1 cpuacct and root)" >&2
  exit 2
fi
g=$base/cgcpu-$$-$RANDOM
mkdir "$g"
t0=$(date +%s.%N)
( echo $BASHPID > "$g/cgroup.procs"; exec "$@" )
rc=$?
t1=$(date +%s.%N)
sleep 0.5  # processes still ending
ns=$(cat "$g/cpuacct.usage")
read -r u s < <(awk '/user/{u=$2} /system/{s=$2} END{print u, s}' "$g/cpuacct.stat")
hz=$(getconf CLK_TCK)
load=$(cut -d' ' -f1 /proc/loadavg)
awk -v ns="$ns" -v u="$u" -v s="$s" -v hz="$hz" -v t0="$t0" -v t1="$t1" -v load="$load" \
  'BEGIN { printf "CGCPU cpu=%.1fs user=%.1f sys=%.1f wall=%.1fs load=%s\n", ns/1e9, u/hz, s/hz, t1-t0, load }' >&2
for p in $(cat "$g/cgroup.procs"); do echo "$p" > "$base/cgroup.procs" 2>/dev/null; done  # leftovers out
rmdir "$g" 2>/dev/null
exit $rc
