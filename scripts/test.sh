#!/usr/bin/env bash
# Set up (first run only), then run every test, in parallel on all cores
# (pytest-xdist). Works from any folder. Extra arguments go to pytest, e.g.
#   ./scripts/test.sh tests/test_numbers.py      ./scripts/test.sh -n 0 -x
set -euo pipefail
source "$(dirname -- "${BASH_SOURCE[0]}")/setup.sh"   # also: cd to the repository root
parallel=(-n auto)
for arg in "$@"; do
  case "$arg" in -n|-n*|--numprocesses*|no:xdist) parallel=() ;; esac
done
exec .venv/bin/python -m pytest "${parallel[@]}" "$@"
