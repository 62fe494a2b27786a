#!/usr/bin/env bash
# Set up (first run only), then run every test, in parallel on all cores
# (pytest-xdist). Works from any folder. Extra arguments go to pytest, e.g.
#   ./scripts/test.sh tests/test_numbers.py      ./scripts/test.sh -n 0 -x      ./scripts/test.sh -n 3
# Each test file runs whole on one worker (its module fixtures are made once), in the
# order tests/conftest.py gives: the longest files first (LONGEST_FIRST).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"   # also: cd to the repository root
# Python processes of the run (the workers, and the ~50 builds and checks the tests start)
# keep the bytecode they compile (__pycache__/, git-ignored): a shell that sets
# PYTHONDONTWRITEBYTECODE made each of them compile macros/ and the tests again (issue 22).
unset PYTHONDONTWRITEBYTECODE
# -n 0 (or -p no:xdist): one process. -n 3: three workers, each file still whole on one.
# -n auto (one worker a core) measured fastest on 2 cores (session 10, fresh clone, load 9-14):
# -n 2 13 min 44 s and 284 CPU-s, -n 3 15 min 47 s and 313 CPU-s (each worker collects every test again).
parallel=(-n auto --dist loadfile --no-loadscope-reorder)
args=("$@")
for i in "${!args[@]}"; do
  case "${args[$i]}" in
    no:xdist) parallel=(); break ;;
    -n|--numprocesses) workers=${args[$((i + 1))]:-} ;;
    -n*) workers=${args[$i]#-n} ;;
    --numprocesses=*) workers=${args[$i]#--numprocesses=} ;;
  esac
done
if [ -n "${workers+set}" ] && [ ${#parallel[@]} -gt 0 ]; then
  if [ "$workers" = 0 ]; then parallel=(); else parallel=(--dist loadfile --no-loadscope-reorder); fi
fi
exec .venv/bin/python -m pytest "${parallel[@]}" "$@"
