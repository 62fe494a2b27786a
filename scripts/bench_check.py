#!/usr/bin/env python3
"""How long the data check takes on the real data/ (target: under 1 s).

    .venv/bin/python scripts/bench_check.py [runs]

Prints the time of `python -m macros.check` as editors and CI run it (a fresh
process: interpreter start, imports, reading and checking), and the time of the
check alone inside a warm process.
"""

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cold = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "macros.check"], cwd=ROOT, capture_output=True, text=True)
        cold.append(time.perf_counter() - start)
        if result.returncode != 0:
            print(result.stdout + result.stderr)
            return 1
    from macros.loader import load_site

    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        load_site(ROOT)
        warm.append(time.perf_counter() - start)
    print(f"python -m macros.check (tiến trình mới), {runs} lần: "
          f"trung vị {statistics.median(cold):.3f} s, chậm nhất {max(cold):.3f} s (mục tiêu < 1 s)")
    print(f"load_site (đã nạp sẵn), {runs} lần: trung vị {statistics.median(warm) * 1000:.1f} ms")
    return 0 if max(cold) < 1 else 1


if __name__ == "__main__":
    sys.exit(main())
