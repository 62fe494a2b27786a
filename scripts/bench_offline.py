"""What the service worker asks of a reader's phone at scale: a synthetic plan
(scripts/synthetic_plan.py, test data only) built with offline reading ON
(the default) and KONTUM_PDF=0, then sw.js measured.

    .venv/bin/python scripts/bench_offline.py            # 3,321 units (the communes after 2025)
    .venv/bin/python scripts/bench_offline.py 10 332

Prints per size: build wall s and peak MB (the mkdocs process), precache MB and
files, on-request MB and files, units saved on the first visit, sw.js bytes raw
and gzip (level 9), and the three biggest saved files.
"""

import gzip
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_scale import project, run  # noqa: E402


def precache_of(sw: str) -> dict:
    start = sw.index("var PRECACHE = ") + len("var PRECACHE = ")
    return json.JSONDecoder().raw_decode(sw[start:])[0]


def measure(units: int, tmp: Path) -> str:
    proj = project(tmp, units)
    out = tmp / f"site{units}"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", KONTUM_PDF="0")
    env.pop("KONTUM_OFFLINE", None)
    built = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(proj / "mkdocs.yml"),
                 "-d", str(out)], proj, env)
    raw = (out / "sw.js").read_bytes()
    data = precache_of(raw.decode("utf-8"))
    later = data["onRequest"]
    if isinstance(later, list):  # before the budget: [[url, size], …] (PDFs only)
        later = {"files": len(later), "bytes": sum(size for _, size in later), "units": ["–", "–"]}
    sizes = sorted(((out / path(url)).stat().st_size, url) for url, _ in data["files"])[-3:]
    biggest = ", ".join(f"{url} {size / 1e6:.2f}" for size, url in reversed(sizes))
    return (f"| {units} | {built['wall']:.1f} | {built['rss_mb']:.0f} | {data['bytes'] / 1e6:.2f} | {len(data['files'])} "
            f"| {later['bytes'] / 1e6:.2f} | {later['files']} | {later['units'][0]}/{later['units'][1]} "
            f"| {len(raw)} | {len(gzip.compress(raw, 9))} | {biggest} |")


def path(url: str) -> str:
    return "index.html" if url == "./" else url + "index.html" if url.endswith("/") else url


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [3321]
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start", flush=True)
    print("| units | build wall s | peak MB | precache MB | precache files | on request MB | on request files "
          "| units saved | sw.js bytes | sw.js gzip | biggest saved (MB) |\n|" + "---:|" * 10 + "---|", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(measure(n, Path(tmp)), flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
