#!/usr/bin/env bash
# Set up (first run only), then run every test, in parallel on all cores
# (pytest-xdist). Works from any folder. Extra arguments go to pytest, e.g.
#   ./scripts/test.sh tests/test_numbers.py      ./scripts/test.sh -n 0 -x
# Each test file runs whole on one worker (its module fixtures are made once), in the
# order tests/conftest.py gives: the longest files first (LONGEST_FIRST).
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"   # also: cd to the repository root
# Python processes of the run (the workers, and the ~50 builds and checks the tests start)
# keep the bytecode they compile (__pycache__/, git-ignored): a shell that sets
# PYTHONDONTWRITEBYTECODE made each of them compile macros/ and the tests again (issue 22).
unset PYTHONDONTWRITEBYTECODE
parallel=(-n auto --dist loadfile --no-loadscope-reorder)
for arg in "$@"; do
  case "$arg" in -n|-n*|--numprocesses*|no:xdist) parallel=() ;; esac
done
exec .venv/bin/python -m pytest "${parallel[@]}" "$@"
