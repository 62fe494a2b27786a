"""CPU time of every unit sheet PDF of a plan, made from nothing (issue 24), and per sheet.

    .venv/bin/python scripts/bench_pdf_units.py PROJECT [--qr] [--runs 3] [--code DIR ...]

PROJECT: a project folder (this one, or a synthetic plan made by scripts/bench_scale.py's
project(), e.g. 1,000 units). Each run is a fresh child process that writes the plan's PDFs
with writer.write_all (no cache, as many processes as cores, as the build does); CPU is
user + sys of that child and of the worker processes it waits for (getrusage), so load
from other programs changes the wall time more than the CPU time. `--qr`: every PDF
carries the QR code of its page's address (the deployed build knows the site's address;
bench_scale's builds do not). `--code`: the source trees to compare (e.g. two commits'
`git archive` unpacked in /tmp; default: this one), run interleaved; medians printed.
"""

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from macros.loader import load_website
from macros.pdf import writer
site = load_website(Path(sys.argv[2])).plans[0]
urls = None
if sys.argv[4] == "qr":
    urls = {j.rel: "https://vi-du.invalid/ke-hoach/" + j.rel.removeprefix("pdf/").removesuffix(".pdf") + "/"
            for j in writer.jobs_for(site)}
report = writer.write_all(site, Path(sys.argv[3]), page_urls=urls)
pages = sum(w.pages for w in report.written if "/don-vi/" in w.path)
print(report.made, pages, sum(w.size for w in report.written))
"""


def one(code: Path, project: Path, out: Path, qr: bool) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD, str(code), str(project), str(out), "qr" if qr else "-"],
                          capture_output=True, text=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(done.stderr[-3000:])
    made, pages, size = map(int, done.stdout.split()[-3:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"cpu": cpu, "wall": wall, "made": made, "pages": pages, "mb": size / 1e6, "load": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("project", type=Path)
    ap.add_argument("--qr", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--code", type=Path, action="append", default=[])
    ap.add_argument("--out", type=Path, default=Path("/tmp/bench-pdf-units"))
    args = ap.parse_args()
    trees = args.code or [ROOT]
    results = {tree: [] for tree in trees}
    for run in range(args.runs):
        for i, tree in enumerate(trees):
            out = args.out / f"{i}-{run}"
            r = one(tree, args.project, out, args.qr)
            subprocess.run(["rm", "-rf", str(out)], check=True)
            results[tree].append(r)
            print(f"run {run + 1} {tree}: {r['cpu']:.1f} s CPU, {r['wall']:.1f} s wall, {r['made']} PDFs "
                  f"({r['pages']} unit pages, {r['mb']:.1f} MB), load {r['load']:.1f}", flush=True)
    for tree, rs in results.items():
        cpu = statistics.median(r["cpu"] for r in rs)
        print(f"{tree}: median {cpu:.1f} s CPU ({cpu / rs[0]['made'] * 1000:.0f} ms a PDF), "
              f"wall {statistics.median(r['wall'] for r in rs):.1f} s, runs {[round(r['cpu'], 1) for r in rs]}, "
              f"load {[round(r['load'], 1) for r in rs]}")


if __name__ == "__main__":
    main()
