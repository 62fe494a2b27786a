"""Print the time of a strict build of the real site (target: 5 s or less on 2 cores).

    .venv/bin/python scripts/bench_build.py [runs]
"""

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sitebuild import ROOT, mkdocs_build  # noqa: E402


def main(runs: int = 3) -> None:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            result = mkdocs_build(ROOT, Path(out))
            times.append(time.perf_counter() - start)
            if result.returncode:
                sys.exit(result.stderr)
            pages = len(list(Path(out).rglob("*.html")))
            size = sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file())
    print(f"strict build: median {statistics.median(times):.2f} s, min {min(times):.2f} s "
          f"over {runs} runs; {pages} HTML pages, {size / 1e6:.1f} MB output (target ≤ 5 s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
